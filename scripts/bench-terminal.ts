// Terminal figures for the bench: time to first frame in a real terminal, and keystroke-to-echo.
import { EventEmitter } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { render } from 'ink';
import React from 'react';
import { isEnglishWord } from '../source/dictionary/english.js';
import { ScriptedPartner } from '../source/partner/scripted.js';
import { compileRubric } from '../source/rubric/compile.js';
import type { LoadedScenario, ScenarioLibrary } from '../source/library/scenario-files.js';
import { SessionController } from '../source/session/controller.js';
import { recordSession } from '../source/transcript/recorder.js';
import { transcriptPath } from '../source/transcript/store.js';
import { App } from '../source/ui/app.js';
import { spawnTerminal } from '../test/helpers/terminal.js';

function median(values: readonly number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)]!;
}

/** Milliseconds from starting a command in a fresh 80×24 pseudo-terminal until `marker` is on its screen. */
async function timeToFirstFrame(program: readonly string[], marker: string): Promise<number> {
	const start = performance.now();
	// Not CI, as the harness's tests set it: the minimal Ink app would then draw nothing until it exits.
	const terminal = spawnTerminal({ program, env: { CI: undefined, CONTINUOUS_INTEGRATION: undefined } });
	try {
		await terminal.waitForScreen(marker, { timeout: 20_000 });
		return performance.now() - start;
	} finally {
		terminal.kill('SIGKILL');
		await terminal.exited;
	}
}

/** Median first-frame times of postsafe play and of a one-line Ink app, alternated. */
export async function firstFrames(cli: string, minimalApp: string, runs = 7): Promise<{ ours: number; minimal: number }> {
	const transcripts = mkdtempSync(join(tmpdir(), 'postsafe-bench-'));
	const ours: number[] = [];
	const minimal: number[] = [];
	for (let run = 0; run < runs + 1; run++) {
		const a = await timeToFirstFrame(
			[process.execPath, cli, 'play', 'patient-dm-rash', '--learner', 'Bench', '--offline', '--transcripts', transcripts],
			'Reply to Jade Holloway',
		);
		const b = await timeToFirstFrame([process.execPath, minimalApp], 'minimal ink app ready');
		// The first pair warms the disk cache for both.
		if (run > 0) {
			ours.push(a);
			minimal.push(b);
		}
	}
	return { ours: median(ours), minimal: median(minimal) };
}

/** A stdout that is a terminal as far as Ink can tell, and notes when each frame is written. */
export class FakeTerminal extends EventEmitter {
	readonly isTTY = true;
	columns = 80;
	rows = 24;
	readonly writes: { at: number; text: string }[] = [];
	write(text: string): boolean {
		this.writes.push({ at: performance.now(), text });
		return true;
	}
}

/** A stdin Ink can read keys from. */
export class FakeKeyboard extends EventEmitter {
	readonly isTTY = true;
	private pending: string | null = null;
	setEncoding(): void {}
	setRawMode(): void {}
	resume(): void {}
	pause(): void {}
	ref(): void {}
	unref(): void {}
	read(): string | null {
		const data = this.pending;
		this.pending = null;
		return data;
	}
	press(data: string): void {
		this.pending = data;
		this.emit('readable');
	}
}

export const tick = (milliseconds: number) => new Promise(resolve => setTimeout(resolve, milliseconds));

/**
 * Median time from a keypress to the frame that echoes it, in the chat with `messages` messages
 * already on screen, through Ink's real (non-debug) rendering.
 */
export async function keystrokeEcho(library: ScenarioLibrary, messages: number, presses = 30): Promise<number> {
	const base = library.scenarios.find(loaded => loaded.scenario.id === 'patient-dm-rash')!;
	const rounds = Math.ceil(messages / 2);
	// A long conversation: as many scripted beats as rounds, so the partner never runs out.
	const scenario = {
		...base.scenario,
		turns: rounds + 10,
		beats: Array.from({ length: rounds + 10 }, (_, index) => ({
			id: `beat-${index}`,
			say: `Message ${index} from Jade: still itchy, what should I do about it?`,
			end: false,
		})),
	};
	const loaded: LoadedScenario = { ...base, scenario };
	const controller = new SessionController(
		{ scenario, rubric: compileRubric(scenario, library.criteria.library, isEnglishWord), learners: ['Bench'] },
		new ScriptedPartner(),
	);
	for (let round = 0; controller.current.messages.length < messages; round++)
		await controller.reply('Bench', `Reply ${round}: please use the online consultation form.`);
	const directory = mkdtempSync(join(tmpdir(), 'postsafe-bench-'));
	const recorder = recordSession(controller, transcriptPath(directory, 'bench'), { id: 'bench', contentHash: base.contentHash, group: false });
	const stdout = new FakeTerminal();
	const stdin = new FakeKeyboard();
	const instance = render(
		React.createElement(App, {
			services: {
				scenarios: library.scenarios,
				sources: library.criteria.library.sources,
				startSession: () => ({ controller, recorder }),
				scriptedPartner: () => new ScriptedPartner(),
			},
			coach: false,
			learner: 'Bench',
			initial: loaded,
		}),
		{ stdout: stdout as unknown as NodeJS.WriteStream, stdin: stdin as unknown as NodeJS.ReadStream, exitOnCtrlC: false, patchConsole: false, maxFps: 60 },
	);
	while (!stdout.writes.some(write => write.text.includes('Reply to Jade'))) await tick(5);
	await tick(100);
	const latencies: number[] = [];
	let typed = '';
	for (let press = 0; press < presses; press++) {
		const key = press % 2 === 0 ? 'x' : 'y';
		typed += key;
		const before = stdout.writes.length;
		const start = performance.now();
		stdin.press(key);
		// The echo is the frame whose input line holds everything typed so far.
		const echoed = () => stdout.writes.slice(before).find(write => write.text.includes(typed));
		while (!echoed()) await tick(0);
		latencies.push(echoed()!.at - start);
		await tick(30);
	}
	instance.unmount();
	recorder.stop();
	return median(latencies);
}
