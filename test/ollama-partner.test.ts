import { mkdtempSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanMessage, detectDrift, MAX_MESSAGE, type Speakers } from '../source/partner/clean.js';
import { normaliseHost } from '../source/partner/host.js';
import { OllamaPartner } from '../source/partner/ollama.js';
import { checkOllama, listModels, pullModel } from '../source/partner/ollama-setup.js';
import { loadPromptTemplates } from '../source/partner/prompt-files.js';
import { chatMessages } from '../source/partner/prompt.js';
import { ScriptedPartner } from '../source/partner/scripted.js';
import { SessionController } from '../source/session/controller.js';
import { partnerRequest, createSession, reduceSession, type SessionEvent } from '../source/session/session.js';
import { PartnerFailure, type PartnerRequest } from '../source/session/types.js';
import { deadHost, piecesOf, startFakeOllama, type ChatScript, type FakeOllama } from './fake-ollama.js';
import { bundledLibrary, ROOT, rubricFor } from './helpers/library.js';

const templates = loadPromptTemplates(join(ROOT, 'prompts'));
const fakes: FakeOllama[] = [];
afterEach(async () => {
	for (const fake of fakes.splice(0)) await fake.close();
});

async function fake(chats?: ChatScript[], models?: string[]): Promise<FakeOllama> {
	const server = await startFakeOllama({ ...(chats ? { chats } : {}), ...(models ? { models } : {}) });
	fakes.push(server);
	return server;
}

function partner(host: string, timeoutMs = 5000) {
	return new OllamaPartner({ host, model: 'llama3.2', seed: 42, temperature: 0.7, timeoutMs, templates, emitEveryMs: 0 });
}

const scenario = () => bundledLibrary().scenarios.find(loaded => loaded.scenario.id === 'patient-dm-rash')!.scenario;

function requestAfter(reply: string): PartnerRequest {
	const start = createSession({ scenario: scenario(), rubric: rubricFor('patient-dm-rash'), learners: ['Asha'], time: '2026-11-22T20:40:00Z' });
	return partnerRequest(reduceSession(start, { type: 'learner-replied', learner: 'Asha', text: reply, time: '2026-11-22T20:41:00Z' }))!;
}

const never = new AbortController().signal;

/** Jade messaging Asha, as in patient-dm-rash. */
const jade: Speakers = { partner: 'Jade Holloway', role: 'patient', learners: ['Asha'] };

describe('the Ollama partner', () => {
	it('asks in character: the persona as the system prompt, the conversation so far, the seed, think: false; never the rubric', async () => {
		const server = await fake([{ pieces: piecesOf('ugh ok, i did try the surgery though') }]);
		const turn = await partner(server.url).respond(requestAfter('Please call 111 tonight.'), { signal: never });
		expect(turn).toMatchObject({ text: 'ugh ok, i did try the surgery though', source: 'model', beat: 'cant-get-through', ends: false });
		const chat = server.requests.find(request => request.path === '/api/chat')!.body;
		expect(chat).toMatchObject({ model: 'llama3.2', stream: true, think: false, options: { seed: 42, temperature: 0.7, num_predict: 256 } });
		const [system, opening, reply, reminder] = chat.messages;
		expect(chat.messages).toHaveLength(4);
		expect(system.role).toBe('system');
		expect(system.content).toContain('You are playing Jade Holloway, a patient');
		expect(system.content).toContain(scenario().partner.persona);
		expect(system.content).not.toContain('Please call 111 tonight.');
		expect(opening).toEqual({ role: 'assistant', content: expect.stringContaining('hiii sorry to message you on here') });
		expect(reply).toEqual({ role: 'user', content: 'Please call 111 tonight.' });
		expect(reminder.role).toBe('system');
		expect(reminder.content).toMatch(
			/^Reminder: you are Jade Holloway, the patient\. Twenty-nine, works in retail.* This is message 2 of at most 4 from you to "Asha"\./,
		);
		// Nothing of the rubric reaches the model: no pattern, label, feedback or red flag.
		const rubric = rubricFor('patient-dm-rash');
		const secrets = [
			...rubric.patterns.map(pattern => pattern.source),
			...rubric.criteria.flatMap(criterion => [criterion.label, criterion.feedback.met, criterion.feedback.missed, criterion.means]),
			...rubric.redFlags.flatMap(flag => [flag.label, flag.why]),
			...scenario().debrief.keyPoints,
			scenario().debrief.modelReply,
		];
		const sent = JSON.stringify(chat);
		expect(secrets.filter(secret => sent.includes(secret))).toEqual([]);
		expect(sent).not.toMatch(/rubric|red flag|"redFlags"|"met"/i);
	});

	it('hands on the text as it streams, then the whole message', async () => {
		const words = piecesOf('sorry, it is just really itchy and i am worried it is spreading');
		const server = await fake([{ pieces: words, delayMs: 15 }]);
		const seen: string[] = [];
		const turn = await partner(server.url).respond(requestAfter('Hello'), { signal: never, onText: text => seen.push(text) });
		expect(seen.length).toBeGreaterThan(3);
		for (let index = 1; index < seen.length; index++) expect(seen[index]!.startsWith(seen[index - 1]!)).toBe(true);
		expect(words.join('').startsWith(seen.at(-1)!)).toBe(true);
		expect(turn.text).toBe(words.join(''));
	});

	it.each([
		['Sure! Here is Jade\'s next message: "ugh ok, the form it is x"', 'ugh ok, the form it is x'],
		["Here's Jade's reply:\n\nugh ok, the form it is x", 'ugh ok, the form it is x'],
		["sure, i'll do the form tonight then x", "sure, i'll do the form tonight then x"],
	])('shows no preamble while it streams: %j', async (reply, finished) => {
		const server = await fake([{ pieces: piecesOf(reply), delayMs: 15 }]);
		const seen: string[] = [];
		const turn = await partner(server.url).respond(requestAfter('Hello'), { signal: never, onText: text => seen.push(text) });
		expect(turn.text).toBe(finished);
		expect(seen.filter(text => /sure!|here/i.test(text))).toEqual([]);
		for (const text of seen) expect(finished.startsWith(text)).toBe(true);
	});

	it('batches streamed text to about a frame instead of once per token', async () => {
		const server = await fake([{ pieces: Array.from({ length: 400 }, (_, index) => ` w${index}`), delayMs: 1 }]);
		const seen: string[] = [];
		const batching = new OllamaPartner({ host: server.url, model: 'llama3.2', seed: 1, timeoutMs: 5000, templates, emitEveryMs: 33 });
		const turn = await batching.respond(requestAfter('Hello'), { signal: never, onText: text => seen.push(text) });
		expect(seen.length).toBeGreaterThan(2);
		expect(seen.length).toBeLessThan(40);
		// A runaway message is shown as it will end up, never longer than a DM, while it streams too.
		expect(turn.text).toMatch(/^w0 w1 w2 .* w\d+…$/);
		for (const text of seen) expect(text.length).toBeLessThanOrEqual(MAX_MESSAGE + 1);
	});

	it('cleans what the model writes: no name label, stage directions or wrapping quotes', async () => {
		const server = await fake([{ pieces: piecesOf('Jade Holloway: *sighs* "ok fair enough (laughs) i will try the form"') }]);
		const turn = await partner(server.url).respond(requestAfter('Please use the online form.'), { signal: never });
		expect(turn.text).toBe('ok fair enough i will try the form');
	});

	it.each([
		['speaking as the learner', 'Asha: I cannot give medical advice here, please call 111.'],
		['giving clinical advice as a patient', "It's probably eczema, you should apply hydrocortisone cream twice a day."],
		['giving clinical advice in another specialty', 'Honestly you should take 500mg of metformin twice a day with food.'],
		['giving a verdict on results, as the clinician would', 'Your bloods came back completely normal, nothing to worry about.'],
		['talking about being an AI', 'As an AI language model I cannot play this role.'],
		['talking about the marking', 'Good answer! You scored well on the rubric.'],
		['saying nothing', '   '],
	])('falls back to the scripted beat when the model ends up %s', async (_, reply) => {
		const server = await fake([{ pieces: piecesOf(reply) }]);
		const turn = await partner(server.url).respond(requestAfter('Please call 111 tonight.'), { signal: never });
		expect(turn).toMatchObject({ source: 'fallback', beat: 'cant-get-through', text: expect.stringContaining('engaged for ages') });
	});

	it('stops the model once it starts writing the learner’s side, and keeps the partner’s words before it', async () => {
		const invented = piecesOf('ok thanks x\n\nAsha: no worries, take care!\n\nJade: you too x\n\nAsha: bye');
		const server = await fake([{ pieces: [...invented, ...Array.from({ length: 100 }, () => ' and so on')], delayMs: 10 }]);
		const started = Date.now();
		const turn = await partner(server.url).respond(requestAfter('Please use the online form.'), { signal: never });
		expect(turn).toMatchObject({ text: 'ok thanks x', source: 'model' });
		expect(Date.now() - started).toBeLessThan(800);
		await expect.poll(() => server.stoppedChats).toBe(1);
	});

	it.each([
		['a dropped connection', { pieces: piecesOf('i tried calling but the line was'), dropAfter: 5 }, /connection to Ollama at .* dropped/],
		['an error line', { pieces: piecesOf('i tried calling but the line was'), errorAfter: 5 }, /unexpected EOF/],
	])('fails with the partial text kept on %s', async (_, script, reason) => {
		const server = await fake([script]);
		const failure = await partner(server.url)
			.respond(requestAfter('Hello'), { signal: never })
			.catch(error => error);
		expect(failure).toBeInstanceOf(PartnerFailure);
		expect(failure.message).toMatch(reason);
		expect(failure.partial).toBe('i tried calling but the');
	});

	it('gives up on a model that stops sending, after the timeout, keeping what came', async () => {
		const server = await fake([{ pieces: piecesOf('i tried calling but the line was'), stallAfter: 3 }]);
		const started = Date.now();
		const failure = await partner(server.url, 300)
			.respond(requestAfter('Hello'), { signal: never })
			.catch(error => error);
		expect(Date.now() - started).toBeLessThan(3000);
		expect(failure).toBeInstanceOf(PartnerFailure);
		expect(failure.message).toBe('no reply from llama3.2 for 0 s');
		expect(failure.partial).toBe('i tried calling');
	});

	it('stops at once when the learner cancels, even before the first token', async () => {
		const server = await fake([{ pieces: piecesOf('one two three four five six'), delayMs: 200 }]);
		const cancel = new AbortController();
		const responding = partner(server.url).respond(requestAfter('Hello'), { signal: cancel.signal });
		setTimeout(() => cancel.abort(new Error('stopped by the learner')), 50);
		const started = Date.now();
		await expect(responding).rejects.toThrow('stopped by the learner');
		expect(Date.now() - started).toBeLessThan(500);
	});

	it('reports a missing model with the command that fixes it', async () => {
		const server = await fake(undefined, []);
		const failure = await partner(server.url)
			.respond(requestAfter('Hello'), { signal: never })
			.catch(error => error);
		expect(failure.message).toBe(`the model llama3.2 isn't installed at ${server.url} (ollama pull llama3.2)`);
	});
});

describe('what the model is told about the conversation so far', () => {
	const time = '2026-11-22T20:41:00Z';
	const reply = (text: string): SessionEvent => ({ type: 'learner-replied', learner: 'Asha', text, time });
	const said = (text: string): SessionEvent => ({ type: 'partner-said', turn: { text, source: 'model', ends: false }, time });
	const stopped = (text: string): SessionEvent => ({ type: 'partner-said', turn: { text, source: 'model', ends: false, interrupted: true }, time });
	const failed = (partial: string): SessionEvent => ({ type: 'partner-failed', reason: 'the connection dropped', partial, source: 'model', time });

	it.each([
		['the first answer', 'patient-dm-rash', undefined, [reply('Please call 111.')], 2, 4, ['Please call 111.']],
		[
			'after two failed attempts',
			'patient-dm-rash',
			undefined,
			[reply('Please call 111.'), failed('i tried'), failed('i tried calling but')],
			2,
			4,
			['Please call 111.'],
		],
		[
			'after an exchange and then two failed attempts',
			'patient-dm-rash',
			undefined,
			[reply('Please call 111.'), said('i did try'), reply('Try the online form.'), failed('ok but'), failed('ok but the form')],
			3,
			4,
			['Please call 111.', 'i did try', 'Try the online form.'],
		],
		[
			'after a message the learner stopped and answered',
			'patient-dm-rash',
			undefined,
			[reply('Please call 111.'), stopped('i did'), reply('Try the online form.')],
			3,
			4,
			['Please call 111.', 'i did', 'Try the online form.'],
		],
		[
			'the last answer before the last reply',
			'patient-dm-rash',
			undefined,
			[reply('a'), said('b'), reply('c'), said('d'), reply('e')],
			4,
			4,
			['a', 'b', 'c', 'd', 'e'],
		],
		['with --turns 2', 'patient-dm-rash', 2, [reply('Please call 111.')], 2, 2, ['Please call 111.']],
		['after two opening messages', 'night-shift-photos', undefined, [reply('Please take it down.')], 3, 5, ['[private chat: Chloe] Please take it down.']],
	] as const)('%s: the message number, of the most the partner can send, and the history without half-messages', (_, id, turns, events, turn, most, after) => {
		const loaded = bundledLibrary().scenarios.find(entry => entry.scenario.id === id)!.scenario;
		const start = createSession({ scenario: loaded, rubric: rubricFor(id), learners: ['Asha'], ...(turns ? { turnLimit: turns } : {}), time });
		const request = partnerRequest(events.reduce(reduceSession, start))!;
		const messages = chatMessages(request, templates(loaded.partner.role), undefined);
		expect(messages.at(-1)!.content).toContain(`This is message ${turn} of at most ${most} from you to "Asha".`);
		const history = messages.slice(1 + loaded.opening.length, -1).map(message => message.content);
		expect(history).toEqual(after);
	});

	it.each(bundledLibrary().scenarios.map(entry => [entry.scenario.id, entry.scenario] as const))(
		"%s: the model is told the situation as its part knows it, never the learner's setting, asked for British English, and the persona and rules are restated after the last reply",
		(id, loaded) => {
			const start = createSession({ scenario: loaded, rubric: rubricFor(id), learners: ['Asha'], time });
			const messages = chatMessages(partnerRequest(reduceSession(start, reply('Hello.')))!, templates(loaded.partner.role), undefined);
			const system = messages[0]!.content;
			expect(loaded.partner.knows).toBeDefined();
			expect(system).toContain(`What you know of the situation: ${loaded.partner.knows}`);
			expect(system).not.toContain(loaded.setting);
			expect(system).toMatch(/British English/);
			// No scripted beat is listed: the one that fits comes as guidance in the reminder.
			expect(loaded.beats.filter(beat => system.includes(beat.say))).toEqual([]);
			const reminder = messages.at(-1)!;
			expect(reminder.role).toBe('system');
			expect(reminder.content).toContain(loaded.partner.persona);
			expect(reminder.content).toContain(`never "Asha"'s words, no name label or stage directions, nothing about being an AI or about marking`);
		},
	);

	it('tells a partner without "knows" the learner\'s setting as what the learner was told, after who it is messaging', () => {
		const { knows: _, ...partner } = scenario().partner;
		const loaded = { ...scenario(), partner };
		const start = createSession({ scenario: loaded, rubric: rubricFor('patient-dm-rash'), learners: ['Asha'], time });
		const system = chatMessages(partnerRequest(reduceSession(start, reply('Hello.')))!, templates('patient'), undefined)[0]!.content;
		// The learner's name goes in quoted (issue 12): it is the learner's to choose, never words of the instructions.
		expect(system).toContain(
			`You are messaging "Asha" on Instagram DM.\n\nWhat you know of the situation: What "Asha" was told about the situation ("you" in it means "Asha", never Jade Holloway): ${loaded.setting}`,
		);
	});

	it.each([
		[
			'a reply that draws the line and gives the route',
			"I can't advise on here, sorry. Please use the online consultation form tonight.",
			'cant-get-through',
			'wants-the-prescription',
		],
		['a reply that gives advice', 'Sounds like eczema, try hydrocortisone.', 'wants-the-prescription', 'cant-get-through'],
	])('after %s, guides the model with the one beat that fits, not the others', async (_, learnerReply, fits, other) => {
		const server = await fake([{ pieces: piecesOf('ok x') }]);
		await partner(server.url).respond(requestAfter(learnerReply), { signal: never });
		const sent = JSON.stringify(server.requests.find(request => request.path === '/api/chat')!.body.messages);
		const say = (id: string) => JSON.stringify(scenario().beats.find(beat => beat.id === id)!.say).slice(1, -1);
		expect(sent).toContain(say(fits));
		expect(sent).not.toContain(say(other));
	});
});

describe('the session with an Ollama partner', () => {
	it('keeps the partial message after a drop, marked, and carries on by retrying or with the scripted partner', async () => {
		const server = await fake([
			{ pieces: piecesOf('i tried calling but the line was'), dropAfter: 4 },
			{ pieces: piecesOf('ok, the line was busy all morning') },
		]);
		const controller = new SessionController({ scenario: scenario(), rubric: rubricFor('patient-dm-rash'), learners: ['Asha'] }, partner(server.url));
		await controller.reply('Asha', 'Please call 111.');
		expect(controller.current.failure).toMatch(/dropped/);
		expect(controller.current.messages.at(-1)).toMatchObject({ kind: 'partner', text: 'i tried calling but', interrupted: true, source: 'model' });
		await controller.retry();
		expect(controller.current.failure).toBeUndefined();
		expect(controller.current.messages.at(-1)).toMatchObject({ text: 'ok, the line was busy all morning', source: 'model' });
		expect(controller.current.phase).toBe('learners');
		// The retry is asked for the same message afresh: the half-sentence is not sent back, nor counted.
		const retried = server.requests.filter(request => request.path === '/api/chat')[1]!.body.messages;
		expect(retried.map((message: { role: string }) => message.role)).toEqual(['system', 'assistant', 'user', 'system']);
		expect(retried.at(-1).content).toContain('message 2 of at most 4');
		await controller.reply('Asha', 'I understand.');
		await controller.switchPartner(new ScriptedPartner());
		expect(controller.partnerInfo.kind).toBe('scripted');
	});
});

describe('setting up Ollama', () => {
	it('finds it ready, or the model missing, or nobody there', async () => {
		const server = await fake();
		expect(await checkOllama(server.url, 'llama3.2')).toEqual({ kind: 'ready', version: '0.12.6' });
		expect(await checkOllama(server.url, 'mistral')).toEqual({ kind: 'missing-model', version: '0.12.6' });
		const dead = await deadHost();
		expect(await checkOllama(dead, 'llama3.2')).toEqual({ kind: 'unreachable', reason: `Ollama isn't running at ${dead} (connection refused)` });
	});

	it('pulls a model with progress, after which it is installed', async () => {
		const server = await fake(undefined, []);
		const progress: { completed?: number; total?: number; status: string }[] = [];
		await pullModel(server.url, 'llama3.2', step => progress.push(step));
		expect(progress.map(step => step.status)).toEqual([
			'pulling manifest',
			'pulling dde5aa3fc5ff',
			'pulling dde5aa3fc5ff',
			'pulling dde5aa3fc5ff',
			'pulling dde5aa3fc5ff',
			'verifying sha256 digest',
			'writing manifest',
			'success',
		]);
		expect(progress[4]).toMatchObject({ completed: 2_019_393_189, total: 2_019_393_189 });
		expect((await listModels(server.url)).map(model => model.name)).toEqual(['llama3.2:latest']);
	});

	it.each([
		[undefined, 'http://127.0.0.1:11434'],
		['', 'http://127.0.0.1:11434'],
		['gpu-box', 'http://gpu-box:11434'],
		['gpu-box:8080', 'http://gpu-box:8080'],
		['http://gpu-box:8080', 'http://gpu-box:8080'],
		['http://gpu-box', 'http://gpu-box:11434'],
		['https://ollama.example.org/', 'https://ollama.example.org:11434'],
		[':9999', 'http://127.0.0.1:9999'],
		['0.0.0.0', 'http://127.0.0.1:11434'],
	])('reads the host %j as %s', (input, expected) => {
		expect(normaliseHost(input)).toBe(expected);
	});
});

describe('prompts and model output', () => {
	it('load for every partner role, and a template with an unknown placeholder is refused by name', () => {
		for (const role of ['patient', 'relative', 'colleague', 'student', 'company', 'public', 'interviewer'] as const) {
			expect(templates(role).system).toContain('{{name}}');
		}
		const directory = mkdtempSync(join(tmpdir(), 'postsafe-prompts-'));
		cpSync(join(ROOT, 'prompts'), directory, { recursive: true });
		writeFileSync(join(directory, 'patient.md'), 'You are {{name}}, aged {{age}}.');
		expect(() => loadPromptTemplates(directory)).toThrow(/patient\.md: \{\{age\}\} is not a placeholder postsafe fills/);
	});

	it.each([
		['Jade: hi', 'hi'],
		['**Jade Holloway**: hi there', 'hi there'],
		['*rolls eyes* fine', 'fine'],
		['"ok thanks"', 'ok thanks'],
		['x'.repeat(700), `${'x'.repeat(600)}…`],
	])('cleans %j', (raw, clean) => {
		expect(cleanMessage(raw, jade)).toBe(clean);
	});

	it.each([
		['Jade Holloway', '**Jade:** ugh ok', 'ugh ok'],
		['Jade Holloway', '**Jade Holloway:** ugh ok', 'ugh ok'],
		['Jade Holloway', '**Jade**: ugh ok', 'ugh ok'],
		['Jade Holloway', 'Jade (patient): ugh ok', 'ugh ok'],
		['Jade Holloway', 'Jade - ugh ok', 'ugh ok'],
		['Jade Holloway', 'jade here, sorry x', 'jade here, sorry x'],
		['Mr Daniel Price', 'Mr Price: What would you do next?', 'What would you do next?'],
		['Mr Daniel Price', '**Daniel:** What would you do next?', 'What would you do next?'],
		['Dr Priya Raman', 'Dr Raman: And then?', 'And then?'],
		['Dr Priya Raman', 'Priya Raman: And then?', 'And then?'],
	])('takes the label off %s’s message %j', (partnerName, raw, clean) => {
		expect(cleanMessage(raw, { ...jade, partner: partnerName })).toBe(clean);
	});

	it.each([
		['ok fine (sighs) i will', 'ok fine i will'],
		['(laughs nervously) sorry, again', 'sorry, again'],
		['here you go (sends photo)', 'here you go'],
		['fine (sighs heavily), whatever you say', 'fine, whatever you say'],
		['*rolls eyes* fine', 'fine'],
		['**sighs** ok', 'ok'],
		['*takes a deep breath* ok so', 'ok so'],
		['(typing...) sorry', 'sorry'],
		['i (always) forget the form', 'i (always) forget the form'],
		['did you (yes) get it', 'did you (yes) get it'],
		['same thing (as in the rash) again', 'same thing (as in the rash) again'],
		['the form (takes 2 days) is useless', 'the form (takes 2 days) is useless'],
		['i *really* need this', 'i *really* need this'],
		['it is **so** itchy', 'it is so itchy'],
		['here is a closer one\n[sent with an attachment: Close-up photo of the rash]', 'here is a closer one'],
		['[photo of my arm] see?', 'see?'],
		['the [old] form is better', 'the [old] form is better'],
	])('keeps the partner’s words and drops stage directions: %j', (raw, clean) => {
		expect(cleanMessage(raw, jade)).toBe(clean);
	});

	it.each([
		['Sure! Here is Jade\'s next message: "ugh ok, fine x"', 'ugh ok, fine x'],
		["Here's Jade's reply:\n\nugh ok, fine x", 'ugh ok, fine x'],
		['Here is a possible response from Jade Holloway:\n"ugh ok, fine x"\n\nI hope this captures her frustration!', 'ugh ok, fine x'],
		['Jade\'s message: "ugh ok, fine x"', 'ugh ok, fine x'],
		["Certainly! Here's what Jade says:\n\nJade: ugh ok, fine x", 'ugh ok, fine x'],
		['"ugh ok, fine x"', 'ugh ok, fine x'],
		['“ugh ok, fine x”', 'ugh ok, fine x'],
		['"ugh ok, fine', 'ugh ok, fine'],
		['the receptionist said "call 111"', 'the receptionist said "call 111"'],
		['"call 111" is all they ever say', '"call 111" is all they ever say'],
		['jade here, quick message: is it ok to send a pic?', 'jade here, quick message: is it ok to send a pic?'],
		["'cause it's itchy", "'cause it's itchy"],
	])('takes off a model’s preamble and wrapping quotes, keeping quotations: %j', (raw, clean) => {
		expect(cleanMessage(raw, jade)).toBe(clean);
	});

	it.each([
		['ok thanks x\n\nAsha: no worries, take care!', 'ok thanks x'],
		['ok thanks x\n**Asha:** no worries', 'ok thanks x'],
		['ok thanks x\nAsha Patel: no worries', 'ok thanks x'],
		['ok thanks x\nDr Patel: no worries', 'ok thanks x'],
		['ok thanks x\nDoctor: no worries', 'ok thanks x'],
		['ok thanks x\nYou: no worries', 'ok thanks x'],
		['Jade: ok thanks x\nAsha: no worries\nJade: bye x', 'ok thanks x'],
		['ok thanks x\nAsha - no worries', 'ok thanks x'],
		["Asha: I can't give medical advice here, please call 111.", ''],
		['Doctor: please call 111', ''],
		['ok but Asha: you said you would look', 'ok but Asha: you said you would look'],
		['asha, you there? x', 'asha, you there? x'],
	])('cuts the message where the model starts writing the learner’s side: %j', (raw, clean) => {
		expect(cleanMessage(raw, { ...jade, learners: ['Asha Patel'] })).toBe(clean);
	});

	it('cuts nothing for a blank learner name: a line starting with a colon is not a label', () => {
		expect(cleanMessage('the times are:\n: 9am\n: 2pm', { ...jade, learners: ['  '] })).toBe('the times are:\n: 9am\n: 2pm');
	});

	it('keeps a titled partner’s own later lines: Dr Raman is not the learner', () => {
		expect(cleanMessage('Tell me more.\nDr Raman: And what then?', { partner: 'Dr Priya Raman', role: 'interviewer', learners: ['Asha'] })).toBe(
			'Tell me more.\nDr Raman: And what then?',
		);
		expect(cleanMessage('Tell me more.\nDr Smith: I would escalate.', { partner: 'Dr Priya Raman', role: 'interviewer', learners: ['Asha'] })).toBe(
			'Tell me more.',
		);
	});

	it.each([
		// A patient may guess about their own condition, and ask.
		['i looked it up and it might be eczema?', false, undefined],
		["i think it's probably an allergy tbh", false, undefined],
		['is it eczema do you think?', false, undefined],
		["it's definitely an infection, it's gone all hot", false, undefined],
		['should i take an antihistamine tonight?', false, undefined],
		["can't you just prescribe something? you're literally a doctor haha", false, undefined],
		["i thought as a doctor you'd be able to help", false, undefined],
		['i was diagnosed with eczema as a kid', false, undefined],
		['do you have an infection control policy on the ward?', false, undefined],
		['you should try the surgery then, not me', false, undefined],
		// Speaking as the clinician to the other person is drift.
		['You should take some antihistamine tonight.', false, 'clinical-advice'],
		["It's probably eczema, you should apply hydrocortisone cream twice a day.", false, 'clinical-advice'],
		["i'd recommend you take an antihistamine and see how it goes", false, 'clinical-advice'],
		['As your doctor I would prescribe something.', false, 'clinical-advice'],
		['As a doctor, I think this needs a cream.', false, 'clinical-advice'],
		["I'll prescribe you a short course of steroid cream.", false, 'clinical-advice'],
		["sounds like you've got eczema tbh", false, 'clinical-advice'],
		['My advice would be to keep it clean and dry.', false, 'clinical-advice'],
		// In any specialty: a dose, a change of medicine, a verdict, a reassurance.
		['Take two puffs of your salbutamol inhaler every 4 hours.', false, 'clinical-advice'],
		["Stop the ramipril until you've seen your GP.", false, 'clinical-advice'],
		['It sounds like tonsillitis, you need antibiotics.', false, 'clinical-advice'],
		["you don't need to go to A&E for that", false, 'clinical-advice'],
		// In character, a company or a relative may reassure about other things.
		["you don't need to worry, nobody checks the #ad thing 😉", false, undefined],
		['i take metformin for my diabetes', false, undefined],
		// A colleague or interviewer may talk clinically.
		['As your doctor I would prescribe something.', true, undefined],
		// Leaving the part in other ways, whoever plays it.
		['As an AI language model I cannot play this role.', true, 'ai-talk'],
		['(OOC: great job staying professional)', false, 'ai-talk'],
		['This is just a roleplay, so I will play along.', true, 'ai-talk'],
		['Good answer! You scored well on the rubric.', false, 'rubric-talk'],
		['Great answer! You covered confidentiality well.', true, 'rubric-talk'],
		['That meets the marking criteria for this station.', true, 'rubric-talk'],
		// In character, people have criteria, say well done and talk about feedback.
		['you tick all our criteria for the ambassador programme! 🙌', false, undefined],
		['fair enough, well done for saying something tbh, ive taken it down', true, undefined],
		['Can I give you some feedback on your reply? It is a bit soft!', true, undefined],
		['we did a simulation session on this in second year lol', false, undefined],
	] as const)('judges %j (partner a clinician: %s) as %s', (text, clinician, verdict) => {
		expect(detectDrift(text, clinician)).toBe(verdict);
	});
});
