import { UserError } from '../cli/user-error.js';

export const MOST_LEARNERS = 12;

/** "Asha, Ben,Chloe" → the names, in order; two to twelve of them, each once. */
export function parseLearners(text: string): string[] {
	const names = text
		.split(',')
		.map(name => name.trim())
		.filter(Boolean);
	if (names.length < 2) throw new UserError('--learners: a group needs at least two names, separated by commas (e.g. "Asha,Ben,Chloe")', 2);
	if (names.length > MOST_LEARNERS) throw new UserError(`--learners: at most ${MOST_LEARNERS} learners round one screen`, 2);
	const repeated = names.find((name, index) => names.findIndex(other => other.toLowerCase() === name.toLowerCase()) !== index);
	if (repeated) throw new UserError(`--learners: "${repeated}" is named twice; give each learner a different name`, 2);
	return names;
}
