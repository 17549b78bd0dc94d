import type { SjtItem, SjtType } from './schema.js';
import { fractionOf, wholePercent } from '../proportion.js';
import { seededRandom } from '../seeded-random.js';
import { scoreSjtAnswer, type RankOptionScore, type SjtScore } from './score.js';

/** One item as the learner answered it. */
export type SjtResult = {
	readonly item: SjtItem;
	/** The letters entered: the order for rank, the choices for best-3 (empty when nothing was). */
	readonly answer: readonly string[];
	readonly score: SjtScore;
	/** Time ran out and what had been entered was scored. */
	readonly timedOut: boolean;
	readonly seconds: number;
};

export type TopicResult = { readonly topic: string; readonly items: number; readonly points: number; readonly max: number; readonly percent: number };

export type SjtSummary = {
	readonly items: number;
	readonly points: number;
	readonly max: number;
	readonly percent: number;
	readonly byTopic: readonly TopicResult[];
	/** Items scored under three quarters of their marks: the ones to look at again. */
	readonly revisit: readonly string[];
};

export const REVISIT_BELOW = 0.75;

/** What the item asks, for its heading: "rank 4, most to least appropriate" or "choose the best 3 of 8". */
export function typeName(item: Pick<SjtItem, 'type' | 'options'>): string {
	return item.type === 'rank' ? `rank ${item.options.length}, most to least appropriate` : 'choose the best 3 of 8';
}

/** The summary of a session that ended before any item was answered. */
export const NONE_ANSWERED = 'SJT session: no items answered.';

/** "SJT session: 14 of 16 (88%) over 1 item": a session's total, for its summary. */
export function sessionTotalLine(summary: Pick<SjtSummary, 'points' | 'max' | 'percent' | 'items'>): string {
	return `SJT session: ${summary.points} of ${summary.max} (${summary.percent}%) over ${summary.items} item${summary.items === 1 ? '' : 's'}`;
}

/** Letters as an answer of this type reads: "A > C > B" in order for rank, "B, E, G" for best 3. */
export function answerLetters(type: SjtType, letters: readonly string[]): string {
	return letters.join(type === 'rank' ? ' > ' : ', ');
}

/** "Ideal order: A > C > B" or "Best three: B, E, G". */
export function idealLine(item: Pick<SjtItem, 'type' | 'answer'>): string {
	return item.type === 'rank' ? `Ideal order: ${answerLetters('rank', item.answer)}` : `Best three: ${answerLetters('best3', item.answer)}`;
}

/** A ranked option's marks: "yours 2, ideal 1: 3/4" ("–" where it was not placed). */
export function rankMarks(entry: RankOptionScore): string {
	return `yours ${entry.given ?? '–'}, ideal ${entry.ideal}: ${entry.points}/4`;
}

/** Whether a best-3 option is one of the ideal three, in words. */
export function bestThreeMark(correct: boolean): string {
	return correct ? '✓ one of the best three' : '✗ not in the best three';
}

/** The heading over a group's choices on a best-3 item. */
export const BEST3_SPREAD_HEADING = 'How many chose each option (✓ one of the best three)';

export function resultFor(item: SjtItem, answer: readonly string[], { timedOut = false, seconds = 0 } = {}): SjtResult {
	return { item, answer, score: scoreSjtAnswer(item, answer), timedOut, seconds };
}

export function summarise(results: readonly SjtResult[]): SjtSummary {
	const points = results.reduce((sum, result) => sum + result.score.points, 0);
	const max = results.reduce((sum, result) => sum + result.score.max, 0);
	const topics = new Map<string, { items: number; points: number; max: number }>();
	for (const result of results) {
		for (const topic of result.item.topics) {
			const entry = topics.get(topic) ?? { items: 0, points: 0, max: 0 };
			topics.set(topic, { items: entry.items + 1, points: entry.points + result.score.points, max: entry.max + result.score.max });
		}
	}
	const byTopic = [...topics]
		.map(([topic, entry]) => ({ topic, ...entry, percent: wholePercent(fractionOf(entry.points, entry.max)) }))
		.sort((a, b) => a.percent - b.percent || a.topic.localeCompare(b.topic));
	const revisit = results.filter(result => result.score.points < result.score.max * REVISIT_BELOW).map(result => result.item.id);
	return { items: results.length, points, max, percent: wholePercent(fractionOf(points, max)), byTopic, revisit };
}

export type ItemFilter = { readonly count?: number; readonly topic?: string; readonly type?: SjtType };

/** Whether an item is of the type and on the topic asked for (a topic matches when it holds the words). */
export function matchesFilter(item: SjtItem, { topic, type }: ItemFilter): boolean {
	const wanted = topic?.toLowerCase().trim();
	return (!type || item.type === type) && (!wanted || item.topics.some(candidate => candidate.toLowerCase().includes(wanted)));
}

/** ' topic "x" of type rank': what a filter asked for, for saying that nothing matched it. */
export function describeFilter({ topic, type }: ItemFilter): string {
	return `${topic ? ` topic "${topic}"` : ''}${type ? ` of type ${type}` : ''}`;
}

/** The items for a session: those matching the filter, shuffled by the seed, as many as asked for. */
export function chooseItems(items: readonly SjtItem[], filter: ItemFilter, seed: number): SjtItem[] {
	const { count } = filter;
	const matching = items.filter(item => matchesFilter(item, filter));
	const next = seededRandom(seed);
	const shuffled = [...matching];
	for (let index = shuffled.length - 1; index > 0; index--) {
		const other = Math.floor(next() * (index + 1));
		[shuffled[index], shuffled[other]] = [shuffled[other]!, shuffled[index]!];
	}
	return count === undefined ? shuffled : shuffled.slice(0, count);
}

/** Time per item at exam pace: the Professional Dilemmas paper gives 95 minutes for 50 items. */
export const SECONDS_PER_ITEM = Math.round((95 * 60) / 50);
