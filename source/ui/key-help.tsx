import { useComponentTheme, type ComponentTheme } from '@inkjs/ui';
import { Box, Text } from 'ink';
import { textWidth } from '../wrap.js';
import React from 'react';

type KeyHelpProps = {
	/** Pairs of key and what it does, as in keys.ts HELP. */
	readonly keys: readonly (readonly [string, string])[];
};

/** Columns the line of keys takes: for laying out what shares its row. */
export function keyHelpWidth(keys: KeyHelpProps['keys']): number {
	return keys.reduce((sum, [key, action], index) => sum + (index > 0 ? 3 : 0) + textWidth(key) + 1 + textWidth(action), 0);
}

/** Rows the keys and their note take (see KeyHelpWith). */
export function keyHelpRows(keys: KeyHelpProps['keys'], note: string | undefined, width: number): number {
	return note && keyHelpWidth(keys) + 1 + textWidth(note) > width ? 2 : 1;
}

/**
 * The keys with a note beside them ("3 replies left") when both fit on one row; on a narrower screen
 * the note takes a row of its own above the keys, rather than wrapping word by word beside them.
 */
export function KeyHelpWith({ keys, note, width }: KeyHelpProps & { readonly note: string | undefined; readonly width: number }) {
	if (!note) return <KeyHelp keys={keys} />;
	if (keyHelpRows(keys, note, width) === 1) {
		return (
			<Box justifyContent="space-between" width={width}>
				<KeyHelp keys={keys} />
				<Text dimColor>{` ${note}`}</Text>
			</Box>
		);
	}
	return (
		<Box flexDirection="column">
			<Text dimColor>{note}</Text>
			<KeyHelp keys={keys} />
		</Box>
	);
}

/** The line of keys at the foot of a screen. */
export function KeyHelp({ keys }: KeyHelpProps) {
	const { styles } = useComponentTheme<ComponentTheme>('KeyHelp');
	return (
		<Text wrap="truncate-end">
			{keys.map(([key, action], index) => (
				<Text key={key}>
					{index > 0 ? <Text {...styles!.text!()}> · </Text> : null}
					<Text {...styles!.key!()}>{key}</Text>
					<Text {...styles!.text!()}> {action}</Text>
				</Text>
			))}
		</Text>
	);
}
