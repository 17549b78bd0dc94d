import { TRANSCRIPT_LIMIT, readRegularFile } from '../read-regular.js';
import type { SessionController } from '../session/controller.js';
import { writeDurably } from './durable-write.js';
import { withFileLock } from './file-lock.js';
import { toTranscript, type TranscriptMeta } from './model.js';
import { problemLine, saveRecord, type SaveProblem } from './rescue.js';
import type { PendingReply, Reflection, Transcript } from './schema.js';

/** A running conversation and the recorder keeping its transcript. */
export type RecordedSession = { readonly controller: SessionController; readonly recorder: Recorder };

/** A save that failed, with which of the learner's replies the file on disk lacks. */
export type RecorderProblem = SaveProblem & {
	/** Learner replies in the session now (sent and typed ahead). */
	readonly replies: number;
	/** Of those, how many the file on disk holds (from its last good write), sent or pending. */
	readonly savedReplies: number;
	/** Replies sent (scored) in the session now, and how many of them the file holds as sent. */
	readonly sent: number;
	readonly savedSent: number;
};

export type Recorder = {
	readonly file: string;
	/** Saves the learner's reflection (and writes the file at once). */
	setReflection(reflection: Reflection): void;
	/** Replies read but not yet sent (typed ahead while the partner answers): kept in the file as pending. */
	setPending(replies: readonly PendingReply[]): void;
	/** Writes the file now; false when it could not be (see `problem`). */
	save(): boolean;
	/** Why the file on disk does not hold the session as it stands; undefined while it does. */
	readonly problem: RecorderProblem | undefined;
	/** Called when a save fails where the one before did not, or succeeds after one that failed. */
	onProblem(listener: (problem: RecorderProblem | undefined) => void): () => void;
	stop(): void;
};

/**
 * The fields the recorder owns and writes. Every other field of the file (the supervisor's `review`,
 * and whatever a reviewer adds later) belongs to someone else: each write reads it from the file as it
 * is now and keeps it, so a session never erases a sign-off made while it ran.
 */
export const RECORDER_FIELDS = [
	'version',
	'id',
	'scenario',
	'mode',
	'learner',
	'learners',
	'partner',
	'startedAt',
	'updatedAt',
	'endedAt',
	'status',
	'endReason',
	'turnLimit',
	'turns',
	'score',
	'scores',
	'reflection',
	'pending',
] as const satisfies readonly (keyof Transcript)[];
const OWNED: ReadonlySet<string> = new Set(RECORDER_FIELDS);

/** The fields of `file` as it is on disk that the recorder does not own; none when it is not there or not JSON. */
function othersFields(file: string): Record<string, unknown> {
	const read = readRegularFile(file, TRANSCRIPT_LIMIT);
	if ('reason' in read) return {};
	try {
		const json: unknown = JSON.parse(read.text);
		if (typeof json !== 'object' || json === null || Array.isArray(json)) return {};
		return Object.fromEntries(Object.entries(json).filter(([key]) => !OWNED.has(key)));
	} catch {
		return {};
	}
}

/** The recorder's fields over the file's own copy of everyone else's, written under the file's lock. */
export function writeOwnFields(file: string, own: Record<string, unknown>): void {
	withFileLock(file, () => writeDurably(file, `${JSON.stringify({ ...own, ...othersFields(file) }, null, 2)}\n`));
}

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
 * A write that fails leaves the last good file as it was: the session goes on in memory, a copy goes
 * to another folder, and `problem` says so until a later write succeeds.
 */
export function recordSession(
	controller: SessionController,
	file: string,
	meta: Omit<TranscriptMeta, 'updatedAt' | 'partner'>,
	clock: () => Date = () => new Date(),
): Recorder {
	let reflection: Reflection | null = meta.reflection ?? null;
	let pendingReplies: readonly PendingReply[] = [];
	// The partner the session was set up with (model, host, seed, to replay it); if it later falls
	// back to the scripted partner, each turn's source says so.
	const partner = controller.partnerInfo;
	let pending: NodeJS.Immediate | undefined;
	let problem: RecorderProblem | undefined;
	let savedReplies = 0;
	let savedSent = 0;
	const listeners = new Set<(problem: RecorderProblem | undefined) => void>();
	const save = (): boolean => {
		clearImmediate(pending);
		pending = undefined;
		const transcript = toTranscript(controller.current, { ...meta, partner, reflection, review: meta.review ?? null, updatedAt: clock().toISOString() });
		const own: Record<string, unknown> = { ...transcript, ...(pendingReplies.length > 0 ? { pending: pendingReplies } : {}) };
		const sent = transcript.turns.filter(turn => turn.role === 'learner').length;
		const replies = sent + pendingReplies.length;
		const failed = saveRecord(file, `${JSON.stringify(own, null, 2)}\n`, () => writeOwnFields(file, own));
		const before = problem;
		if (failed) problem = { ...failed, replies, savedReplies, sent, savedSent };
		else {
			problem = undefined;
			savedReplies = replies;
			savedSent = sent;
		}
		if ((before === undefined) !== (problem === undefined) || (before && problem && before.kind !== problem.kind)) {
			for (const listener of listeners) listener(problem);
		}
		return failed === undefined;
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
		setPending(replies) {
			pendingReplies = [...replies];
			pending ??= setImmediate(save);
		},
		save,
		get problem() {
			return problem;
		},
		onProblem(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		stop() {
			unsubscribe();
			flush();
			unsavedOnExit.delete(flush);
		},
	};
}

/** Which of the learner's replies the file on disk lacks, in words. */
function lackingReplies({ savedReplies, replies, sent, savedSent }: RecorderProblem): string {
	const span = (from: number, to: number) => (from === to ? `reply ${to}` : `replies ${from}–${to}`);
	if (savedReplies < replies)
		return savedReplies === 0
			? 'none of your replies are in it'
			: `${span(savedReplies + 1, replies)} ${replies - savedReplies === 1 ? 'is' : 'are'} not in it`;
	// Every reply's words are there; typed ahead and kept as pending, some lack what followed.
	if (savedSent < sent) return `it has the words of every reply, but not the answers to or scores of ${span(savedSent + 1, sent)}, nor how the session ended`;
	return 'it has every reply, but not the latest change (how the session ended, or your reflection)';
}

/** The one line for a transcript that could not be saved: what happened, which replies it lacks, where the copy is. */
export function recorderProblemLine(problem: RecorderProblem, atEnd = false): string {
	return problemLine(problem, { atEnd, lacking: lackingReplies(problem) });
}

/** The closing line of a session: the transcript saved, or what is not and where the copy went. */
export function transcriptSavedLine(recorder: Recorder): string {
	return recorder.problem ? recorderProblemLine(recorder.problem, true) : `Transcript saved: ${recorder.file}`;
}
