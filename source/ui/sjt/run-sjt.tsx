import { render } from 'ink';
import React from 'react';
import { startSjtSessionFile, type SjtSessionFile } from '../../transcript/sjt-session-file.js';
import { problemLine } from '../../transcript/rescue.js';
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
	let session: SjtSessionFile | undefined;
	const instance = render(
		<KeyRouter>
			<SjtApp
				items={items}
				sources={sources}
				timed={timed}
				startSession={name => {
					if (name !== learner) rememberLearner?.(name);
					return (session = startSjtSessionFile({ directory, learner: name, timed, seed, filter }));
				}}
				{...(learner === undefined ? {} : { learner })}
			/>
		</KeyRouter>,
		{ maxFps: 60, patchConsole: false },
	);
	await instance.waitUntilExit();
	// Answers not on disk are said once more after the screen has gone, and the exit says so.
	const problem = session?.problem;
	if (!problem) return 0;
	process.stderr.write(`${problemLine(problem, { what: 'your answers', atEnd: true })}\n`);
	if (problem.rescue === undefined) process.stderr.write(problem.text);
	return 1;
}
