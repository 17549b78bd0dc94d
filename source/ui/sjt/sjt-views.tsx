import { Box, Text } from 'ink';
import React from 'react';
import { bar, fractionOf } from '../../proportion.js';
import { anchorLine } from '../../scenario/labels.js';
import { bestThreeMark, NONE_ANSWERED, rankMarks, sessionTotalLine, typeName, type SjtResult, type SjtSummary } from '../../sjt/practice.js';
import type { SjtItem } from '../../sjt/schema.js';
import { Paragraph } from '../paragraph.js';

/** The item's heading and situation, printed once when it starts. */
export function ItemStem({ item, position, width }: { readonly item: SjtItem; readonly position: string; readonly width: number }) {
	return (
		<Box flexDirection="column" marginTop={1}>
			<Text bold>
				{position} · {item.title} ({typeName(item)})
			</Text>
			<Paragraph width={width}>{item.stem}</Paragraph>
		</Box>
	);
}

/** The answer beside the ideal, the marks for each option, and why each option sits where it does. */
export function RevealView({
	result,
	sources,
	width,
}: {
	readonly result: SjtResult;
	readonly sources: Readonly<Record<string, string>>;
	readonly width: number;
}) {
	const { item, score, answer } = result;
	const textWidth = Math.max(20, width - 6);
	return (
		<Box flexDirection="column" marginTop={1}>
			<Text bold>
				Score {score.points} of {score.max} {bar(fractionOf(score.points, score.max), 16)}
				{result.timedOut ? ' · time ran out: what you had entered was scored' : ''}
			</Text>
			{score.type === 'rank' ? (
				<>
					<Text>Your order {answer.length > 0 ? answer.join(' > ') : '(nothing entered)'}</Text>
					<Text>Ideal order {item.answer.join(' > ')}</Text>
				</>
			) : (
				<>
					<Text>You chose {answer.length > 0 ? answer.join(', ') : '(nothing)'}</Text>
					<Text>Best three {item.answer.join(', ')}</Text>
				</>
			)}
			{item.options.map(option => {
				const marks =
					score.type === 'rank'
						? (() => {
								const entry = score.perOption.find(candidate => candidate.option === option.id)!;
								return rankMarks(entry);
							})()
						: (() => {
								const entry = score.perOption.find(candidate => candidate.option === option.id)!;
								return `${bestThreeMark(entry.correct)}${entry.chosen ? `; you chose it: ${entry.points}/4` : ''}`;
							})();
				return (
					<Box key={option.id} flexDirection="column" marginTop={1}>
						<Text bold>
							{option.id} · {marks}
						</Text>
						<Paragraph width={textWidth} indent={2} dimColor>
							{option.text}
						</Paragraph>
						<Paragraph width={textWidth} indent={2} lead="Why: ">
							{option.rationale}
						</Paragraph>
					</Box>
				);
			})}
			<Box flexDirection="column" marginTop={1}>
				<Text bold>Guidance</Text>
				{item.anchors.map((anchor, index) => (
					<Paragraph key={index} width={textWidth} indent={2} lead="• ">
						{anchorLine(anchor, sources)}
					</Paragraph>
				))}
			</Box>
		</Box>
	);
}

/** The session's total as a percentage, results by topic as bars, and the items to revisit. */
export function SummaryView({
	summary,
	results,
	file,
	width,
}: {
	readonly summary: SjtSummary;
	readonly results: readonly SjtResult[];
	/** "Saved: file", or what could not be saved and where the copy went. */ readonly file: string;
	readonly width: number;
}) {
	if (summary.items === 0) {
		return (
			<Box flexDirection="column" marginTop={1}>
				<Text bold>{NONE_ANSWERED}</Text>
				<Text dimColor>{file}</Text>
			</Box>
		);
	}
	const titles = new Map(results.map(result => [result.item.id, result.item.title]));
	const topicWidth = Math.min(28, Math.max(...summary.byTopic.map(topic => topic.topic.length), 5));
	return (
		<Box flexDirection="column" marginTop={1}>
			<Text bold>{sessionTotalLine(summary)}</Text>
			<Text bold>By topic</Text>
			{summary.byTopic.map(topic => (
				<Text key={topic.topic}>
					{'  '}
					{topic.topic.slice(0, topicWidth).padEnd(topicWidth)} {bar(fractionOf(topic.points, topic.max), 16)} {String(topic.percent).padStart(3)}% (
					{topic.points}/{topic.max})
				</Text>
			))}
			{summary.revisit.length > 0 ? (
				<>
					<Text bold>To revisit (under three quarters of the marks)</Text>
					{summary.revisit.map(id => (
						<Paragraph key={id} width={width} indent={2} lead="• ">
							{`${titles.get(id) ?? id} (${id})`}
						</Paragraph>
					))}
				</>
			) : (
				<Text>Nothing to revisit: every item scored at least three quarters of its marks.</Text>
			)}
			<Text dimColor>{file}</Text>
		</Box>
	);
}
