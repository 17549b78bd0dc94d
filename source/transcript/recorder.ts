import type { SessionController } from '../session/controller.js';
import { toTranscript, type TranscriptMeta } from './model.js';
import type { Reflection, Review } from './schema.js';
import { saveTranscript } from './store.js';

/** A running conversation and the recorder keeping its transcript. */
export type RecordedSession = { readonly controller: SessionController; readonly recorder: Recorder };

export type Recorder = {
	readonly file: string;
	/** Saves the learner's reflection (and writes the file at once). */
	setReflection(reflection: Reflection): void;
	/** Writes the file now. */
	save(): void;
	stop(): void;
};

/** Turns not yet written when the process exits are written then; one listener for every session. */
const unsavedOnExit = new Set<() => void>();
process.on('exit', () => {
	for (const flush of unsavedOnExit) flush();
});

/**
 * Keeps a session's transcript on disk: written when the session starts and after every turn (and
 * when it ends), never while a message is still being written, so nothing a learner sent is lost.
 * A turn is written just after the frame that shows it (a write with fsync takes milliseconds the
 * learner would otherwise wait to see the message), and at the latest when the process exits.
 */
export function recordSession(
	controller: SessionController,
	file: string,
	meta: Omit<TranscriptMeta, 'updatedAt' | 'partner'>,
	clock: () => Date = () => new Date(),
): Recorder {
	let reflection: Reflection | null = meta.reflection ?? null;
	const review: Review | null = meta.review ?? null;
	// The partner the session was set up with (model, host, seed, to replay it); if it later falls
	// back to the scripted partner, each turn's source says so.
	const partner = controller.partnerInfo;
	let pending: NodeJS.Immediate | undefined;
	const save = () => {
		clearImmediate(pending);
		pending = undefined;
		saveTranscript(file, toTranscript(controller.current, { ...meta, partner, reflection, review, updatedAt: clock().toISOString() }));
	};
	const flush = () => {
		if (pending) save();
	};
	let saved = controller.current;
	save();
	const unsubscribe = controller.subscribe(state => {
		const turned = state.messages !== saved.messages || state.phase !== saved.phase || state.failure !== saved.failure;
		if (!turned) return;
		saved = state;
		pending ??= setImmediate(save);
	});
	unsavedOnExit.add(flush);
	return {
		file,
		setReflection(value) {
			reflection = value;
			save();
		},
		save,
		stop() {
			unsubscribe();
			flush();
			unsavedOnExit.delete(flush);
		},
	};
}
