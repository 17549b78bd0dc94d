import { isObject, isText, texts } from '../json-guards.js';
import { audiencePhrase } from '../scenario/audiences.js';
import type { Transcript, TranscriptTurn } from '../transcript/schema.js';

/** What an export needs that the transcript does not hold. */
export type ExportContext = {
	/** The other party's name in the scenario (Jade Holloway): the library knows it, the transcript does not. */
	readonly partnerName: string;
	/**
	 * The zone dates and times are shown in.
	 * @default 'UTC'
	 */
	readonly timeZone?: string;
};

export type CriterionView = {
	readonly label: string;
	readonly met: boolean;
	readonly points: number;
	readonly max: number;
	readonly evidence: readonly string[];
	/** Words that undid the criterion (a red flag's, or negated words), when it was missed. */
	readonly against: readonly string[];
	/** Labels of the red flags that undid it, when one did: then `evidence` holds the words that had met it. */
	readonly undoneBy: readonly string[];
};
export type StepView = { readonly label: string; readonly met: boolean; readonly evidence: readonly string[]; readonly missed: string | undefined };
export type RedFlagView = { readonly label: string; readonly why: string | undefined; readonly evidence: readonly string[] };
export type ScoreView = {
	/** Group mode: whose score this is. */
	readonly learner: string | undefined;
	readonly score: number;
	readonly max: number;
	/** Points the criteria earned before a red flag capped the total. */
	readonly earned: number;
	readonly capped: boolean;
	readonly criteria: readonly CriterionView[];
	/** Interviews: the steps of a well-structured answer; empty for a role-play. */
	readonly structure: readonly StepView[];
	readonly redFlags: readonly RedFlagView[];
};

type ScoreJson = NonNullable<Transcript['score']>;

// The explanation fields (why, against, structure, capped) sit beside the score JSON's contract, so
// the schema lets them through untyped: they are read defensively here.
function scoreView(json: ScoreJson, learner: string | undefined): ScoreView {
	const structure = Array.isArray(json.structure) ? json.structure.filter(isObject) : [];
	return {
		learner,
		score: json.score,
		max: json.max,
		earned: json.criteria.reduce((sum, criterion) => sum + criterion.points, 0),
		capped: json.capped === true,
		criteria: json.criteria.map(criterion => ({
			label: criterion.label,
			met: criterion.met,
			points: criterion.points,
			max: criterion.max,
			evidence: criterion.evidence,
			against: texts(criterion.against),
			undoneBy: texts(criterion.undoneBy).map(id => json.redFlags.find(flag => flag.id === id)?.label ?? id),
		})),
		structure: structure.map(step => ({
			label: isText(step.label) ? step.label : String(step.id),
			met: step.met === true,
			evidence: texts(step.evidence),
			missed: isText(step.missed) ? step.missed : undefined,
		})),
		redFlags: json.redFlags.map(flag => ({ label: flag.label, why: isText(flag.why) ? flag.why : undefined, evidence: flag.evidence })),
	};
}

/** The conversation's score; one per learner in group mode; none when nothing was scored. */
export function scoreViews(transcript: Transcript): ScoreView[] {
	if (transcript.scores) return transcript.scores.map(entry => scoreView(entry.score, entry.learner));
	return transcript.score ? [scoreView(transcript.score, undefined)] : [];
}

/** Criterion and red-flag ids to the labels the score JSON gives them. */
export function labelsOf(transcript: Transcript): ReadonlyMap<string, string> {
	const scores = transcript.scores?.map(entry => entry.score) ?? (transcript.score ? [transcript.score] : []);
	return new Map(scores.flatMap(score => [...score.criteria, ...score.redFlags].map(item => [item.id, item.label] as const)));
}

export type ReplyResult = {
	readonly kind: 'criterion' | 'redFlag' | 'against';
	readonly id: string;
	readonly label: string;
	/** The learner's words that the rubric used, in order. */
	readonly words: readonly string[];
};

/** What one learner reply met, what it negated, and the red flags it raised, each with its own words. */
export function replyResults(turn: TranscriptTurn, labels: ReadonlyMap<string, string>): ReplyResult[] {
	const score = turn.score;
	if (!score) return [];
	const wordsOf = (kind: ReplyResult['kind'], id: string) =>
		score.evidence.filter(item => item.kind === kind && item.id === id).flatMap(item => item.spans.map(([start, end]) => turn.text.slice(start, end)));
	const result = (kind: ReplyResult['kind'], id: string): ReplyResult => ({ kind, id, label: labels.get(id) ?? id, words: wordsOf(kind, id) });
	const negated = [...new Set(score.evidence.filter(item => item.kind === 'against').map(item => item.id))];
	return [...score.met.map(id => result('criterion', id)), ...negated.map(id => result('against', id)), ...score.redFlags.map(id => result('redFlag', id))];
}

/** A group reply's part in the conversation: the one it went on from, or one the partner did not answer. */
export function carriedNote(turn: TranscriptTurn): string {
	if (turn.role !== 'learner' || turn.carried === undefined) return '';
	return turn.carried ? 'carried on: the partner answered this reply' : 'not carried on';
}

export function speakerOf(turn: TranscriptTurn, transcript: Transcript, context: ExportContext): string {
	if (turn.role === 'learner') return turn.learner ?? transcript.learner;
	return (turn.voice === undefined ? undefined : transcript.voices?.find(voice => voice.id === turn.voice)?.name) ?? context.partnerName;
}

/** Where a turn was said, "in the group" or "in private with Ellie"; nothing in a one-thread transcript (every version 1 one). */
export function whereOf(turn: TranscriptTurn, transcript: Transcript): string | undefined {
	const audience = turn.audience === undefined ? undefined : transcript.audiences?.find(candidate => candidate.id === turn.audience);
	if (!audience) return turn.audience === undefined ? undefined : `in ${turn.audience}`;
	return audiencePhrase(audience);
}

const MODES: Record<Transcript['mode'], string> = { roleplay: 'role-play', interview: 'interview', group: 'group role-play' };
const END_REASONS: Record<NonNullable<Transcript['endReason']>, string> = {
	'turn-limit': 'reached the turn limit',
	learner: 'ended by the learner',
	facilitator: 'ended by the facilitator',
	scripted: 'reached the end of the script',
	abandoned: 'cut short',
};

function partnerFact(transcript: Transcript, context: ExportContext): string {
	const { partner } = transcript;
	if (partner.kind === 'scripted') return `${context.partnerName}, played by the scripted partner (offline)`;
	const seed = partner.seed === null ? '' : `, seed ${partner.seed}`;
	return `${context.partnerName}, played by ${partner.model ?? 'a local model'} through ${partner.kind === 'openai' ? 'an OpenAI-compatible server' : 'Ollama'}${seed}`;
}

/** The record's header, as label and value pairs, in the order a reader wants them. */
export function factsOf(transcript: Transcript, context: ExportContext): [label: string, value: string][] {
	const ending = transcript.endReason ? ` (${END_REASONS[transcript.endReason]})` : '';
	return [
		['Learner', transcript.learner],
		['Date', formatDateTime(transcript.startedAt, context.timeZone)],
		['Mode', MODES[transcript.mode]],
		['Partner', partnerFact(transcript, context)],
		['Status', `${transcript.status}${ending}`],
		['Scenario', transcript.scenario.id],
		...(transcript.audiences ? [['Where', audiencesFact(transcript.audiences)] as [string, string]] : []),
		['Transcript', transcript.id],
	];
}

/** "the group (public, 40: Ellie Marsh, Josh Whitfield, …); Ellie (private: Ellie Marsh)": where the learner could write. */
function audiencesFact(audiences: NonNullable<Transcript['audiences']>): string {
	return audiences
		.map(
			audience =>
				`${audience.label} (${audience.public ? 'public' : 'private'}${audience.size === undefined ? '' : `, ${audience.size}`}: ${audience.members.join(', ')})`,
		)
		.join('; ');
}

function formatted(iso: string, timeZone: string | undefined, parts: Intl.DateTimeFormatOptions): string {
	const date = new Date(iso);
	if (Number.isNaN(date.getTime())) return iso;
	return new Intl.DateTimeFormat('en-GB', { timeZone: timeZone ?? 'UTC', ...parts }).format(date);
}

/** 22 November 2026 at 00:53 UTC; a date that does not parse is shown as written. */
export function formatDateTime(iso: string, timeZone?: string): string {
	return formatted(iso, timeZone, { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' });
}

/** 00:53, for a turn within the session. */
export function formatTime(iso: string, timeZone?: string): string {
	return formatted(iso, timeZone, { hour: '2-digit', minute: '2-digit' });
}

export type Comment = NonNullable<Transcript['review']>['comments'][number];

/** One turn as an export shows it, whatever the format. */
export type TurnView = {
	/** From 1, as the reader counts. */
	readonly number: number;
	readonly speaker: string;
	/** "in the group", "in private with Ellie"; undefined in a one-thread transcript. */
	readonly where: string | undefined;
	/** 00:53 */
	readonly time: string;
	readonly interrupted: boolean;
	/** A group reply's part in the conversation; '' for the rest. */
	readonly carried: string;
	/** What a scored learner reply met, negated and raised; undefined for any other turn. */
	readonly results: readonly ReplyResult[] | undefined;
	readonly comments: readonly Comment[];
};

export function turnView(transcript: Transcript, turn: TranscriptTurn, index: number, context: ExportContext, labels: ReadonlyMap<string, string>): TurnView {
	return {
		number: index + 1,
		speaker: speakerOf(turn, transcript, context),
		where: whereOf(turn, transcript),
		time: formatTime(turn.time, context.timeZone),
		interrupted: turn.interrupted === true,
		carried: carriedNote(turn),
		results: turn.role === 'learner' && turn.score ? replyResults(turn, labels) : undefined,
		comments: commentsOn(transcript, index),
	};
}

/** The supervisor's comments on one turn (its index in `turns`), in the order they were written. */
export function commentsOn(transcript: Transcript, index: number): Comment[] {
	return transcript.review?.comments.filter(comment => comment.turn === index) ?? [];
}

/** Comments whose turn is not in the transcript: still the supervisor's words, so still exported. */
export function commentsOffTheConversation(transcript: Transcript): Comment[] {
	return transcript.review?.comments.filter(comment => !(comment.turn >= 0 && comment.turn < transcript.turns.length)) ?? [];
}
