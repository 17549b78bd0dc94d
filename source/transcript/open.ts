import { Transcript } from './schema.js';
import { catalogEntry, readJsonFile } from './catalog.js';
import { SJT_RECORD_REASON } from './version.js';

export type OpenedTranscript = {
	readonly file: string;
	readonly transcript: Transcript;
	/** The file's JSON as it was parsed, key order and all: what a review is written back into. */
	readonly raw: Record<string, unknown>;
};

/** Reads and fully validates one transcript; the reason in a few words when it isn't one. */
export function openTranscript(file: string): OpenedTranscript | { readonly file: string; readonly reason: string } {
	const read = readJsonFile(file);
	if ('reason' in read) return { file, reason: read.reason };
	// Another program's JSON, a newer version or an SJT record: said as the browser lists it.
	const entry = catalogEntry(file, read.json);
	if (entry.kind !== 'transcript') return { file, reason: entry.kind === 'sjt' ? SJT_RECORD_REASON : entry.reason };
	const parsed = Transcript.safeParse(read.json);
	if (!parsed.success) {
		const issue = parsed.error.issues[0]!;
		return { file, reason: `not a valid postsafe transcript (${issue.path.join('.') || 'top level'}: ${issue.message})` };
	}
	return { file, transcript: parsed.data, raw: read.json as Record<string, unknown> };
}
