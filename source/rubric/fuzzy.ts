import Fuse from 'fuse.js';

/** Shortest word we try to correct: shorter words are too close to too many others. */
const MIN_LENGTH = 5;

/** Typos we forgive: one edit (a swap counts once) up to 8 letters, two beyond. */
function allowedEdits(length: number): number {
	return length >= 9 ? 2 : 1;
}

/** A five-letter word is only corrected by restoring one dropped letter ("asess" → "assess"). */
function isPlausible(word: string, candidate: string): boolean {
	return word.length > MIN_LENGTH || candidate.length === word.length + 1;
}

/**
 * Optimal string alignment distance. Fuse ranks candidates but scores a word found inside a longer one
 * ("doc" in "document") as a perfect match; this confirms the whole word is one typo away.
 */
export function editDistance(a: string, b: string, limit: number): number {
	if (Math.abs(a.length - b.length) > limit) return limit + 1;
	let beforePrevious: number[] = [];
	let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
	for (let i = 1; i <= a.length; i++) {
		const current = [i];
		let rowMinimum = i;
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
				value = Math.min(value, beforePrevious[j - 2]! + 1);
			}
			current.push(value);
			rowMinimum = Math.min(rowMinimum, value);
		}
		if (rowMinimum > limit) return limit + 1;
		beforePrevious = previous;
		previous = current;
	}
	return previous[b.length]!;
}

/**
 * The words a rubric listens for, with typo-tolerant lookup. Words are grouped by first letter (typos
 * rarely hit the first letter) and every answer is cached, so a word is searched at most once.
 */
export class FuzzyVocabulary {
	private readonly byInitial = new Map<string, Fuse<string>>();
	private readonly cache = new Map<string, string | null>();

	constructor(
		words: Iterable<string>,
		/** Whether a word is real English: a real word is never a typo, even one edit from a vocabulary word. */
		private readonly isKnownWord: (word: string) => boolean,
	) {
		const groups = new Map<string, string[]>();
		for (const word of new Set(words)) {
			if (word.length <= MIN_LENGTH || !/^[a-z]+$/.test(word)) continue;
			const group = groups.get(word[0]!) ?? [];
			group.push(word);
			groups.set(word[0]!, group);
		}
		for (const [initial, group] of groups) {
			group.sort();
			this.byInitial.set(initial, new Fuse(group, { includeScore: true, threshold: 0.4, ignoreLocation: true, isCaseSensitive: true }));
		}
	}

	/** The vocabulary word this word is a typo of, or undefined. */
	correct(word: string): string | undefined {
		const cached = this.cache.get(word);
		if (cached !== undefined) return cached ?? undefined;
		const corrected = this.search(word);
		if (this.cache.size > 100_000) this.cache.clear();
		this.cache.set(word, corrected ?? null);
		return corrected;
	}

	private search(word: string): string | undefined {
		if (word.length < MIN_LENGTH || !/^[a-z]+$/.test(word)) return undefined;
		const fuse = this.byInitial.get(word[0]!);
		if (!fuse) return undefined;
		const limit = allowedEdits(word.length);
		let best: { word: string; distance: number } | undefined;
		for (const { item } of fuse.search(word, { limit: 16 })) {
			const distance = isPlausible(word, item) ? editDistance(word, item, limit) : limit + 1;
			if (distance <= limit && (!best || distance < best.distance)) best = { word: item, distance };
		}
		// Asked last: only a word with a near neighbour in the vocabulary needs the dictionary.
		return best && !this.isKnownWord(word) ? best.word : undefined;
	}
}
