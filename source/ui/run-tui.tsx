import { render } from 'ink';
import React from 'react';
import type { LoadedScenario } from '../scenario/files.js';
import { saveOnSignals } from '../commands/start-session.js';
import type { RecordedSession } from '../transcript/recorder.js';
import { App, type AppServices } from './app.js';

export type TuiOptions = {
	readonly services: AppServices;
	readonly learner?: string;
	readonly initial?: LoadedScenario;
	readonly coach: boolean;
};

/** Runs the terminal UI until the learner leaves; a kill or a closed terminal saves the session as abandoned. */
export async function runTui({ services, learner, initial, coach }: TuiOptions): Promise<number> {
	let current: RecordedSession | undefined;
	let instance: ReturnType<typeof render> | undefined;
	const removeHandlers = saveOnSignals(
		() => current,
		() => instance?.unmount(),
	);
	instance = render(
		<App
			services={services}
			coach={coach}
			onSession={session => {
				current = session;
			}}
			{...(learner === undefined ? {} : { learner })}
			{...(initial === undefined ? {} : { initial })}
		/>,
		// Ctrl+C is handled by the app, which saves the session first; typing is echoed at up to 60 fps.
		{ exitOnCtrlC: false, maxFps: 60 },
	);
	await instance.waitUntilExit();
	removeHandlers();
	return 0;
}
