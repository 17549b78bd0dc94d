import chalk from 'chalk';
import { Box, Text } from 'ink';
import React, { useRef, useState } from 'react';
import { burstWithEnter, editingAction } from '../keys.js';
import { useKeys } from './key-router.js';
import { reduceInput, type InputAction, type InputState } from './input-state.js';
import { wrapWithOffsets } from '../../wrap.js';

type TextBoxProps = {
	/** Shown before the first line, e.g. "› ". */
	readonly prompt: string;
	/** Width to wrap to, prompt included. */
	readonly width: number;
	/** Called with the text when Enter is pressed; the box then empties, unless this returns false (the text was not taken). */
	readonly onSubmit: (value: string) => boolean | void;
	/** Shown dimmed while the box is empty. */
	readonly placeholder?: string;
	/** Shown in the placeholder's place after Enter on an empty box (which is not submitted), until a key is typed. */
	readonly emptyHint?: string;
	/** When false, keys are ignored (another part of the screen has them). @default true */
	readonly isActive?: boolean;
	/** Initial text. @default '' */
	readonly defaultValue?: string;
	/** Called after every change. */
	readonly onChange?: (value: string) => void;
	/** The most lines shown: a longer reply shows the lines around the cursor, "…" marking more above. @default no limit */
	readonly maxLines?: number;
};

function Line({ text, cursorAt }: { readonly text: string; readonly cursorAt: number | undefined }) {
	if (cursorAt === undefined) return <Text>{text}</Text>;
	const under = text.slice(cursorAt, cursorAt + 1) || ' ';
	// With colour off there is no inverse video, so the cursor is drawn as a bar.
	const cursor = chalk.level === 0 ? `▌${under === ' ' ? '' : under}` : under;
	return (
		<Text>
			{text.slice(0, cursorAt)}
			<Text inverse>{cursor}</Text>
			{text.slice(cursorAt + 1)}
		</Text>
	);
}

/** A text box that wraps long replies over several lines and edits like a shell prompt. */
export function TextBox({
	prompt,
	width,
	onSubmit,
	placeholder,
	emptyHint,
	isActive = true,
	defaultValue = '',
	onChange,
	maxLines = Number.POSITIVE_INFINITY,
}: TextBoxProps) {
	// The latest text lives in a ref, changed at once: keys can arrive faster than React re-renders
	// ("hello⏎" in one burst), and Enter must send what was typed, not the last frame's text.
	const current = useRef<InputState>({ value: defaultValue, cursor: defaultValue.length });
	const [, setRevision] = useState(0);
	const [hinting, setHinting] = useState(false);
	const apply = (action: InputAction) => {
		const next = reduceInput(current.current, action);
		if (next === current.current) return;
		const changed = next.value !== current.current.value;
		current.current = next;
		setRevision(revision => revision + 1);
		if (changed) onChange?.(next.value);
	};
	useKeys(
		(input, key) => {
			const typedThenEnter = burstWithEnter(input, key);
			if (typedThenEnter !== undefined) apply({ type: 'insert', text: typedThenEnter });
			if (key.return || typedThenEnter !== undefined) {
				if (emptyHint !== undefined && current.current.value.trim() === '') {
					apply({ type: 'clear' });
					return setHinting(true);
				}
				if (onSubmit(current.current.value) !== false) apply({ type: 'clear' });
				return;
			}
			const action = editingAction(input, key);
			if (action) {
				setHinting(false);
				apply(action);
			}
		},
		{ isActive },
	);
	const state = current.current;
	const indent = ' '.repeat(prompt.length);
	if (state.value === '') {
		return (
			<Box>
				<Text>{prompt}</Text>
				<Line text="" cursorAt={isActive ? 0 : undefined} />
				{hinting && emptyHint ? <Text color="yellow"> {emptyHint}</Text> : placeholder ? <Text dimColor> {placeholder}</Text> : null}
			</Box>
		);
	}
	const lines = wrapWithOffsets(state.value, inputWidth(prompt, width));
	const cursorLine = Math.max(
		0,
		lines.findLastIndex(line => line.start <= state.cursor),
	);
	// A reply taller than the room shows the lines up to the cursor.
	const first = Math.max(0, Math.min(cursorLine - maxLines + 1, lines.length - maxLines));
	return (
		<Box flexDirection="column">
			{lines.slice(first, first + maxLines).map((line, shown) => {
				const index = first + shown;
				const isLast = index === lines.length - 1;
				const end = line.start + line.text.length;
				const onThisLine = isActive && state.cursor >= line.start && (state.cursor < end || (isLast && state.cursor === end));
				const lead = index === 0 ? prompt : shown === 0 ? '…'.padEnd(prompt.length) : indent;
				return (
					<Box key={line.start}>
						<Text>{lead}</Text>
						<Line text={line.text} cursorAt={onThisLine ? state.cursor - line.start : undefined} />
					</Box>
				);
			})}
		</Box>
	);
}

/** Columns a reply wraps to inside the box: the prompt's and the cursor's columns left out. */
export function inputWidth(prompt: string, width: number): number {
	return Math.max(10, width - prompt.length - 1);
}
