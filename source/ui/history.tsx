import { useComponentTheme, type ComponentTheme } from '@inkjs/ui';
import { Box, Text } from 'ink';
import React from 'react';
import type { ConversationScore } from '../rubric/score.js';
import type { Scenario } from '../scenario/schema.js';
import type { Message } from '../session/types.js';
import { ChatHeader } from './chat/chat-header.js';
import { MessageBubble } from './chat/message-bubble.js';
import { DebriefView } from './debrief/debrief-view.js';
import { Paragraph } from './paragraph.js';

/** Something finished, printed once above the live area and never drawn again (Ink's <Static>). */
export type HistoryItem =
	| { readonly kind: 'header'; readonly key: string; readonly scenario: Scenario; readonly learner: string }
	| { readonly kind: 'message'; readonly key: string; readonly scenario: Scenario; readonly message: Message }
	| { readonly kind: 'hint'; readonly key: string; readonly text: string }
	| { readonly kind: 'notice'; readonly key: string; readonly text: string }
	| { readonly kind: 'debrief'; readonly key: string; readonly scenario: Scenario; readonly score: ConversationScore; readonly learner?: string };

type HistoryViewProps = {
	readonly item: HistoryItem;
	readonly width: number;
	readonly sources: Readonly<Record<string, string>>;
};

export function HistoryView({ item, width, sources }: HistoryViewProps) {
	const { styles } = useComponentTheme<ComponentTheme>('Hint');
	switch (item.kind) {
		case 'header':
			return (
				<Box flexDirection="column" marginBottom={1}>
					<ChatHeader scenario={item.scenario} learner={item.learner} width={width} />
					<Text bold>Setting</Text>
					<Paragraph width={Math.min(width, 100)}>{item.scenario.setting}</Paragraph>
				</Box>
			);
		case 'message':
			return <MessageBubble message={item.message} partnerName={item.scenario.partner.name} channel={item.scenario.channel} width={Math.min(width, 100)} />;
		case 'hint':
			return (
				<Paragraph width={Math.min(width, 100)} lead="Coach: " {...styles!.text!()}>
					{item.text}
				</Paragraph>
			);
		case 'notice':
			return (
				<Paragraph width={Math.min(width, 100)} dimColor>
					{item.text}
				</Paragraph>
			);
		case 'debrief':
			return <DebriefView scenario={item.scenario} score={item.score} sources={sources} width={width} learner={item.learner} />;
	}
}
