import { Box, Text } from 'ink';
import React, { useEffect } from 'react';
import type { SessionController } from '../../session/controller.js';
import type { Partner, PartnerMessage } from '../../session/types.js';
import { useKeys } from '../input/key-router.js';
import { TextBox } from '../input/text-box.js';
import { KeyHelp } from '../key-help.js';
import { END_COMMAND, HELP, isEndConversation, isNo, isYes } from '../keys.js';
import { useSession } from '../use-session.js';
import { useStateRef } from '../use-state-ref.js';
import { MessageBubble } from './message-bubble.js';
import { TypingIndicator } from './typing-indicator.js';

type ChatScreenProps = {
	readonly controller: SessionController;
	/** Who carries on if the LLM partner fails and the learner chooses not to try again. */
	readonly scriptedPartner: () => Partner;
	readonly learner: string;
	readonly width: number;
	/** The conversation has ended (turn limit, /end, or the partner finished). */
	readonly onEnded: () => void;
	/** The learner confirmed they want to quit. */
	readonly onQuit: () => void;
};

/** The conversation's live area: the message being written, the input and the keys (finished messages are history). */
export function ChatScreen({ controller, scriptedPartner, learner, width, onEnded, onQuit }: ChatScreenProps) {
	const state = useSession(controller);
	const [confirmingQuit, setConfirmingQuit, confirming] = useStateRef(false);
	const { scenario } = state;

	useEffect(() => {
		if (state.phase === 'ended') onEnded();
	}, [state.phase]);

	const writing = state.writing !== undefined;
	useKeys((input, key) => {
		if (confirming.current) {
			if (isYes(input)) onQuit();
			else if (isNo(input, key)) setConfirmingQuit(false);
			return;
		}
		if (isEndConversation(input, key)) {
			controller.end('learner');
		} else if (controller.current.failure && controller.current.writing === undefined) {
			if (input === 'r') void controller.retry();
			else if (input === 's') void controller.switchPartner(scriptedPartner());
		} else if (key.escape) {
			// Esc stops the partner mid-message; otherwise it asks before quitting.
			if (controller.current.writing !== undefined) controller.cancelWriting();
			else setConfirmingQuit(true);
		}
	});

	const submit = (text: string) => {
		const reply = text.trim();
		if (reply === '') return false;
		if (reply === END_COMMAND) {
			controller.end('learner');
			return true;
		}
		if (state.phase !== 'learners') return false;
		void controller.reply(learner, reply);
		return true;
	};

	const repliesLeft = state.turnLimit - state.round + 1;
	const live: PartnerMessage | undefined = writing && state.writing !== ''
		? { kind: 'partner', id: -1, text: state.writing!, time: new Date().toISOString(), source: 'model' }
		: undefined;
	return (
		<Box flexDirection="column" width={Math.min(width, 100)}>
			{live ? <MessageBubble message={live} partnerName={scenario.partner.name} channel={scenario.channel} width={Math.min(width, 100)} isLive /> : null}
			{writing && !live ? <TypingIndicator name={scenario.partner.name} /> : null}
			{state.failure && !writing ? (
				<Text>
					<Text color="red">✗ {scenario.partner.name}'s reply didn't arrive:</Text> {state.failure}
				</Text>
			) : null}
			{confirmingQuit ? (
				<Text bold>Quit this conversation? Your replies so far are saved.</Text>
			) : state.failure && !writing ? null : (
				<Box marginTop={writing ? 0 : 1}>
					<TextBox prompt="› " width={Math.min(width, 100)} onSubmit={submit} placeholder={state.phase === 'learners' ? `Reply to ${scenario.partner.name}…` : ''} isActive={!confirmingQuit} />
				</Box>
			)}
			<Box justifyContent="space-between">
				<KeyHelp keys={confirmingQuit ? HELP.confirmQuit : writing ? HELP.chatWriting : state.failure ? HELP.failure : HELP.chat} />
				{confirmingQuit || state.failure ? null : <Text dimColor>{` ${repliesLeft} ${repliesLeft === 1 ? 'reply' : 'replies'} left`}</Text>}
			</Box>
		</Box>
	);
}
