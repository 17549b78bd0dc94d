import { cpSync, mkdtempSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { render } from 'ink-testing-library';
import React from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { reviewServices } from '../source/commands/review.js';
import { startRecordedSession } from '../source/transcript/start-session.js';
import { ScriptedPartner } from '../source/partner/scripted.js';
import { readCatalog } from '../source/transcript/catalog.js';
import { evidenceRuns, type EvidenceItem } from '../source/transcript/evidence-runs.js';
import { openTranscript } from '../source/transcript/open.js';
import { KeyRouter } from '../source/ui/input/key-router.js';
import { ReviewApp } from '../source/ui/review/review-app.js';
import { runCli } from './helpers/cli.js';
import { screenText, waitFor } from './helpers/ink.js';
import { bundledLibrary, SCENARIO_DIR } from './helpers/library.js';

const mounted: { unmount: () => void }[] = [];
afterEach(() => {
	for (const instance of mounted.splice(0)) instance.unmount();
});

/** A real transcript (one reply), written by a session, in `directory`. */
async function played(directory: string, reply = "I can't advise on Instagram; please use the online form or call 111."): Promise<string> {
	const library = bundledLibrary();
	const loaded = library.scenarios.find(item => item.scenario.id === 'patient-dm-rash')!;
	const { controller, recorder } = startRecordedSession({
		loaded,
		criteria: library.criteria.library,
		learners: ['Asha'],
		partner: new ScriptedPartner(),
		transcripts: directory,
		turns: 1,
	});
	await controller.reply('Asha', reply);
	recorder.stop();
	return recorder.file;
}

describe('a transcripts folder with hostile files in it', () => {
	it('report and the review list refuse a named pipe, a link to /dev/zero and a file over the limit, without hanging, and read the rest', async () => {
		const directory = mkdtempSync(join(tmpdir(), 'postsafe-hostile-files-'));
		await played(directory);
		execFileSync('mkfifo', [join(directory, 'x.json')]);
		symlinkSync('/dev/zero', join(directory, 'zero.json'));
		writeFileSync(join(directory, 'huge.json'), '');
		truncateSync(join(directory, 'huge.json'), 30 * 1024 * 1024);
		const started = Date.now();
		const catalog = readCatalog(directory);
		expect(Date.now() - started).toBeLessThan(2000);
		const reasons = Object.fromEntries(catalog.filter(entry => entry.kind === 'unreadable').map(entry => [entry.file.split('/').pop(), entry.reason]));
		expect(reasons).toEqual({
			'x.json': 'a named pipe, not a transcript file',
			'zero.json': 'a device, not a transcript file',
			'huge.json': 'too large to read (30 MB; the limit is 16 MB)',
		});
		expect(catalog.filter(entry => entry.kind === 'transcript')).toHaveLength(1);
		const report = runCli(['report', '--transcripts', directory]);
		expect(report.code).toBe(0);
		expect(report.stdout).toContain('x.json: a named pipe, not a transcript file');
		expect(report.stdout).toContain('zero.json: a device, not a transcript file');
		expect(openTranscript(join(directory, 'x.json'))).toEqual({ file: join(directory, 'x.json'), reason: 'a named pipe, not a transcript file' });
	});

	it('review stays quick with a reply of 5 MB and one with 50,000 evidence spans, drawing only what fits', async () => {
		const directory = mkdtempSync(join(tmpdir(), 'postsafe-hostile-files-'));
		const file = await played(directory, `Please call 111. ${'la '.repeat(1_700_000)}`);
		// 50,000 spans on the reply, as a tampered file might carry.
		const opened = openTranscript(file);
		if ('reason' in opened) throw new Error(opened.reason);
		const raw = opened.raw as { turns: { role: string; text: string; score?: { evidence: EvidenceItem[] } }[] };
		const reply = raw.turns.find(turn => turn.role === 'learner')!;
		reply.score!.evidence.push({
			kind: 'criterion',
			id: 'signposting',
			quote: 'la',
			spans: Array.from({ length: 50_000 }, (_, index) => [17 + index * 3, 19 + index * 3] as [number, number]),
		});
		writeFileSync(file, JSON.stringify(raw));
		const started = Date.now();
		const runs = evidenceRuns(reply.text, reply.score!.evidence);
		expect(Date.now() - started).toBeLessThan(2000);
		expect(runs.map(run => run.text).join('')).toBe(reply.text);
		const ui = render(
			<KeyRouter>
				<ReviewApp services={await reviewServices(directory)} file={file} reviewer="Dr Okafor" />
			</KeyRouter>,
		);
		mounted.push(ui);
		await waitFor(ui, text => text.includes('turn 1 of 2'), 10_000);
		const pressed = Date.now();
		ui.stdin.write('\u001B[B');
		await waitFor(ui, text => text.includes('turn 2 of 2') && text.includes('more characters, not shown here'), 10_000);
		expect(Date.now() - pressed).toBeLessThan(3000);
		expect(screenText(ui)).toContain('… and 5,096,017 more characters, not shown here (`postsafe export` has them all)');
	});
});

describe('a scenario library with hostile YAML in it', () => {
	const BILLION_LAUGHS = [
		'a: &a [x, x, x, x, x, x, x, x, x]',
		...'bcdefgh'.split('').map((name, index) => `${name}: &${name} [${Array(9).fill(`*${'abcdefgh'[index]}`).join(', ')}]`),
		'i: [*h, *h, *h, *h, *h, *h, *h, *h, *h]',
	].join('\n');
	const KEY_BOMB = [
		'k: &k {a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8}',
		...Array.from(
			{ length: 6 },
			(_, level) => `l${level}: &l${level} {${Array.from({ length: 8 }, (_, key) => `k${key}: *${level === 0 ? 'k' : `l${level - 1}`}`).join(', ')}}`,
		),
	].join('\n');

	it('names each bad file at line:col, and list, validate and the rest of the library still work', () => {
		const directory = mkdtempSync(join(tmpdir(), 'postsafe-hostile-yaml-'));
		cpSync(SCENARIO_DIR, directory, { recursive: true });
		writeFileSync(join(directory, 'laughs.yaml'), `${BILLION_LAUGHS}\n`);
		writeFileSync(join(directory, 'keys.yaml'), `${KEY_BOMB}\n`);
		writeFileSync(join(directory, 'typo.yaml'), 'id: typo\ntitle: *nope\n');
		execFileSync('mkfifo', [join(directory, 'pipe.yaml')]);
		const validate = runCli(['validate', '--scenarios', directory]);
		expect(validate.code).toBe(1);
		expect(
			validate.stdout
				.split('\n')
				.filter(line => line.startsWith(directory))
				.sort(),
		).toEqual([
			`${join(directory, 'keys.yaml')}:2:14: aliases expand too far (over 100): a file built to exhaust memory, or a mistake`,
			`${join(directory, 'laughs.yaml')}:2:8: aliases expand too far (over 100): a file built to exhaust memory, or a mistake`,
			`${join(directory, 'pipe.yaml')}:1:1: a named pipe, not a YAML file`,
			`${join(directory, 'typo.yaml')}:2:8: alias *nope names no anchor set above it (&nope)`,
		]);
		const list = runCli(['list', '--scenarios', directory]);
		expect(list.code).toBe(0);
		expect(list.stdout).toContain('patient-dm-rash');
		expect(list.stderr).toContain(`${join(directory, 'typo.yaml')}:2:8:`);
		expect(list.stderr).not.toContain('unexpected error');
	});
});
