import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { render } from 'ink-testing-library';
import React from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { appServices } from '../source/commands/app-services.js';
import type { OllamaChoice } from '../source/commands/partner-setup.js';
import { Transcript } from '../source/transcript/schema.js';
import { App } from '../source/ui/app.js';
import { deadHost, piecesOf, startFakeOllama, type ChatScript, type FakeOllama } from './fake-ollama.js';
import { flat, type, waitFor } from './helpers/ink.js';
import { bundledLibrary } from './helpers/library.js';

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
	for (const step of cleanup.splice(0)) await step();
});

async function fake(chats: ChatScript[], models?: string[]): Promise<FakeOllama> {
	const server = await startFakeOllama({ chats, ...(models ? { models } : {}) });
	cleanup.push(() => server.close());
	return server;
}

/** The app as `postsafe play patient-dm-rash --learner Asha` builds it, with the LLM partner at `host`. */
function play(host: string, timeoutMs = 5000) {
	const transcripts = mkdtempSync(join(tmpdir(), 'postsafe-ollama-ui-'));
	const choice: OllamaChoice = { host, model: 'llama3.2', seed: 7, timeoutMs };
	const library = bundledLibrary();
	const initial = library.scenarios.find(loaded => loaded.scenario.id === 'patient-dm-rash')!;
	const ui = render(<App services={appServices({ library, choice, transcripts })} coach={false} learner="Asha" initial={initial} />);
	cleanup.push(() => ui.unmount());
	// As on disk once the turn just shown is written (just after its frame).
	const transcript = async () => {
		await new Promise(resolve => setImmediate(resolve));
		return Transcript.parse(JSON.parse(readFileSync(join(transcripts, readdirSync(transcripts)[0]!), 'utf8')));
	};
	return { ui, transcript };
}

/** The live area (the last frame), as running text. */
const live = (ui: ReturnType<typeof render>) => flat(ui.lastFrame() ?? '');
const REPLY = "Sorry, I can't give advice here. Please use the online consultation.";

describe('the LLM partner in the terminal UI', () => {
	it('shows the reply growing as the tokens arrive, then as a finished message', async () => {
		const words = piecesOf('i did try calling this morning but nobody picked up, can you not just have a quick look');
		const server = await fake([{ pieces: words, delayMs: 40 }]);
		const { ui, transcript } = play(server.url);
		await waitFor(ui, text => text.includes('Reply to Jade Holloway'));
		await type(ui, REPLY, { enter: true });
		await waitFor(ui, () => live(ui).includes('writing…') && live(ui).includes('i did try calling'));
		const partway = live(ui);
		expect(partway).not.toContain('have a quick look');
		await waitFor(ui, text => flat(text).includes('have a quick look') && !live(ui).includes('writing…'));
		expect((await transcript()).turns.at(-1)).toMatchObject({ role: 'partner', source: 'model', text: words.join('') });
		expect((await transcript()).partner).toEqual({ kind: 'ollama', model: 'llama3.2', host: server.url, seed: 7 });
	});

	it('keeps the live area shorter than the terminal while a long reply streams and the learner types, then prints the message whole', async () => {
		const words = piecesOf('i tried the surgery again and nobody answers and it is spreading up my arm now. '.repeat(7).trim());
		const server = await fake([{ pieces: words, delayMs: 8 }]);
		const { ui } = play(server.url);
		await waitFor(ui, text => text.includes('Reply to Jade Holloway'));
		await type(ui, REPLY, { enter: true });
		await waitFor(ui, () => live(ui).includes('writing…'));
		// Typed while Jade writes, not sent: it needs most of a 24-line terminal.
		await type(ui, 'I hear you, and I am sorry it is spreading. '.repeat(30).trim());
		await waitFor(ui, text => flat(text).includes('spreading up my arm now.') && !live(ui).includes('writing…'), 10_000);
		const liveFrames = ui.frames.filter(frame => frame.includes('writing…'));
		expect(liveFrames.length).toBeGreaterThan(0);
		for (const frame of liveFrames) expect(frame.split('\n').length).toBeLessThan(24);
		// The bubble showed its latest words, "…" where it was cut; the printed message is whole.
		expect(liveFrames.some(frame => /│ … +│/.test(frame))).toBe(true);
		const printed = ui.frames.find(frame => frame.includes('Jade Holloway  ') && !frame.includes('writing…') && frame.includes('spreading up my arm now.'))!;
		expect(flat(printed)).toContain(flat(words.join('')).slice(0, 120));
		expect(printed).not.toContain('│ …');
	});

	it('offers to pull a missing model, shows the progress, then plays with it', async () => {
		const server = await fake([{ pieces: piecesOf('ok, the line was busy all morning') }], []);
		const { ui } = play(server.url);
		await waitFor(ui, () => live(ui).includes("isn't installed") && live(ui).includes('Pull it now?'));
		ui.stdin.write('y');
		await waitFor(ui, text => /Pulling llama3\.2: pulling dde5aa3fc5ff \((25|50|75)%\)/.test(text));
		await waitFor(ui, text => text.includes('Pulled llama3.2.') && text.includes('Reply to Jade Holloway'));
		await type(ui, REPLY, { enter: true });
		await waitFor(ui, text => text.includes('the line was busy all morning'));
		expect(server.requests.map(request => request.path)).toContain('/api/pull');
	});

	it('says Ollama is not running, with the command that fixes it, and plays the scripted partner', async () => {
		const { ui, transcript } = play(await deadHost());
		await waitFor(ui, text => flat(text).includes("Ollama isn't running at http://127.0.0.1:") && flat(text).includes('start it with `ollama serve`'));
		await type(ui, REPLY, { enter: true });
		await waitFor(ui, text => text.includes('engaged for ages'));
		expect((await transcript()).partner.kind).toBe('scripted');
	});

	it('keeps what arrived when the connection drops, and gets the whole reply on a retry', async () => {
		const server = await fake([
			{ pieces: piecesOf('i did try calling this morning but nobody'), delayMs: 10, dropAfter: 5 },
			{ pieces: piecesOf('sorry, my signal went. nobody picked up at the surgery') },
		]);
		const { ui, transcript } = play(server.url);
		await waitFor(ui, text => text.includes('Reply to Jade Holloway'));
		await type(ui, REPLY, { enter: true });
		await waitFor(ui, text => text.includes("Jade Holloway's reply didn't arrive") && text.includes('dropped'));
		expect(live(ui)).toContain('r try again');
		expect((await transcript()).turns.at(-1)).toMatchObject({ role: 'partner', text: 'i did try calling this', interrupted: true });
		ui.stdin.write('r');
		await waitFor(ui, text => text.includes('my signal went') && live(ui).includes('Reply to Jade Holloway'));
		expect((await transcript()).turns.filter(turn => turn.role === 'partner').map(turn => turn.interrupted ?? false)).toEqual([false, true, false]);
	});

	it('carries on with the scripted partner when the learner chooses', async () => {
		const server = await fake([{ pieces: piecesOf('i did try'), errorAfter: 1 }]);
		const { ui } = play(server.url);
		await waitFor(ui, text => text.includes('Reply to Jade Holloway'));
		await type(ui, REPLY, { enter: true });
		await waitFor(ui, () => live(ui).includes('s carry on with the scripted partner'));
		ui.stdin.write('s');
		await waitFor(ui, text => text.includes('engaged for ages'));
	});

	it('stops the partner mid-message on Esc, keeping what it had written', async () => {
		const server = await fake([{ pieces: piecesOf('i did try calling this morning but nobody picked up at all today'), delayMs: 150 }]);
		const { ui, transcript } = play(server.url);
		await waitFor(ui, text => text.includes('Reply to Jade Holloway'));
		await type(ui, REPLY, { enter: true });
		await waitFor(ui, () => live(ui).includes('i did try'));
		ui.stdin.write('\u001B');
		await waitFor(ui, text => flat(text).includes('i did try (stopped before finishing)') && live(ui).includes('Reply to Jade Holloway'));
		const stopped = (await transcript()).turns.at(-1)!;
		expect(stopped).toMatchObject({ role: 'partner', interrupted: true });
		expect(stopped.text).not.toContain('at all today');
		await new Promise(resolve => setTimeout(resolve, 400));
		expect(live(ui)).not.toContain('at all today');
	});
});
