import { CRITERION_IDS } from '../scenario/constants.js';
import type { CriterionId } from '../scenario/schema.js';
import type { SignOff, Transcript } from '../transcript/schema.js';
import { signOffs } from '../review/draft.js';
import { SJT_RECORD_REASON } from '../transcript/version.js';

/** One file of the transcripts folder, as the command read it. */
export type ReportSource =
	| { readonly kind: 'transcript'; readonly file: string; readonly transcript: Transcript }
	| { readonly kind: 'sjt'; readonly file: string; readonly learner: string; readonly startedAt: string }
	| { readonly kind: 'unreadable'; readonly file: string; readonly reason: string };

export type ReportFilter = {
	/** The whole name, matched without regard to case. */
	readonly learner?: string;
	/** The date as typed (YYYY-MM-DD) and the moment it begins. */
	readonly since?: { readonly date: string; readonly from: Date };
};

/** A scenario in the library, as far as the report needs it: what it scores. */
export type LibraryScenario = {
	readonly id: string;
	readonly title: string;
	readonly criteria: readonly CriterionId[];
};

export type ReportInput = {
	readonly sources: readonly ReportSource[];
	readonly filter: ReportFilter;
	readonly scenarios: readonly LibraryScenario[];
	/** Today's criterion labels from the criteria library; a transcript's own label otherwise. */
	readonly labels: Readonly<Partial<Record<CriterionId, string>>>;
};

/** One learner's part in one conversation: a group session gives one for each learner. */
export type SessionResult = {
	readonly id: string;
	readonly file: string;
	readonly scenario: string;
	readonly startedAt: string;
	readonly learner: string;
	readonly score: number;
	readonly max: number;
	readonly criteria: readonly { readonly id: CriterionId; readonly label: string; readonly met: boolean }[];
	readonly redFlags: readonly { readonly id: string; readonly label: string }[];
	/** The supervisors' sign-offs, oldest first: the last is the one in force. */
	readonly signOffs: readonly SignOff[];
	/** Scenarios with audiences: how many of the learner's replies went where others could see them, and how many in private. */
	readonly where?: WhereWritten;
};

export type WhereWritten = { readonly public: number; readonly private: number };

export type CriterionRate = { readonly id: CriterionId; readonly label: string; readonly met: number; readonly of: number; readonly rate: number };
export type RedFlagCount = { readonly id: string; readonly label: string; readonly count: number };
export type Weakest = CriterionRate & { readonly scenarios: readonly LibraryScenario[] };

export type SkipKind = 'unreadable' | 'no reply' | 'sjt';
export type Skipped = { readonly file: string; readonly reason: string; readonly kind: SkipKind };

export type Report = {
	/** In the order they were played. */
	readonly sessions: readonly SessionResult[];
	readonly learner?: string;
	readonly since?: string;
	/** Only the criteria some session scored, in the criteria library's order. */
	readonly criteria: readonly CriterionRate[];
	readonly redFlags: readonly RedFlagCount[];
	readonly weakest: Weakest | null;
	readonly skipped: readonly Skipped[];
	/** Everyone with a conversation in the folder, whatever the filter: for "no sessions for X". */
	readonly learnersInFolder: readonly string[];
	/** Replies in public and in private, over the sessions that offered a choice; absent when none did. */
	readonly where?: WhereWritten;
};

type ScoreJson = NonNullable<Transcript['score']>;
type Part = { readonly learner: string; readonly score: ScoreJson; readonly replies: number };

const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

function partsOf(transcript: Transcript): Part[] {
	const replies = transcript.turns.filter(turn => turn.role === 'learner');
	if (transcript.scores) {
		return transcript.scores.map(({ learner, score }) => ({ learner, score, replies: replies.filter(turn => turn.learner === learner).length }));
	}
	return transcript.score ? [{ learner: transcript.learner, score: transcript.score, replies: replies.length }] : [];
}

function passes(filter: ReportFilter, learner: string, startedAt: string): boolean {
	if (filter.learner !== undefined && !sameName(filter.learner, learner)) return false;
	// A start time that does not parse is NaN, so it is never "on or after" anything.
	return filter.since === undefined || Date.parse(startedAt) >= filter.since.from.getTime();
}

function noReplyReason(transcript: Transcript, learner: string): string {
	const what = transcript.status === 'abandoned' ? 'abandoned before any reply' : 'ended before any reply';
	return transcript.mode === 'group' ? `${what} from ${learner}` : what;
}

/** Where a learner's replies went, in a transcript that records audiences (version 2 and a scenario with them). */
function whereWritten(transcript: Transcript, learner: string): WhereWritten | undefined {
	const audiences = transcript.audiences;
	if (!audiences) return undefined;
	const replies = transcript.turns.filter(turn => turn.role === 'learner' && (turn.learner ?? transcript.learner) === learner);
	const isPublic = (id: string | undefined) => audiences.find(audience => audience.id === id)?.public === true;
	const inPublic = replies.filter(turn => isPublic(turn.audience)).length;
	return { public: inPublic, private: replies.length - inPublic };
}

function sessionOf(file: string, transcript: Transcript, part: Part): SessionResult {
	const where = whereWritten(transcript, part.learner);
	return {
		id: transcript.id,
		file,
		scenario: transcript.scenario.id,
		startedAt: transcript.startedAt,
		learner: part.learner,
		score: part.score.score,
		max: part.score.max,
		criteria: part.score.criteria.map(({ id, label, met }) => ({ id, label, met })),
		redFlags: part.score.redFlags.map(({ id, label }) => ({ id, label })),
		signOffs: transcript.review ? signOffs(transcript.review) : [],
		...(where === undefined ? {} : { where }),
	};
}

function criterionRates(sessions: readonly SessionResult[], labels: ReportInput['labels']): CriterionRate[] {
	return CRITERION_IDS.flatMap(id => {
		const scored = sessions.flatMap(session => session.criteria.filter(criterion => criterion.id === id));
		if (scored.length === 0) return [];
		const met = scored.filter(criterion => criterion.met).length;
		// Sessions are oldest first, so the last label seen is the newest.
		const label = labels[id] ?? scored[scored.length - 1]!.label;
		return [{ id, label, met, of: scored.length, rate: met / scored.length }];
	});
}

function redFlagCounts(sessions: readonly SessionResult[]): RedFlagCount[] {
	const counts = new Map<string, { label: string; count: number }>();
	for (const session of sessions) {
		// A flag raised twice in one session is still one session with that flag.
		for (const flag of new Map(session.redFlags.map(item => [item.id, item])).values()) {
			const seen = counts.get(flag.id);
			counts.set(flag.id, { label: flag.label, count: (seen?.count ?? 0) + 1 });
		}
	}
	return [...counts]
		.map(([id, { label, count }]) => ({ id, label, count }))
		.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label) || a.id.localeCompare(b.id));
}

/** Lowest met-rate; a tie goes to the criterion scored in more sessions (the surer result), then by id. */
function weakestOf(criteria: readonly CriterionRate[], scenarios: readonly LibraryScenario[]): Weakest | null {
	// Rates compared as cross-products, so 1/3 and 2/6 tie exactly.
	const [weakest] = [...criteria].sort((a, b) => a.met * b.of - b.met * a.of || b.of - a.of || a.id.localeCompare(b.id));
	if (!weakest) return null;
	const practising = scenarios.filter(scenario => scenario.criteria.includes(weakest.id)).sort((a, b) => a.id.localeCompare(b.id));
	return { ...weakest, scenarios: practising };
}

const byFile = (a: Skipped, b: Skipped) => a.file.localeCompare(b.file) || a.reason.localeCompare(b.reason);

/** The progress report: what the filtered sessions met and missed, their scores in time order, and what to practise. */
export function aggregateReport({ sources, filter, scenarios, labels }: ReportInput): Report {
	const sessions: SessionResult[] = [];
	const skipped: Skipped[] = [];
	const learners = new Map<string, string>();
	for (const source of sources) {
		if (source.kind === 'unreadable') {
			skipped.push({ file: source.file, reason: source.reason, kind: 'unreadable' });
		} else if (source.kind === 'sjt') {
			if (passes(filter, source.learner, source.startedAt)) skipped.push({ file: source.file, reason: SJT_RECORD_REASON, kind: 'sjt' });
		} else {
			const { file, transcript } = source;
			const parts = partsOf(transcript);
			if (parts.length === 0) {
				skipped.push({ file, reason: 'no score recorded', kind: 'unreadable' });
				continue;
			}
			for (const part of parts) {
				learners.set(part.learner.trim().toLowerCase(), part.learner);
				if (!passes(filter, part.learner, transcript.startedAt)) continue;
				if (part.replies === 0) skipped.push({ file, reason: noReplyReason(transcript, part.learner), kind: 'no reply' });
				else sessions.push(sessionOf(file, transcript, part));
			}
		}
	}
	sessions.sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt) || a.id.localeCompare(b.id) || a.learner.localeCompare(b.learner));
	const criteria = criterionRates(sessions, labels);
	const chose = sessions.flatMap(session => (session.where ? [session.where] : []));
	const where =
		chose.length === 0 ? undefined : { public: chose.reduce((sum, item) => sum + item.public, 0), private: chose.reduce((sum, item) => sum + item.private, 0) };
	return {
		sessions,
		...(filter.learner === undefined ? {} : { learner: filter.learner }),
		...(filter.since === undefined ? {} : { since: filter.since.date }),
		criteria,
		redFlags: redFlagCounts(sessions),
		weakest: weakestOf(criteria, scenarios),
		skipped: skipped.sort(byFile),
		learnersInFolder: [...learners.values()].sort((a, b) => a.localeCompare(b)),
		...(where === undefined ? {} : { where }),
	};
}
