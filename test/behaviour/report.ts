// Prints the behavioural suite's failure rate per type and, for the types named, their failures:
// npx tsx test/behaviour/report.ts ["MFT red flags" ...]
import { isEnglishWord } from '../../source/dictionary/english.js';
import { compileRubric } from '../../source/rubric/compile.js';
import { loadScenarios } from '../../source/library/scenario-files.js';
import { direction, gaming, invariance, minimumFunctionality, type Subject } from './suite.js';
import { keywordsOf } from './keywords.js';

const loaded = await loadScenarios(new URL('../../scenarios', import.meta.url).pathname);
if (!('criteria' in loaded)) throw new Error('the scenario library did not load');
const subjects: Subject[] = loaded.scenarios.map(({ scenario }) => ({ scenario, rubric: compileRubric(scenario, loaded.criteria.library, isEnglishWord) }));
const started = performance.now();
const results = [
	...minimumFunctionality(subjects),
	...invariance(subjects),
	...direction(subjects),
	...gaming(subjects, subject => keywordsOf(loaded.criteria.library, subject)),
];
for (const result of results) {
	console.log(
		`${result.type.padEnd(32)} ${String(result.cases).padStart(5)} cases  ${((100 * result.failures.length) / Math.max(1, result.cases)).toFixed(1).padStart(5)}% failed`,
	);
	if (process.argv.slice(2).includes(result.type))
		for (const failure of result.failures) console.log(`    ${failure.scenario}: ${failure.reply}  (${failure.why})`);
}
console.log(`${results.reduce((sum, result) => sum + result.cases, 0)} cases in ${Math.round(performance.now() - started)} ms`);
