import { Box, Text } from 'ink';
import React from 'react';
import { speakerOf, whereOf } from '../../export/view.js';
import { addComment, commentsOn, OUTCOMES, signOff, signOffs, startDraft, type Outcome, type ReviewDraft } from '../../review/draft.js';
import { AGAINST_MARK, CRITERION_MARKS, RED_FLAG_MARK } from '../../review/marks.js';
import type { ScoreChange } from '../../review/rescore.js';
import type { OpenedTranscript } from '../../transcript/open.js';
import type { Review } from '../../transcript/schema.js';
import { useKeys } from '../input/key-router.js';
import { TextBox } from '../input/text-box.js';
import { KeyHelp } from '../key-help.js';
import { HELP, isNo, isYes } from '../keys.js';
import { Paragraph } from '../paragraph.js';
import { useStateRef } from '../use-state-ref.js';
import { TurnView } from './turn-view.js';
import { visible, visibleLine } from '../../terminal-text.js';

type Mode =
	| { readonly name: 'browse' }
	| { readonly name: 'reviewer'; readonly then: 'comment' | 'summary' }
	| { readonly name: 'comment' }
	| { readonly name: 'summary' }
	| { readonly name: 'outcome'; readonly summary: string; readonly choice: number }
	| { readonly name: 'confirm-leave' }
	/** A new sign-off would supersede the one in force: asked first (the earlier one is kept in the history). */
	| { readonly name: 'confirm-supersede' };

export type TranscriptReviewProps = {
	readonly opened: OpenedTranscript;
	readonly partnerName: string;
	readonly change: ScoreChange;
	readonly reviewer?: string;
	readonly width: number;
	readonly height: number;
	/** Writes the signed review into the transcript; throws with a reason if it can't. */
	readonly onSave: (review: Review) => void;
	readonly onLeave: () => void;
	readonly now?: () => Date;
};

function ScoreHeader({ opened, change }: { readonly opened: OpenedTranscript; readonly change: ScoreChange }) {
	const { transcript } = opened;
	const then = transcript.score ? `${transcript.score.score}/${transcript.score.max}` : 'not scored';
	if (change.kind === 'changed-group') {
		const pair = (score: { readonly score: number; readonly max: number } | null) => (score ? `${score.score}/${score.max}` : 'not scored');
		return (
			<Text>
				Scores then {change.learners.map(entry => `${entry.learner} ${pair(entry.then)}`).join(' · ')} · now{' '}
				{change.learners.map(entry => `${entry.learner} ${pair(entry.now)}`).join(' · ')} (the scenario or rubric has changed since this session)
			</Text>
		);
	}
	if (transcript.scores) {
		// A group session: each learner was scored on their own words.
		return (
			<Text>
				Scores {transcript.scores.map(entry => `${entry.learner} ${entry.score.score}/${entry.score.max}`).join(' · ')}
				{change.kind === 'gone' ? ' (the scenario is no longer in the library: shown as scored then)' : ''}
			</Text>
		);
	}
	if (change.kind === 'changed') {
		return (
			<Box flexDirection="column">
				<Text>
					Score then <Text bold>{change.then ? `${change.then.score}/${change.then.max}` : 'not scored'}</Text> · now{' '}
					<Text bold>{`${change.now.score}/${change.now.max}`}</Text> (the scenario or rubric has changed since this session)
				</Text>
				{change.criteria.map(criterion => (
					<Text key={criterion.id}>
						{'  '}~ {criterion.label}: {criterion.then} then, {criterion.now} now
					</Text>
				))}
				{change.redFlags.raised.map(flag => (
					<Text key={`raised-${flag}`}>
						{'  '}⚑ now raised: {flag}
					</Text>
				))}
				{change.redFlags.cleared.map(flag => (
					<Text key={`cleared-${flag}`}>
						{'  '}⚑ no longer raised: {flag}
					</Text>
				))}
			</Box>
		);
	}
	return (
		<Text>
			Score <Text bold>{then}</Text>
			{change.kind === 'gone' ? ' (the scenario is no longer in the library: shown as scored then)' : ''}
		</Text>
	);
}

/** One line of text asked for by title; an empty answer is not taken. */
function AskText({ title, width, onAnswer }: { readonly title: string; readonly width: number; readonly onAnswer: (text: string) => void }) {
	return (
		<Box flexDirection="column">
			<Text bold>{title}</Text>
			<TextBox
				prompt="› "
				width={width}
				emptyHint="Type something first, then Enter (Esc to go back)."
				onSubmit={text => {
					if (text.trim() === '') return false;
					onAnswer(text.trim());
					return true;
				}}
			/>
			<KeyHelp keys={HELP.reviewText} />
		</Box>
	);
}

/** A transcript, turn by turn, for a supervisor: the evidence in the learner's words, comments, and the sign-off. */
export function TranscriptReview({
	opened,
	partnerName,
	change,
	reviewer: givenReviewer,
	width,
	height,
	onSave,
	onLeave,
	now = () => new Date(),
}: TranscriptReviewProps) {
	const { transcript } = opened;
	const turns = transcript.turns;
	const [selected, setSelected, currentSelected] = useStateRef(0);
	const [draft, setDraft, currentDraft] = useStateRef<ReviewDraft>(startDraft(transcript.review));
	const [mode, setMode, currentMode] = useStateRef<Mode>({ name: 'browse' });
	const [, setReviewer, currentReviewer] = useStateRef(givenReviewer ?? transcript.review?.reviewer);
	const [signed, setSigned, currentSigned] = useStateRef<Review | null>(transcript.review);
	const [problem, setProblem] = useStateRef<string | undefined>(undefined);
	const unsaved = draft.comments.length > (signed?.comments.length ?? 0);

	const labels: Record<string, string> = {};
	const points: Record<string, number> = {};
	for (const score of [transcript.score, ...(transcript.scores ?? []).map(entry => entry.score)]) {
		for (const criterion of score?.criteria ?? []) {
			labels[criterion.id] = criterion.label;
			points[criterion.id] = criterion.max;
		}
		for (const flag of score?.redFlags ?? []) labels[flag.id] = flag.label;
	}

	// A red flag caps a session's score; a reply that raised one is shown against the same cap.
	const caps: Record<string, number> = {};
	for (const [learner, score] of [
		[transcript.learner, transcript.score] as const,
		...(transcript.scores ?? []).map(entry => [entry.learner, entry.score] as const),
	]) {
		if (score?.capped === true) caps[learner] = score.score;
	}

	const startAction = (action: 'comment' | 'summary') => setMode(currentReviewer.current ? { name: action } : { name: 'reviewer', then: action });

	useKeys((input, key) => {
		const current = currentMode.current;
		if (current.name === 'confirm-leave') {
			if (isYes(input)) onLeave();
			else if (isNo(input, key)) setMode({ name: 'browse' });
			return;
		}
		if (current.name === 'confirm-supersede') {
			if (isYes(input)) setMode(currentReviewer.current ? { name: 'summary' } : { name: 'reviewer', then: 'summary' });
			else if (isNo(input, key)) setMode({ name: 'browse' });
			return;
		}
		if (current.name === 'outcome') {
			if (key.escape) return setMode({ name: 'browse' });
			const picked = ['1', '2', '3'].indexOf(input);
			const choice =
				picked >= 0
					? picked
					: key.upArrow
						? Math.max(0, current.choice - 1)
						: key.downArrow
							? Math.min(OUTCOMES.length - 1, current.choice + 1)
							: current.choice;
			if (choice !== current.choice) setMode({ ...current, choice });
			if (key.return) {
				const review = signOff(
					currentDraft.current,
					{ summary: current.summary, outcome: OUTCOMES[choice] as Outcome, reviewer: currentReviewer.current!, at: now().toISOString() },
					currentSigned.current,
				);
				try {
					onSave(review);
					setSigned(review);
					setProblem(undefined);
				} catch (error) {
					setProblem((error as Error).message);
				}
				setMode({ name: 'browse' });
			}
			return;
		}
		if (current.name !== 'browse') {
			if (key.escape) setMode({ name: 'browse' });
			return;
		}
		if (key.upArrow) setSelected(Math.max(0, currentSelected.current - 1));
		else if (key.downArrow) setSelected(Math.min(turns.length - 1, currentSelected.current + 1));
		else if (input === 'c') startAction('comment');
		else if (input === 's') {
			if (currentSigned.current) setMode({ name: 'confirm-supersede' });
			else startAction('summary');
		} else if (key.escape) {
			if (currentDraft.current.comments.length > (signed?.comments.length ?? 0)) setMode({ name: 'confirm-leave' });
			else onLeave();
		}
	});

	// As many turns from the selected one as the screen holds, roughly: each takes its text and a few lines.
	const room = Math.max(6, height - 10);
	const shown: number[] = [];
	let used = 0;
	for (let index = selected; index < turns.length; index++) {
		const lines = 3 + Math.ceil(turns[index]!.text.length / Math.max(20, width - 6)) + commentsOn(draft, index).length;
		if (shown.length > 0 && used + lines > room) break;
		shown.push(index);
		used += lines;
	}

	let form: React.ReactNode = null;
	if (mode.name === 'reviewer') {
		form = (
			<AskText
				title="Your name, as the reviewer:"
				width={width}
				onAnswer={name => {
					setReviewer(name);
					setMode({ name: mode.then });
				}}
			/>
		);
	} else if (mode.name === 'comment') {
		form = (
			<AskText
				title={`Comment on turn ${selected + 1}:`}
				width={width}
				onAnswer={text => {
					setDraft(addComment(currentDraft.current, { turn: currentSelected.current, text, by: currentReviewer.current!, at: now().toISOString() }));
					setMode({ name: 'browse' });
				}}
			/>
		);
	} else if (mode.name === 'summary') {
		form = (
			<AskText title="Summary of the session, for the learner's record:" width={width} onAnswer={summary => setMode({ name: 'outcome', summary, choice: 0 })} />
		);
	} else if (mode.name === 'outcome') {
		form = (
			<Box flexDirection="column">
				<Text bold>Outcome:</Text>
				{OUTCOMES.map((outcome, index) => (
					<Text key={outcome} bold={index === mode.choice}>
						{index === mode.choice ? '❯' : ' '} {index + 1}. {outcome}
					</Text>
				))}
				<KeyHelp keys={HELP.reviewOutcome} />
			</Box>
		);
	} else if (mode.name === 'confirm-supersede' && signed) {
		form = (
			<Box flexDirection="column">
				<Paragraph width={width} bold>
					{`Signed off already by ${signed.reviewer} on ${signed.signedAt.slice(0, 10)}: ${signed.outcome}. Sign off again? The new sign-off supersedes it; the earlier one is kept in the history.`}
				</Paragraph>
				<KeyHelp keys={HELP.confirmSupersede} />
			</Box>
		);
	} else if (mode.name === 'confirm-leave') {
		form = (
			<Box flexDirection="column">
				<Text bold>Leave without signing off? Comments not yet signed off are not saved.</Text>
				<KeyHelp keys={HELP.confirmLeaveReview} />
			</Box>
		);
	}

	return (
		<Box flexDirection="column" width={width}>
			<Text bold>
				{visibleLine(transcript.scenario.title)} · {visibleLine(transcript.learner)} · {transcript.startedAt.slice(0, 16).replace('T', ' ')} ·{' '}
				{transcript.status}
			</Text>
			<Text dimColor>
				{transcript.mode} · partner: {transcript.partner.kind !== 'scripted' ? `${transcript.partner.model} (seed ${transcript.partner.seed})` : 'scripted'} ·
				turn {selected + 1} of {turns.length}
			</Text>
			<Text dimColor>
				marks:{' '}
				{[...Object.keys(points).map(id => `${CRITERION_MARKS[id] ?? '?'} ${labels[id] ?? id}`), `${RED_FLAG_MARK} red flag`, `${AGAINST_MARK} negated`].join(
					' · ',
				)}
			</Text>
			<ScoreHeader opened={opened} change={change} />
			{shown.map(index => (
				<TurnView
					key={index}
					turn={turns[index]!}
					number={index + 1}
					selected={index === selected}
					partnerName={partnerName}
					speaker={speakerOf(turns[index]!, transcript, { partnerName })}
					where={whereOf(turns[index]!, transcript)}
					labels={labels}
					points={points}
					comments={commentsOn(draft, index)}
					cap={caps[turns[index]!.learner ?? transcript.learner]}
					width={width}
					group={transcript.learners.length > 1}
				/>
			))}
			{transcript.pending?.length && selected === turns.length - 1 ? (
				<Box flexDirection="column" marginTop={1}>
					<Text dimColor>Sent, never answered (the session was stopped first; not scored):</Text>
					{transcript.pending.slice(0, 5).map((reply, index) => (
						<Paragraph key={index} width={width} indent={4} dimColor>
							{`${reply.learner}: ${reply.text.slice(0, 500)}`}
						</Paragraph>
					))}
					{transcript.pending.length > 5 ? <Text dimColor> … and {transcript.pending.length - 5} more</Text> : null}
				</Box>
			) : null}
			{signed ? (
				<Box flexDirection="column" marginTop={1}>
					<Text bold>
						Review signed by {visibleLine(signed.reviewer)} on {visibleLine(signed.signedAt.slice(0, 10))}: {signed.outcome}
					</Text>
					<Paragraph width={width} indent={2}>
						{visible(signed.summary)}
					</Paragraph>
					{signOffs(signed)
						.slice(0, -1)
						.reverse()
						.map((earlier, index) => (
							<Paragraph key={index} width={width} indent={2} dimColor>
								{`Superseded: ${earlier.reviewer} on ${earlier.signedAt.slice(0, 10)}: ${earlier.outcome} — ${earlier.summary}`}
							</Paragraph>
						))}
				</Box>
			) : null}
			{unsaved && mode.name === 'browse' ? (
				<Text color="yellow">{draft.comments.length - (signed?.comments.length ?? 0)} comment(s) not yet signed off: press s to sign off and save.</Text>
			) : null}
			{problem ? <Text color="red">✗ {problem}</Text> : null}
			<Box marginTop={1}>{form ?? <KeyHelp keys={HELP.review} />}</Box>
		</Box>
	);
}
