import { Box, Text, useApp, type Key } from 'ink';
import React, { useEffect, useRef, useState } from 'react';
import { groupSjtSavedLine, type GroupSjtFiles } from '../../transcript/sjt-session-file.js';
import { displayNames } from '../../group/round.js';
import { groupSjt, groupSjtTotals, type GroupSjt, type GroupSjtTotal } from '../../group/sjt-distribution.js';
import { currentAnswer, enterOutcome, reduceAnswer, startAnswer, unenteredHint, type AnswerState } from '../../sjt/answer-state.js';
import type { SjtItem } from '../../sjt/schema.js';
import { useKeys } from '../input/key-router.js';
import { TextBox } from '../input/text-box.js';
import { KeyHelp } from '../key-help.js';
import { HELP, singleKeys } from '../keys.js';
import { cell, nameWidth } from '../cell.js';
import { useStateRef } from '../use-state-ref.js';
import { useTerminalWidth } from '../use-terminal-width.js';
import { useRedrawOnNarrow } from '../use-redraw-on-narrow.js';
import { answerKey } from '../sjt/answer-keys.js';
import { Best3Question } from '../sjt/best3-question.js';
import { RankQuestion } from '../sjt/rank-question.js';
import { SjtScreen } from '../sjt/sjt-screen.js';
import { ItemStem } from '../sjt/sjt-views.js';
import { GroupSjtView } from './group-sjt-view.js';
import { NAMES_HINT } from './group-app.js';

type Printed = { readonly key: string } & (
	| { readonly kind: 'stem'; readonly item: SjtItem; readonly position: string }
	| { readonly kind: 'group'; readonly item: SjtItem; readonly group: GroupSjt }
	| { readonly kind: 'totals'; readonly totals: readonly GroupSjtTotal[]; readonly saved: string | undefined }
);

export type GroupSjtAppProps = {
	readonly items: readonly SjtItem[];
	readonly learners?: readonly string[];
	readonly anonymous: boolean;
	readonly parseNames: (text: string) => readonly string[];
	/** Where each learner's answers are saved as they are given (one SJT record each). */
	readonly startRecords?: (learners: readonly string[]) => GroupSjtFiles;
};

/** Group SJT: each learner answers the same item in turn, unseen; then the group's spread against the ideal. */
export function GroupSjtApp({ items, learners: given, anonymous, parseNames, startRecords }: GroupSjtAppProps) {
	const { exit } = useApp();
	const width = Math.min(useTerminalWidth(), 100);
	const redraws = useRedrawOnNarrow();
	const [learners, setLearners] = useState(given);
	const records = useRef<GroupSjtFiles | undefined>(undefined);
	// Started once, on the first render with names (a ref's initial value would start them every render).
	if (learners && startRecords && !records.current) records.current = startRecords(learners);
	const [problem, setProblem] = useState<string>();
	const [printed, setPrinted] = useState<readonly Printed[]>(() =>
		given ? [{ kind: 'stem', key: 'stem-0', item: items[0]!, position: `Item 1 of ${items.length}` }] : [],
	);
	const [itemIndex, setItemIndex, currentItem] = useStateRef(0);
	const [turn, setTurn, currentTurn] = useStateRef(0);
	const [answers, setAnswers, currentAnswers] = useStateRef<readonly { learner: string; answer: readonly string[] }[]>([]);
	const [revealed, setRevealed, currentRevealed] = useStateRef(false);
	const [, setRounds, currentRounds] = useStateRef<readonly GroupSjt[]>([]);
	const [done, setDone] = useState(false);
	// Enter with nothing entered: most often a second Enter meant for the learner before (see onKey).
	const [unentered, setUnentered, currentUnentered] = useStateRef(false);
	const letters = (index: number) => items[index]!.options.map(option => option.id);
	const [answerState, setAnswerState, currentAnswerState] = useStateRef<AnswerState>(startAnswer(letters(0)));
	const names = displayNames(learners ?? [], anonymous);

	useEffect(() => {
		if (done) exit();
	}, [done]);

	const resetAnswer = (index: number) => setAnswerState(startAnswer(letters(index)));

	const onKey = (input: string, key: Key) => {
		if (!learners || done) return;
		const item = items[currentItem.current]!;
		if (currentRevealed.current) {
			if (!key.return) return;
			const nextIndex = currentItem.current + 1;
			if (nextIndex >= items.length) {
				records.current?.finish();
				setPrinted(previous => [
					...previous,
					{
						kind: 'totals',
						key: 'totals',
						totals: groupSjtTotals(learners, currentRounds.current),
						saved: records.current ? groupSjtSavedLine(records.current, learners.length) : undefined,
					},
				]);
				setDone(true);
				return;
			}
			setItemIndex(nextIndex);
			setTurn(0);
			setAnswers([]);
			setRevealed(false);
			resetAnswer(nextIndex);
			setPrinted(previous => [
				...previous,
				{ kind: 'stem', key: `stem-${nextIndex}`, item: items[nextIndex]!, position: `Item ${nextIndex + 1} of ${items.length}` },
			]);
			return;
		}
		if (key.return) {
			// A best 3 needs a choice; a ranking left as it came is taken only on a second Enter.
			if (enterOutcome(item.type, currentAnswerState.current, currentUnentered.current) === 'ask') return setUnentered(true);
			setUnentered(false);
			const answer = currentAnswer(item.type, currentAnswerState.current);
			const all = [...currentAnswers.current, { learner: learners[currentTurn.current]!, answer }];
			setAnswers(all);
			resetAnswer(currentItem.current);
			if (all.length < learners.length) return setTurn(currentTurn.current + 1);
			const group = groupSjt(item, all);
			records.current?.add(item, all);
			setRounds([...currentRounds.current, group]);
			setPrinted(previous => [...previous, { kind: 'group', key: `group-${currentItem.current}`, item, group }]);
			setRevealed(true);
			return;
		}
		const pressed = answerKey(input, key);
		if (pressed) setUnentered(false);
		if (pressed) setAnswerState(reduceAnswer(item.type, currentAnswerState.current, pressed));
	};
	useKeys((burst, burstKey) => {
		for (const [input, key] of singleKeys(burst, burstKey)) onKey(input, key);
	});

	const item = items[itemIndex]!;
	let live: React.ReactNode = null;
	if (!learners) {
		live = (
			<Box flexDirection="column">
				<Text bold>Who is taking part? Names in answering order, separated by commas.</Text>
				<TextBox
					prompt="› "
					width={width}
					emptyHint={NAMES_HINT}
					onSubmit={text => {
						try {
							const parsed = parseNames(text);
							setLearners(parsed);
							setPrinted([{ kind: 'stem', key: 'stem-0', item: items[0]!, position: `Item 1 of ${items.length}` }]);
							return true;
						} catch (error) {
							setProblem((error as Error).message);
							return false;
						}
					}}
				/>
				{problem ? <Text color="red">✗ {problem}</Text> : null}
			</Box>
		);
	} else if (revealed) {
		live = <KeyHelp keys={itemIndex + 1 < items.length ? [['Enter', 'next item']] : [['Enter', 'finish']]} />;
	} else if (!done) {
		live = (
			<Box flexDirection="column" marginTop={1}>
				<Text bold>
					{names.get(learners[turn]!)}'s answer ({turn + 1} of {learners.length}). Everyone else, look away.
				</Text>
				{item.type === 'rank' ? (
					<RankQuestion item={item} state={answerState.rank} width={width} />
				) : (
					<Best3Question item={item} state={answerState.best3} width={width} />
				)}
				{unentered ? <Text color="yellow">{unenteredHint(item.type)}</Text> : null}
				<Text dimColor>
					{learners.map((learner, index) => `${names.get(learner)} ${index < answers.length ? '✓' : index === turn ? '…' : '·'}`).join('   ')}
				</Text>
				<KeyHelp keys={item.type === 'rank' ? HELP.sjtRank.slice(0, 3) : HELP.sjtBest3.slice(0, 3)} />
			</Box>
		);
	}

	return (
		<SjtScreen printed={printed} redraws={redraws} width={width} live={live}>
			{entry => (
				<>
					{entry.kind === 'stem' ? <ItemStem item={entry.item} position={entry.position} width={width} /> : null}
					{entry.kind === 'group' ? <GroupSjtView item={entry.item} group={entry.group} names={names} width={width} /> : null}
					{entry.kind === 'totals' ? (
						<Box flexDirection="column" marginTop={1}>
							<Text bold>Totals</Text>
							{entry.totals.map(total => (
								<Text key={total.learner}>
									{'  '}
									{cell(names.get(total.learner) ?? total.learner, nameWidth(entry.totals.map(other => names.get(other.learner) ?? other.learner)))}{' '}
									{total.points}/{total.max} ({total.percent}%)
								</Text>
							))}
							{entry.saved ? <Text dimColor>{entry.saved}</Text> : null}
						</Box>
					) : null}
				</>
			)}
		</SjtScreen>
	);
}
