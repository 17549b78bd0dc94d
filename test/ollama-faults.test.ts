import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Transcript } from '../source/transcript/schema.js';
import { piecesOf, startFakeOllama, type FakeOllama, type FakeOllamaOptions } from './fake-ollama.js';
import { CLI } from './helpers/cli.js';

const servers: FakeOllama[] = [];
afterEach(async () => {
	for (const server of servers.splice(0)) await server.close();
});

async function server(options: FakeOllamaOptions): Promise<FakeOllama> {
	const started = await startFakeOllama(options);
	servers.push(started);
	return started;
}

/** The built CLI, without blocking this process (which serves the fake Ollama). */
function cli(args: string[], input = ''): Promise<{ stdout: string; stderr: string; code: number | null; ms: number }> {
	const started = Date.now();
	return new Promise(resolve => {
		const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, NO_COLOR: '1', OLLAMA_HOST: '', POSTSAFE_MODEL: '' } });
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', chunk => (stdout += chunk));
		child.stderr.on('data', chunk => (stderr += chunk));
		child.on('close', code => resolve({ stdout, stderr, code, ms: Date.now() - started }));
		child.stdin.end(input);
	});
}

const folder = () => mkdtempSync(join(tmpdir(), 'postsafe-ollama-faults-'));
const play = (host: string, transcripts = folder(), extra: string[] = []) =>
	cli(
		['play', 'patient-dm-rash', '--learner', 'Asha', '--turns', '2', '--host', host, '--transcripts', transcripts, ...extra],
		"I can't advise on Instagram, please use the online form.\nPlease call 111 if it gets worse.\n",
	);
const didNotArrive = (why: string) => `(Jade Holloway's reply didn't arrive: ${why}; carrying on with the scripted partner)`;

describe('doctor and models say only what they saw', () => {
	it('a slow /api/tags is "slow", never "no models installed"', async () => {
		const slow = await server({ faults: { '/api/tags': { delayMs: 5000 } } });
		const doctor = await cli(['doctor', '--host', slow.url, '--transcripts', folder()]);
		expect(doctor.stdout).not.toContain('No models installed');
		expect(doctor.stdout).toContain(`✗ fix  Couldn't list the installed models: Ollama at ${slow.url} is slow: it did not answer in time`);
		expect(doctor.stdout).toContain('✓ ok   The model llama3.2 is installed');
		expect(doctor.code).toBe(1);
		const models = await cli(['models', '--host', slow.url]);
		expect(models.code).toBe(1);
		expect(models.stderr).toBe(`postsafe: couldn't list the models: Ollama at ${slow.url} is slow: it did not answer in time\n`);
	});

	it('a slow /api/version is "slow", not "isn\'t running"', async () => {
		const slow = await server({ faults: { '/api/version': { delayMs: 5000 } } });
		const doctor = await cli(['doctor', '--host', slow.url, '--transcripts', folder()]);
		expect(doctor.stdout).toContain(`✗ fix  Ollama at ${slow.url} is slow: it did not answer in time: try again in a moment`);
		expect(doctor.stdout).not.toContain("isn't running");
		expect(doctor.code).toBe(1);
	});
});

describe('the model partner, by kind of failure', () => {
	it('a busy server (503) is asked again after a wait, and the session goes on with the model', async () => {
		const busy = await server({ faults: { '/api/chat': { status: 503, times: 2 } }, chats: [{ pieces: piecesOf('ok i will use the form, thanks') }] });
		const result = await play(busy.url);
		expect(result.stderr).toBe('');
		expect(result.stdout).toContain('Jade Holloway: ok i will use the form, thanks');
		expect(busy.requests.filter(request => request.path === '/api/chat')).toHaveLength(3);
	});

	it.each<[string, FakeOllamaOptions['faults'], (host: string) => string]>([
		['stays busy', { '/api/chat': { status: 503 } }, host => `Ollama at ${host} is busy (its queue of requests is full); asked 4 times`],
		[
			'fails with HTTP 500',
			{ '/api/chat': { status: 500 } },
			host => `Ollama at ${host} had an error (HTTP 500: llama runner process has terminated: signal: killed)`,
		],
		[
			'answers with an HTML page',
			{ '/api/chat': { status: 200, contentType: 'text/html', body: '<!doctype html><h1>Welcome to nginx</h1>' } },
			host => `the server at ${host} isn't Ollama (its answer isn't Ollama's JSON)`,
		],
	])('a server that %s gets its own one-line reason, and the scripted partner carries on', async (_, faults, why) => {
		const failing = await server({ faults: faults! });
		const result = await play(failing.url);
		expect(result.code).toBe(0);
		expect(result.stdout).toContain(didNotArrive(why(failing.url)));
		expect(result.stdout).toContain('engaged for ages');
	});

	it('--timeout bounds a whole message, not only the gap between words: a token every 100 ms is stopped', async () => {
		const endless = await server({ chats: [{ pieces: Array.from({ length: 1000 }, () => ' la'), delayMs: 100 }] });
		const result = await play(endless.url, folder(), ['--timeout', '1']);
		expect(result.code).toBe(0);
		expect(result.stdout).toContain(didNotArrive('llama3.2 was still writing one message after 3 s'));
		expect(result.ms).toBeLessThan(15_000);
	});

	it('a message is cut at 4,000 characters however much the server sends', async () => {
		const flood = await server({
			chats: [{ pieces: Array.from({ length: 400 }, (_, index) => ` ${String(index).padStart(3, '0')}${'x'.repeat(96)}`), delayMs: 2 }],
		});
		const transcripts = folder();
		const result = await play(flood.url, transcripts);
		expect(result.code).toBe(0);
		const transcript = Transcript.parse(
			JSON.parse(
				readFileSync(
					join(
						transcripts,
						readdirSync(transcripts).find(name => name.endsWith('.json'))!,
					),
					'utf8',
				),
			),
		);
		const said = transcript.turns.filter(turn => turn.role === 'partner' && turn.source === 'model');
		expect(said).toHaveLength(1);
		expect(said[0]!.text.length).toBeLessThanOrEqual(4000);
		// The stream was stopped there, not read to its 40,000th character.
		expect(flood.stoppedChats).toBe(1);
	});
});
