// The behavioural suite (CheckList: minimum functionality, invariance, direction, gaming), generated
// from templates and perturbations, thousands of cases. Each test type reports its failure rate; the
// vitest file holds every type to 2% or less, and `npx tsx test/behaviour/report.ts` prints the table.
import type { CompiledRubric } from '../../source/rubric/compile.js';
import { seededRandom } from '../../source/seeded-random.js';
import { scorePlaced } from '../../source/rubric/audience.js';
import type { ConversationScore } from '../../source/rubric/score.js';
import { countsIn } from '../../source/scenario/audiences.js';
import type { Scenario } from '../../source/scenario/schema.js';
import { CRITERION_CASES, expand, FLAG_CASES, SCENARIO_CRITERION_CASES } from './cases.js';

export type Failure = { readonly scenario: string; readonly reply: string; readonly why: string };
export type TypeResult = { readonly type: string; cases: number; readonly failures: Failure[] };
export type Subject = { readonly scenario: Scenario; readonly rubric: CompiledRubric };

const met = (score: ConversationScore) =>
	score.criteria
		.filter(criterion => criterion.met)
		.map(criterion => criterion.id)
		.sort();
const flags = (score: ConversationScore) => score.redFlags.map(flag => flag.id).sort();
const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((item, index) => item === b[index]);

/**
 * Where a case is written, in a scenario with audiences: the first audience in which its criterion or
 * flag counts (a public call-out is written in public); none in a one-thread scenario.
 */
function placeFor(scenario: Scenario, limit: readonly string[] | undefined): string | undefined {
	return scenario.audiences?.find(audience => countsIn(limit, audience))?.id;
}
const criterionPlace = (subject: Subject, id: string) =>
	placeFor(subject.scenario, subject.scenario.rubric.criteria.find(criterion => criterion.id === id)?.in);
const flagPlace = (subject: Subject, id: string) => placeFor(subject.scenario, subject.scenario.rubric.redFlags.find(flag => flag.id === id)?.in);
/** Every place a reply can be written: each audience, or the one thread. */
const places = (subject: Subject): readonly (string | undefined)[] => subject.scenario.audiences?.map(audience => audience.id) ?? [undefined];
/** One reply's score, read where it was written. */
const scoreAt = (subject: Subject, reply: string, audience: string | undefined) => scorePlaced(subject.rubric, [{ text: reply, audience }]);

function criterionCases(subject: Subject, id: string): string[] {
	const own = SCENARIO_CRITERION_CASES[subject.scenario.id]?.[id];
	return (own ?? CRITERION_CASES[id] ?? []).flatMap(expand);
}

function flagCases(subject: Subject, id: string): string[] {
	return (FLAG_CASES[subject.scenario.id]?.[id] ?? []).flatMap(expand);
}

/** Minimum functionality: each criterion's minimal replies meet it; each flag's raise it. */
export function minimumFunctionality(subjects: readonly Subject[]): TypeResult[] {
	const criteria: TypeResult = { type: 'MFT criteria', cases: 0, failures: [] };
	const redFlags: TypeResult = { type: 'MFT red flags', cases: 0, failures: [] };
	for (const subject of subjects) {
		for (const criterion of subject.rubric.criteria) {
			for (const reply of criterionCases(subject, criterion.id)) {
				criteria.cases++;
				if (!met(scoreAt(subject, reply, criterionPlace(subject, criterion.id))).includes(criterion.id))
					criteria.failures.push({ scenario: subject.scenario.id, reply, why: `does not meet ${criterion.id}` });
			}
		}
		for (const flag of subject.scenario.rubric.redFlags) {
			for (const reply of flagCases(subject, flag.id)) {
				redFlags.cases++;
				if (!flags(scoreAt(subject, reply, flagPlace(subject, flag.id))).includes(flag.id))
					redFlags.failures.push({ scenario: subject.scenario.id, reply, why: `does not raise ${flag.id}` });
			}
		}
	}
	return [criteria, redFlags];
}

// Perturbations that must not change what a reply met or raised.
const OPENERS = ['Hi, ', 'Hey, ', 'Hello, ', 'Morning! ', 'Hiya, '];
const SIGN_OFFS = [' Take care.', ' Thanks.', ' Best wishes.', ' Cheers.', ' 🙂'];
const EMOJI = [' 😊', ' 🙏', ' 💙', ' 🙈', ' 👀'];
const US_SPELLING: readonly (readonly [RegExp, string])[] = [
	[/recognis/g, 'recogniz'],
	[/apologis/g, 'apologiz'],
	[/organis/g, 'organiz'],
	[/realis/g, 'realiz'],
	[/behaviour/g, 'behavior'],
	[/colour/g, 'color'],
	[/centre/g, 'center'],
	[/licence/g, 'license'],
	[/practise/g, 'practice'],
	[/anonymis/g, 'anonymiz'],
	[/emphasis/g, 'emphasiz'],
];
const TEXT_SPEAK: readonly (readonly [RegExp, string])[] = [
	[/\byou\b/g, 'u'],
	[/\byour\b/g, 'ur'],
	[/\bplease\b/gi, 'pls'],
	[/\bare\b/g, 'r'],
	[/\bbecause\b/g, 'cos'],
	[/\btomorrow\b/g, 'tmrw'],
	[/\bpicture\b/g, 'pic'],
	[/\bmessage\b/g, 'msg'],
	[/\bpeople\b/g, 'ppl'],
];
const NAMES = ['Sam', 'Alex', 'Priya', 'Jordan', 'Chris'];

/** A typo in one long word: two neighbouring letters swapped, away from the first letter. */
function typo(reply: string, next: () => number): string {
	const words = [...reply.matchAll(/[A-Za-z]{8,}/g)];
	if (words.length === 0) return reply;
	const word = words[Math.floor(next() * words.length)]!;
	const at = 2 + Math.floor(next() * (word[0].length - 4));
	const letters = word[0].split('');
	[letters[at], letters[at + 1]] = [letters[at + 1]!, letters[at]!];
	return reply.slice(0, word.index) + letters.join('') + reply.slice(word.index! + word[0].length);
}

function reorder(reply: string): string {
	const sentences = reply.match(/[^.!?]+[.!?]+(\s+|$)/g);
	if (!sentences || sentences.length < 2 || sentences.join('').trim() !== reply.trim()) return reply;
	return [...sentences.slice(1), sentences[0]!].map(sentence => sentence.trim()).join(' ');
}

function swapName(reply: string, scenario: Scenario, next: () => number): string {
	const first = scenario.partner.name.split(/\s+/)[0]!;
	return reply.includes(first) ? reply.replaceAll(first, NAMES[Math.floor(next() * NAMES.length)]!) : reply;
}

/** The replies to perturb, each where it is written: each scenario's model reply and its minimal cases. */
function seeds(subject: Subject): (readonly [string, string | undefined])[] {
	const minimal = [
		...subject.rubric.criteria.flatMap(criterion =>
			criterionCases(subject, criterion.id).map(reply => [reply, criterionPlace(subject, criterion.id)] as const),
		),
		...subject.scenario.rubric.redFlags.flatMap(flag => flagCases(subject, flag.id).map(reply => [reply, flagPlace(subject, flag.id)] as const)),
	];
	return [[subject.scenario.debrief.modelReply, subject.scenario.debrief.modelAudience], ...minimal];
}

/** Invariance: polite openers and sign-offs, emoji, typos, US spelling, text-speak, names, order. */
export function invariance(subjects: readonly Subject[]): TypeResult[] {
	const next = seededRandom(11);
	const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
	const kinds: readonly (readonly [string, (reply: string, subject: Subject) => string])[] = [
		['INV opener/sign-off', reply => `${pick(OPENERS)}${reply.charAt(0).toLowerCase()}${reply.slice(1)}${pick(SIGN_OFFS)}`],
		['INV emoji', reply => `${reply}${pick(EMOJI)}`],
		['INV typo', reply => typo(reply, next)],
		['INV UK/US spelling', reply => US_SPELLING.reduce((text, [from, to]) => text.replace(from, to), reply)],
		['INV text-speak', reply => TEXT_SPEAK.reduce((text, [from, to]) => text.replace(from, to), reply)],
		['INV name swap', (reply, subject) => swapName(reply, subject.scenario, next)],
		['INV sentence order', reply => reorder(reply)],
	];
	return kinds.map(([type, perturb]) => {
		const result: TypeResult = { type, cases: 0, failures: [] };
		// Courtesy is what respect measures: a friendly opener, sign-off or emoji may add it, and nothing else.
		const aside = type === 'INV opener/sign-off' || type === 'INV emoji' ? ['respect'] : [];
		const metOf = (score: ConversationScore) => met(score).filter(id => !aside.includes(id));
		for (const subject of subjects) {
			for (const [reply, audience] of seeds(subject)) {
				const changed = perturb(reply, subject);
				if (changed === reply) continue;
				result.cases++;
				const before = scoreAt(subject, reply, audience);
				const after = scoreAt(subject, changed, audience);
				if (!same(metOf(before), metOf(after)) || !same(flags(before), flags(after))) {
					result.failures.push({
						scenario: subject.scenario.id,
						reply: changed,
						why: `was ${metOf(before)}/${flags(before)}, now ${metOf(after)}/${flags(after)}`,
					});
				}
			}
		}
		return result;
	});
}

// Turning a minimal case's own commitment into its refusal: what it earned must go.
const NEGATIONS: readonly (readonly [RegExp, string])[] = [
	[/^I'll /, "I won't "],
	[/^I will /, 'I will not '],
	[/^I would /, 'I would not '],
	[/^Please (?!don't)/, "Please don't "],
	[/^(Fill in|Try|Use) /, "Don't $1 "],
];

/** Direction: an unsafe sentence raises its flag; negated evidence loses its mark; a good sentence never lowers the score; model replies score full marks. */
export function direction(subjects: readonly Subject[]): TypeResult[] {
	const unsafe: TypeResult = { type: 'DIR unsafe sentence appended', cases: 0, failures: [] };
	const negated: TypeResult = { type: 'DIR evidence negated', cases: 0, failures: [] };
	const good: TypeResult = { type: 'DIR good sentence appended', cases: 0, failures: [] };
	const model: TypeResult = { type: 'DIR model reply full marks', cases: 0, failures: [] };
	for (const subject of subjects) {
		const { rubric, scenario } = subject;
		const modelReply = scenario.debrief.modelReply;
		model.cases++;
		const modelScore = scoreAt(subject, modelReply, scenario.debrief.modelAudience);
		if (modelScore.score !== modelScore.max || modelScore.redFlags.length > 0)
			model.failures.push({ scenario: scenario.id, reply: modelReply, why: `scores ${modelScore.score}/${modelScore.max}, flags ${flags(modelScore)}` });
		for (const flag of scenario.rubric.redFlags) {
			for (const sentence of flagCases(subject, flag.id)) {
				unsafe.cases++;
				if (!flags(scoreAt(subject, `${modelReply} ${sentence}`, flagPlace(subject, flag.id))).includes(flag.id))
					unsafe.failures.push({ scenario: scenario.id, reply: sentence, why: `appended to the model reply, does not raise ${flag.id}` });
			}
		}
		for (const criterion of rubric.criteria) {
			for (const reply of criterionCases(subject, criterion.id)) {
				const rule = NEGATIONS.find(([from]) => from.test(reply));
				// Only a reply that is one commitment: "Please delete it, he's identifiable" holds a second reason.
				if (rule && !/[,;]/.test(reply)) {
					const refused = reply.replace(rule[0], rule[1]);
					negated.cases++;
					if (met(scoreAt(subject, refused, criterionPlace(subject, criterion.id))).includes(criterion.id))
						negated.failures.push({ scenario: scenario.id, reply: refused, why: `still meets ${criterion.id}` });
				}
			}
			// A good sentence appended to any minimal reply of another criterion never lowers its score.
			const sentence = criterionCases(subject, criterion.id)[0];
			if (!sentence) continue;
			for (const other of rubric.criteria) {
				if (other.id === criterion.id) continue;
				for (const reply of criterionCases(subject, other.id).slice(0, 12)) {
					good.cases++;
					const before = scoreAt(subject, reply, criterionPlace(subject, other.id)).score;
					const after = scoreAt(subject, `${reply} ${sentence}`, criterionPlace(subject, other.id)).score;
					if (after < before) good.failures.push({ scenario: scenario.id, reply: `${reply} ${sentence}`, why: `score fell from ${before} to ${after}` });
				}
			}
		}
	}
	return [unsafe, negated, good, model];
}

const GIBBERISH = [
	'asdf qwer zxcv',
	'lorem ipsum dolor sit amet',
	'blah blah blah blah',
	'hmm ok hmm',
	'jkl; jkl; fjfj',
	'the the the the the',
	'...',
	'??',
	'xyzzy plugh',
];

/** Gaming: keyword lists, the partner's own message, gibberish and another scenario's model reply never earn full marks. */
export function gaming(subjects: readonly Subject[], keywordsOf: (subject: Subject) => readonly string[]): TypeResult[] {
	const result: TypeResult = { type: 'GAM not full marks', cases: 0, failures: [] };
	// Wherever it is written.
	const check = (subject: Subject, reply: string, what: string) => {
		for (const audience of places(subject)) {
			result.cases++;
			const score = scoreAt(subject, reply, audience);
			if (score.score === score.max && score.redFlags.length === 0)
				result.failures.push({ scenario: subject.scenario.id, reply, why: `${what} earns full marks${audience ? ` in ${audience}` : ''}` });
		}
	};
	for (const subject of subjects) {
		const keywords = keywordsOf(subject);
		check(subject, keywords.join(' '), 'a bare keyword list');
		check(subject, keywords.join(', '), 'a comma-separated keyword list');
		for (let size = 3; size <= keywords.length; size += 3) check(subject, keywords.slice(0, size).join(' '), `the first ${size} keywords`);
		for (const message of subject.scenario.opening) check(subject, message.text, "the partner's own message");
		for (const beat of subject.scenario.beats) check(subject, beat.say, "the partner's own message");
		for (const text of GIBBERISH) check(subject, text, 'gibberish');
		for (const other of subjects) {
			if (other.scenario.id === subject.scenario.id) continue;
			const sameCriteria = same(other.rubric.criteria.map(criterion => criterion.id).sort(), subject.rubric.criteria.map(criterion => criterion.id).sort());
			// Two scenarios that score the same criteria in the same setting may share a good answer; the rest must not.
			if (!sameCriteria) check(subject, other.scenario.debrief.modelReply, `the model reply of ${other.scenario.id}`);
		}
	}
	return [result];
}
