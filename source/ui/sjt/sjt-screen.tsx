import { ThemeProvider } from '@inkjs/ui';
import { Box, Static } from 'ink';
import React, { type ReactNode } from 'react';
import { postsafeTheme } from '../theme.js';

type SjtScreenProps<Entry extends { readonly key: string }> = {
	/** What is done (an item's stem, a reveal, a summary), printed once above the live part. */
	readonly printed: readonly Entry[];
	/** From useRedrawOnNarrow: when it changes, the printed part is drawn again at the new width. */
	readonly redraws: number;
	readonly width: number;
	/** The part that is redrawn as keys come: the question being answered, the keys. */
	readonly live: ReactNode;
	readonly children: (entry: Entry) => ReactNode;
};

/** An SJT screen, alone or in a group: the printed history in <Static>, and the live part under it. */
export function SjtScreen<Entry extends { readonly key: string }>({ printed, redraws, width, live, children }: SjtScreenProps<Entry>) {
	return (
		<ThemeProvider theme={postsafeTheme}>
			<Static key={redraws} items={[...printed]}>
				{entry => (
					<Box key={entry.key} flexDirection="column" width={width}>
						{children(entry)}
					</Box>
				)}
			</Static>
			{live}
		</ThemeProvider>
	);
}
