import type { SjtItem } from './schema.js';

/** Marks per option: each of a rank item's four or five options, and each of a best-3 item's three correct ones, carries four. */
export const MARKS_PER_OPTION = 4;

export type RankOptionScore = {
	readonly option: string;
	readonly given: number | null;
	readonly ideal: number;
	readonly placesOut: number | null;
	readonly points: number;
};
export type Best3OptionScore = { readonly option: string; readonly chosen: boolean; readonly correct: boolean; readonly points: number };

export type SjtScore = RankScore | Best3Score;
export type RankScore = {
	readonly item: string;
	readonly type: 'rank';
	readonly points: number;
	readonly max: number;
	readonly perOption: readonly RankOptionScore[];
};
export type Best3Score = {
	readonly item: string;
	readonly type: 'best3';
	readonly points: number;
	readonly max: number;
	readonly perOption: readonly Best3OptionScore[];
	/** More than three chosen: the item scores 0, as in the exam. */
	readonly overSelected: boolean;
};

/**
 * A rank answer scored as the MSRA does: each option earns 4 less the number of places it is from its
 * ideal place (never below 0), so near misses still earn marks. An option left unranked earns nothing.
 * The same rule holds for a four-option item, out of 16: one place out still costs one mark of four.
 */
export function scoreRank(item: string, ideal: readonly string[], given: readonly string[]): RankScore {
	const perOption = ideal.map((option, idealIndex) => {
		const givenIndex = given.indexOf(option);
		const placesOut = givenIndex < 0 ? null : Math.abs(givenIndex - idealIndex);
		return {
			option,
			given: givenIndex < 0 ? null : givenIndex + 1,
			ideal: idealIndex + 1,
			placesOut,
			points: placesOut === null ? 0 : Math.max(0, MARKS_PER_OPTION - placesOut),
		};
	});
	perOption.sort((a, b) => a.option.localeCompare(b.option));
	return { item, type: 'rank', points: perOption.reduce((sum, option) => sum + option.points, 0), max: ideal.length * MARKS_PER_OPTION, perOption };
}

/** A best-3 answer: 4 marks for each correct option chosen; choosing more than three scores 0. */
export function scoreBest3(item: string, options: readonly string[], correct: readonly string[], chosen: readonly string[]): Best3Score {
	const overSelected = new Set(chosen).size > 3;
	const perOption = options.map(option => {
		const isChosen = chosen.includes(option);
		const isCorrect = correct.includes(option);
		return { option, chosen: isChosen, correct: isCorrect, points: !overSelected && isChosen && isCorrect ? MARKS_PER_OPTION : 0 };
	});
	return { item, type: 'best3', points: perOption.reduce((sum, option) => sum + option.points, 0), max: 3 * MARKS_PER_OPTION, perOption, overSelected };
}

/** Scores an answer (option letters: the order for rank, the choices for best-3) against an item. */
export function scoreSjtAnswer(item: SjtItem, answer: readonly string[]): SjtScore {
	return item.type === 'rank'
		? scoreRank(item.id, item.answer, answer)
		: scoreBest3(
				item.id,
				item.options.map(option => option.id),
				item.answer,
				answer,
			);
}
