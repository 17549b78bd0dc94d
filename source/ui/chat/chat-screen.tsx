import { Box, Text } from 'ink';
import React, { useEffect, useState } from 'react';
import { audienceLine, chatReply } from '../../scenario/audiences.js';
import type { SessionController } from '../../session/controller.js';
import { learnerReplies } from '../../session/session.js';
import type { Partner, PartnerMessage } from '../../session/types.js';
import { useKeys } from '../input/key-router.js';
import { inputWidth, TextBox } from '../input/text-box.js';
import { keyHelpRows, KeyHelpWith } from '../key-help.js';
import { END_COMMAND, HELP, isEndConversation, isNo, isYes } from '../keys.js';
import { useSession } from '../use-session.js';
import { useStateRef } from '../use-state-ref.js';
import { wrapText, wrapWithOffsets } from '../../wrap.js';
import { AudienceTabs } from './audience-tabs.js';
import { liveRows } from './live-rows.js';
import { useAudience } from './use-audience.js';
import { MessageBubble } from './message-bubble.js';
import { TypingIndicator } from './typing-indicator.js';

const PROMPT = '› ';
const QUIT_QUESTION = 'Quit this conversation? Your replies so far are saved.';
/** Asked when the last write failed: nothing here says "saved" that was not. */
const QUIT_UNSAVED = 'Quit this conversation? Your latest replies are NOT in the transcript: the copy is where the message above says.';

type ChatScreenProps = {
	readonly controller: SessionController;
	/** Who carries on if the LLM partner fails and the learner chooses not to try again. */
	readonly scriptedPartner: () => Partner;
	readonly learner: string;
	readonly width: number;
	/** The terminal's height: the live area stays shorter. */
	readonly height: number;
	/** The conversation has ended (turn limit, /end, or the partner finished). */
	readonly onEnded: () => void;
	/** The learner confirmed they want to quit. */
	readonly onQuit: () => void;
	/** The transcript on disk holds the conversation so far (the last write went through). @default true */
	readonly saved?: boolean;
};

/** The conversation's live area: the message being written, the input and the keys (finished messages are history). */
export function ChatScreen({ controller, scriptedPartner, learner, width, height, onEnded, onQuit, saved = true }: ChatScreenProps) {
	const quitQuestion = saved ? QUIT_QUESTION : QUIT_UNSAVED;
	const state = useSession(controller);
	const [confirmingQuit, setConfirmingQuit, confirming] = useStateRef(false);
	const [inputLines, setInputLines] = useState(1);
	const { scenario } = state;
	// Where the next reply goes, in a scenario with audiences: Tab (or ← → with nothing typed) switches.
	const { chosen, current: audienceNow, handleKey: switchAudience } = useAudience(scenario);
	const [, setInputEmpty, inputEmpty] = useStateRef(true);
	const columns = Math.min(width, 100);

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
		} else if (switchAudience(key, inputEmpty.current)) {
			// Moved to the next audience.
		} else if (controller.current.failure && controller.current.writing === undefined) {
			if (input === 'r') void controller.retry();
			else if (input === 's' && controller.partnerInfo.kind !== 'scripted') void controller.switchPartner(scriptedPartner());
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
		const to = chatReply(scenario, reply, audienceNow.current);
		if (to.text === '') return false;
		void controller.reply(learner, to.text, to.audience);
		return true;
	};

	// Counted from the replies sent, so it drops the moment a reply goes, not when the partner answers.
	const repliesLeft = state.turnLimit - learnerReplies(state, learner).length;
	const live: PartnerMessage | undefined =
		writing && state.writing !== '' ? { kind: 'partner', id: -1, text: state.writing!, time: new Date().toISOString(), source: 'model' } : undefined;
	const failed = state.failure !== undefined && !writing;
	const failureLead = `✗ ${scenario.partner.name}'s reply didn't arrive:`;
	const footerKeys = confirmingQuit
		? saved
			? HELP.confirmQuit
			: HELP.confirmQuitUnsaved
		: writing
			? HELP.chatWriting
			: state.failure
				? controller.partnerInfo.kind === 'scripted'
					? HELP.failureScripted
					: HELP.failure
				: chosen
					? HELP.chatAudiences
					: HELP.chat;
	const footerNote = confirmingQuit || state.failure ? undefined : `${repliesLeft} ${repliesLeft === 1 ? 'reply' : 'replies'} left`;
	const otherLines =
		(failed ? wrapText(`${failureLead} ${state.failure}`, columns).length : 0) +
		(confirmingQuit ? wrapText(quitQuestion, columns).length : 0) +
		keyHelpRows(footerKeys, footerNote, columns) -
		1 +
		(chosen ? 1 : 0);
	const room = liveRows({ rows: height, writing, inputLines: confirmingQuit || failed ? 0 : inputLines, otherLines });
	return (
		<Box flexDirection="column" width={columns}>
			{live ? (
				<MessageBubble message={live} partnerName={scenario.partner.name} channel={scenario.channel} width={columns} maxLines={room.bubbleLines} isLive />
			) : null}
			{writing && !live ? <TypingIndicator name={scenario.partner.name} /> : null}
			{failed ? (
				<Text>
					<Text color="red">{failureLead}</Text> {state.failure}
				</Text>
			) : null}
			{confirmingQuit ? <Text bold>{quitQuestion}</Text> : null}
			{chosen ? (
				<Box marginTop={writing ? 0 : 1}>
					<AudienceTabs audiences={scenario.audiences!} selected={chosen.id} channel={scenario.channel} />
				</Box>
			) : null}
			{/* Hidden, not unmounted, while a question or a failure has the keys: the half-typed reply is kept. */}
			<Box marginTop={writing || chosen ? 0 : 1} display={confirmingQuit || failed ? 'none' : 'flex'}>
				<TextBox
					prompt={PROMPT}
					width={columns}
					onSubmit={submit}
					onChange={value => {
						setInputLines(wrapWithOffsets(value, inputWidth(PROMPT, columns)).length);
						setInputEmpty(value === '');
					}}
					maxLines={room.inputLines}
					emptyHint={`Type your ${scenario.mode === 'interview' ? 'answer' : 'reply'} first, then Enter (or ${END_COMMAND} to finish).`}
					placeholder={
						state.phase !== 'learners'
							? ''
							: chosen
								? `Write ${audienceLine(chosen)}…`
								: `${scenario.mode === 'interview' ? 'Answer' : 'Reply to'} ${scenario.partner.name}…`
					}
					isActive={!confirmingQuit && !failed}
				/>
			</Box>
			<KeyHelpWith keys={footerKeys} note={footerNote} width={columns} />
		</Box>
	);
}
