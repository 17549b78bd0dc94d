import { Box, Text, useApp, type Key } from 'ink';
import React, { useEffect, useRef, useState } from 'react';
import { currentAnswer, enteredRank, enterOutcome, reduceAnswer, startAnswer, unenteredHint, type AnswerState } from '../../sjt/answer-state.js';
import { resultFor, SECONDS_PER_ITEM, summarise, type SjtResult } from '../../sjt/practice.js';
import type { SjtItem } from '../../sjt/schema.js';
import { useKeys } from '../input/key-router.js';
import { KeyHelp } from '../key-help.js';
import { HELP, isNo, isYes, singleKeys } from '../keys.js';
import { NameEntry } from '../name-entry.js';
import { useStateRef } from '../use-state-ref.js';
import { useTerminalWidth } from '../use-terminal-width.js';
import { useRedrawOnNarrow } from '../use-redraw-on-narrow.js';
import { answerKey } from './answer-keys.js';
import { Best3Question } from './best3-question.js';
import { Countdown } from './countdown.js';
import { RankQuestion } from './rank-question.js';
import { SjtScreen } from './sjt-screen.js';
import { ItemStem, RevealView, SummaryView } from './sjt-views.js';
import { savedLine, type SaveProblem } from '../../transcript/rescue.js';

/** Where a session's answers go as they are given (the record in the transcripts folder). */
export type SjtRecorder = { readonly file: string; add(result: SjtResult): void; finish(): void; readonly problem?: SaveProblem | undefined };

export type SjtAppProps = {
	readonly items: readonly SjtItem[];
	readonly sources: Readonly<Record<string, string>>;
	readonly learner?: string;
	readonly timed: boolean;
	readonly startSession: (learner: string) => SjtRecorder;
	/** Seconds per item when timed; the exam's pace unless a test says otherwise. */
	readonly secondsPerItem?: number;
};

type Printed =
	| { readonly kind: 'stem'; readonly key: string; readonly item: SjtItem; readonly position: string }
	| { readonly kind: 'reveal'; readonly key: string; readonly result: SjtResult }
	| { readonly kind: 'summary'; readonly key: string; readonly results: readonly SjtResult[]; readonly file: string }
	| { readonly kind: 'notice'; readonly key: string; readonly text: string };

type Phase =
	| { readonly name: 'name' }
	| { readonly name: 'answering'; readonly index: number }
	| { readonly name: 'revealed'; readonly index: number }
	| { readonly name: 'done' };

/** An SJT session in the terminal: each item's situation, the answer built with the keys, the reveal, the summary. */
export function SjtApp({ items, sources, learner, timed, startSession, secondsPerItem = SECONDS_PER_ITEM }: SjtAppProps) {
	const { exit } = useApp();
	const width = Math.min(useTerminalWidth(), 100);
	const redraws = useRedrawOnNarrow();
	const recorder = useRef<SjtRecorder | undefined>(undefined);
	// Started once, on the first render (a ref's initial value would start a session every render).
	if (learner && !recorder.current) recorder.current = startSession(learner);
	const [printed, setPrinted] = useState<readonly Printed[]>([]);
	const print = (more: readonly Printed[]) => setPrinted(previous => [...previous, ...more]);
	const [results, setResults, currentResults] = useStateRef<readonly SjtResult[]>([]);
	const [phase, setPhase, currentPhase] = useStateRef<Phase>(learner ? { name: 'answering', index: 0 } : { name: 'name' });
	const [answer, setAnswer, currentAnswerState] = useStateRef<AnswerState>(startAnswer(items[0]!.options.map(option => option.id)));
	const [confirmingQuit, setConfirmingQuit, confirming] = useStateRef(false);
	// Enter with nothing entered: asked about once (see enterOutcome), as in group SJT.
	const [unentered, setUnentered, currentUnentered] = useStateRef(false);
	// The Enter that confirms the name reaches this screen's keys too: it must not submit the first item.
	const nameEnter = useRef(false);
	const startedAt = useRef(0);

	const begin = (index: number) => {
		const item = items[index]!;
		setAnswer(startAnswer(item.options.map(option => option.id)));
		setUnentered(false);
		startedAt.current = performance.now();
		print([{ kind: 'stem', key: `stem-${index}`, item, position: `Item ${index + 1} of ${items.length}` }]);
		setPhase({ name: 'answering', index });
	};
	const opened = useRef(false);
	useEffect(() => {
		if (!opened.current && phase.name === 'answering') {
			opened.current = true;
			begin(0);
		}
	}, [phase]);

	const finish = () => {
		const done = currentResults.current;
		// Finished the documented way (Esc, "Finish now?") counts as finished: only a session cut off is abandoned.
		if (done.length > 0) recorder.current?.finish();
		print([
			{
				kind: 'summary',
				key: 'summary',
				results: done,
				file: recorder.current ? savedLine(recorder.current.file, recorder.current.problem, { what: 'your answers' }) : '',
			},
		]);
		setPhase({ name: 'done' });
	};
	useEffect(() => {
		nameEnter.current = false;
		if (phase.name === 'done') exit();
	}, [phase]);

	const submit = (timedOut: boolean) => {
		const now = currentPhase.current;
		if (now.name !== 'answering') return;
		// Time can run out while "Finish now?" is asked: the reveal then takes its own keys.
		setConfirmingQuit(false);
		const item = items[now.index]!;
		const given = item.type === 'rank' && timedOut ? enteredRank(currentAnswerState.current.rank) : currentAnswer(item.type, currentAnswerState.current);
		const result = resultFor(item, given, { timedOut, seconds: (performance.now() - startedAt.current) / 1000 });
		recorder.current?.add(result);
		setResults([...currentResults.current, result]);
		print([{ kind: 'reveal', key: `reveal-${now.index}`, result }]);
		setPhase({ name: 'revealed', index: now.index });
	};

	const onKey = (input: string, key: Key) => {
		const now = currentPhase.current;
		if (now.name === 'name' || now.name === 'done') return;
		if (confirming.current) {
			if (isYes(input)) {
				setConfirmingQuit(false);
				finish();
			} else if (isNo(input, key)) setConfirmingQuit(false);
			return;
		}
		if (now.name === 'revealed') {
			if (key.return) {
				if (now.index + 1 < items.length) begin(now.index + 1);
				else finish();
			} else if (key.escape) finish();
			return;
		}
		if (key.escape) return setConfirmingQuit(true);
		if (key.return) {
			const item = items[now.index]!;
			if (enterOutcome(item.type, currentAnswerState.current, currentUnentered.current) === 'ask') return setUnentered(true);
			return submit(false);
		}
		const pressed = answerKey(input, key);
		if (pressed) setUnentered(false);
		if (pressed) setAnswer(reduceAnswer(items[now.index]!.type, currentAnswerState.current, pressed));
	};
	useKeys((burst, burstKey) => {
		// The burst that confirmed the name (a pasted "Asha Patel⏎" arrives whole) was the name: none of it answers the item.
		if (nameEnter.current) {
			nameEnter.current = false;
			return;
		}
		for (const [input, key] of singleKeys(burst, burstKey)) onKey(input, key);
	});

	let live: React.ReactNode = null;
	if (phase.name === 'name') {
		live = (
			<NameEntry
				width={width}
				onQuit={exit}
				onDone={name => {
					recorder.current = startSession(name);
					nameEnter.current = true;
					setPhase({ name: 'answering', index: 0 });
				}}
			/>
		);
	} else if (phase.name === 'answering') {
		const item = items[phase.index]!;
		live = (
			<Box flexDirection="column" marginTop={1}>
				{item.type === 'rank' ? (
					<RankQuestion item={item} state={answer.rank} width={width} />
				) : (
					<Best3Question item={item} state={answer.best3} width={width} />
				)}
				{unentered ? <Text color="yellow">{unenteredHint(item.type)}</Text> : null}
				{timed ? <Countdown key={`timer-${phase.index}`} seconds={secondsPerItem} onTimeout={() => submit(true)} /> : null}
				{confirmingQuit ? (
					<Text bold>Finish now? The items you have answered are saved and summarised. (y/n)</Text>
				) : (
					<KeyHelp keys={item.type === 'rank' ? HELP.sjtRank : HELP.sjtBest3} />
				)}
			</Box>
		);
	} else if (phase.name === 'revealed') {
		// The reveal is taller than a 24-line screen: the score stays in view beside the keys.
		const score = results.at(-1)?.score;
		live = (
			<Box flexDirection="column">
				{score ? (
					<Text bold>
						Item {phase.index + 1} of {items.length}: {score.points} of {score.max}
					</Text>
				) : null}
				<KeyHelp keys={phase.index + 1 < items.length ? HELP.sjtNext : HELP.sjtLast} />
			</Box>
		);
	}

	return (
		<SjtScreen printed={printed} redraws={redraws} width={width} live={live}>
			{entry => (
				<>
					{entry.kind === 'stem' ? <ItemStem item={entry.item} position={entry.position} width={width} /> : null}
					{entry.kind === 'reveal' ? <RevealView result={entry.result} sources={sources} width={width} /> : null}
					{entry.kind === 'summary' ? <SummaryView summary={summarise(entry.results)} results={entry.results} file={entry.file} width={width} /> : null}
					{entry.kind === 'notice' ? <Text dimColor>{entry.text}</Text> : null}
				</>
			)}
		</SjtScreen>
	);
}
