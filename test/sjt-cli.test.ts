import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runSjtPlain } from '../source/commands/sjt-plain.js';
import { loadSjtBank, sjtDirectory } from '../source/library/sjt-files.js';
import { SjtRecord } from '../source/sjt/record.js';
import { runCli } from './helpers/cli.js';
import { bundledLibrary, SCENARIO_DIR } from './helpers/library.js';

/** A scenario folder holding the criteria and just these items (the two textbook ones unless told), so a session's items are known. */
function itemLibrary(ids: readonly string[] = ['sjt-instagram-rash', 'sjt-ward-selfie']): string {
	const directory = mkdtempSync(join(tmpdir(), 'postsafe-sjt-lib-'));
	copyFileSync(join(SCENARIO_DIR, 'criteria.yaml'), join(directory, 'criteria.yaml'));
	mkdirSync(join(directory, 'sjt'));
	for (const id of ids) copyFileSync(join(SCENARIO_DIR, 'sjt', `${id}.yaml`), join(directory, 'sjt', `${id}.yaml`));
	return directory;
}

describe('postsafe sjt score', () => {
	it('gives the Instagram rash item in its ideal order 20 of 20, option by option', () => {
		const result = runCli(['sjt', 'score', '--item', 'sjt-instagram-rash', '--answer', 'A,D,B,C,E', '--json']);
		expect(result.code).toBe(0);
		const score = JSON.parse(result.stdout);
		expect(score).toMatchObject({ item: 'sjt-instagram-rash', type: 'rank', points: 20, max: 20 });
		expect(score.perOption).toHaveLength(5);
		expect(score.perOption[3]).toEqual({ option: 'D', given: 2, ideal: 2, placesOut: 0, points: 4 });
	});
	it('scores four choices on a best-3 item 0, and says they were too many', () => {
		const score = JSON.parse(runCli(['sjt', 'score', '--item', 'sjt-ward-selfie', '--answer', 'C,D,F,A', '--json']).stdout);
		expect(score).toMatchObject({ points: 0, max: 12, overSelected: true });
		const text = runCli(['sjt', 'score', '--item', 'sjt-ward-selfie', '--answer', 'C,D,F,A']).stdout;
		expect(text).toContain('More than three chosen: the item scores 0');
	});
	it('refuses an answer it cannot read, and an unknown item, in one line each', () => {
		const bad = runCli(['sjt', 'score', '--item', 'sjt-instagram-rash', '--answer', 'A,D,B']);
		expect(bad.code).toBe(2);
		expect(bad.stderr).toBe('postsafe: --answer: a rank answer orders all 5 options, most appropriate first (e.g. A,B,C,D,E)\n');
		const unknown = runCli(['sjt', 'score', '--item', 'sjt-ward-selfy', '--answer', 'CDF']);
		// A wrong command line, as an unknown scenario id for `play` is.
		expect(unknown.code).toBe(2);
		expect(unknown.stderr).toBe('postsafe: unknown SJT item "sjt-ward-selfy". Did you mean "sjt-ward-selfie"? Run `postsafe sjt list` to see them all.\n');
	});
});

describe('a four-option rank item (sjt-dating-app-patient, ideal A, C, D, B)', () => {
	it('scores the ideal order 16 of 16 and a reversed one 8 of 16, in JSON and in words', () => {
		expect(JSON.parse(runCli(['sjt', 'score', '--item', 'sjt-dating-app-patient', '--answer', 'A,C,D,B', '--json']).stdout)).toMatchObject({
			type: 'rank',
			points: 16,
			max: 16,
		});
		const text = runCli(['sjt', 'score', '--item', 'sjt-dating-app-patient', '--answer', 'B,D,C,A']).stdout;
		expect(text.split('\n')[0]).toBe('sjt-dating-app-patient: 8 of 16');
		expect(text).toContain('Ideal order  A > C > D > B');
	});
	it('refuses a five-letter ranking, saying how many options the item has', () => {
		const result = runCli(['sjt', 'score', '--item', 'sjt-dating-app-patient', '--answer', 'A,C,D,B,E']);
		expect([result.code, result.stderr]).toEqual([2, 'postsafe: --answer: no option E in sjt-dating-app-patient (its options are A to D)\n']);
	});
	it('prints its heading as "rank 4" in plain practice and totals it out of 16', () => {
		const library = itemLibrary(['sjt-dating-app-patient']);
		const result = runCli(['sjt', '--learner', 'Asha', '--transcripts', mkdtempSync(join(tmpdir(), 'postsafe-sjt-'))], {
			env: { POSTSAFE_SCENARIOS: library },
			input: 'C,A,D,B\n',
		});
		expect(result.code).toBe(0);
		expect(result.stdout).toContain('A recent patient matches with you (rank 4, most to least appropriate)');
		expect(result.stdout).toContain('SJT session: 14 of 16 (88%) over 1 item');
	});
});

describe('postsafe sjt list', () => {
	it('holds at least 60 items: 25 or more of each type, rank items with four and with five options', () => {
		const all = JSON.parse(runCli(['sjt', 'list', '--json']).stdout) as { id: string; type: string; options: number }[];
		expect(all.length).toBeGreaterThanOrEqual(60);
		expect(all.filter(item => item.type === 'rank').length).toBeGreaterThanOrEqual(25);
		expect(all.filter(item => item.type === 'best3').length).toBeGreaterThanOrEqual(25);
		expect(new Set(all.filter(item => item.type === 'rank').map(item => item.options))).toEqual(new Set([4, 5]));
		expect(new Set(all.filter(item => item.type === 'best3').map(item => item.options))).toEqual(new Set([8]));
		// An item for each of the role-plays on what doctors now meet online.
		const ids = all.map(item => item.id);
		for (const topic of [
			'ai-chatbot-patient-data',
			'patient-films-consultation',
			'doxxing-after-viral-post',
			'influencer-weight-loss-jab',
			'anonymous-forum-post',
			'strike-post-patients',
			'group-chat-disclosed',
			'dating-app-patient',
			'linkedin-endorsement',
			'crowdfunding-patient',
		]) {
			expect(ids).toContain(`sjt-${topic}`);
		}
	});
	it('lists the bank, filtered by type and topic as a session would be', () => {
		const best3 = JSON.parse(runCli(['sjt', 'list', '--type', 'best3', '--json']).stdout) as { id: string; type: string }[];
		expect(best3.length).toBeGreaterThanOrEqual(12);
		expect(new Set(best3.map(item => item.type))).toEqual(new Set(['best3']));
		expect(best3.map(item => item.id)).toContain('sjt-ward-selfie');
		const onPhotos = JSON.parse(runCli(['sjt', 'list', '--topic', 'photos in clinical', '--json']).stdout) as { id: string; topics: string[] }[];
		expect(onPhotos.map(item => item.id)).toContain('sjt-ward-selfie');
		expect(onPhotos.every(item => item.topics.some(topic => topic.includes('photos in clinical')))).toBe(true);
	});
	it('says when no item matches, as `postsafe list` does, instead of printing a bare header', () => {
		const result = runCli(['sjt', 'list', '--topic', 'astrology']);
		expect([result.code, result.stdout]).toEqual([1, 'No SJT items match topic "astrology". Run `postsafe sjt list` to see them all.\n']);
	});
});

describe('postsafe validate and the SJT bank', () => {
	it('checks the bank with the library', () => {
		const result = runCli(['validate']);
		expect(result.code).toBe(0);
		expect(result.stdout).toMatch(/✓ all valid: \d+ scenarios, \d+ SJT items and criteria\.yaml\./);
	});
	it('points at the broken part of an item, file:line:col', () => {
		const result = runCli(['validate', 'test/fixtures/invalid/sjt/sjt-bad-answer.yaml']);
		expect(result.code).toBe(1);
		expect(result.stdout.split('\n').slice(0, 2)).toEqual([
			'test/fixtures/invalid/sjt/sjt-bad-answer.yaml:14:16: answer[2]: option B appears twice in the answer',
			'test/fixtures/invalid/sjt/sjt-bad-answer.yaml:14:22: answer[4]: no option F in this item',
		]);
	});
});

describe('postsafe sjt in plain mode', () => {
	it('prints each item, reads one answer line for each, reveals, and saves the session', () => {
		const library = itemLibrary();
		const transcripts = mkdtempSync(join(tmpdir(), 'postsafe-sjt-'));
		const result = runCli(['sjt', '--learner', 'Asha', '--seed', '7', '--transcripts', transcripts, '--json'], {
			env: { POSTSAFE_SCENARIOS: library },
			// The seed's order is checked below; the answers follow it.
			input: 'C D F\nA,D,B,C,E\n',
		});
		expect(result.code).toBe(0);
		const summary = JSON.parse(result.stdout);
		const order = summary.results.map((entry: { id: string }) => entry.id);
		expect(order).toEqual(['sjt-ward-selfie', 'sjt-instagram-rash']);
		expect(summary).toMatchObject({ points: 32, max: 32, percent: 100, revisit: [] });
		expect(result.stderr).toContain('Item 2 of 2: A rash photo sent to your personal Instagram');
		expect(result.stderr).toContain('Score: 12 of 12');
		const record = SjtRecord.parse(JSON.parse(readFileSync(join(transcripts, readdirSync(transcripts)[0]!), 'utf8')));
		expect(record).toMatchObject({ kind: 'sjt', learner: 'Asha', status: 'complete', seed: 7 });
		expect(record.items.map(item => item.answer)).toEqual([
			['C', 'D', 'F'],
			['A', 'D', 'B', 'C', 'E'],
		]);
	});
	it('keeps an answer it cannot read as not answered, says why, and goes on', () => {
		const library = itemLibrary();
		const result = runCli(['sjt', '--type', 'rank', '--learner', 'Asha', '--transcripts', mkdtempSync(join(tmpdir(), 'postsafe-sjt-'))], {
			env: { POSTSAFE_SCENARIOS: library },
			input: 'A,D,Q\n',
		});
		expect(result.code).toBe(0);
		expect(result.stdout).toContain('✗ no option Q in sjt-instagram-rash (its options are A to E): scored as not answered.');
		expect(result.stdout).toContain('SJT session: 0 of 20 (0%) over 1 item');
	});
	it('at a terminal (--plain), asks again after a typo or an empty line instead of scoring the item 0, and does not echo the answer', async () => {
		const sources = bundledLibrary().criteria.library.sources;
		const bank = await loadSjtBank(sjtDirectory(SCENARIO_DIR), new Set(Object.keys(sources)));
		const rash = bank.items.find(loaded => loaded.item.id === 'sjt-instagram-rash')!.item;
		const input = new PassThrough();
		let shown = '';
		const done = runSjtPlain({
			items: [rash],
			sources,
			learner: 'Asha',
			seed: 1,
			filter: {},
			directory: mkdtempSync(join(tmpdir(), 'postsafe-sjt-')),
			json: false,
			input,
			isTTY: true,
			stdout: text => void (shown += text),
		});
		input.end('adbc\n\nA,D,B,C,E\n');
		expect(await done).toBe(0);
		expect(shown).toContain('✗ a rank answer orders all 5 options, most appropriate first (e.g. A,B,C,D,E). Try again: ');
		expect(shown).toContain('Score: 20 of 20');
		expect(shown).not.toContain('A,D,B,C,E\n');
		expect(shown).toContain('SJT session: 20 of 20 (100%) over 1 item');
	});
	it('with no answer given at all, says no items were answered instead of "nothing to revisit: every item scored…"', () => {
		const result = runCli(['sjt', '--count', '2', '--learner', 'Asha', '--transcripts', mkdtempSync(join(tmpdir(), 'postsafe-sjt-'))], { input: '' });
		expect(result.code).toBe(0);
		expect(result.stdout).toContain('SJT session: no items answered.');
		expect(result.stdout).not.toContain('Nothing to revisit');
		expect(result.stdout).not.toContain('By topic');
	});
});
