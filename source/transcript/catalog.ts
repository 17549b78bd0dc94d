import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { isNumber, isObject, isText } from '../json-guards.js';
import { readRegularFile, TRANSCRIPT_LIMIT } from '../read-regular.js';
import { READABLE_VERSIONS } from './version.js';

/** One row of the transcripts folder, read cheaply: what the review browser lists. */
export type CatalogEntry =
	| {
			readonly kind: 'transcript';
			readonly file: string;
			readonly id: string;
			readonly startedAt: string;
			readonly learner: string;
			readonly scenarioId: string;
			readonly scenarioTitle: string;
			readonly mode: string;
			/** Null until the conversation has a score (or in group mode, where each learner has one). */
			readonly score: { readonly points: number; readonly max: number } | null;
			readonly status: string;
			readonly reviewed: boolean;
	  }
	| {
			readonly kind: 'sjt';
			readonly file: string;
			readonly id: string;
			readonly startedAt: string;
			readonly learner: string;
			readonly items: number;
			readonly score: { readonly points: number; readonly max: number };
			readonly status: string;
	  }
	| { readonly kind: 'unreadable'; readonly file: string; readonly reason: string };

/**
 * What a parsed file is, from the fields a listing needs; anything else (another program's JSON, a
 * newer version) is unreadable with the reason. Full validation waits until a file is opened.
 */
export function catalogEntry(file: string, json: unknown): CatalogEntry {
	if (!isObject(json)) return { kind: 'unreadable', file, reason: 'not a postsafe transcript (not a JSON object)' };
	if (json.kind === 'sjt') {
		const summary = json.summary;
		if (
			!isText(json.id) ||
			!isText(json.learner) ||
			!isText(json.startedAt) ||
			!isObject(summary) ||
			!isNumber(summary.points) ||
			!isNumber(summary.max) ||
			!isNumber(summary.items)
		) {
			return { kind: 'unreadable', file, reason: 'an SJT record with missing fields' };
		}
		return {
			kind: 'sjt',
			file,
			id: json.id,
			startedAt: json.startedAt,
			learner: json.learner,
			items: summary.items,
			score: { points: summary.points, max: summary.max },
			status: isText(json.status) ? json.status : 'unknown',
		};
	}
	if (!('version' in json) || !('turns' in json)) return { kind: 'unreadable', file, reason: 'not a postsafe transcript (no version or turns)' };
	if (!READABLE_VERSIONS.includes(json.version as number))
		return { kind: 'unreadable', file, reason: `transcript version ${String(json.version)}; this postsafe reads versions ${READABLE_VERSIONS.join(' and ')}` };
	const scenario = json.scenario;
	if (
		!isText(json.id) ||
		!isText(json.learner) ||
		!isText(json.startedAt) ||
		!isText(json.status) ||
		!isObject(scenario) ||
		!isText(scenario.id) ||
		!Array.isArray(json.turns)
	) {
		return { kind: 'unreadable', file, reason: 'a transcript with missing fields' };
	}
	const score = isObject(json.score) && isNumber(json.score.score) && isNumber(json.score.max) ? { points: json.score.score, max: json.score.max } : null;
	return {
		kind: 'transcript',
		file,
		id: json.id,
		startedAt: json.startedAt,
		learner: json.learner,
		scenarioId: scenario.id,
		scenarioTitle: isText(scenario.title) ? scenario.title : scenario.id,
		mode: isText(json.mode) ? json.mode : 'roleplay',
		score,
		status: json.status,
		reviewed: isObject(json.review),
	};
}

/** Why a file's text is not JSON, in a few words a supervisor can act on. */
function unreadableReason(text: string, error: unknown): string {
	if (text.trim() === '') return 'empty file';
	const message = (error as Error).message;
	// A parser that fails at the very end of the text ran out of file: it was cut short.
	const at = Number(/at position (\d+)/.exec(message)?.[1] ?? Number.NaN);
	const cutShort = /Unexpected end|Unterminated/.test(message) || at >= text.trimEnd().length;
	// The parser quotes the text it choked on, line breaks and all: the reason stays on one line.
	return cutShort ? 'truncated JSON (the file ends part-way)' : `not valid JSON (${message.replace(/^.*?: /, '').replace(/\s+/g, ' ')})`;
}

/**
 * Reads one file as text and JSON; never throws. Only a regular file of at most TRANSCRIPT_LIMIT bytes
 * is read: a named pipe, a device or a link to /dev/zero is refused before it is opened.
 */
export function readJsonFile(file: string): { readonly json: unknown; readonly text: string } | { readonly reason: string } {
	const read = readRegularFile(file, TRANSCRIPT_LIMIT, 'transcript file');
	if ('reason' in read) return read;
	const { text } = read;
	try {
		return { json: JSON.parse(text), text };
	} catch (error) {
		return { reason: unreadableReason(text, error) };
	}
}

/** Every .json file in the folder, newest first; broken ones listed as unreadable, never thrown on. */
export function readCatalog(directory: string): CatalogEntry[] {
	let names: string[];
	try {
		names = readdirSync(directory).filter(name => name.endsWith('.json'));
	} catch {
		return [];
	}
	const entries = names.map(name => {
		const file = join(directory, name);
		const read = readJsonFile(file);
		return 'reason' in read ? ({ kind: 'unreadable', file, reason: read.reason } as const) : catalogEntry(file, read.json);
	});
	return entries.sort(
		(a, b) => (b.kind === 'unreadable' ? '' : b.startedAt).localeCompare(a.kind === 'unreadable' ? '' : a.startedAt) || a.file.localeCompare(b.file),
	);
}
