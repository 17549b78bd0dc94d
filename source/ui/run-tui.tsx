import { render } from 'ink';
import React from 'react';
import type { LoadedScenario } from '../library/scenario-files.js';
import { saveOnSignals } from '../transcript/start-session.js';
import { noticeLine } from '../cli/said-line.js';
import { transcriptSavedLine, type RecordedSession } from '../transcript/recorder.js';
import { unsavedExit } from '../transcript/unsaved-exit.js';
import { App, type AppServices } from './app.js';

export type TuiOptions = {
	readonly services: AppServices;
	readonly learner?: string;
	readonly initial?: LoadedScenario;
	readonly coach: boolean;
};

/**
 * Renders a screen that runs sessions until it exits; a kill or a closed terminal saves the session
 * under way as abandoned. `screen` is given the setter that keeps track of that session.
 */
export async function renderSavingSessions(screen: (onSession: (session: RecordedSession | undefined) => void) => React.ReactElement): Promise<number> {
	let current: RecordedSession | undefined;
	const sessions = new Set<RecordedSession>();
	let instance: ReturnType<typeof render> | undefined;
	const removeHandlers = saveOnSignals(
		() => current,
		() => instance?.unmount(),
	);
	// Ctrl+C is handled by the app, which saves the session first; typing is echoed at up to 60 fps.
	const track = (session: RecordedSession | undefined) => {
		current = session;
		if (session) sessions.add(session);
	};
	instance = render(screen(track), { exitOnCtrlC: false, maxFps: 60, patchConsole: false });
	try {
		await instance.waitUntilExit();
	} finally {
		removeHandlers();
	}
	// A transcript that is not on disk is said once more after the screen has gone, and the exit says so.
	let code = 0;
	for (const { recorder } of sessions) {
		recorder.stop();
		if (!recorder.problem) continue;
		process.stderr.write(`${transcriptSavedLine(recorder)}\n`);
		code = unsavedExit(recorder, text => void process.stderr.write(text));
	}
	if (code !== 0) return code;
	// A session still under way when the screen exits was left with Ctrl+C: say where it went, and
	// exit as an interrupted program does (128 + SIGINT), so a script can tell.
	if (current?.controller.current.endReason !== 'abandoned') return 0;
	process.stderr.write(noticeLine(`Stopped with Ctrl+C. The conversation is saved, as abandoned, with every reply sent: ${current.recorder.file}`));
	return 130;
}

/** Runs the terminal UI until the learner leaves. */
export function runTui({ services, learner, initial, coach }: TuiOptions): Promise<number> {
	return renderSavingSessions(onSession => (
		<App
			services={services}
			coach={coach}
			onSession={onSession}
			{...(learner === undefined ? {} : { learner })}
			{...(initial === undefined ? {} : { initial })}
		/>
	));
}
