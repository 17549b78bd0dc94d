import { useComponentTheme, type ComponentTheme } from '@inkjs/ui';
import { Text } from 'ink';
import React from 'react';

type KeyHelpProps = {
	/** Pairs of key and what it does, as in keys.ts HELP. */
	readonly keys: readonly (readonly [string, string])[];
};

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
