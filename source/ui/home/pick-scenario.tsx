import { ThemeProvider } from '@inkjs/ui';
import { render } from 'ink';
import React from 'react';
import type { LoadedScenario } from '../../library/scenario-files.js';
import { columnsOf } from '../../terminal-width.js';
import { KeyRouter } from '../input/key-router.js';
import { postsafeTheme } from '../theme.js';
import { HomeScreen } from './home-screen.js';

/** The scenario picker on its own (`postsafe group` with no id): the scenario chosen, or undefined on Esc. */
export async function pickScenario(scenarios: readonly LoadedScenario[]): Promise<LoadedScenario | undefined> {
	let chosen: LoadedScenario | undefined;
	const instance = render(
		<KeyRouter>
			<ThemeProvider theme={postsafeTheme}>
				<HomeScreen
					scenarios={scenarios}
					width={columnsOf(process.stdout)}
					height={process.stdout.rows || 24}
					onChoose={loaded => {
						chosen = loaded;
						instance.unmount();
					}}
					onQuit={() => instance.unmount()}
				/>
			</ThemeProvider>
		</KeyRouter>,
		{ maxFps: 60, patchConsole: false },
	);
	await instance.waitUntilExit();
	// The picker leaves the screen to the group's own: its last frame is cleared, not left above it.
	instance.clear();
	return chosen;
}
