import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { appServices } from '../source/commands/app-services.js';
import { normaliseBaseUrl } from '../source/partner/openai-client.js';
import { OpenAiPartner } from '../source/partner/openai.js';
import { checkOpenAi } from '../source/partner/openai-setup.js';
import { loadPromptTemplates } from '../source/partner/prompt-files.js';
import { backoffMs, retryAfterMs } from '../source/partner/retry-after.js';
import { createSession, partnerRequest, reduceSession } from '../source/session/session.js';
import { PartnerFailure, type PartnerRequest } from '../source/session/types.js';
import { Transcript } from '../source/transcript/schema.js';
import { startFakeOpenAi, tokensOf, type FakeOpenAi, type FakeOpenAiOptions } from './fake-openai.js';
import { CLI } from './helpers/cli.js';
import { bundledLibrary, ROOT, rubricFor } from './helpers/library.js';

const templates = loadPromptTemplates(join(ROOT, 'prompts'));
const fakes: FakeOpenAi[] = [];
afterEach(async () => {
	for (const fake of fakes.splice(0)) await fake.close();
});

async function fake(options: FakeOpenAiOptions = {}): Promise<FakeOpenAi> {
	const server = await startFakeOpenAi(options);
	fakes.push(server);
	return server;
}

const scenario = () => bundledLibrary().scenarios.find(loaded => loaded.scenario.id === 'patient-dm-rash')!.scenario;

function requestAfter(reply: string): PartnerRequest {
	const start = createSession({ scenario: scenario(), rubric: rubricFor('patient-dm-rash'), learners: ['Asha'], time: '2026-11-22T20:40:00Z' });
	return partnerRequest(reduceSession(start, { type: 'learner-replied', learner: 'Asha', text: reply, time: '2026-11-22T20:41:00Z' }))!;
}

const never = new AbortController().signal;

function partner(baseUrl: string, extra: Partial<ConstructorParameters<typeof OpenAiPartner>[0]> = {}) {
	return new OpenAiPartner({ baseUrl, model: 'llama3.2', seed: 42, temperature: 0.7, timeoutMs: 5000, templates, emitEveryMs: 0, ...extra });
}

describe('the OpenAI-compatible partner', () => {
	it('streams /v1/chat/completions in character: the seed, max_tokens, the persona; never the rubric', async () => {
		const server = await fake({ chats: [{ pieces: tokensOf('ugh ok, i did try the surgery though'), delayMs: 5 }] });
		const seen: string[] = [];
		const turn = await partner(server.url).respond(requestAfter('Please call 111 tonight.'), { signal: never, onText: text => seen.push(text) });
		expect(turn).toMatchObject({ text: 'ugh ok, i did try the surgery though', source: 'model', beat: 'cant-get-through', ends: false });
		expect(seen.length).toBeGreaterThan(1);
		const chat = server.requests.find(request => request.path === '/v1/chat/completions')!.body;
		expect(chat).toMatchObject({ model: 'llama3.2', stream: true, seed: 42, temperature: 0.7, max_tokens: 256 });
		expect(chat.messages[0].content).toContain('You are playing Jade Holloway, a patient');
		const rubric = rubricFor('patient-dm-rash');
		const sent = JSON.stringify(chat);
		expect(rubric.criteria.filter(criterion => sent.includes(criterion.feedback.met))).toEqual([]);
		expect(sent).not.toMatch(/red flag|"redFlags"/i);
	});

	it('sends the API key from the named variable as a bearer token', async () => {
		const server = await fake({ apiKey: 'sk-room-42' });
		await partner(server.url, { apiKey: 'sk-room-42' }).respond(requestAfter('Hello'), { signal: never });
		expect(server.requests.at(-1)!.authorization).toBe('Bearer sk-room-42');
	});

	it('stands in the scripted beat when the model leaves the part', async () => {
		const server = await fake({ chats: [{ pieces: tokensOf('As an AI language model I cannot role-play this.') }] });
		const turn = await partner(server.url).respond(requestAfter('Please call 111.'), { signal: never });
		expect(turn.source).toBe('fallback');
	});

	it('waits out a busy server (429, then 503) as Retry-After says, then streams', async () => {
		const server = await fake({ chats: [{ status: 429, retryAfter: 0.2 }, { status: 503, retryAfter: 0.2 }, { pieces: tokensOf('fine, i will call 111') }] });
		const waits: number[] = [];
		const started = Date.now();
		const turn = await partner(server.url, { onBusy: wait => waits.push(wait) }).respond(requestAfter('Please call 111.'), { signal: never });
		expect(turn.text).toBe('fine, i will call 111');
		expect(waits).toHaveLength(2);
		for (const wait of waits) expect(wait).toBeGreaterThanOrEqual(200);
		expect(Date.now() - started).toBeGreaterThanOrEqual(400);
	});

	it('fails the turn with one line when the server stays busy past the time limit', async () => {
		const server = await fake({ chats: [{ status: 503, retryAfter: 0.3 }] });
		const failure = await partner(server.url, { timeoutMs: 800 })
			.respond(requestAfter('Please call 111.'), { signal: never })
			.catch(error => error);
		expect(failure).toBeInstanceOf(PartnerFailure);
		expect(failure.message).toBe(`the server at ${server.url} is busy (HTTP 503: the server is overloaded) and stayed busy`);
	});

	it.each([
		[{ status: 404 }, 'isn’t served'],
		[{ status: 500 }, 'failed (HTTP 500: error 500)'],
	])('says what a server error means: %j', async (script, words) => {
		const server = await fake({ chats: [script] });
		const failure = await partner(server.url)
			.respond(requestAfter('Hello'), { signal: never })
			.catch(error => error);
		expect(failure).toBeInstanceOf(PartnerFailure);
		expect(failure.message.replace("isn't", 'isn’t')).toContain(words);
	});

	it('checks the server and its models with GET /v1/models', async () => {
		const server = await fake({ models: ['qwen2.5-7b', 'llama3.2'] });
		expect(await checkOpenAi({ baseUrl: server.url }, 'llama3.2')).toEqual({ kind: 'ready', models: ['qwen2.5-7b', 'llama3.2'] });
		expect(await checkOpenAi({ baseUrl: server.url }, 'mistral')).toEqual({ kind: 'missing-model', models: ['qwen2.5-7b', 'llama3.2'] });
		const gone = await startFakeOpenAi();
		const closed = gone.url;
		await gone.close();
		expect(await checkOpenAi({ baseUrl: closed }, 'llama3.2')).toMatchObject({
			kind: 'unreachable',
			reason: `no server is running at ${closed} (connection refused)`,
		});
	});

	it('reads Retry-After as seconds, an HTTP date or retry-after-ms, and backs off with jitter otherwise', () => {
		const headers = (entries: Record<string, string>) => new Headers(entries);
		expect(retryAfterMs(headers({ 'retry-after': '2' }))).toBe(2000);
		expect(retryAfterMs(headers({ 'retry-after-ms': '150' }))).toBe(150);
		expect(retryAfterMs(headers({ 'retry-after': new Date(10_000).toUTCString() }), 7000)).toBe(3000);
		expect(retryAfterMs(headers({}))).toBeUndefined();
		expect([0, 1, 2, 3, 10].map(attempt => backoffMs(attempt, undefined, () => 0))).toEqual([250, 500, 1000, 2000, 8000]);
		expect(backoffMs(0, 1000, () => 1)).toBe(1250);
	});

	it.each([
		['gpu-server:8000', 'http://gpu-server:8000/v1'],
		['http://127.0.0.1:1234/v1/', 'http://127.0.0.1:1234/v1'],
		['https://models.example.org/openai/v1', 'https://models.example.org/openai/v1'],
	])('takes %j as the base URL %j', (given, expected) => {
		expect(normaliseBaseUrl(given)).toBe(expected);
	});
});

function cli(
	args: string[],
	{ input = '', env = {} }: { input?: string; env?: Record<string, string> } = {},
): Promise<{ stdout: string; stderr: string; code: number | null }> {
	return new Promise(resolve => {
		const child = spawn(process.execPath, [CLI, ...args], {
			env: { ...process.env, NO_COLOR: '1', OLLAMA_HOST: '', POSTSAFE_MODEL: '', POSTSAFE_BASE_URL: '', ...env },
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', chunk => (stdout += chunk));
		child.stderr.on('data', chunk => (stderr += chunk));
		child.on('close', code => resolve({ stdout, stderr, code }));
		child.stdin.end(input);
	});
}

function transcriptIn(directory: string): Transcript {
	return Transcript.parse(JSON.parse(readFileSync(join(directory, readdirSync(directory)[0]!), 'utf8')));
}

describe('play --provider openai', () => {
	it('streams the model’s lines and records partner.kind, the model and the base URL in the transcript', async () => {
		const server = await fake({
			models: ['qwen2.5-7b'],
			chats: [
				{ pieces: tokensOf('i did try calling but nobody picked up, can you not just look?') },
				{ pieces: tokensOf("ok fine, i'll do the online form tonight. thanks x") },
			],
		});
		const transcripts = mkdtempSync(join(tmpdir(), 'postsafe-openai-'));
		const result = await cli(
			[
				'play',
				'patient-dm-rash',
				'--provider',
				'openai',
				'--base-url',
				server.url,
				'--model',
				'qwen2.5-7b',
				'--seed',
				'7',
				'--learner',
				'Asha',
				'--transcripts',
				transcripts,
			],
			{
				input: "I can't advise on here, please use the online consultation.\nPlease call 111 if it gets worse.\n",
			},
		);
		expect(result.stderr).toBe('');
		expect(result.code).toBe(0);
		expect(result.stdout).toContain('i did try calling but nobody picked up, can you not just look?');
		const transcript = transcriptIn(transcripts);
		expect(transcript.partner).toEqual({ kind: 'openai', model: 'qwen2.5-7b', host: server.url, seed: 7 });
		expect(transcript.turns.filter(turn => turn.role === 'partner').map(turn => turn.source)).toContain('model');
	});

	it('falls back to the scripted partner on 503, saying why, as the Ollama partner does', async () => {
		const server = await fake({ chats: [{ status: 503, retryAfter: 1 }] });
		const transcripts = mkdtempSync(join(tmpdir(), 'postsafe-openai-'));
		const result = await cli(
			['play', 'patient-dm-rash', '--provider', 'openai', '--base-url', server.url, '--timeout', '2', '--learner', 'Asha', '--transcripts', transcripts],
			{ input: 'Please call 111 tonight.\n' },
		);
		expect(result.code).toBe(0);
		expect(result.stdout).toContain(
			`(Jade Holloway's reply didn't arrive: the server at ${server.url} is busy (HTTP 503: the server is overloaded) and stayed busy; carrying on with the scripted partner)`,
		);
		const transcript = transcriptIn(transcripts);
		expect(transcript.turns.filter(turn => turn.role === 'partner').at(-1)!.source).toBe('script');
	});

	it('doctor and models ask the server for its models', async () => {
		const server = await fake({ models: ['qwen2.5-7b', 'llama3.2'] });
		const transcripts = mkdtempSync(join(tmpdir(), 'postsafe-openai-'));
		const doctor = await cli(['doctor', '--provider', 'openai', '--base-url', server.url, '--transcripts', transcripts]);
		expect(doctor.stdout).toContain(`✓ ok   An OpenAI-compatible server is answering at ${server.url}, serving qwen2.5-7b, llama3.2\n`);
		expect(doctor.stdout).toContain('✓ ok   The model llama3.2 is served there\n');
		expect(doctor.code).toBe(0);
		const models = await cli(['models', '--provider', 'openai', '--base-url', server.url, '--json']);
		expect(JSON.parse(models.stdout)).toEqual([
			{ name: 'qwen2.5-7b', used: false },
			{ name: 'llama3.2', used: true },
		]);
	});

	it('says what is missing, in one line: no --base-url, an unset key variable', async () => {
		expect(await cli(['play', 'patient-dm-rash', '--provider', 'openai'])).toMatchObject({
			code: 2,
			stderr: 'postsafe: --provider openai needs the server: add --base-url http://HOST:PORT/v1\n',
		});
		expect(
			await cli(['play', 'patient-dm-rash', '--provider', 'openai', '--base-url', 'http://127.0.0.1:9/v1', '--api-key-env', 'POSTSAFE_NO_SUCH_KEY']),
		).toMatchObject({ code: 2, stderr: 'postsafe: --api-key-env POSTSAFE_NO_SUCH_KEY: that environment variable is not set\n' });
	});
});

describe('the terminal UI with --provider openai', () => {
	it('plays the OpenAI-compatible partner, with no Ollama setup screen', () => {
		const library = bundledLibrary();
		const services = appServices({
			library,
			choice: { provider: 'openai', baseUrl: 'http://127.0.0.1:9/v1', model: 'qwen2.5-7b', seed: 3, timeoutMs: 1000 },
			transcripts: mkdtempSync(join(tmpdir(), 'postsafe-openai-')),
		});
		expect(services.ollama).toBeUndefined();
		const session = services.startSession(
			library.scenarios.find(loaded => loaded.scenario.id === 'patient-dm-rash')!,
			'Asha',
			false,
		);
		expect(session.controller.partnerInfo).toEqual({ kind: 'openai', model: 'qwen2.5-7b', host: 'http://127.0.0.1:9/v1', seed: 3 });
		session.recorder.stop();
	});
});
