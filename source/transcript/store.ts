import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type { Transcript } from './schema.js';

export { transcriptDirectory } from './location.js';

/** Creates the folder if need be, readable by its owner alone: it holds learners' own words. */
export function prepareTranscriptDirectory(directory: string): void {
	mkdirSync(directory, { recursive: true, mode: 0o700 });
	chmodSync(directory, 0o700);
}

function slug(text: string): string {
	return text.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 24) || 'learner';
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
 * Writes a transcript atomically (a temporary file, fsynced, then renamed over the old one), mode
 * 0600: a crash mid-write leaves the previous version whole, never half a file.
 */
export function saveTranscript(file: string, transcript: Transcript): void {
	savePrivateJson(file, transcript);
}

/** Any record of a learner's work (a transcript, an SJT session), written the same careful way. */
export function savePrivateJson(file: string, value: unknown): void {
	writeFileAtomic.sync(file, `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600, fsync: true });
}

/** An export of a learner's work (Markdown, HTML): as private and as atomic as the transcript it came from. */
export function savePrivateText(file: string, text: string): void {
	writeFileAtomic.sync(file, text, { mode: 0o600, fsync: true });
}
