import { countsIn, defaultAudience, findAudience } from '../scenario/audiences.js';
import type { Audience, CriteriaLibrary, Scenario } from '../scenario/schema.js';
import { compileRubric, type CompiledRubric } from './compile.js';
import { matchReply, type ReplyMatch } from './match.js';
import { combineReplies, type ConversationScore } from './score.js';

/**
 * Where a reply was written decides what it can earn or raise: a red flag limited to `in: [public]`
 * is raised only by replies in a public audience, a criterion limited to `in: [private]` is met only in
 * a private one, and `where` blocks add patterns that count only in some audiences. Compiled without
 * audiences (compileRubric alone), a scenario reads as it did before it had any: the blocks left out. The limit is applied before matching, by compiling the rubric once per audience with
 * what does not count there left out, so the matcher itself never hears of audiences. Every variant
 * keeps the same criteria and red flags in the same order, so per-reply results combine as before.
 */
const variants = new WeakMap<CompiledRubric, ReadonlyMap<string, CompiledRubric>>();

/** The `where` blocks that count in an audience. */
function here<Block extends { readonly in: readonly string[] }>(blocks: readonly Block[] | undefined, audience: Audience): Block[] {
	return (blocks ?? []).filter(block => countsIn(block.in, audience));
}

/** The scenario as the rubric sees it in one audience: what does not count there has no patterns. */
function limitedTo(scenario: Scenario, library: CriteriaLibrary, audience: Audience): { scenario: Scenario; library: CriteriaLibrary } {
	const { rubric } = scenario;
	const dropped = rubric.criteria.filter(criterion => !countsIn(criterion.in, audience)).map(criterion => criterion.id);
	return {
		scenario: {
			...scenario,
			rubric: {
				...rubric,
				criteria: rubric.criteria.map(criterion =>
					dropped.includes(criterion.id)
						? { ...criterion, evidence: [] }
						: { ...criterion, evidence: [...criterion.evidence, ...here(criterion.where, audience).flatMap(block => block.evidence)] },
				),
				redFlags: rubric.redFlags.map(flag =>
					countsIn(flag.in, audience)
						? { ...flag, patterns: [...flag.patterns, ...here(flag.where, audience).flatMap(block => block.patterns)] }
						: { ...flag, patterns: [] },
				),
			},
		},
		library: {
			...library,
			criteria: Object.fromEntries(
				Object.entries(library.criteria).map(([id, definition]) => [id, (dropped as string[]).includes(id) ? { ...definition, evidence: [] } : definition]),
			) as CriteriaLibrary['criteria'],
		},
	};
}

/**
 * The rubric of a scenario, for every audience it declares: the returned rubric is the default
 * audience's (the only one, for a one-thread scenario); `rubricIn` finds the others.
 */
export function compileScenarioRubric(scenario: Scenario, library: CriteriaLibrary, isKnownWord: (word: string) => boolean): CompiledRubric {
	const audiences = scenario.audiences;
	if (!audiences) return compileRubric(scenario, library, isKnownWord);
	const byAudience = new Map(
		audiences.map(audience => {
			const limited = limitedTo(scenario, library, audience);
			return [audience.id, compileRubric(limited.scenario, limited.library, isKnownWord, audience.id)] as const;
		}),
	);
	const main = byAudience.get(defaultAudience(scenario)!.id)!;
	variants.set(main, byAudience);
	return main;
}

/** The rubric as it reads a reply written in `audience`; the rubric itself when there is no such audience. */
export function rubricIn(rubric: CompiledRubric, audience: string | undefined): CompiledRubric {
	return (audience === undefined ? undefined : variants.get(rubric)?.get(audience)) ?? rubric;
}

/** One reply's result, read where it was written; `earlier` are the learner's previous replies' results. */
export function matchIn(rubric: CompiledRubric, reply: string, audience: string | undefined, earlier: readonly ReplyMatch[] = []): ReplyMatch {
	return matchReply(rubricIn(rubric, audience), reply, earlier);
}

/** A learner's reply and where it went (the default audience when none is given). */
export type PlacedReply = { readonly text: string; readonly audience?: string | undefined };

/** Scores a conversation whose replies went to different audiences. Same words in the same places, same result. */
export function scorePlaced(rubric: CompiledRubric, replies: readonly PlacedReply[]): ConversationScore {
	const matches: ReplyMatch[] = [];
	for (const reply of replies) matches.push(matchIn(rubric, reply.text, reply.audience, matches));
	return combineReplies(rubric, matches);
}

/** Whether `audience` is one of the scenario's, for input read from a file or a flag. */
export function knownAudience(scenario: Scenario, audience: string | undefined): boolean {
	return audience === undefined || findAudience(scenario, audience) !== undefined;
}
