// npm run bench: postsafe's performance figures, each a ratio against a baseline measured in the same run.
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { isEnglishWord } from '../source/dictionary/english.js';
import { compileRubric, type CompiledRubric } from '../source/rubric/compile.js';
import { matchReply } from '../source/rubric/match.js';
import { loadScenarios, packageRoot } from '../source/library/scenario-files.js';
import { generateReplies } from './bench-replies.js';
import '../source/cli/production.js';

const ROOT = packageRoot();
const CLI = join(ROOT, 'dist', 'cli.js');

type Figure = {
	name: string;
	value: string;
	ratio: number;
	budget: number;
	/** An absolute floor the issue also sets, where there is one. */ floorMet?: boolean;
};
const figures: Figure[] = [];

function report(section: string, lines: readonly string[], figure: Figure): void {
	figures.push(figure);
	const verdict = figure.ratio <= figure.budget ? 'ok' : 'OVER BUDGET';
	console.log(`\n${section}`);
	for (const line of lines) console.log(`  ${line}`);
	console.log(`  ratio ${figure.ratio.toFixed(2)}× (budget ≤ ${figure.budget}×) ${verdict}`);
}

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The baseline: one precompiled RegExp per scenario holding every phrase its rubric listens for. */
function baselineRegExp(rubric: CompiledRubric): RegExp {
	const phrases = new Set<string>();
	for (const pattern of rubric.patterns) {
		for (const slot of pattern.slots) for (const alternative of slot) phrases.add(alternative.words.map(escapeRegExp).join('\\s+'));
	}
	return new RegExp(`\\b(?:${[...phrases].sort((a, b) => b.length - a.length).join('|')})\\b`, 'gi');
}

type Timed<T> = { milliseconds: number; result: T };

/**
 * The best of several runs of each piece of work, run alternately: this machine shares its CPUs, so
 * the best run is the least disturbed, and alternating lets a slow spell hit both sides alike.
 */
function bestOfAlternating<A, B>(runs: number, first: () => A, second: () => B): [Timed<A>, Timed<B>] {
	const a: Timed<A> = { milliseconds: Number.POSITIVE_INFINITY, result: first() };
	const b: Timed<B> = { milliseconds: Number.POSITIVE_INFINITY, result: second() };
	for (let run = 0; run < runs; run++) {
		let start = performance.now();
		a.result = first();
		a.milliseconds = Math.min(a.milliseconds, performance.now() - start);
		start = performance.now();
		b.result = second();
		b.milliseconds = Math.min(b.milliseconds, performance.now() - start);
	}
	return [a, b];
}

function median(values: readonly number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)]!;
}

/** Median wall time of whole processes, the two commands alternated so load affects both alike. */
function processTimes(commands: readonly (readonly string[])[], runs: number): number[] {
	const times: number[][] = commands.map(() => []);
	for (let run = 0; run < runs + 2; run++) {
		commands.forEach((command, index) => {
			const start = performance.now();
			const result = spawnSync(command[0]!, command.slice(1), { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
			const elapsed = performance.now() - start;
			if (result.status !== 0) throw new Error(`${command.join(' ')} failed: ${result.stderr}`);
			if (run >= 2) times[index]!.push(elapsed);
		});
	}
	return times.map(median);
}

async function rubricThroughput(): Promise<void> {
	const library = await loadScenarios(join(ROOT, 'scenarios'));
	if (!('criteria' in library) || library.errors.length > 0) throw new Error('the scenario library has errors: run postsafe validate');
	const rubrics = library.scenarios.map(({ scenario }) => ({
		id: scenario.id,
		rubric: compileRubric(scenario, library.criteria.library, isEnglishWord),
		sentences: [scenario.debrief.modelReply, ...scenario.debrief.keyPoints].join(' ').split(/(?<=[.!?])\s+/),
	}));
	const replies = generateReplies(rubrics, 10_000);
	const regexps = rubrics.map(({ rubric }) => baselineRegExp(rubric));

	const scoreAll = () => replies.reduce((flags, { scenario, reply }) => flags + matchReply(rubrics[scenario]!.rubric, reply).redFlags.length, 0);
	const scanAll = () => replies.reduce((hits, { scenario, reply }) => hits + (reply.match(regexps[scenario]!)?.length ?? 0), 0);
	const [ours, baseline] = bestOfAlternating(25, scoreAll, scanAll);
	const perSecond = (milliseconds: number) => Math.round((replies.length / milliseconds) * 1000);
	report(
		`Rubric: ${replies.length.toLocaleString('en-GB')} replies generated from ${rubrics.length} scenarios (seeded typos, text-speak, unsafe lines)`,
		[
			`postsafe rubric     ${perSecond(ours.milliseconds).toLocaleString('en-GB').padStart(9)} replies/s  (${ours.milliseconds.toFixed(0)} ms; ${ours.result} red flags)`,
			`RegExp baseline     ${perSecond(baseline.milliseconds).toLocaleString('en-GB').padStart(9)} replies/s  (${baseline.milliseconds.toFixed(0)} ms; one precompiled RegExp of the same phrases per scenario)`,
			`budget: at least 20,000 replies/s: ${perSecond(ours.milliseconds) >= 20_000 ? 'ok' : 'UNDER'}`,
		],
		{
			name: 'rubric vs RegExp',
			value: `${perSecond(ours.milliseconds)} replies/s`,
			ratio: ours.milliseconds / baseline.milliseconds,
			budget: 5,
			floorMet: perSecond(ours.milliseconds) >= 20_000,
		},
	);
}

function scoreStartup(): void {
	const reply =
		"I can't give personal medical advice on here. Please use the practice's online consultation, or call 111 if it gets worse. I'll note this in your record.";
	const [ours, bare] = processTimes(
		[
			[process.execPath, CLI, 'score', '--scenario', 'patient-dm-rash', '--reply', reply],
			[process.execPath, '-e', '0'],
		],
		15,
	);
	report(
		'Start-up: one-reply `postsafe score` against `node -e 0`, whole process, median of 15 alternated runs',
		[`postsafe score      ${ours!.toFixed(0).padStart(6)} ms`, `node -e 0           ${bare!.toFixed(0).padStart(6)} ms`],
		{ name: 'score start-up', value: `${ours!.toFixed(0)} ms`, ratio: ours! / bare!, budget: 4 },
	);
}

async function firstFrame(): Promise<void> {
	const { firstFrames } = await import('./bench-terminal.js');
	const { ours, minimal } = await firstFrames(CLI, join(ROOT, 'scripts', 'minimal-ink-app.mjs'));
	report(
		'First frame: `postsafe play` in an 80×24 pseudo-terminal (node-pty + xterm-headless) against a one-line Ink app, median of 7 alternated runs',
		[
			`postsafe play       ${ours.toFixed(0).padStart(6)} ms  (until the chat's input line is drawn)`,
			`minimal Ink app     ${minimal.toFixed(0).padStart(6)} ms`,
		],
		{ name: 'first frame', value: `${ours.toFixed(0)} ms`, ratio: ours / minimal, budget: 1.5 },
	);
}

async function echo(): Promise<void> {
	const library = await loadScenarios(join(ROOT, 'scenarios'));
	if (!('criteria' in library)) throw new Error('the scenario library has errors');
	// Imported here, after production.js: React picks its build when it is first loaded.
	const { keystrokeEcho } = await import('./bench-terminal.js');
	const empty = await keystrokeEcho(library, 2);
	const long = await keystrokeEcho(library, 200);
	report(
		'Keystroke to echo: typing in the chat with 200 messages above, through Ink rendering at 60 fps, median of 30 keys',
		[
			`200 messages        ${long.toFixed(1).padStart(6)} ms`,
			`2 messages          ${empty.toFixed(1).padStart(6)} ms`,
			`budget: under 50 ms: ${long < 50 ? 'ok' : 'OVER'}`,
		],
		{ name: 'keystroke echo', value: `${long.toFixed(1)} ms`, ratio: long / 50, budget: 1 },
	);
}

async function streaming(): Promise<void> {
	const library = await loadScenarios(join(ROOT, 'scenarios'));
	if (!('criteria' in library)) throw new Error('the scenario library has errors');
	const { streamingToScreen } = await import('./bench-streaming.js');
	const { ours, inputBack, bare } = await streamingToScreen(library, join(ROOT, 'dist', 'fake-ollama-process.js'));
	report(
		'Streaming: 2,000 tokens from a fake Ollama (its own process) as fast as it sends them, median of 15 alternated runs',
		[
			`to the screen       ${ours.toFixed(0).padStart(6)} ms  (chat request to the finished message on screen, through the TUI)`,
			`bare ollama client  ${bare.toFixed(0).padStart(6)} ms  (chat request to the last token read)`,
			`input back          ${inputBack.toFixed(0).padStart(6)} ms  (the next frame: the learner can type again; not budgeted)`,
		],
		{ name: 'streaming', value: `${ours.toFixed(0)} ms`, ratio: ours / bare, budget: 1.2 },
	);
}

console.log(`postsafe bench · Node ${process.version} · ${availableParallelism()} CPUs · ${new Date().toISOString().slice(0, 10)}`);
async function review(): Promise<void> {
	const { reviewBrowserOpen } = await import('./bench-review.js');
	const { ours, bare, count } = await reviewBrowserOpen(join(ROOT, 'examples', 'example.json'));
	report(
		`Review browser: ${count.toLocaleString('en-GB')} transcripts, median of 5 alternated runs`,
		[
			`postsafe review     ${ours.toFixed(0).padStart(6)} ms  (to the frame listing the newest, through Ink, scenario library loaded)`,
			`bare read + parse   ${bare.toFixed(0).padStart(6)} ms  (readFileSync and JSON.parse of every file)`,
		],
		{ name: 'review browser', value: `${ours.toFixed(0)} ms`, ratio: ours / bare, budget: 1.5 },
	);
}

// `npm run bench -- streaming echo` runs just those; no names runs them all.
const benches: Record<string, () => void | Promise<void>> = {
	rubric: rubricThroughput,
	startup: scoreStartup,
	'first-frame': firstFrame,
	echo,
	streaming,
	review,
};
const chosen = process.argv.slice(2);
const unknown = chosen.filter(name => !(name in benches));
if (unknown.length > 0) {
	console.error(`postsafe bench: no bench called ${unknown.join(', ')}; choose from ${Object.keys(benches).join(', ')}`);
	process.exit(2);
}
for (const [name, run] of Object.entries(benches)) if (chosen.length === 0 || chosen.includes(name)) await run();
const over = figures.filter(figure => figure.ratio > figure.budget || figure.floorMet === false);
console.log(over.length === 0 ? '\nAll figures within budget.' : `\nOver budget: ${over.map(figure => figure.name).join(', ')}`);
process.exitCode = over.length === 0 ? 0 : 1;
