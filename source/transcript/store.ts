import { randomBytes } from 'node:crypto';
import { accessSync, chmodSync, constants, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { removeStaleTemps, writeDurably } from './durable-write.js';

export { transcriptDirectory } from './location.js';

/**
 * Creates the folder if need be, readable by its owner alone: it holds learners' own words. A folder
 * that already exists is left as its owner set it (`--transcripts .` must not lock the current folder).
 */
export function prepareTranscriptDirectory(directory: string): void {
	// mkdir's mode is narrowed by the umask; a folder made here is set to 0700 whatever the umask.
	if (mkdirSync(directory, { recursive: true, mode: 0o700 }) !== undefined) chmodSync(directory, 0o700);
	// Temp files a killed postsafe left behind hold a learner's words: not left lying about.
	removeStaleTemps(directory);
}

/** Whether other users can add, replace or remove files in `directory` (group or world write). */
export function writableByOthers(directory: string): boolean {
	const stats = statSync(directory, { throwIfNoEntry: false });
	return stats !== undefined && stats.isDirectory() && (stats.mode & 0o022) !== 0;
}

/**
 * A transcripts folder that others can write to (they could swap a transcript, or plant a link where
 * one will be written) is made writable by its owner alone: the notice that says so, or undefined when
 * nothing needed fixing. A folder we don't own can't be fixed: transcriptFolderProblem refuses it.
 */
export function secureTranscriptDirectory(directory: string): string | undefined {
	if (!writableByOthers(directory)) return undefined;
	const { mode } = statSync(directory);
	chmodSync(directory, mode & 0o7755);
	return `The transcripts folder ${directory} was writable by other users; postsafe made it writable by you alone (chmod go-w)`;
}

const FILE_IN_THE_WAY = 'a file is in the way, not a folder';

function reasonOf(error: unknown): string {
	const code = (error as NodeJS.ErrnoException).code;
	if (code === 'ENOTDIR' || code === 'EEXIST') return FILE_IN_THE_WAY;
	if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
	if (code === 'EROFS') return 'the disk is read-only';
	return (error as Error).message;
}

/** The folder, or the nearest folder above it that exists: where a new transcripts folder would be made. */
function nearestExisting(directory: string): string {
	let current = directory;
	for (;;) {
		try {
			statSync(current);
			return current;
		} catch (error) {
			const parent = dirname(current);
			if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || parent === current) return current;
			current = parent;
		}
	}
}

/**
 * Why transcripts can't be saved in `directory`, or undefined when they can. Creates nothing: an
 * existing folder gets a file written and removed; a missing one needs a writable folder above it.
 */
export function transcriptFolderProblem(directory: string): string | undefined {
	try {
		const existing = nearestExisting(directory);
		const stats = statSync(existing);
		if (!stats.isDirectory()) return FILE_IN_THE_WAY;
		const mine = typeof process.getuid !== 'function' || stats.uid === process.getuid();
		if (existing === directory && writableByOthers(directory) && !mine) return "other users can write to it, and it isn't yours to fix";
		if (existing !== directory) {
			accessSync(existing, constants.W_OK | constants.X_OK);
			return undefined;
		}
		const probe = join(directory, `.postsafe-probe-${process.pid}`);
		writeFileSync(probe, '');
		rmSync(probe);
		return undefined;
	} catch (error) {
		return reasonOf(error);
	}
}

function slug(text: string): string {
	return (
		text
			.toLowerCase()
			.normalize('NFKD')
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-|-$/g, '')
			.slice(0, 24) || 'learner'
	);
}

/** A file name that sorts by time and says what it holds: 20261122-0931-patient-dm-rash-asha-3f9a. */
export function newTranscriptId(scenarioId: string, learner: string, at: Date): string {
	const stamp = at.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
	return `${stamp}-${scenarioId}-${slug(learner)}-${randomBytes(2).toString('hex')}`;
}

export function transcriptPath(directory: string, id: string): string {
	return join(directory, `${id}.json`);
}

/**
 * Any record of a learner's work (a transcript, an SJT session), written durably (every byte, fsynced,
 * renamed over the old one), mode 0600: a crash or a full disk leaves the previous version whole.
 */
export function savePrivateJson(file: string, value: unknown): void {
	writeDurably(file, `${JSON.stringify(value, null, 2)}\n`);
}

/** An export of a learner's work (Markdown, HTML): as private and as durable as the transcript it came from. */
export function savePrivateText(file: string, text: string): void {
	writeDurably(file, text);
}
