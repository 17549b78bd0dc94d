import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { render } from 'ink-testing-library';
import React from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { startRecordedSession } from '../source/commands/start-session.js';
import { ScriptedPartner } from '../source/partner/scripted.js';
import type { Partner } from '../source/session/types.js';
import { Transcript } from '../source/transcript/schema.js';
import { App, type AppServices } from '../source/ui/app.js';
import { TextBox } from '../source/ui/input/text-box.js';
import { screenText, type, waitFor } from './helpers/ink.js';
import { bundledLibrary } from './helpers/library.js';

const mounted: { unmount: () => void }[] = [];
afterEach(() => {
	for (const instance of mounted.splice(0)) instance.unmount();
});

function services(partner: () => Partner = () => new ScriptedPartner()) {
	const library = bundledLibrary();
	const transcripts = mkdtempSync(join(tmpdir(), 'postsafe-ui-'));
	const files: string[] = [];
	const value: AppServices = {
		scenarios: library.scenarios,
		sources: library.criteria.library.sources,
		scriptedPartner: () => new ScriptedPartner(),
		startSession: (loaded, learner) => {
			const session = startRecordedSession({ loaded, criteria: library.criteria.library, learners: [learner], partner: partner(), transcripts });
			files.push(session.recorder.file);
			return session;
		},
	};
	return { services: value, files };
}

function renderApp(element: React.ReactElement) {
	const instance = render(element);
	mounted.push(instance);
	return instance;
}

const scenario = (id: string) => bundledLibrary().scenarios.find(loaded => loaded.scenario.id === id)!;

describe('the terminal UI', () => {
	it('picks a scenario by fuzzy search, asks the name once, plays two replies with scripted answers, and debriefs with the learner’s words', async () => {
		const { services: app, files } = services();
		const ui = renderApp(<App services={app} coach={false} />);
		await waitFor(ui, text => text.includes('Search:'));
		await type(ui, 'rahs instgram');
		await waitFor(ui, text => /❯ A rash photo in your Instagram DMs/.test(ui.lastFrame() ?? ''));
		await type(ui, '', { enter: true });
		await waitFor(ui, text => text.includes("What's your name?"));
		await type(ui, 'Asha', { enter: true });
		await waitFor(ui, text => text.includes('hiii sorry to message you on here'));

		await type(ui, "Sorry Jade, I can't give medical advice on Instagram. Please use the online consultation.", { enter: true });
		await waitFor(ui, text => text.includes('engaged for ages'));
		// Boundaries met earlier and a note promised: Jade accepts the route, and that is her last word.
		await type(ui, "I understand. I'll note this in your record.", { enter: true });
		await waitFor(ui, text => text.includes('ok fair enough') && text.includes('── Debrief'));
		const shown = screenText(ui);
		expect(shown).toMatch(/✓ met\s+Professional boundaries\s+█+ 2\/2/);
		expect(shown).toContain("“Sorry Jade, I can't give medical advice on Instagram.” (reply 1)");
		expect(shown).toContain("“I'll note this in your record.” (reply 2)");
		expect(shown).toContain('A model reply');
		expect(shown).toContain('Good medical practice (GMC, 2024), paragraph 88');
		await waitFor(ui, text => text.includes('Reflection 1 of 3: What happened?'));
		for (const answer of ['Jade DMed me about a rash.', 'I held the line.', 'Keep signposting.']) await type(ui, answer, { enter: true });
		await waitFor(ui, text => text.includes('Transcript saved:'));
		const transcript = Transcript.parse(JSON.parse(readFileSync(files[0]!, 'utf8')));
		expect(transcript).toMatchObject({ learner: 'Asha', status: 'complete', endReason: 'scripted', reflection: { soWhat: 'I held the line.' } });
		// Back to the picker, and the name is not asked again.
		await waitFor(ui, text => text.includes('Practise another?'));
		await type(ui, '', { enter: true });
		await waitFor(ui, text => (ui.lastFrame() ?? '').includes('Search:'));
		const framesBefore = ui.frames.length;
		await type(ui, 'friend request', { enter: true });
		await waitFor(ui, text => text.includes('huge thank you'));
		expect(ui.frames.slice(framesBefore).join('\n')).not.toContain("What's your name?");
	});

	it('in coach mode, shows a one-line hint after each reply; in exam mode, none', async () => {
		for (const coach of [true, false]) {
			const { services: app } = services();
			const ui = renderApp(<App services={app} coach={coach} learner="Asha" initial={scenario('patient-dm-rash')} />);
			await waitFor(ui, text => text.includes('hiii sorry'));
			await type(ui, 'Please call 111 tonight.', { enter: true });
			await waitFor(ui, text => text.includes('engaged for ages'));
			if (coach) expect(screenText(ui)).toMatch(/Coach: Professional boundaries: Say plainly what you cannot do here/);
			else expect(screenText(ui)).not.toContain('Coach:');
		}
	});

	it('shows who is typing while the partner writes, then their message', async () => {
		let answer: ((text: string) => void) | undefined;
		const slow: Partner = {
			info: new ScriptedPartner().info,
			respond: () => new Promise(resolve => (answer = text => resolve({ text, source: 'script', ends: false }))),
		};
		const { services: app } = services(() => slow);
		const ui = renderApp(<App services={app} coach={false} learner="Asha" initial={scenario('patient-dm-rash')} />);
		await waitFor(ui, text => text.includes('hiii sorry'));
		await type(ui, 'Hello Jade', { enter: true });
		// The partner is asked once the reply is on screen: on a busy machine, a frame after "is typing".
		await waitFor(ui, () => (ui.lastFrame() ?? '').includes('Jade Holloway is typing') && answer !== undefined);
		answer!('sorry, it is just really itchy');
		await waitFor(ui, text => text.includes('really itchy'));
		expect(ui.lastFrame()).not.toContain('is typing');
	});

	it('asks before quitting on Esc, and saves the conversation as abandoned on yes', async () => {
		const { services: app, files } = services();
		const ui = renderApp(<App services={app} coach={false} learner="Asha" initial={scenario('patient-dm-rash')} />);
		await waitFor(ui, text => text.includes('hiii sorry'));
		await type(ui, 'Please call 111.', { enter: true });
		await waitFor(ui, text => text.includes('engaged for ages'));
		ui.stdin.write('\u001B');
		await waitFor(ui, () => (ui.lastFrame() ?? '').includes('Quit this conversation?'));
		ui.stdin.write('n');
		await waitFor(ui, () => !(ui.lastFrame() ?? '').includes('Quit this conversation?'));
		ui.stdin.write('\u001B');
		await waitFor(ui, () => (ui.lastFrame() ?? '').includes('Quit this conversation?'));
		ui.stdin.write('y');
		await waitFor(ui, text => text.includes('Left the conversation'));
		const transcript = Transcript.parse(JSON.parse(readFileSync(files[0]!, 'utf8')));
		expect(transcript).toMatchObject({ status: 'abandoned', endReason: 'abandoned' });
		expect(transcript.turns.filter(turn => turn.role === 'learner').map(turn => turn.text)).toEqual(['Please call 111.']);
	});

	it('ends early with Ctrl+E, or /end, and goes to the debrief', async () => {
		for (const end of ['\u0005', '/end\r']) {
			const { services: app } = services();
			const ui = renderApp(<App services={app} coach={false} learner="Asha" initial={scenario('patient-dm-rash')} />);
			await waitFor(ui, text => text.includes('hiii sorry'));
			ui.stdin.write(end);
			await waitFor(ui, text => text.includes('── Debrief') && text.includes('(no replies)'));
		}
	});
});

describe('the text box', () => {
	it('wraps a long reply over several lines and edits where the cursor is', async () => {
		const sent: string[] = [];
		const ui = renderApp(<TextBox prompt="› " width={30} onSubmit={text => void sent.push(text)} />);
		await type(ui, 'I cannot give you medical advice on here, sorry');
		const lines = (ui.lastFrame() ?? '').split('\n');
		expect(lines.length).toBeGreaterThan(1);
		expect(lines[0]).toBe('› I cannot give you medical');
		// Left arrow twice, then Backspace: "sorry" becomes "sory".
		ui.stdin.write('\u001B[D');
		ui.stdin.write('\u001B[D');
		await type(ui, '\u007F');
		await type(ui, '', { enter: true });
		expect(sent).toEqual(['I cannot give you medical advice on here, sory']);
	});

	it('acts on a control key that arrives run together with typing, and never sends the text typed before it', async () => {
		const { services: app, files } = services();
		const ui = renderApp(<App services={app} coach={false} learner="Asha" initial={scenario('patient-dm-rash')} />);
		await waitFor(ui, text => text.includes('Reply to Jade Holloway'));
		// As over a slow SSH link: the half-typed words and Ctrl+E in one read.
		ui.stdin.write('half a reply, not sent\u0005');
		await waitFor(ui, text => text.includes('Reflection 1 of 3'));
		const transcript = Transcript.parse(JSON.parse(readFileSync(files[0]!, 'utf8')));
		expect(transcript.turns.filter(turn => turn.role === 'learner')).toEqual([]);
		expect(transcript.endReason).toBe('learner');
	});

	it('treats text and Enter arriving together as typing then sending', async () => {
		const sent: string[] = [];
		const ui = renderApp(<TextBox prompt="› " width={40} onSubmit={text => void sent.push(text)} />);
		await type(ui, 'call 111 tonight\r');
		expect(sent).toEqual(['call 111 tonight']);
	});
});
