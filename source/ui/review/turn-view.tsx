import { Box, Text } from 'ink';
import React from 'react';
import { CRITERION_MARKS, markedRuns, RED_FLAG_MARK } from '../../review/marks.js';
import type { ReviewComment } from '../../review/draft.js';
import type { TranscriptTurn } from '../../transcript/schema.js';
import { visible, visibleLine } from '../../terminal-text.js';
import { Paragraph } from '../paragraph.js';
import { wrapSegments, type Segment } from '../wrap-segments.js';

type RunStyle = { readonly underline?: boolean; readonly bold?: boolean; readonly color?: string };

/** Lines already wrapped, each run in its own style. */
function StyledLines({ lines }: { readonly lines: readonly (readonly Segment<RunStyle>[])[] }) {
	return (
		<Box flexDirection="column">
			{lines.map((line, index) => (
				<Text key={index}>
					{line.length === 0 ? ' ' : null}
					{line.map((piece, at) => (
						<Text key={at} {...piece.style}>
							{piece.text}
						</Text>
					))}
				</Text>
			))}
		</Box>
	);
}

type TurnViewProps = {
	readonly turn: TranscriptTurn;
	readonly number: number;
	readonly selected: boolean;
	readonly partnerName: string;
	/** Labels of the criteria and red flags, by id, for the per-reply line. */
	readonly labels: Readonly<Record<string, string>>;
	/** Each criterion's points, by id, and their total: what a reply's own score is out of. */
	readonly points: Readonly<Record<string, number>>;
	readonly comments: readonly ReviewComment[];
	/** What a red flag capped this learner's session score at, if it did: a flagged reply is held to it too. */
	readonly cap?: number | undefined;
	readonly width: number;
	/** A group session: say which reply the conversation went on from. */
	readonly group?: boolean;
	/** Who said a partner turn, when another voice than the partner did ("Josh Whitfield"). */
	readonly speaker?: string | undefined;
	/** Where it was said, "in the group", in a transcript that records audiences. */
	readonly where?: string | undefined;
};

/** One turn: who, when, what they wrote (a reply with the rubric's evidence marked), its score, the comments on it. */
/** The most of one turn's text drawn: a reply longer than a few screens shows its start and says how much more there is. */
export const SHOWN_CHARACTERS = 4000;

export function TurnView({ turn: whole, number, selected, partnerName, labels, points, comments, cap, width, group = false, speaker, where }: TurnViewProps) {
	// Only what can be on screen is laid out: a 10 MB reply would take the terminal's whole attention.
	const hidden = Math.max(0, whole.text.length - SHOWN_CHARACTERS);
	const turn = hidden > 0 ? { ...whole, text: whole.text.slice(0, SHOWN_CHARACTERS) } : whole;
	const max = Object.values(points).reduce((sum, value) => sum + value, 0);
	const earned = turn.score?.met.reduce((sum, id) => sum + (points[id] ?? 0), 0) ?? 0;
	const capped = turn.score !== undefined && turn.score.redFlags.length > 0 && cap !== undefined && earned > cap;
	const isLearner = turn.role === 'learner';
	// Words that met a criterion in a reply whose red flag undid it: marked, but not in `met`.
	const undone = turn.score
		? [...new Set(turn.score.evidence.filter(item => item.kind === 'criterion' && !turn.score!.met.includes(item.id as never)).map(item => item.id))]
		: [];
	const name = visibleLine(isLearner ? (turn.learner ?? 'Learner') : (speaker ?? partnerName));
	const time = visibleLine(turn.time.slice(11, 16));
	const textWidth = Math.max(10, width - 4);
	return (
		<Box flexDirection="column" marginTop={1} width={width}>
			<Text bold={selected} inverse={selected}>
				{selected ? '❯ ' : '  '}
				{number}. {name}
				{where ? ` · ${visibleLine(where)}` : ''} · {time}
				{turn.interrupted ? ' · cut off' : ''}
				{group && turn.carried ? ' · carried on' : ''}
			</Text>
			<Box paddingLeft={4} width={width}>
				{isLearner ? (
					<StyledLines
						lines={wrapSegments(
							markedRuns(turn).flatMap((run): Segment<RunStyle>[] =>
								run.marks.length === 0
									? [{ text: visible(run.text), style: {} }]
									: [
											{ text: `[${visible(run.text)}]`, style: { underline: true, color: run.flagged ? 'red' : 'green' } },
											{ text: run.marks.join(''), style: { bold: true, color: run.flagged ? 'red' : 'green' } },
										],
							),
							textWidth,
						)}
					/>
				) : (
					<Paragraph width={textWidth} dimColor={!selected}>
						{visible(turn.text)}
					</Paragraph>
				)}
			</Box>
			{hidden > 0 ? (
				<Box paddingLeft={4}>
					<Text dimColor>… and {hidden.toLocaleString('en-GB')} more characters, not shown here (`postsafe export` has them all)</Text>
				</Box>
			) : null}
			{isLearner && turn.score ? (
				<Box paddingLeft={4}>
					<StyledLines
						lines={wrapSegments(
							[
								{
									text: `${max > 0 ? (capped ? `${cap} of ${max} points (${earned} before the red flag's cap) · ` : `${earned} of ${max} points · `) : ''}met: ${turn.score.met.length > 0 ? turn.score.met.map(id => `${CRITERION_MARKS[id] ?? '?'} ${labels[id] ?? id}`).join(', ') : 'nothing'}`,
									style: {},
								},
								...(undone.length > 0
									? [
											{
												text: ` · undone by the red flag: ${undone.map(id => `${CRITERION_MARKS[id] ?? '?'} ${labels[id] ?? id}`).join(', ')}`,
												style: { color: 'red' },
											},
										]
									: []),
								...(turn.score.redFlags.length > 0
									? [{ text: ` · ${turn.score.redFlags.map(id => `${RED_FLAG_MARK} ${labels[id] ?? id}`).join(', ')}`, style: { color: 'red' } }]
									: []),
							],
							textWidth,
						)}
					/>
				</Box>
			) : null}
			{comments.map((comment, index) => (
				<Box key={index} paddingLeft={4} width={width}>
					<Paragraph width={textWidth} color="cyan">
						{`💬 ${visibleLine(comment.by)}: ${visible(comment.text)}`}
					</Paragraph>
				</Box>
			))}
		</Box>
	);
}
