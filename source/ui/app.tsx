import { ThemeProvider } from '@inkjs/ui';
import { Box, Static, Text, useApp, useStdout } from 'ink';
import React, { useEffect, useRef, useState } from 'react';
import type { ConversationScore } from '../rubric/score.js';
import type { LoadedScenario } from '../library/scenario-files.js';
import type { Scenario } from '../scenario/schema.js';
import { endNotice } from '../session/ending.js';
import { learnerScore } from '../session/session.js';
import type { Partner } from '../session/types.js';
import { recorderProblemLine, transcriptSavedLine, type RecordedSession } from '../transcript/recorder.js';
import type { Reflection } from '../transcript/schema.js';
import { ChatScreen } from './chat/chat-screen.js';
import type { PrintedItem } from './chat/printed-text.js';
import { sessionHistory, type SessionHistory } from './chat/session-history.js';
import { usePrintedConversation, usePrinter } from './chat/use-printer.js';
import { DebriefView } from './debrief/debrief-view.js';
import { ReflectionForm } from './debrief/reflection-form.js';
import { HomeScreen } from './home/home-screen.js';
import { KeyRouter, useKeys } from './input/key-router.js';
import { TextBox } from './input/text-box.js';
import { KeyHelp } from './key-help.js';
import { HELP } from './keys.js';
import { NameEntry } from './name-entry.js';
import { OllamaSetupScreen, type OllamaServices } from './setup/ollama-setup-screen.js';
import { postsafeTheme } from './theme.js';
import { useStateRef } from './use-state-ref.js';
import { useTerminalWidth } from './use-terminal-width.js';

export type SessionHandle = RecordedSession;

/** A finished conversation's debrief, drawn once under it. */
type Debrief = { readonly key: string; readonly scenario: Scenario; readonly score: ConversationScore };

/** What the screens need from outside: the library, a way to start a recorded session, and Ollama. */
export type AppServices = {
	readonly scenarios: readonly LoadedScenario[];
	/** Titles of documents cited by anchors, by source id. */
	readonly sources: Readonly<Record<string, string>>;
	/** Starts a recorded session, with the LLM partner when `useModel`, else the scripted one. */
	readonly startSession: (loaded: LoadedScenario, learner: string, useModel: boolean) => SessionHandle;
	/** A scripted partner, to carry on with when the LLM fails mid-conversation. */
	readonly scriptedPartner: () => Partner;
	/** Set when the LLM partner is wanted (not --offline): checked before the first conversation. */
	readonly ollama?: OllamaServices;
	/** Keeps the name the learner typed for next time. */
	readonly rememberLearner?: (name: string) => void;
};

type AppProps = {
	readonly services: AppServices;
	/** The learner's name, if given (--learner); otherwise asked once. */
	readonly learner?: string;
	/** Go straight to this scenario (postsafe play) and exit after it, instead of the picker. */
	readonly initial?: LoadedScenario;
	readonly coach: boolean;
	/** Told about each session as it starts, so the caller can save it if the process is killed. */
	readonly onSession?: (handle: SessionHandle | undefined) => void;
};

type Screen =
	| { readonly name: 'connecting' }
	| { readonly name: 'home' }
	| { readonly name: 'name'; readonly next?: LoadedScenario }
	| { readonly name: 'chat'; readonly loaded: LoadedScenario; readonly handle: SessionHandle }
	| { readonly name: 'reflect'; readonly loaded: LoadedScenario; readonly handle: SessionHandle }
	| { readonly name: 'saved'; readonly file: string }
	/** Left a conversation part-way; the app exits, or returns to the picker. */
	| { readonly name: 'left' };

function useTerminalHeight(): number {
	const { stdout } = useStdout();
	return stdout.rows || 24;
}

/** postsafe in the terminal: the picker, a conversation, its debrief and reflection, in that order. */
export function App(props: AppProps) {
	return (
		<KeyRouter>
			<Screens {...props} />
		</KeyRouter>
	);
}

function Screens({ services, learner: givenLearner, initial, coach, onSession }: AppProps) {
	const { exit } = useApp();
	const width = useTerminalWidth();
	const height = useTerminalHeight();
	const [learner, setLearner] = useState(givenLearner);
	// Whether sessions get the LLM partner: known once Ollama has been checked (never, with --offline).
	const useModel = useRef(false);

	/** Starts a recorded session: its chat screen, and the conversation to print as it goes. */
	const begin = (loaded: LoadedScenario, name: string): { screen: Screen; conversation: SessionHistory } => {
		const handle = services.startSession(loaded, name, useModel.current);
		onSession?.(handle);
		// A write that fails is said at once, in one line, and again when it is saved after all.
		if (handle.recorder.problem) notice(recorderProblemLine(handle.recorder.problem));
		handle.recorder.onProblem(problem => notice(problem ? recorderProblemLine(problem) : `Saved again: ${handle.recorder.file} holds every reply now`));
		return { screen: { name: 'chat', loaded, handle }, conversation: sessionHistory(handle.controller, { coach, learner: name }) };
	};
	const [opening] = useState(() => (!services.ollama && initial && givenLearner ? begin(initial, givenLearner) : undefined));
	// Everything but the debriefs is printed as it happens (the header, each message, notices); a
	// debrief is drawn by Ink once, and always comes a frame after the conversation's last message.
	const print = usePrinter(width);
	const notice = (text: string) => print([{ kind: 'notice', text } satisfies PrintedItem]);
	const [debriefs, setDebriefs] = useState<readonly Debrief[]>([]);
	const [conversation, setConversation] = useState<SessionHistory | undefined>(opening?.conversation);
	usePrintedConversation(conversation, print);
	/** Where to go once the partner is settled: straight into the scenario, the name, or the picker. */
	const firstScreen = (): Screen => (initial ? { name: 'name', next: initial } : { name: 'home' });
	const [screen, setScreen, currentScreen] = useStateRef<Screen>(opening?.screen ?? (services.ollama ? { name: 'connecting' } : firstScreen()));
	const start = (loaded: LoadedScenario, name: string) => {
		const { screen: chat, conversation: started } = begin(loaded, name);
		setConversation(started);
		setScreen(chat);
	};

	const leaveSession = (handle: SessionHandle) => {
		handle.recorder.stop();
		onSession?.(undefined);
		setScreen(initial ? { name: 'left' } : { name: 'home' });
	};

	useKeys((input, key) => {
		if (!(key.ctrl && input === 'c')) return;
		// Ctrl+C leaves at once; a conversation in progress is saved as abandoned, every reply kept.
		const now = currentScreen.current;
		if (now.name === 'chat') {
			now.handle.controller.end('abandoned');
			now.handle.recorder.stop();
		}
		exit();
	});

	// Exits wait for the frame with the last notice to be drawn; exiting at once would lose it.
	useEffect(() => {
		if (initial && (screen.name === 'saved' || screen.name === 'left')) exit();
	}, [screen]);

	let live: React.ReactNode;
	switch (screen.name) {
		case 'connecting':
			live = (
				<OllamaSetupScreen
					ollama={services.ollama!}
					onDone={(model, setupNotice) => {
						useModel.current = model;
						if (setupNotice) notice(setupNotice);
						if (initial && learner) start(initial, learner);
						else setScreen(firstScreen());
					}}
				/>
			);
			break;
		case 'home':
			live = (
				<HomeScreen
					scenarios={services.scenarios}
					width={width}
					height={height}
					onChoose={loaded => (learner ? start(loaded, learner) : setScreen({ name: 'name', next: loaded }))}
					onQuit={exit}
				/>
			);
			break;
		case 'name':
			live = (
				<NameEntry
					width={width}
					onQuit={exit}
					onDone={name => {
						setLearner(name);
						services.rememberLearner?.(name);
						if (screen.next) start(screen.next, name);
						else setScreen({ name: 'home' });
					}}
				/>
			);
			break;
		case 'chat':
			live = (
				<ChatScreen
					key={screen.handle.recorder.file}
					controller={screen.handle.controller}
					saved={screen.handle.recorder.problem === undefined}
					scriptedPartner={services.scriptedPartner}
					learner={learner!}
					width={width}
					height={height}
					onEnded={() => {
						const { controller } = screen.handle;
						if (controller.current.endReason === 'abandoned') return;
						const ending = endNotice(controller.current);
						if (ending) notice(ending);
						setConversation(undefined);
						setDebriefs(previous => [
							...previous,
							{ key: screen.handle.recorder.file, scenario: screen.loaded.scenario, score: learnerScore(controller.current) },
						]);
						setScreen({ name: 'reflect', loaded: screen.loaded, handle: screen.handle });
					}}
					onQuit={() => {
						screen.handle.controller.end('abandoned');
						setConversation(undefined);
						const { recorder } = screen.handle;
						notice(recorder.save() ? `Left the conversation. Your replies are saved in ${recorder.file}` : transcriptSavedLine(recorder));
						leaveSession(screen.handle);
					}}
				/>
			);
			break;
		case 'reflect': {
			const { score, max } = learnerScore(screen.handle.controller.current);
			live = (
				<ReflectionForm
					width={width}
					height={height}
					above={`Your score: ${score}/${max}. The whole debrief is above: scroll up to read it.`}
					onAnswer={(reflection: Reflection, answered) => {
						screen.handle.recorder.setReflection(reflection);
						print([{ kind: 'answer', ...answered }]);
					}}
					onDone={() => {
						notice(transcriptSavedLine(screen.handle.recorder));
						screen.handle.recorder.stop();
						onSession?.(undefined);
						setScreen({ name: 'saved', file: screen.handle.recorder.file });
					}}
				/>
			);
			break;
		}
		case 'left':
			live = null;
			break;
		case 'saved':
			live = initial ? null : (
				<Box flexDirection="column">
					<Text>Practise another? Press Enter for the list.</Text>
					<TextBox prompt="" width={width} onSubmit={() => setScreen({ name: 'home' })} />
					<KeyHelp keys={HELP.done} />
				</Box>
			);
			break;
	}

	return (
		<ThemeProvider theme={postsafeTheme}>
			<Static items={[...debriefs]}>
				{debrief => <DebriefView key={debrief.key} scenario={debrief.scenario} score={debrief.score} sources={services.sources} width={width} />}
			</Static>
			{live}
		</ThemeProvider>
	);
}
