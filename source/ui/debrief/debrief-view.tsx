import { useComponentTheme, type ComponentTheme } from '@inkjs/ui';
import { Box, Text } from 'ink';
import React from 'react';
import type { ConversationScore, QuotedEvidence } from '../../rubric/score.js';
import type { Scenario } from '../../scenario/schema.js';
import { Paragraph } from '../paragraph.js';
import { bar, fractionOf } from '../../proportion.js';
import { modelReplyHeading } from '../../scenario/audiences.js';
import { DEBRIEF_HEADINGS, redFlagsHeading, structureHeading } from '../../scenario/debrief-headings.js';
import { anchorLine } from '../../scenario/labels.js';
import { visibleLine } from '../../terminal-text.js';

type DebriefViewProps = {
	readonly scenario: Scenario;
	readonly score: ConversationScore;
	/** Titles of the documents anchors cite, by source id (from criteria.yaml). */
	readonly sources: Readonly<Record<string, string>>;
	readonly width: number;
	/** Name the learner whose score this is (group mode). */
	readonly learner?: string;
};

function fromReply(item: QuotedEvidence, replies: number): string {
	return replies > 1 ? ` (reply ${item.reply + 1})` : '';
}

/** The debrief after a conversation: every criterion's bar and evidence, red flags, the model reply, anchors, key points. */
export function DebriefView({ scenario, score, sources, width, learner }: DebriefViewProps) {
	const { styles } = useComponentTheme<ComponentTheme>('Debrief');
	const s = styles!;
	const columns = Math.min(width, 100);
	const replies = score.replies.length;
	const labelWidth = Math.max(...score.criteria.map(criterion => criterion.label.length));
	const { debrief } = scenario;
	const title = `── Debrief${learner ? ` for ${visibleLine(learner)}` : ''} · ${visibleLine(scenario.title)} `;
	return (
		<Box flexDirection="column" width={columns} marginTop={1}>
			<Text {...s.heading!()}>{title + '─'.repeat(Math.max(0, columns - title.length))}</Text>
			<Text>
				Score{' '}
				<Text {...s.heading!()}>
					{score.score}/{score.max}
				</Text>
				{score.capped ? (
					<Text {...s.flag!()}>
						{' '}
						(you earned {score.earned}; a red flag caps the total at {score.score})
					</Text>
				) : null}
				{!score.capped && score.offTopic && score.score < score.earned ? (
					<Text {...s.dim!()}> (full marks need a reply about this situation: yours never touches it)</Text>
				) : null}
				{replies === 0 ? <Text {...s.dim!()}> (no replies)</Text> : null}
			</Text>
			{score.criteria.map(criterion => (
				<Box key={criterion.id} flexDirection="column" marginTop={1}>
					<Text>
						{criterion.met ? <Text {...s.met!()}>✓ met </Text> : <Text {...s.missed!()}>✗ missed</Text>}
						{'  '}
						<Text {...s.heading!()}>{criterion.label.padEnd(labelWidth)}</Text>
						{'  '}
						<Text {...(criterion.met ? s.met!() : s.missed!())}>{bar(fractionOf(criterion.points, criterion.max), 10)}</Text> {criterion.points}/{criterion.max}
					</Text>
					{criterion.evidence.map((item, index) => (
						<Paragraph key={index} width={columns} indent={10} {...s.quote!()}>
							{`“${item.quote}”${fromReply(item, replies)}`}
						</Paragraph>
					))}
					{criterion.undoneBy.length > 0 ? (
						<Paragraph width={columns} indent={10} {...s.flag!()}>
							{`⚑ Undone by: ${criterion.undoneBy.map(flag => flag.label).join('; ')}`}
						</Paragraph>
					) : null}
					{criterion.against.map((item, index) => (
						<Paragraph key={`against-${index}`} width={columns} indent={10}>
							{criterion.undoneBy.length > 0
								? `You also wrote “${item.quote}”${fromReply(item, replies)}, which undoes it.`
								: `You wrote “${item.quote}”${fromReply(item, replies)}, which says the opposite.`}
						</Paragraph>
					))}
					{criterion.met ? null : (
						<Paragraph width={columns} indent={10} lead="→ ">
							{criterion.feedback}
						</Paragraph>
					)}
				</Box>
			))}
			{score.structure.length > 0 ? (
				<Box flexDirection="column" marginTop={1}>
					<Text {...s.heading!()}>{structureHeading(score.structure)}</Text>
					{score.structure.map((step, index) => (
						<Box key={step.id} flexDirection="column">
							<Text>
								{step.met ? <Text {...s.met!()}>✓ taken </Text> : <Text {...s.missed!()}>✗ missed</Text>}
								{'  '}
								{index + 1}. {step.label}
							</Text>
							{step.evidence.slice(0, 1).map((item, position) => (
								<Paragraph key={position} width={columns} indent={10} {...s.quote!()}>
									{`“${item.quote}”${fromReply(item, replies)}`}
								</Paragraph>
							))}
							{step.met ? null : (
								<Paragraph width={columns} indent={10} lead="→ ">
									{step.missed}
								</Paragraph>
							)}
						</Box>
					))}
				</Box>
			) : null}
			<Box flexDirection="column" marginTop={1}>
				{score.redFlags.length === 0 ? (
					<Text>⚑ {DEBRIEF_HEADINGS.noRedFlags}</Text>
				) : (
					<>
						<Text {...s.flag!()}>⚑ {redFlagsHeading(score.redFlags.length)}</Text>
						{score.redFlags.map(flag => (
							<Box key={flag.id} flexDirection="column" marginTop={1}>
								<Paragraph width={columns} indent={2} lead="⚑ " {...s.flag!()}>
									{flag.label}
								</Paragraph>
								{flag.evidence.map((item, index) => (
									<Paragraph key={index} width={columns} indent={4} {...s.quote!()}>
										{`${item.identifier ? `${item.reason}: ` : ''}“${item.quote}”${fromReply(item, replies)}`}
									</Paragraph>
								))}
								<Paragraph width={columns} indent={4} lead={DEBRIEF_HEADINGS.whyItMatters}>
									{flag.why}
								</Paragraph>
							</Box>
						))}
					</>
				)}
			</Box>
			<Box flexDirection="column" marginTop={1}>
				<Text {...s.heading!()}>{modelReplyHeading(scenario)}</Text>
				<Paragraph width={columns} indent={2} {...s.quote!()}>
					{`“${debrief.modelReply}”`}
				</Paragraph>
				<Paragraph width={columns} indent={2} lead={DEBRIEF_HEADINGS.whyItWorks}>
					{debrief.why}
				</Paragraph>
			</Box>
			<Box flexDirection="column" marginTop={1}>
				<Text {...s.heading!()}>{DEBRIEF_HEADINGS.anchors}</Text>
				{debrief.anchors.map((anchor, index) => (
					<Paragraph key={index} width={columns} indent={2} lead="• ">
						{anchorLine(anchor, sources)}
					</Paragraph>
				))}
			</Box>
			<Box flexDirection="column" marginTop={1}>
				<Text {...s.heading!()}>{DEBRIEF_HEADINGS.keyPoints}</Text>
				{debrief.keyPoints.map((point, index) => (
					<Paragraph key={index} width={columns} indent={2} lead="• ">
						{point}
					</Paragraph>
				))}
			</Box>
		</Box>
	);
}
