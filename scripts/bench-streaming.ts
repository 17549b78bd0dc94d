// Streaming figure for the bench: a long model message from a fake Ollama, through the whole TUI to the screen.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { render } from 'ink';
import { Ollama } from 'ollama';
import React from 'react';
import { appServices } from '../source/commands/app-services.js';
import type { ScenarioLibrary } from '../source/library/scenario-files.js';
import type { RecordedSession } from '../source/transcript/recorder.js';
import { App } from '../source/ui/app.js';
import { FakeKeyboard, FakeTerminal, tick } from './bench-terminal.js';

const MODEL = 'llama3.2';

let chatRequestedAt = Number.NaN;

/** Notes when a chat request goes out, so both sides are timed from the moment the stream is asked for. */
function timeChatRequests(): void {
	const realFetch = globalThis.fetch;
	globalThis.fetch = (input, init) => {
		if (String(input instanceof Request ? input.url : input).endsWith('/api/chat')) chatRequestedAt = performance.now();
		return realFetch(input, init);
	};
}

/** Milliseconds for the bare `ollama` client to read the whole stream, from its request. */
async function bareClient(host: string): Promise<number> {
	const stream = await new Ollama({ host }).chat({ model: MODEL, messages: [{ role: 'user', content: 'hello' }], stream: true, think: false });
	let text = '';
	for await (const part of stream) text += part.message.content;
	if (text.length === 0) throw new Error('the fake Ollama sent nothing');
	return performance.now() - chatRequestedAt;
}

/**
 * Milliseconds from the partner's chat request (sent when the learner presses Enter) until its finished
 * message is on the screen, and until the learner has the input back: the whole stream through the Ollama
 * partner, the session, the transcript recorder and the TUI (the finished message is printed at once,
 * the live area is redrawn at Ink's frame rate).
 */
async function throughTheScreen(library: ScenarioLibrary, host: string): Promise<{ shown: number; inputBack: number }> {
	const loaded = library.scenarios.find(candidate => candidate.scenario.id === 'patient-dm-rash')!;
	const services = appServices({
		library,
		choice: { host, model: MODEL, seed: 7, timeoutMs: 30_000 },
		transcripts: mkdtempSync(join(tmpdir(), 'postsafe-bench-')),
	});
	const stdout = new FakeTerminal();
	const stdin = new FakeKeyboard();
	// Each run's session is stopped afterwards, so runs don't pile up in memory (one App per process in real use).
	let session: RecordedSession | undefined;
	const instance = render(
		React.createElement(App, { services, coach: false, learner: 'Bench', initial: loaded, onSession: started => (session = started ?? session) }),
		{
			stdout: stdout as unknown as NodeJS.WriteStream,
			stdin: stdin as unknown as NodeJS.ReadStream,
			exitOnCtrlC: false,
			patchConsole: false,
			maxFps: 60,
		},
	);
	const after = (from: number, shows: (text: string) => boolean) => stdout.writes.slice(from).findIndex(write => shows(write.text));
	while (after(0, text => text.includes('Reply to Jade')) < 0) await tick(2);
	stdin.press('Please use the online form.');
	await tick(20);
	const pressed = stdout.writes.length;
	stdin.press('\r');
	// The finished message (its time in place of "writing…"), then the input back for the next reply.
	let shown: number;
	while ((shown = after(pressed, text => text.includes('i tried the surgery') && !text.includes('writing…'))) < 0) await tick(0);
	let back: number;
	while ((back = after(pressed + shown, text => text.includes('Reply to Jade'))) < 0) await tick(0);
	const result = { shown: stdout.writes[pressed + shown]!.at - chatRequestedAt, inputBack: stdout.writes[pressed + shown + back]!.at - chatRequestedAt };
	instance.unmount();
	session?.recorder.stop();
	return result;
}

function median(values: readonly number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)]!;
}

/** Median times for `tokens` streamed as fast as the fake server can send them: bare client and TUI, alternated. */
export async function streamingToScreen(
	library: ScenarioLibrary,
	fakeOllama: string,
	tokens = 2000,
	runs = 15,
	warmUps = 3,
): Promise<{ ours: number; inputBack: number; bare: number }> {
	timeChatRequests();
	const server = spawn(process.execPath, [fakeOllama, String(tokens)], { stdio: ['ignore', 'pipe', 'inherit'] });
	try {
		const [firstLine] = (await once(server.stdout, 'data')) as [Buffer];
		const url = firstLine.toString().trim();
		const ours: number[] = [];
		const inputBack: number[] = [];
		const bare: number[] = [];
		for (let run = 0; run < runs + warmUps; run++) {
			const a = await throughTheScreen(library, url);
			const b = await bareClient(url);
			// The first pairs warm up both paths (the client's stream parsing speeds up several-fold as it is compiled).
			if (run >= warmUps) {
				ours.push(a.shown);
				inputBack.push(a.inputBack);
				bare.push(b);
			}
		}
		return { ours: median(ours), inputBack: median(inputBack), bare: median(bare) };
	} finally {
		server.kill();
	}
}
