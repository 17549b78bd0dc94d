import { mkdtempSync, writeFileSync, mkdirSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSjtAnswer } from '../source/sjt/answer.js';
import { currentAnswer, hasEntered, reduceAnswer, startAnswer } from '../source/sjt/answer-state.js';
import { loadSjtBank, sjtDirectory } from '../source/library/sjt-files.js';
import { scoreBest3, scoreRank, scoreSjtAnswer } from '../source/sjt/score.js';
import { bundledLibrary, SCENARIO_DIR } from './helpers/library.js';

const sources = new Set(Object.keys(bundledLibrary().criteria.library.sources));
const bank = await loadSjtBank(sjtDirectory(SCENARIO_DIR), sources);
const item = (id: string) => {
	const found = bank.items.find(loaded => loaded.item.id === id);
	if (!found) throw new Error(`no SJT item ${id}`);
	return found.item;
};

describe('rank scoring (4 a option, less a mark for each place out)', () => {
	const ideal = ['A', 'D', 'B', 'C', 'E'];
	it('gives 20 for the ideal order', () => {
		expect(scoreRank('x', ideal, ideal).points).toBe(20);
	});
	it('gives 8 for the order reversed, as the exam does', () => {
		const score = scoreRank('x', ideal, [...ideal].reverse());
		expect(score.points).toBe(8);
		// Ideal 1st given 5th: 4 places out, 0 marks; the middle one stays put, 4 marks.
		expect(score.perOption.find(option => option.option === 'A')).toMatchObject({ given: 5, ideal: 1, placesOut: 4, points: 0 });
		expect(score.perOption.find(option => option.option === 'B')).toMatchObject({ given: 3, ideal: 3, placesOut: 0, points: 4 });
	});
	it('takes one mark from each of two options swapped next to each other', () => {
		expect(scoreRank('x', ideal, ['D', 'A', 'B', 'C', 'E']).points).toBe(18);
	});
	it("scores the README's worked example: A,B,D,C,E 18 and E,C,B,D,A 8", () => {
		expect(scoreRank('x', ideal, ['A', 'B', 'D', 'C', 'E']).points).toBe(18);
		expect(scoreRank('x', ideal, ['E', 'C', 'B', 'D', 'A']).perOption.map(option => option.points)).toEqual([0, 4, 2, 2, 0]);
	});
	it('takes two marks from each of two options swapped two places apart', () => {
		expect(scoreRank('x', ideal, ['B', 'D', 'A', 'C', 'E']).points).toBe(16);
	});
	it('lists every option A to E with its places out', () => {
		expect(scoreRank('x', ideal, ['E', 'A', 'D', 'B', 'C']).perOption.map(option => [option.option, option.placesOut, option.points])).toEqual([
			['A', 1, 3],
			['B', 1, 3],
			['C', 1, 3],
			['D', 1, 3],
			['E', 4, 0],
		]);
	});
});

describe('rank scoring with four options (the same 4 a option, out of 16)', () => {
	const ideal = ['C', 'A', 'D', 'B'];
	it.each([
		['the ideal order', ['C', 'A', 'D', 'B'], 16],
		['two neighbours swapped', ['A', 'C', 'D', 'B'], 14],
		['the first and last swapped', ['B', 'A', 'D', 'C'], 10],
		['the order reversed', ['B', 'D', 'A', 'C'], 8],
	])('%s scores %i of 16', (_, given, points) => {
		expect(scoreRank('x', ideal, given)).toMatchObject({ points, max: 16 });
	});
	it('gives an option three places out 1 mark, the most a four-option item can be out', () => {
		expect(scoreRank('x', ideal, ['B', 'D', 'A', 'C']).perOption.map(option => [option.option, option.placesOut, option.points])).toEqual([
			['A', 1, 3],
			['B', 3, 1],
			['C', 3, 1],
			['D', 1, 3],
		]);
	});
});

describe('best-3 scoring (4 for each correct option; more than three scores 0)', () => {
	const options = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'];
	const correct = ['C', 'D', 'F'];
	it.each([
		[['A', 'B', 'E'], 0],
		[['C', 'B', 'E'], 4],
		[['C', 'D', 'E'], 8],
		[['F', 'C', 'D'], 12],
		[['C'], 4],
	])('chosen %j scores %i', (chosen, points) => {
		expect(scoreBest3('x', options, correct, chosen).points).toBe(points);
	});
	it('scores 0 for four choices, even with all three correct among them, and says why', () => {
		const score = scoreBest3('x', options, correct, ['C', 'D', 'F', 'A']);
		expect(score).toMatchObject({ points: 0, max: 12, overSelected: true });
	});
});

describe('the two worked examples from the SJT textbook', () => {
	it('Instagram rash, ranked A, D, B, C, E: 20 of 20', () => {
		const score = scoreSjtAnswer(item('sjt-instagram-rash'), ['A', 'D', 'B', 'C', 'E']);
		expect([score.points, score.max]).toEqual([20, 20]);
	});
	it('ward selfie, C, D and F: 12 of 12', () => {
		const score = scoreSjtAnswer(item('sjt-ward-selfie'), ['C', 'D', 'F']);
		expect([score.points, score.max]).toEqual([12, 12]);
	});
});

describe('answers as typed', () => {
	it('reads letters with or without commas and spaces, any case', () => {
		expect(parseSjtAnswer(item('sjt-instagram-rash'), 'a, d b,c e')).toEqual({ letters: ['A', 'D', 'B', 'C', 'E'] });
		expect(parseSjtAnswer(item('sjt-ward-selfie'), 'CDF')).toEqual({ letters: ['C', 'D', 'F'] });
	});
	it('refuses unknown letters, repeats and an incomplete ranking, saying what is wrong', () => {
		expect(parseSjtAnswer(item('sjt-instagram-rash'), 'A,D,B,C,H')).toEqual({ error: 'no option H in sjt-instagram-rash (its options are A to E)' });
		expect(parseSjtAnswer(item('sjt-ward-selfie'), 'C,C,F')).toEqual({ error: 'option C given more than once' });
		expect(parseSjtAnswer(item('sjt-instagram-rash'), 'A,D,B')).toMatchObject({ error: expect.stringContaining('orders all 5 options') });
	});
});

describe('the item bank', () => {
	it('loads with no errors', () => {
		expect(bank.errors).toEqual([]);
	});
	it('holds at least 60 items, about half of each type', () => {
		const ranks = bank.items.filter(loaded => loaded.item.type === 'rank').length;
		const best3s = bank.items.length - ranks;
		expect(bank.items.length).toBeGreaterThanOrEqual(60);
		expect(Math.min(ranks, best3s)).toBeGreaterThanOrEqual(Math.floor(bank.items.length * 0.4));
	});
	it('refuses a rank item whose ideal order leaves an option out', async () => {
		const directory = join(mkdtempSync(join(tmpdir(), 'postsafe-sjt-')), 'sjt');
		mkdirSync(directory);
		writeFileSync(
			join(directory, 'short.yaml'),
			[
				'id: sjt-short',
				'type: rank',
				'title: Short',
				'stem: A stem.',
				'topics: [x]',
				'difficulty: easy',
				'options:',
				...'ABCDE'.split('').map(letter => `  - {id: ${letter}, text: t, rationale: r}`),
				'answer: [A, B, C, D]',
				'anchors:',
				'  - {source: gmp-2024, point: p}',
				'',
			].join('\n'),
		);
		const loaded = await loadSjtBank(directory, sources);
		expect(loaded.items).toEqual([]);
		expect(loaded.errors).toEqual([
			expect.objectContaining({ line: 13, message: 'answer: the ideal order names 4 options; this item has 5, and each goes in once' }),
		]);
	});
	it('reports a broken item at file:line:col and loads the rest', async () => {
		const directory = join(mkdtempSync(join(tmpdir(), 'postsafe-sjt-')), 'sjt');
		mkdirSync(directory);
		copyFileSync(join(sjtDirectory(SCENARIO_DIR), 'sjt-ward-selfie.yaml'), join(directory, 'sjt-ward-selfie.yaml'));
		writeFileSync(
			join(directory, 'broken.yaml'),
			[
				'id: sjt-broken',
				'type: best3',
				'title: Broken',
				'stem: A stem.',
				'topics: [x]',
				'difficulty: easy',
				'options:',
				...'ABCDEFGH'.split('').map(letter => `  - {id: ${letter}, text: t, rationale: r}`),
				'answer: [A, B, Z]',
				'anchors:',
				'  - {source: gmp-2024, point: p}',
				'',
			].join('\n'),
		);
		const loaded = await loadSjtBank(directory, sources);
		expect(loaded.items.map(item => item.item.id)).toEqual(['sjt-ward-selfie']);
		expect(loaded.errors).toEqual([expect.objectContaining({ line: 16, column: 16, message: 'answer[2]: options are lettered A to H' })]);
	});
});

describe('whether anything has been entered', () => {
	it('counts a ranking once an option has moved (even back again), and a best 3 once one is chosen', () => {
		const letters = ['A', 'B', 'C', 'D', 'E'];
		let state = startAnswer(letters);
		expect([hasEntered('rank', state), hasEntered('best3', state)]).toEqual([false, false]);
		state = reduceAnswer('rank', state, 'space');
		state = reduceAnswer('rank', state, 'down');
		state = reduceAnswer('rank', state, 'up');
		expect(currentAnswer('rank', state)).toEqual(letters);
		expect(hasEntered('rank', state)).toBe(true);
		expect(hasEntered('best3', reduceAnswer('best3', startAnswer(letters), 'space'))).toBe(true);
	});
});
