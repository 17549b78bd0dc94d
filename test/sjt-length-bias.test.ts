import { describe, expect, it } from 'vitest';
import { loadSjtBank, sjtDirectory } from '../source/library/sjt-files.js';
import type { SjtItem } from '../source/sjt/schema.js';
import { scoreSjtAnswer } from '../source/sjt/score.js';
import { bundledLibrary, SCENARIO_DIR } from './helpers/library.js';

// A candidate who never reads should not pass: options are single actions of similar length, and the
// key does not sit with the longest (or the shortest) of them.

const sources = new Set(Object.keys(bundledLibrary().criteria.library.sources));
const bank = await loadSjtBank(sjtDirectory(SCENARIO_DIR), sources);
const items = bank.items.map(loaded => loaded.item);
const ranks = items.filter(item => item.type === 'rank');
const best3s = items.filter(item => item.type === 'best3');

/** The options' letters, longest text first (ties in letter order). */
function byLength(item: SjtItem, direction: 1 | -1 = 1): string[] {
	return [...item.options].sort((a, b) => direction * (b.text.length - a.text.length)).map(option => option.id);
}

/** The share of the bank's marks that answering by length alone earns, as the exam scores it. */
function strategyShare(direction: 1 | -1): number {
	let points = 0;
	let max = 0;
	for (const item of items) {
		const order = byLength(item, direction);
		const score = scoreSjtAnswer(item, item.type === 'rank' ? order : order.slice(0, 3));
		points += score.points;
		max += score.max;
	}
	return points / max;
}

describe('the SJT bank cannot be passed by option length', () => {
	it('has items of both types to check', () => {
		expect(bank.errors).toEqual([]);
		expect(ranks.length).toBeGreaterThan(0);
		expect(best3s.length).toBeGreaterThan(0);
	});
	it('gives at most 60% to a candidate who picks the longest options (chance is about 52%)', () => {
		expect(strategyShare(1)).toBeLessThanOrEqual(0.6);
	});
	it('gives at most 60% to a candidate who picks the shortest options', () => {
		expect(strategyShare(-1)).toBeLessThanOrEqual(0.6);
	});
	it('keys the longest option as the best in at most a third of rank items', () => {
		const longestIsBest = ranks.filter(item => byLength(item)[0] === item.answer[0]).map(item => item.id);
		expect(longestIsBest.length, `longest option keyed best in: ${longestIsBest.join(', ')}`).toBeLessThanOrEqual(ranks.length / 3);
	});
	it('puts at most half of the best-3 keyed options among the three longest (chance is 3 in 8)', () => {
		const keyedAmongLongest = best3s.reduce(
			(sum, item) =>
				sum +
				byLength(item)
					.slice(0, 3)
					.filter(letter => item.answer.includes(letter)).length,
			0,
		);
		expect(keyedAmongLongest).toBeLessThanOrEqual((best3s.length * 3) / 2);
	});
});
