import { chmodSync, lstatSync, mkdirSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { asWriteFailure, writeDurably } from './durable-write.js';

/** A record that is not (wholly) on disk where it belongs: why, and where a copy went instead. */
export type SaveProblem = {
	readonly file: string;
	/** The error code: ENOSPC, EROFS, EACCES, EDQUOT, … */
	readonly kind: string;
	/** A few words: "the disk is full". */
	readonly reason: string;
	/** The emergency copy of the whole record, or undefined when no other folder could be written. */
	readonly rescue: string | undefined;
	/** The record's text as it stands, for the screen when there is no copy anywhere else. */
	readonly text: string;
};

/** A private folder of ours for emergency copies, made 0700; one someone else made or can write is not used. */
function privateFolder(folder: string): boolean {
	try {
		mkdirSync(folder, { recursive: true, mode: 0o700 });
		const stats = lstatSync(folder);
		if (!stats.isDirectory()) return false;
		if (typeof process.getuid === 'function' && stats.uid !== process.getuid()) return false;
		if ((stats.mode & 0o077) !== 0) chmodSync(folder, 0o700);
		return true;
	} catch {
		return false;
	}
}

/** Where emergency copies go: the OS temp folder, then the home folder; never the folder that just failed. */
export function rescueFolders(failedIn: string): string[] {
	const uid = typeof process.getuid === 'function' ? `-${process.getuid()}` : '';
	const candidates = [join(tmpdir(), `postsafe-rescue${uid}`), join(homedir(), '.postsafe-rescue')];
	return candidates.filter(folder => resolve(folder) !== resolve(failedIn));
}

/** Writes `text` to another writable folder; the copy's path, or undefined when none would take it. */
export function rescueCopy(file: string, text: string): string | undefined {
	for (const folder of rescueFolders(dirname(file))) {
		if (!privateFolder(folder)) continue;
		const copy = join(folder, basename(file));
		try {
			writeDurably(copy, text);
			return copy;
		} catch {
			// This folder is no better: the next one, or the screen.
		}
	}
	return undefined;
}

/**
 * Writes a record durably; on failure, writes an emergency copy elsewhere and says so. Never throws:
 * the session it records goes on in memory whatever the disk does. Undefined when the file holds `text`.
 */
export function saveRecord(file: string, text: string, write: (text: string) => void = value => writeDurably(file, value)): SaveProblem | undefined {
	try {
		write(text);
		return undefined;
	} catch (error) {
		const failure = asWriteFailure(file, error);
		return { file, kind: failure.kind, reason: failure.reason, rescue: rescueCopy(file, text), text };
	}
}

export type ProblemWords = {
	/** What the copy holds: "your replies", "your answers". */
	readonly what?: string;
	/** Said when the session is over (the record is printed next when no copy could be made). */
	readonly atEnd?: boolean;
	/** Which parts the file on disk lacks: "replies 14–30 are not in it". */
	readonly lacking?: string;
};

/** The one line a learner reads when a record could not be saved: what happened, what is missing, where the copy is. */
export function problemLine(problem: SaveProblem, { what = 'your replies', atEnd = false, lacking }: ProblemWords = {}): string {
	const nowhere = atEnd
		? 'no other folder could be written either, so here it is'
		: 'no other folder could be written either: it is kept and printed when the session ends';
	const where = problem.rescue === undefined ? nowhere : `a copy of ${what} is in ${problem.rescue}`;
	return `Not saved: ${problem.file} can't be written (${problem.reason})${lacking ? `; ${lacking}` : ''}; ${where}`;
}

/** The closing line about a record: where it is saved, or (when it could not be) the problem line. */
export function savedLine(file: string, problem: SaveProblem | undefined, words: ProblemWords = {}): string {
	return problem ? problemLine(problem, { ...words, atEnd: true }) : `Saved: ${file}`;
}
