import type { CriteriaLibrary } from '../../source/scenario/schema.js';
import type { Subject } from './suite.js';

/** A keyword list built from what the criteria listen for: their names and one word of each of their concepts. */
export function keywordsOf(library: CriteriaLibrary, subject: Subject): string[] {
	const words = subject.rubric.criteria.flatMap(criterion => [criterion.label.split(' ')[0]!.toLowerCase(), criterion.id]);
	for (const name of [
		'advise',
		'here',
		'strong-service',
		'record-verb',
		'confidential',
		'identify',
		'consent',
		'escalate',
		'senior',
		'courtesy',
		'interest',
		'professional-tie',
	]) {
		words.push(library.lexicon[name]![0]!);
	}
	return [...new Set(words)];
}
