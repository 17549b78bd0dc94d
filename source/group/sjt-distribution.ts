import { fractionOf, wholePercent } from '../proportion.js';
import type { SjtItem } from '../sjt/schema.js';
import { scoreSjtAnswer, type SjtScore } from '../sjt/score.js';

/** For one option: how the group answered it, beside where it should be. */
export type OptionSpread =
	| { readonly type: 'rank'; readonly option: string; readonly ideal: number; /** Learners who put it at places 1…5. */ readonly atPlace: readonly number[] }
	| { readonly type: 'best3'; readonly option: string; readonly correct: boolean; readonly chosenBy: number };

export type GroupSjt = {
	readonly spread: readonly OptionSpread[];
	readonly learners: readonly { readonly learner: string; readonly answer: readonly string[]; readonly score: SjtScore }[];
};

/** The group's answers to one item: the spread per option against the ideal, and each learner's marks. */
export function groupSjt(item: SjtItem, answers: readonly { readonly learner: string; readonly answer: readonly string[] }[]): GroupSjt {
	const spread: OptionSpread[] = item.options.map(option =>
		item.type === 'rank'
			? {
					type: 'rank',
					option: option.id,
					ideal: item.answer.indexOf(option.id) + 1,
					atPlace: item.options.map((_, place) => answers.filter(entry => entry.answer[place] === option.id).length),
				}
			: {
					type: 'best3',
					option: option.id,
					correct: item.answer.includes(option.id),
					chosenBy: answers.filter(entry => entry.answer.includes(option.id)).length,
				},
	);
	return { spread, learners: answers.map(entry => ({ ...entry, score: scoreSjtAnswer(item, entry.answer) })) };
}

export type GroupSjtTotal = { readonly learner: string; readonly points: number; readonly max: number; readonly percent: number };

/** Each learner's marks added up over the items the group has answered, in learner order. */
export function groupSjtTotals(learners: readonly string[], rounds: readonly GroupSjt[]): GroupSjtTotal[] {
	return learners.map(learner => {
		const scores = rounds.flatMap(round => round.learners.filter(entry => entry.learner === learner).map(entry => entry.score));
		const points = scores.reduce((sum, score) => sum + score.points, 0);
		const max = scores.reduce((sum, score) => sum + score.max, 0);
		return { learner, points, max, percent: wholePercent(fractionOf(points, max)) };
	});
}
