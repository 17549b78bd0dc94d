import type { Finding } from '../scenario/yaml-source.js';
import type { SjtItem } from './schema.js';

/** What the schema can't say: letters in order, an answer that uses each option once, known sources. */
export function checkSjtItem(item: SjtItem, sources: ReadonlySet<string>): Finding[] {
	const findings: Finding[] = [];
	item.options.forEach((option, index) => {
		const expected = String.fromCharCode(65 + index);
		if (option.id !== expected) findings.push({ path: ['options', index, 'id'], message: `option ${index + 1} should be lettered ${expected}` });
	});
	const letters = new Set(item.options.map(option => option.id));
	if (item.type === 'rank' && item.answer.length !== item.options.length)
		findings.push({
			path: ['answer'],
			message: `the ideal order names ${item.answer.length} options; this item has ${item.options.length}, and each goes in once`,
		});
	const seen = new Set<string>();
	item.answer.forEach((letter, index) => {
		if (!letters.has(letter)) findings.push({ path: ['answer', index], message: `no option ${letter} in this item` });
		else if (seen.has(letter)) findings.push({ path: ['answer', index], message: `option ${letter} appears twice in the answer` });
		seen.add(letter);
	});
	item.anchors.forEach((anchor, index) => {
		if (!sources.has(anchor.source))
			findings.push({ path: ['anchors', index, 'source'], message: `unknown source "${anchor.source}": add it to the sources in scenarios/criteria.yaml` });
	});
	return findings;
}
