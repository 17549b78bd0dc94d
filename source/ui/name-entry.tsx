import { Box, Text } from 'ink';
import React from 'react';
import { useKeys } from './input/key-router.js';
import { TextBox } from './input/text-box.js';
import { KeyHelp } from './key-help.js';
import { HELP } from './keys.js';

type NameEntryProps = {
	readonly width: number;
	readonly onDone: (name: string) => void;
	/** Esc: leave before anything has started. */
	readonly onQuit: () => void;
};

/** Asks for the learner's name once; it goes in every transcript of this sitting. */
export function NameEntry({ width, onDone, onQuit }: NameEntryProps) {
	useKeys((_input, key) => {
		if (key.escape) onQuit();
	});
	const submit = (text: string) => {
		const name = text.trim();
		if (name === '') return false;
		onDone(name);
		return true;
	};
	return (
		<Box flexDirection="column" width={Math.min(width, 100)}>
			<Text bold>What's your name? It goes in your transcripts, for you and your supervisor.</Text>
			<TextBox
				prompt="› "
				width={Math.min(width, 100)}
				onSubmit={submit}
				placeholder="e.g. Asha Patel"
				emptyHint="Type your name first, then Enter (Esc to quit)."
			/>
			<KeyHelp keys={HELP.name} />
		</Box>
	);
}
