import { Box, Text } from 'ink';
import React from 'react';
import { bar, fractionOf } from '../../proportion.js';
import type { GroupSjt } from '../../group/sjt-distribution.js';
import { answerLetters, BEST3_SPREAD_HEADING, idealLine } from '../../sjt/practice.js';
import type { SjtItem } from '../../sjt/schema.js';
import { cell, nameWidth } from '../cell.js';
import { Paragraph } from '../paragraph.js';

/**
 * The group's answers to one item: why each option is where it is, then the spread against the ideal and
 * each learner's marks last, so that on a projector at 80×24 the chart and the marks are what stays on screen.
 */
export function GroupSjtView({
	item,
	group,
	names,
	width,
}: {
	readonly item: SjtItem;
	readonly group: GroupSjt;
	readonly names: ReadonlyMap<string, string>;
	readonly width: number;
}) {
	const people = group.learners.length;
	const nameOf = (learner: string) => names.get(learner) ?? learner;
	const column = nameWidth(group.learners.map(entry => nameOf(entry.learner)));
	return (
		<Box flexDirection="column" marginTop={1} width={width}>
			<Text bold>Why each option is where it is</Text>
			{item.options.map(option => (
				<Box key={option.id} flexDirection="column">
					<Paragraph width={width} indent={2} lead={`${option.id} `} dimColor>
						{option.text}
					</Paragraph>
					<Paragraph width={width} indent={4} lead="Why: ">
						{option.rationale}
					</Paragraph>
				</Box>
			))}
			{item.type === 'rank' ? (
				<>
					<Text bold>How the group ranked each option: learners at each place (* the ideal place)</Text>
					{group.spread.map(spread =>
						spread.type === 'rank' ? (
							<Text key={spread.option}>
								{'  '}
								{spread.option}
								{'  '}
								{spread.atPlace
									.map((count, place) => `${place + 1}${place + 1 === spread.ideal ? '*' : ' '} ${bar(fractionOf(count, people), 4)} ${count}`)
									.join('  ')}
							</Text>
						) : null,
					)}
				</>
			) : (
				<>
					<Text bold>{BEST3_SPREAD_HEADING}</Text>
					{group.spread.map(spread =>
						spread.type === 'best3' ? (
							<Text key={spread.option}>
								{'  '}
								{spread.option} {spread.correct ? '✓' : ' '} {bar(fractionOf(spread.chosenBy, people), 12)} {spread.chosenBy}/{people}
							</Text>
						) : null,
					)}
				</>
			)}
			<Text bold>Marks</Text>
			{group.learners.map(entry => (
				<Text key={entry.learner}>
					{'  '}
					{cell(nameOf(entry.learner), column)} {(entry.answer.length > 0 ? answerLetters(item.type, entry.answer) : '(none)').padEnd(20)} {entry.score.points}/
					{entry.score.max}
				</Text>
			))}
			<Text bold>{idealLine(item)}</Text>
		</Box>
	);
}
