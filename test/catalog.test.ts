import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCatalog } from '../source/transcript/catalog.js';
import { ROOT } from './helpers/library.js';

describe('the transcripts folder, as the review browser lists it', () => {
	it('lists each broken or foreign file with the reason, never throwing, and leaves every file as it was', () => {
		const directory = mkdtempSync(join(tmpdir(), 'postsafe-catalog-'));
		const example = readFileSync(join(ROOT, 'examples', 'example.json'), 'utf8');
		const files: Record<string, string> = {
			'good.json': example,
			'cut-after-comma.json': example.slice(0, example.indexOf(',', 200) + 1),
			'cut-in-a-string.json': example.slice(0, 300),
			'empty.json': '',
			'package.json': '{"name": "something-else", "version": "1.0.0"}',
			'list.json': '[1, 2, 3]',
			'newer.json': example.replace('"version": 1', '"version": 3'),
			'garbage.json': 'this is not json',
			'notes.json': 'notes\nmore\n',
			'notes.txt': 'not listed at all',
		};
		for (const [name, text] of Object.entries(files)) writeFileSync(join(directory, name), text);
		const entries = readCatalog(directory);
		const byName = Object.fromEntries(entries.map(entry => [entry.file.split('/').at(-1), entry]));
		expect(Object.keys(byName).sort()).toEqual([
			'cut-after-comma.json',
			'cut-in-a-string.json',
			'empty.json',
			'garbage.json',
			'good.json',
			'list.json',
			'newer.json',
			'notes.json',
			'package.json',
		]);
		expect(byName['good.json']).toMatchObject({ kind: 'transcript', learner: 'Asha Patel', scenarioId: 'patient-dm-rash', reviewed: false });
		const reason = (name: string) => (byName[name] as { reason?: string }).reason;
		expect(reason('cut-after-comma.json')).toBe('truncated JSON (the file ends part-way)');
		expect(reason('cut-in-a-string.json')).toBe('truncated JSON (the file ends part-way)');
		expect(reason('empty.json')).toBe('empty file');
		expect(reason('package.json')).toBe('not a postsafe transcript (no version or turns)');
		expect(reason('list.json')).toBe('not a postsafe transcript (not a JSON object)');
		expect(reason('newer.json')).toBe('transcript version 3; this postsafe reads versions 1 and 2');
		expect(reason('garbage.json')).toMatch(/^not valid JSON \(/);
		// One line, however the file's own text runs.
		expect(reason('notes.json')).toMatch(/^not valid JSON \([^\n]*\)$/);
		// Unreadable files sort after the readable ones, and nothing was written.
		expect(entries[0]!.kind).toBe('transcript');
		for (const [name, text] of Object.entries(files)) expect(readFileSync(join(directory, name), 'utf8')).toBe(text);
	});
});
