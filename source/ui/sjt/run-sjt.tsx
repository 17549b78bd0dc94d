import { render } from 'ink';
import React from 'react';
import { startSjtSessionFile } from '../../commands/sjt-session.js';
import type { ItemFilter } from '../../sjt/practice.js';
import type { SjtItem } from '../../sjt/schema.js';
import { KeyRouter } from '../input/key-router.js';
import { SjtApp } from './sjt-app.js';

export type SjtTuiOptions = {
	readonly items: readonly SjtItem[];
	readonly sources: Readonly<Record<string, string>>;
	readonly learner?: string;
	readonly seed: number;
	readonly filter: ItemFilter;
	readonly directory: string;
	readonly timed: boolean;
	/** Keeps a name typed at the start for next time. */
	readonly rememberLearner?: (name: string) => void;
};

/** Runs an SJT session in the terminal; each answer is saved as it is given, so quitting loses nothing. */
export async function runSjtTui({ items, sources, learner, seed, filter, directory, timed, rememberLearner }: SjtTuiOptions): Promise<number> {
	const instance = render(
		<KeyRouter>
			<SjtApp
				items={items}
				sources={sources}
				timed={timed}
				startSession={name => {
					if (name !== learner) rememberLearner?.(name);
					return startSjtSessionFile({ directory, learner: name, timed, seed, filter });
				}}
				{...(learner === undefined ? {} : { learner })}
			/>
		</KeyRouter>,
		{ maxFps: 60, patchConsole: false },
	);
	await instance.waitUntilExit();
	return 0;
}
