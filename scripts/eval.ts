// Measures the rubric against replies labelled by hand: npm run eval [-- --misses] [-- --only DIR]
//
// Sets, each a folder of <scenario-id>.yaml files holding a YAML list of
// { kind, replies: [..], met: [criterion ids], redFlags: [flag ids], reason }:
//   labelled    test/fixtures/labelled     written with the patterns in view (the regression set)
//   blind dev   test/fixtures/blind/dev    written blind; may be read and tuned on
//   blind test  test/fixtures/blind/test   written blind and frozen; only its summary figures are printed
// A conversation scores as the rubric scores it: a criterion is met if met over the conversation (and
// not undone by a red flag), a red flag if any reply raised it.
//
// Printed per set: agreement per criterion (replies where the rubric and the label agree that the
// criterion is met or not, among replies to scenarios that score it) and overall; red-flag recall (the
// share of unsafe replies, labelled with any red flag, that raise at least one) and per flag; false
// alarms (the share of safe replies that raise any). `--misses` lists the dev set's disagreements.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { isEnglishWord } from '../source/dictionary/english.js';
import type { CompiledRubric } from '../source/rubric/compile.js';
import { compileScenarioRubric, scorePlaced } from '../source/rubric/audience.js';
import { addressedLine } from '../source/scenario/audiences.js';
import { loadScenarios } from '../source/library/scenario-files.js';

const ROOT = join(import.meta.dirname, '..');
// `--only DIR` scores one folder alone: a new blind batch, measured once before it joins dev and is tuned on.
const only = process.argv.indexOf('--only');
const SETS: readonly { readonly name: string; readonly directory: string; readonly showMisses: boolean }[] =
	only >= 0 && process.argv[only + 1]
		? // A fresh batch's misses may be listed once it has joined dev; the frozen test set's never are.
			[
				{
					name: 'fresh batch',
					directory: process.argv[only + 1]!,
					showMisses: !resolve(process.argv[only + 1]!).startsWith(resolve(ROOT, 'test/fixtures/blind/test')),
				},
			]
		: [
				{ name: 'labelled', directory: 'test/fixtures/labelled', showMisses: true },
				{ name: 'blind dev', directory: 'test/fixtures/blind/dev', showMisses: true },
				{ name: 'blind test', directory: 'test/fixtures/blind/test', showMisses: false },
			];

const Item = z.looseObject({
	kind: z.string(),
	replies: z.array(z.string()).min(1),
	met: z.array(z.string()),
	redFlags: z.array(z.string()),
	reason: z.string().optional(),
});

const loaded = await loadScenarios(join(ROOT, 'scenarios'));
if (!('criteria' in loaded) || loaded.errors.length > 0) {
	console.error('the scenario library has errors: run postsafe validate');
	process.exit(1);
}
const library = loaded;
const rubrics = new Map<string, CompiledRubric>();
function rubricFor(id: string): CompiledRubric | undefined {
	if (!rubrics.has(id)) {
		const scenario = library.scenarios.find(item => item.scenario.id === id)?.scenario;
		if (scenario) rubrics.set(id, compileScenarioRubric(scenario, library.criteria.library, isEnglishWord));
	}
	return rubrics.get(id);
}

const percent = (part: number, whole: number) => (whole === 0 ? '   —' : `${((100 * part) / whole).toFixed(1).padStart(5)}%`);
const showMisses = process.argv.includes('--misses');

type Tally = { agree: number; total: number };
const tally = (map: Map<string, Tally>, key: string, agree: boolean) => {
	const entry = map.get(key) ?? { agree: 0, total: 0 };
	entry.total++;
	if (agree) entry.agree++;
	map.set(key, entry);
};

for (const set of SETS) {
	const directory = resolve(ROOT, set.directory);
	if (!existsSync(directory)) {
		console.log(`${set.name}: no ${set.directory} yet\n`);
		continue;
	}
	const perCriterion = new Map<string, Tally>();
	const perFlag = new Map<string, Tally>();
	let items = 0;
	let unsafe = 0;
	let caught = 0;
	let safe = 0;
	let alarms = 0;
	const misses: string[] = [];
	for (const file of readdirSync(directory)
		.filter(name => name.endsWith('.yaml'))
		.sort()) {
		const scenario = file.replace(/\.yaml$/, '');
		const rubric = rubricFor(scenario);
		if (!rubric) {
			console.error(`${set.directory}/${file}: no scenario "${scenario}"`);
			process.exitCode = 1;
			continue;
		}
		const parsed = z.array(Item).safeParse(parse(readFileSync(join(directory, file), 'utf8')));
		if (!parsed.success) {
			console.error(`${set.directory}/${file}: not a list of { kind, replies, met, redFlags }`);
			process.exitCode = 1;
			continue;
		}
		for (const item of parsed.data) {
			items++;
			// In a scenario with audiences a reply starting "@ellie " was written there, as plain mode reads it.
			const written = library.scenarios.find(loaded => loaded.scenario.id === scenario)!.scenario;
			const placed = item.replies.map(reply => addressedLine(written, reply));
			const score = scorePlaced(
				rubric,
				placed.flatMap(reply => (reply.kind === 'reply' ? [reply] : [])),
			);
			const met = new Set(score.criteria.filter(criterion => criterion.met).map(criterion => criterion.id));
			const raised = new Set(score.redFlags.map(flag => flag.id));
			const wrong: string[] = [];
			for (const criterion of rubric.criteria) {
				const expected = item.met.includes(criterion.id);
				const agree = expected === met.has(criterion.id);
				tally(perCriterion, criterion.id, agree);
				if (!agree) wrong.push(`${expected ? 'missed' : 'wrongly met'} ${criterion.id}`);
			}
			if (item.redFlags.length > 0) {
				unsafe++;
				if (raised.size > 0) caught++;
				else wrong.push(`no red flag (expected ${item.redFlags.join(', ')})`);
				for (const flag of item.redFlags) tally(perFlag, `${scenario} ${flag}`, raised.has(flag));
			} else {
				safe++;
				if (raised.size > 0) {
					alarms++;
					wrong.push(`false alarm ${[...raised].join(', ')}`);
				}
			}
			if (wrong.length > 0 && set.showMisses && showMisses) {
				misses.push(`${scenario} [${item.kind}] ${JSON.stringify(item.replies)}\n    ${wrong.join('; ')}${item.reason ? `\n    label: ${item.reason}` : ''}`);
			}
		}
	}
	const all = [...perCriterion.values()].reduce((sum, entry) => ({ agree: sum.agree + entry.agree, total: sum.total + entry.total }), { agree: 0, total: 0 });
	console.log(`${set.name} (${set.directory}): ${items} labelled replies`);
	console.log(`  criterion agreement  ${percent(all.agree, all.total)}  (${all.agree}/${all.total})`);
	for (const [id, entry] of [...perCriterion].sort()) console.log(`    ${id.padEnd(16)} ${percent(entry.agree, entry.total)}  (${entry.agree}/${entry.total})`);
	console.log(`  red-flag recall      ${percent(caught, unsafe)}  (${caught}/${unsafe} unsafe replies raise a flag)`);
	const flagLines = [...perFlag].sort().map(([id, entry]) => `    ${id.padEnd(48)} ${percent(entry.agree, entry.total)}  (${entry.agree}/${entry.total})`);
	if (set.showMisses) console.log(flagLines.join('\n'));
	console.log(`  false alarms         ${percent(alarms, safe)}  (${alarms}/${safe} safe replies raise a flag)`);
	if (misses.length > 0) console.log(`\n  disagreements:\n  ${misses.join('\n  ')}`);
	console.log('');
}
