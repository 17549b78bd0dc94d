import { Box, Text } from 'ink';
import React from 'react';
import type { GroupTable } from '../../group/debrief.js';
import { CRITERION_MARKS, criterionKey, RED_FLAG_MARK } from '../../review/marks.js';
import { cell, nameWidth } from '../cell.js';
import { Paragraph } from '../paragraph.js';

type GroupDebriefProps = {
	readonly title: string;
	readonly table: GroupTable;
	readonly names: ReadonlyMap<string, string>;
	readonly modelReply: string;
	readonly questions: readonly string[];
	readonly width: number;
};

/** The group debrief: learner × criterion, the model reply, and three questions to talk through. */
export function GroupDebriefView({ title, table, names, modelReply, questions, width }: GroupDebriefProps) {
	const column = nameWidth(
		table.rows.map(row => names.get(row.learner) ?? row.learner),
		7,
	);
	const mark = 9;
	return (
		<Box flexDirection="column" marginTop={1} width={width}>
			<Text bold>── Group debrief · {title} ──</Text>
			<Text bold>
				{cell('Learner', column)} {table.criteria.map(criterion => (CRITERION_MARKS[criterion.id] ?? criterion.id).padEnd(mark)).join('')}
				{'Flags'.padEnd(mark)}Score
			</Text>
			{table.rows.map(row => (
				<Text key={row.learner}>
					{cell(names.get(row.learner) ?? row.learner, column)}{' '}
					{table.criteria.map(criterion => (row.met[criterion.id] ? '✓ met' : '✗ missed').padEnd(mark)).join('')}
					{(row.redFlags.length > 0 ? `${RED_FLAG_MARK} ${row.redFlags.length}` : 'none').padEnd(mark)}
					{row.score}/{row.max}
				</Text>
			))}
			<Text dimColor>{criterionKey(table.criteria)}</Text>
			<Text bold>A model reply</Text>
			<Paragraph width={width} indent={2}>{`“${modelReply}”`}</Paragraph>
			<Text bold>For discussion</Text>
			{questions.map((question, index) => (
				<Paragraph key={index} width={width} indent={2} lead={`${index + 1}. `}>
					{question}
				</Paragraph>
			))}
		</Box>
	);
}
