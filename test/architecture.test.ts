import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const text = readFileSync(join(ROOT, 'ARCHITECTURE.md'), 'utf8');

describe('ARCHITECTURE.md', () => {
	it('names only files that exist, and every function it names is exported by the file it names beside it', () => {
		const paths = [...text.matchAll(/`((?:source|docs|test|scripts)\/[\w./-]+\.\w+|\.dependency-cruiser\.cjs)`/g)].map(match => match[1]!);
		expect(paths.length).toBeGreaterThan(20);
		expect(paths.filter(path => !existsSync(join(ROOT, path)))).toEqual([]);
		// "`name` (`source/x.ts` …" and "`name` in `source/x.ts`": the function is in that file.
		const named = [...text.matchAll(/`(\w+)` (?:\(|in |from )`(source\/[\w./-]+\.tsx?)`/g)].map(match => [match[1]!, match[2]!] as const);
		expect(named.length).toBeGreaterThan(4);
		const missing = named.filter(
			([name, file]) => !new RegExp(`export (?:async )?(?:function|const|class) ${name}\\b`).test(readFileSync(join(ROOT, file), 'utf8')),
		);
		expect(missing).toEqual([]);
	});

	it('gives every top folder of source/ a layer', () => {
		const folders = readdirSync(join(ROOT, 'source'), { withFileTypes: true })
			.filter(entry => entry.isDirectory())
			.map(entry => entry.name);
		const table = text.slice(text.indexOf('| layer |'), text.indexOf('Also checked'));
		expect(folders.filter(folder => !table.includes(`\`${folder}/\``))).toEqual([]);
	});
});
