import type { SjtItem } from './schema.js';

export type ParsedAnswer = { readonly letters: readonly string[] } | { readonly error: string };

/**
 * Reads an answer as typed: letters with or without commas or spaces ("A,D,B,C,E", "adbce", "C D F").
 * A rank answer must order every option once; a best-3 answer names options once each (more than
 * three is allowed here, because the exam scores it 0 and `sjt score` should say so).
 */
export function parseSjtAnswer(item: SjtItem, text: string): ParsedAnswer {
	const letters = text
		.toUpperCase()
		.replace(/[\s,;>-]+/g, '')
		.split('');
	if (letters.length === 0) return { error: 'the answer is empty' };
	const valid = item.options.map(option => option.id);
	const unknown = letters.filter(letter => !valid.includes(letter));
	if (unknown.length > 0) return { error: `no option ${[...new Set(unknown)].join(', ')} in ${item.id} (its options are ${valid[0]} to ${valid.at(-1)})` };
	const repeated = letters.filter((letter, index) => letters.indexOf(letter) !== index);
	if (repeated.length > 0) return { error: `option ${[...new Set(repeated)].join(', ')} given more than once` };
	if (item.type === 'rank' && letters.length !== valid.length)
		return { error: `a rank answer orders all ${valid.length} options, most appropriate first (e.g. ${valid.join(',')})` };
	return { letters };
}
