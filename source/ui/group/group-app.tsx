import { ThemeProvider } from '@inkjs/ui';
import { Box, Static, Text, useApp } from 'ink';
import React, { useEffect, useState } from 'react';
import { discussionQuestions, groupTable } from '../../group/debrief.js';
import { defaultCarry, displayNames, nextToReply, roundCards } from '../../group/round.js';
import { audienceLine, chatReply } from '../../scenario/audiences.js';
import type { Partner } from '../../session/types.js';
import type { SessionState } from '../../session/types.js';
import { transcriptSavedLine, type RecordedSession } from '../../transcript/recorder.js';
import { AudienceTabs } from '../chat/audience-tabs.js';
import { ChatHeader } from '../chat/chat-header.js';
import { MessageBubble } from '../chat/message-bubble.js';
import { sceneTime } from '../chat/time.js';
import { whoAndWhere } from '../chat/printed-text.js';
import { TypingIndicator } from '../chat/typing-indicator.js';
import { useAudience } from '../chat/use-audience.js';
import { useKeys } from '../input/key-router.js';
import { TextBox } from '../input/text-box.js';
import { KeyHelp } from '../key-help.js';
import { HELP, isEndConversation } from '../keys.js';
import { Paragraph } from '../paragraph.js';
import { postsafeTheme } from '../theme.js';
import { useSession } from '../use-session.js';
import { useStateRef } from '../use-state-ref.js';
import { useTerminalWidth } from '../use-terminal-width.js';
import { GroupDebriefView } from './group-debrief-view.js';
import { RoundView } from './round-view.js';

/** After Enter with no names typed. */
export const NAMES_HINT = 'Type the names first, separated by commas, then Enter.';

export type GroupAppProps = {
	readonly start: (learners: readonly string[]) => RecordedSession;
	readonly learners?: readonly string[];
	readonly anonymous: boolean;
	readonly scriptedPartner: () => Partner;
	/** Told of the session once it starts, so a kill can save it. */
	readonly onSession?: (session: RecordedSession) => void;
	/** Parses the names typed at the start; throws with the reason. */
	readonly parseNames: (text: string) => readonly string[];
};

type Printed =
	| { readonly kind: 'header'; readonly key: string }
	| { readonly kind: 'partner'; readonly key: string; readonly index: number }
	| { readonly kind: 'round'; readonly key: string; readonly round: number; readonly carriedId: number }
	| { readonly kind: 'debrief'; readonly key: string };

/** What is finished, in order: drawn once each, above the live area, as the conversation moves on. */
function printedItems(state: SessionState): Printed[] {
	const items: Printed[] = [{ kind: 'header', key: 'header' }];
	state.messages.forEach((message, index) => {
		if (message.kind === 'partner') items.push({ kind: 'partner', key: `partner-${message.id}`, index });
		else if (message.carried) items.push({ kind: 'round', key: `round-${message.round}`, round: message.round, carriedId: message.id });
	});
	if (state.phase === 'ended') items.push({ kind: 'debrief', key: 'debrief' });
	return items;
}

function GroupConversation({
	session,
	names,
	scriptedPartner,
}: {
	readonly session: RecordedSession;
	readonly names: ReadonlyMap<string, string>;
	readonly scriptedPartner: () => Partner;
}) {
	const { exit } = useApp();
	const width = Math.min(useTerminalWidth(), 120);
	const { controller, recorder } = session;
	const state = useSession(controller);
	const { scenario } = state;
	const cards = state.phase === 'choosing' ? roundCards(state) : [];
	const [chosen, setChosen, currentChosen] = useStateRef<number | undefined>(undefined);
	// Each learner chooses where their reply goes, as in the chat: Tab, or ← → with nothing typed.
	const audience = useAudience(scenario);
	const [, setInputEmpty, inputEmpty] = useStateRef(true);
	const choosing = state.phase === 'choosing' ? (chosen ?? defaultCarry(cards)?.reply.id) : undefined;

	useEffect(() => {
		if (state.phase === 'ended') {
			recorder.stop();
			exit();
		}
	}, [state.phase]);

	useKeys((input, key) => {
		const now = controller.current;
		if (key.ctrl && input === 'c') {
			controller.end('abandoned');
			recorder.stop();
			exit();
			return;
		}
		if (isEndConversation(input, key)) return controller.end('facilitator');
		if (now.failure && now.writing === undefined) {
			if (input === 'r') void controller.retry();
			else if (input === 's' && controller.partnerInfo.kind !== 'scripted') void controller.switchPartner(scriptedPartner());
			return;
		}
		if (now.phase === 'learners' && audience.handleKey(key, inputEmpty.current)) return;
		if (now.phase !== 'choosing') return;
		const round = roundCards(now);
		const current = currentChosen.current ?? defaultCarry(round)?.reply.id;
		const at = round.findIndex(card => card.reply.id === current);
		if (key.leftArrow || key.upArrow) setChosen(round[Math.max(0, at - 1)]?.reply.id);
		else if (key.rightArrow || key.downArrow) setChosen(round[Math.min(round.length - 1, at + 1)]?.reply.id);
		else if (key.return && current !== undefined) {
			setChosen(undefined);
			void controller.carry(current);
		}
	});

	const next = nextToReply(state);
	let live: React.ReactNode = null;
	if (state.phase === 'learners' && next) {
		const done = new Set(roundCards(state).map(card => card.reply.learner));
		const replied = state.learners.map(learner => `${names.get(learner)} ${learner === next ? '…' : done.has(learner) ? '✓' : '·'}`).join('   ');
		live = (
			<Box flexDirection="column" marginTop={1}>
				<Text bold>
					{names.get(next)}'s turn — round {state.round} of {state.turnLimit}. Everyone else, look away.
				</Text>
				{audience.chosen ? <AudienceTabs audiences={scenario.audiences!} selected={audience.chosen.id} channel={scenario.channel} /> : null}
				<TextBox
					key={`${state.round}-${next}`}
					prompt="› "
					width={width}
					placeholder={`${names.get(next)}: ${audience.chosen ? `write ${audienceLine(audience.chosen)}` : `reply to ${scenario.partner.name}`}…`}
					emptyHint={`${names.get(next)}: type a reply first, then Enter.`}
					onChange={value => setInputEmpty(value === '')}
					onSubmit={text => {
						const to = chatReply(scenario, text.trim(), audience.current.current);
						if (to.text === '') return false;
						setInputEmpty(true);
						void controller.reply(next, to.text, to.audience);
						return true;
					}}
				/>
				<Text dimColor>{replied}</Text>
				<KeyHelp keys={HELP.groupReply} />
			</Box>
		);
	} else if (state.phase === 'choosing') {
		live = (
			<Box flexDirection="column">
				<Text bold>Everyone has replied. Which reply does {scenario.partner.name} answer?</Text>
				<RoundView cards={cards} criteria={state.rubric.criteria} names={names} chosen={choosing} carried={false} width={width} />
				<KeyHelp keys={HELP.groupChoose} />
			</Box>
		);
	} else if (state.phase === 'partner') {
		live = (
			<Box flexDirection="column" marginTop={1}>
				{state.failure && state.writing === undefined ? (
					<Text color="red">
						✗ {scenario.partner.name}'s reply didn't arrive: {state.failure}{' '}
						{controller.partnerInfo.kind === 'scripted' ? '(r ask again)' : '(r try again · s carry on with the scripted partner)'}
					</Text>
				) : (
					<TypingIndicator name={scenario.partner.name} />
				)}
				<KeyHelp keys={HELP.groupWriting} />
			</Box>
		);
	}

	const table = state.phase === 'ended' ? groupTable(state) : undefined;
	return (
		<>
			<Static items={printedItems(state)}>
				{item => (
					<Box key={item.key} flexDirection="column" width={width}>
						{item.kind === 'header' ? (
							<>
								<ChatHeader scenario={scenario} learner={state.learners.map(learner => names.get(learner)).join(', ')} width={width} turns={state.turnLimit} />
								<Text bold>Setting</Text>
								<Paragraph width={Math.min(width, 100)}>{scenario.setting}</Paragraph>
							</>
						) : null}
						{item.kind === 'partner' ? (
							<MessageBubble
								message={state.messages[item.index]!}
								{...whoAndWhere(scenario, state.messages[item.index]!)}
								channel={scenario.channel}
								width={Math.min(width, 100)}
								time={sceneTime(scenario.setting, state.startedAt, state.messages[item.index]!.time)}
							/>
						) : null}
						{item.kind === 'round' ? (
							<RoundView cards={roundCards(state, item.round)} criteria={state.rubric.criteria} names={names} chosen={item.carriedId} carried width={width} />
						) : null}
						{item.kind === 'debrief' && table ? (
							<GroupDebriefView
								title={scenario.title}
								table={table}
								names={names}
								modelReply={scenario.debrief.modelReply}
								questions={discussionQuestions(scenario, table)}
								width={Math.min(width, 100)}
							/>
						) : null}
						{item.kind === 'debrief' ? <Text dimColor>{transcriptSavedLine(recorder)}</Text> : null}
					</Box>
				)}
			</Static>
			{live}
		</>
	);
}

/** `postsafe group`: names (once), then the conversation round by round, then the group debrief. */
export function GroupApp({ start, learners, anonymous, scriptedPartner, onSession, parseNames }: GroupAppProps) {
	const width = Math.min(useTerminalWidth(), 100);
	const [session, setSession] = useState<RecordedSession | undefined>(() => {
		if (!learners) return undefined;
		const started = start(learners);
		onSession?.(started);
		return started;
	});
	const [problem, setProblem] = useState<string>();
	const { exit } = useApp();
	// Before the conversation starts there is nothing to save: Ctrl+C just leaves.
	useKeys((input, key) => {
		if (!session && key.ctrl && input === 'c') exit();
	});
	const names = displayNames(session?.controller.current.learners ?? [], anonymous);
	return (
		<ThemeProvider theme={postsafeTheme}>
			{session ? (
				<GroupConversation session={session} names={names} scriptedPartner={scriptedPartner} />
			) : (
				<Box flexDirection="column" width={width}>
					<Text bold>Who is taking part? Names in reply order, separated by commas.</Text>
					<TextBox
						prompt="› "
						width={width}
						placeholder="e.g. Asha, Ben, Chloe"
						emptyHint={NAMES_HINT}
						onSubmit={text => {
							try {
								const started = start(parseNames(text));
								onSession?.(started);
								setSession(started);
								return true;
							} catch (error) {
								setProblem((error as Error).message);
								return false;
							}
						}}
					/>
					{problem ? <Text color="red">✗ {problem}</Text> : null}
					<KeyHelp keys={HELP.groupNames} />
				</Box>
			)}
		</ThemeProvider>
	);
}
