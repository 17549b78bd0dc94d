import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { formatScore } from '../cli/score-text.js';
import { UserError } from '../cli/user-error.js';
import { isEnglishWord } from '../dictionary/english.js';
import { compileScenarioRubric, scorePlaced, type PlacedReply } from '../rubric/audience.js';
import type { CompiledRubric } from '../rubric/compile.js';
import { toScoreJson } from '../rubric/score.js';
import { addressedLine } from '../scenario/audiences.js';
import type { ScenarioLibrary } from '../library/scenario-files.js';
import type { Scenario } from '../scenario/schema.js';
import { openLibrary, openScenario, requireScenario } from './open-library.js';

export type ScoreOptions = {
	readonly scenario?: string;
	readonly reply: readonly string[];
	readonly batch?: string;
	readonly json?: boolean;
	readonly scenarios?: string;
};

function readBatch(file: string): string {
	try {
		return readFileSync(file === '-' ? 0 : file, 'utf8');
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		throw new UserError(code === 'ENOENT' ? `no such file: ${file}` : `cannot read ${file}: ${(error as Error).message}`);
	}
}

function describeBatchProblem(error: z.ZodError): string {
	const issue = error.issues[0]!;
	const where = issue.path.length > 0 ? `"${issue.path.join('.')}": ` : '';
	return `${where}${issue.message}; expected {"scenario": "<id>", "replies": ["…"]}`;
}

/** Replies as plain mode reads them: "@ellie …" is written to that audience; the problem when one names none. */
function placedReplies(scenario: Scenario, replies: readonly string[]): PlacedReply[] | { readonly error: string } {
	const placed: PlacedReply[] = [];
	for (const reply of replies) {
		const addressed = addressedLine(scenario, reply);
		if (addressed.kind === 'unknown')
			return {
				error: `"@${addressed.name}" is not an audience of ${scenario.id} (it has ${scenario.audiences!.map(audience => `@${audience.id}`).join(', ')})`,
			};
		placed.push({ text: addressed.text, audience: addressed.audience });
	}
	return placed;
}

/** One score JSON per input line, in order; a bad line gets {"error"} and the rest go on. */
async function scoreBatch(options: ScoreOptions, write: (text: string) => void): Promise<number> {
	const { BatchLine } = await import('./batch-line.js');
	const library: ScenarioLibrary = await openLibrary(options.scenarios);
	const rubrics = new Map<string, { readonly rubric: CompiledRubric; readonly scenario: Scenario }>();
	const lines = readBatch(options.batch!).split('\n');
	let failed = 0;
	lines.forEach((line, index) => {
		if (line.trim() === '') return;
		const fail = (message: string) => {
			failed++;
			write(`${JSON.stringify({ error: `line ${index + 1}: ${message}` })}\n`);
		};
		let input: unknown;
		try {
			input = JSON.parse(line);
		} catch (error) {
			fail(`not valid JSON (${(error as Error).message})`);
			return;
		}
		const parsed = BatchLine.safeParse(input);
		if (!parsed.success) return fail(describeBatchProblem(parsed.error));
		let compiled = rubrics.get(parsed.data.scenario);
		if (!compiled) {
			try {
				const { scenario } = requireScenario(library, parsed.data.scenario);
				compiled = { rubric: compileScenarioRubric(scenario, library.criteria.library, isEnglishWord), scenario };
			} catch (error) {
				if (error instanceof UserError) return fail(error.message);
				throw error;
			}
			rubrics.set(parsed.data.scenario, compiled);
		}
		const { rubric } = compiled;
		const replies = placedReplies(compiled.scenario, parsed.data.replies);
		if ('error' in replies) return fail(replies.error);
		const score = scorePlaced(rubric, replies);
		const json = toScoreJson(score, rubric);
		write(options.json ? `${JSON.stringify(json)}\n` : `${json.scenario}\t${json.score}/${json.max}\t${json.redFlags.map(flag => flag.id).join(',') || '-'}\n`);
	});
	return failed > 0 ? 1 : 0;
}

export async function runScore(options: ScoreOptions, write = (text: string) => void process.stdout.write(text)): Promise<number> {
	if (options.batch !== undefined) {
		if (options.scenario !== undefined || options.reply.length > 0) {
			throw new UserError('use either --batch FILE or --scenario ID with --reply TEXT, not both', 2);
		}
		return scoreBatch(options, write);
	}
	if (options.scenario === undefined || options.reply.length === 0) {
		throw new UserError('score needs --scenario ID and at least one --reply TEXT (or --batch FILE); see `postsafe score --help`', 2);
	}
	const { library, loaded } = await openScenario(options.scenario, options.scenarios);
	const rubric = compileScenarioRubric(loaded.scenario, library.criteria.library, isEnglishWord);
	const replies = placedReplies(loaded.scenario, options.reply);
	if ('error' in replies) throw new UserError(replies.error, 2);
	const score = scorePlaced(rubric, replies);
	write(options.json ? `${JSON.stringify(toScoreJson(score, rubric), null, 2)}\n` : `${formatScore(score, loaded.scenario)}\n`);
	return 0;
}
