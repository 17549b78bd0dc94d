import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ThemeProvider } from '@inkjs/ui';
import { render } from 'ink-testing-library';
import React from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { startRecordedSession } from '../source/transcript/start-session.js';
import { ScriptedPartner } from '../source/partner/scripted.js';
import type { Partner, PartnerTurn } from '../source/session/types.js';
import { Transcript } from '../source/transcript/schema.js';
import { App, type AppServices } from '../source/ui/app.js';
import { HomeScreen } from '../source/ui/home/home-screen.js';
import { KeyRouter } from '../source/ui/input/key-router.js';
import { TextBox } from '../source/ui/input/text-box.js';
import { NameEntry } from '../source/ui/name-entry.js';
import { postsafeTheme } from '../source/ui/theme.js';
import { runCli } from './helpers/cli.js';
import { flat, screenText, type, waitFor } from './helpers/ink.js';
import { bundledLibrary } from './helpers/library.js';

const mounted: { unmount: () => void }[] = [];
afterEach(() => {
	for (const instance of mounted.splice(0)) instance.unmount();
});

function services(partner: () => Partner = () => new ScriptedPartner(), turns?: number) {
	const library = bundledLibrary();
	const transcripts = mkdtempSync(join(tmpdir(), 'postsafe-ui-'));
	const files: string[] = [];
	const value: AppServices = {
		scenarios: library.scenarios,
		sources: library.criteria.library.sources,
		scriptedPartner: () => new ScriptedPartner(),
		startSession: (loaded, learner) => {
			const session = startRecordedSession({
				loaded,
				criteria: library.criteria.library,
				learners: [learner],
				partner: partner(),
				transcripts,
				...(turns === undefined ? {} : { turns }),
			});
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

/** A partner that answers when the test says, once it has been asked (the typing indicator shows a moment before). */
function heldPartner() {
	let reply: ((turn: PartnerTurn) => void) | undefined;
	const partner: Partner = { info: new ScriptedPartner().info, respond: () => new Promise(resolve => (reply = resolve)) };
	const answer = async (text: string) => {
		while (!reply) await new Promise(resolve => setTimeout(resolve, 5));
		reply({ text, source: 'script', ends: false });
		reply = undefined;
	};
	return { partner, answer };
}

/** `postsafe play patient-dm-rash --learner Asha`, once the learner's first reply has its scripted answer. */
async function afterFirstReply() {
	const { services: app, files } = services();
	const ui = renderApp(<App services={app} coach={false} learner="Asha" initial={scenario('patient-dm-rash')} />);
	await waitFor(ui, text => text.includes('hiii sorry'));
	await type(ui, 'Please call 111.', { enter: true });
	await waitFor(ui, text => text.includes('engaged for ages'));
	return { ui, files };
}

describe('the terminal UI', () => {
	it('picks a scenario by fuzzy search, asks the name once, plays three replies with scripted answers, and debriefs with the learner’s words', async () => {
		const { services: app, files } = services();
		const ui = renderApp(<App services={app} coach={false} />);
		await waitFor(ui, text => text.includes('Search:'));
		await type(ui, 'rahs instgram');
		await waitFor(ui, text => /❯ A rash photo in your Instagram DMs/.test(ui.lastFrame() ?? ''));
		await type(ui, '', { enter: true });
		await waitFor(ui, text => text.includes("What's your name?"));
		await type(ui, 'Asha', { enter: true });
		await waitFor(ui, text => text.includes('hiii sorry to message you on here'));
		// The setting says 8.40 pm: the messages are timed on that clock, not the real one.
		expect(screenText(ui)).toMatch(/│ Jade Holloway {2}20:4\d/);

		await type(ui, "Sorry Jade, I can't give medical advice on Instagram. Please use the online consultation.", { enter: true });
		await waitFor(ui, text => text.includes('engaged for ages'));
		await type(ui, "I understand, but I can't look at photos on here. I'll note this in your record.", { enter: true });
		await waitFor(ui, text => text.includes('something to worry about'));
		// The route given, and the line held each time she pushes: Jade accepts the route, and that is her last word.
		await type(ui, "Sorry, I can't advise on here, but the online form is the way to get it looked at.", { enter: true });
		await waitFor(ui, text => text.includes('ok fair enough') && text.includes('── Debrief'));
		const shown = screenText(ui);
		expect(shown).toMatch(/✓ met\s+Professional boundaries\s+█+ 2\/2/);
		expect(shown).toContain("“Sorry Jade, I can't give medical advice on Instagram.” (reply 1)");
		expect(shown).toContain("“I'll note this in your record.” (reply 2)");
		expect(shown).toContain('A model reply');
		expect(shown).toContain('Good medical practice (GMC, 2024), paragraph 88');
		await waitFor(ui, text => text.includes('Reflection 1 of 3: What happened?'));
		// The score stays in view above the question, the debrief having scrolled away on a small screen.
		expect(screenText(ui)).toContain('Your score: 6/6. The whole debrief is above: scroll up to read it.');
		for (const answer of ['Jade DMed me about a rash.', 'I held the line.', 'Keep signposting.']) await type(ui, answer, { enter: true });
		await waitFor(ui, text => text.includes('Transcript saved:'));
		// Each answer stays on screen under its question as the next is asked.
		expect(flat(screenText(ui))).toContain('Reflection 2 of 3: So what? What did the debrief show you about how you handled it? › I held the line.');
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

	it.each([80, 100])('keeps the picker shorter than an %i-column terminal, so nothing already printed is cleared away', async columns => {
		const ui = renderApp(
			<ThemeProvider theme={postsafeTheme}>
				<KeyRouter>
					<HomeScreen scenarios={bundledLibrary().scenarios} width={columns} height={24} onChoose={() => {}} onQuit={() => {}} />
				</KeyRouter>
			</ThemeProvider>,
		);
		await waitFor(ui, text => text.includes(`1 of ${bundledLibrary().scenarios.length}`));
		expect((ui.lastFrame() ?? '').split('\n').length).toBeLessThan(24);
	});

	it('asks for an answer, not a reply, in an interview', async () => {
		const { services: app } = services();
		const ui = renderApp(<App services={app} coach={false} learner="Asha" initial={scenario('interview-colleague-post')} />);
		await waitFor(ui, text => text.includes('Answer Mr Daniel Price…'));
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
		const { partner: slow, answer } = heldPartner();
		const { services: app } = services(() => slow);
		const ui = renderApp(<App services={app} coach={false} learner="Asha" initial={scenario('patient-dm-rash')} />);
		await waitFor(ui, text => text.includes('hiii sorry'));
		await type(ui, 'Hello Jade', { enter: true });
		await waitFor(ui, () => (ui.lastFrame() ?? '').includes('Jade Holloway is typing'));
		await answer('sorry, it is just really itchy');
		await waitFor(ui, text => text.includes('really itchy'));
		expect(ui.lastFrame()).not.toContain('is typing');
	});

	it('on Esc while the partner is still typing, keeps it their turn and offers to ask again: no empty turn, no reply used', async () => {
		const { services: app, files } = services(() => new ScriptedPartner({ msPerCharacter: 100, maxMs: 10_000 }));
		const ui = renderApp(<App services={app} coach={false} learner="Asha" initial={scenario('patient-dm-rash')} />);
		await waitFor(ui, text => text.includes('hiii sorry'));
		await type(ui, 'Please call 111.', { enter: true });
		await waitFor(ui, () => (ui.lastFrame() ?? '').includes('Jade Holloway is typing'));
		ui.stdin.write('\u001B');
		await waitFor(ui, () => (ui.lastFrame() ?? '').includes("Jade Holloway's reply didn't arrive: you stopped it before any words arrived"));
		// Offline the scripted partner already plays: there is no other to carry on with, so none is offered.
		expect(ui.lastFrame()).toContain('r ask again');
		expect(ui.lastFrame()).not.toContain('scripted partner');
		expect(ui.lastFrame()).not.toContain('replies left');
		const transcript = Transcript.parse(JSON.parse(readFileSync(files[0]!, 'utf8')));
		expect(transcript.turns.map(turn => turn.role)).toEqual(['partner', 'learner']);
	});

	it('asks before quitting on Esc, and saves the conversation as abandoned on yes', async () => {
		const { ui, files } = await afterFirstReply();
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

	it('keeps a half-typed reply through the quit question (Esc, then n) and through a reply that did not arrive', async () => {
		const { services: app, files } = services(() => new ScriptedPartner({ msPerCharacter: 100, maxMs: 10_000 }));
		const ui = renderApp(<App services={app} coach={false} learner="Asha" initial={scenario('patient-dm-rash')} />);
		await waitFor(ui, text => text.includes('hiii sorry'));
		await type(ui, 'I am sorry, I');
		ui.stdin.write('\u001B');
		await waitFor(ui, () => (ui.lastFrame() ?? '').includes('Quit this conversation?'));
		ui.stdin.write('n');
		await waitFor(ui, () => (ui.lastFrame() ?? '').includes('› I am sorry, I'));
		await type(ui, " can't advise here.", { enter: true });
		await waitFor(ui, () => (ui.lastFrame() ?? '').includes('Jade Holloway is typing'));
		await type(ui, 'Please call');
		ui.stdin.write('\u001B');
		await waitFor(ui, () => (ui.lastFrame() ?? '').includes('r ask again'));
		expect(ui.lastFrame()).not.toContain('Please call');
		ui.stdin.write('r');
		await waitFor(ui, () => (ui.lastFrame() ?? '').includes('› Please call'));
		const transcript = Transcript.parse(JSON.parse(readFileSync(files[0]!, 'utf8')));
		expect(transcript.turns.filter(turn => turn.role === 'learner').map(turn => turn.text)).toEqual(["I am sorry, I can't advise here."]);
	});

	it('saves each reflection answer as it is given: Ctrl+C at question 2 keeps the first, and the file still exports and reports', async () => {
		const { ui, files } = await afterFirstReply();
		ui.stdin.write('\u0005');
		await waitFor(ui, text => text.includes('Reflection 1 of 3'));
		await type(ui, 'Jade asked me about a rash.', { enter: true });
		await waitFor(ui, text => text.includes('Reflection 2 of 3'));
		ui.stdin.write('\u0003');
		const transcript = Transcript.parse(JSON.parse(readFileSync(files[0]!, 'utf8')));
		expect(transcript.reflection).toEqual({ whatHappened: 'Jade asked me about a rash.', soWhat: '', nowWhat: '' });
		const exported = runCli(['export', files[0]!]);
		expect(exported.code).toBe(0);
		expect(exported.stdout).toContain('Jade asked me about a rash.');
		expect(runCli(['report', '--transcripts', dirname(files[0]!), '--json']).code).toBe(0);
	});

	it('counts replies left from the replies sent, and says the limit was reached before the debrief', async () => {
		const { partner: slow, answer } = heldPartner();
		const { services: app } = services(() => slow, 2);
		const ui = renderApp(<App services={app} coach={false} learner="Asha" initial={scenario('patient-dm-rash')} />);
		await waitFor(ui, text => text.includes('2 replies left'));
		await type(ui, 'Please call 111.', { enter: true });
		await waitFor(ui, () => (ui.lastFrame() ?? '').includes('Jade Holloway is typing'));
		expect(ui.lastFrame()).toContain('1 reply left');
		await answer('sorry, it is just really itchy');
		await waitFor(ui, text => text.includes('really itchy'));
		await type(ui, "I can't advise here.", { enter: true });
		await waitFor(ui, text => text.includes('── Debrief'));
		const shown = flat(screenText(ui));
		expect(shown).toContain('That was your last reply: this conversation allows 2 replies. Here is your debrief.');
		expect(shown.indexOf("I can't advise here.")).toBeLessThan(shown.indexOf('That was your last reply'));
		expect(shown.indexOf('That was your last reply')).toBeLessThan(shown.indexOf('A model reply'));
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

describe('the name question', () => {
	it('says what to do after an Enter with no name, instead of doing nothing', async () => {
		const names: string[] = [];
		const ui = renderApp(
			<ThemeProvider theme={postsafeTheme}>
				<KeyRouter>
					<NameEntry width={80} onDone={name => names.push(name)} onQuit={() => undefined} />
				</KeyRouter>
			</ThemeProvider>,
		);
		await waitFor(ui, text => text.includes('Esc quit'));
		await type(ui, '   ', { enter: true });
		await waitFor(ui, () => (ui.lastFrame() ?? '').includes('Type your name first, then Enter (Esc to quit).'));
		await type(ui, 'Asha', { enter: true });
		await waitFor(ui, () => names.length === 1);
		expect(names).toEqual(['Asha']);
	});

	it('in the chat, an Enter with nothing typed says to type a reply first', async () => {
		const { services: app, files } = services();
		const ui = renderApp(<App services={app} coach={false} learner="Asha" initial={scenario('patient-dm-rash')} />);
		await waitFor(ui, text => text.includes('hiii sorry'));
		await type(ui, '', { enter: true });
		await waitFor(ui, () => (ui.lastFrame() ?? '').includes('Type your reply first, then Enter (or /end to finish).'));
		await type(ui, 'P');
		await waitFor(ui, () => !(ui.lastFrame() ?? '').includes('Type your reply first'));
		const transcript = Transcript.parse(JSON.parse(readFileSync(files[0]!, 'utf8')));
		expect(transcript.turns.map(turn => turn.role)).toEqual(['partner']);
	});

	it('quits on Esc, as its help line says', async () => {
		let quit = 0;
		const names: string[] = [];
		const ui = renderApp(
			<ThemeProvider theme={postsafeTheme}>
				<KeyRouter>
					<NameEntry width={80} onDone={name => names.push(name)} onQuit={() => quit++} />
				</KeyRouter>
			</ThemeProvider>,
		);
		await waitFor(ui, text => text.includes('Esc quit'));
		await type(ui, '\u001B');
		await waitFor(ui, () => quit === 1);
		expect(names).toEqual([]);
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

	it('shows the lines up to the cursor when a reply is taller than its room, … marking more above, and sends it all', async () => {
		const sent: string[] = [];
		const ui = renderApp(<TextBox prompt="› " width={30} maxLines={3} onSubmit={text => void sent.push(text)} />);
		const reply = 'I cannot give you medical advice on here, but please use the online form or call 111 tonight if it gets worse';
		await type(ui, reply);
		expect((ui.lastFrame() ?? '').split('\n')).toEqual(['… use the online form or', '  call 111 tonight if it', '  gets worse▌']);
		// Home goes to the start: the first lines come back into view, the prompt with them.
		await type(ui, '\u0001');
		expect((ui.lastFrame() ?? '').split('\n')[0]).toBe('› ▌I cannot give you medical');
		await type(ui, '', { enter: true });
		expect(sent).toEqual([reply]);
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
