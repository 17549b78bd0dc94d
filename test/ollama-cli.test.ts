import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { Transcript } from '../source/transcript/schema.js';
import { deadHost, notOllama, piecesOf, startFakeOllama, type FakeOllama } from './fake-ollama.js';
import { CLI } from './helpers/cli.js';

const servers: Pick<FakeOllama, 'close'>[] = [];
afterEach(async () => {
	for (const server of servers.splice(0)) await server.close();
});

/** Runs the built CLI without blocking this process, which serves the fake Ollama. */
function cli(
	args: string[],
	{ input = '', env = {} }: { input?: string; env?: Record<string, string> } = {},
): Promise<{ stdout: string; stderr: string; code: number | null }> {
	return new Promise(resolve => {
		const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, NO_COLOR: '1', OLLAMA_HOST: '', POSTSAFE_MODEL: '', ...env } });
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

describe('plain mode with Ollama', () => {
	it('plays a whole session with the model’s lines when OLLAMA_HOST points at it', async () => {
		const server = await startFakeOllama({
			chats: [
				{ pieces: piecesOf('i did try calling but nobody picked up, can you not just look?') },
				{ pieces: piecesOf("ok fine, i'll do the online form tonight. thanks x") },
			],
		});
		servers.push(server);
		const transcripts = mkdtempSync(join(tmpdir(), 'postsafe-ollama-cli-'));
		const result = await cli(['play', 'patient-dm-rash', '--learner', 'Asha', '--seed', '99', '--transcripts', transcripts], {
			input: "I can't advise on here, please use the online consultation.\nPlease call 111 if it gets worse.\n",
			env: { OLLAMA_HOST: server.url.replace('http://', '') },
		});
		expect(result.code).toBe(0);
		expect(result.stderr).toBe('');
		expect(result.stdout).toContain('Jade Holloway: i did try calling but nobody picked up, can you not just look?');
		expect(result.stdout).toContain("Jade Holloway: ok fine, i'll do the online form tonight. thanks x");
		const transcript = transcriptIn(transcripts);
		expect(transcript.partner).toEqual({ kind: 'ollama', model: 'llama3.2', host: server.url, seed: 99 });
		expect(transcript.turns.map(turn => turn.source ?? turn.role)).toEqual(['opening', 'learner', 'model', 'learner', 'model']);
		const chats = server.requests.filter(request => request.path === '/api/chat');
		expect(chats.every(request => request.body.options.seed === 99 && request.body.think === false)).toBe(true);
	});

	it('with nobody at OLLAMA_HOST, says so with the fix and plays the scripted partner', async () => {
		const transcripts = mkdtempSync(join(tmpdir(), 'postsafe-ollama-cli-'));
		const host = await deadHost();
		const result = await cli(['play', 'patient-dm-rash', '--learner', 'Asha', '--transcripts', transcripts], {
			input: 'Please call 111.\n',
			env: { OLLAMA_HOST: host },
		});
		expect(result.code).toBe(0);
		expect(result.stderr.trim()).toBe(`Ollama isn't running at ${host}; playing the scripted partner — start it with \`ollama serve\` (or use --offline).`);
		expect(result.stdout).toContain('engaged for ages');
		expect(transcriptIn(transcripts).partner.kind).toBe('scripted');
	});

	it('with the model missing, prints the ollama pull command instead of asking', async () => {
		const server = await startFakeOllama({ models: [] });
		servers.push(server);
		const result = await cli(['play', 'patient-dm-rash', '--json', '--transcripts', mkdtempSync(join(tmpdir(), 'postsafe-'))], {
			input: 'hello\n',
			env: { OLLAMA_HOST: server.url },
		});
		expect(result.code).toBe(0);
		expect(result.stderr).toContain(`The model llama3.2 isn't installed at ${server.url}; playing the scripted partner — get it with \`ollama pull llama3.2\``);
		expect(server.requests.map(request => request.path)).not.toContain('/api/pull');
	});

	it('carries on with the scripted partner when the model fails mid-session', async () => {
		const server = await startFakeOllama({ chats: [{ pieces: piecesOf('i did try calling but'), dropAfter: 4 }] });
		servers.push(server);
		const result = await cli(['play', 'patient-dm-rash', '--learner', 'Asha', '--plain', '--transcripts', mkdtempSync(join(tmpdir(), 'postsafe-'))], {
			input: 'Please use the online consultation.\n',
			env: { OLLAMA_HOST: server.url },
		});
		expect(result.code).toBe(0);
		expect(result.stdout).toContain('Jade Holloway: i did try calling [cut off]');
		expect(result.stdout).toMatch(/\(Jade Holloway's reply didn't arrive: the connection to Ollama at .* dropped; carrying on with the scripted partner\)/);
		expect(result.stdout).toContain('engaged for ages');
	});
});

describe('a --host that is some other web server', () => {
	it('leaves --json output valid JSON and doctor’s output its own lines: what the Ollama client logs is held', async () => {
		const other = await notOllama();
		servers.push(other);
		const play = await cli(['play', 'patient-dm-rash', '--json', '--host', other.url, '--transcripts', mkdtempSync(join(tmpdir(), 'postsafe-'))], {
			input: 'Please call 111.\n',
		});
		expect(play.code).toBe(0);
		expect(() => JSON.parse(play.stdout)).not.toThrow();
		expect(play.stderr).not.toMatch(/Failed to parse|Getting text/);
		const doctor = await cli(['doctor', '--host', other.url, '--transcripts', mkdtempSync(join(tmpdir(), 'postsafe-'))]);
		expect(doctor.stdout).not.toMatch(/Failed to parse|Getting text/);
		const models = await cli(['models', '--host', other.url]);
		expect(models.stdout + models.stderr).not.toMatch(/Failed to parse|Getting text/);
	});

	it('is said to be something other than Ollama, not a missing model, with the fix', async () => {
		const other = await notOllama();
		servers.push(other);
		const doctor = await cli(['doctor', '--host', other.url, '--transcripts', mkdtempSync(join(tmpdir(), 'postsafe-'))]);
		expect(doctor.code).toBe(1);
		expect(doctor.stdout).toContain(`✗ fix  The server at ${other.url} isn't Ollama (HTTP 404 for /api/version): point --host or OLLAMA_HOST at Ollama\n`);
		expect(doctor.stdout).not.toMatch(/isn't installed|ollama serve/);
		const play = await cli(['play', 'patient-dm-rash', '--host', other.url, '--transcripts', mkdtempSync(join(tmpdir(), 'postsafe-'))], {
			input: 'Please call 111.\n',
		});
		expect(play.stderr).toBe(
			`The server at ${other.url} isn't Ollama (HTTP 404 for /api/version); playing the scripted partner — point --host or OLLAMA_HOST at Ollama (or use --offline).\n`,
		);
		const models = await cli(['models', '--host', other.url]);
		expect(models).toMatchObject({
			code: 1,
			stderr: `postsafe: the server at ${other.url} isn't Ollama (HTTP 404 for /api/version): point --host or OLLAMA_HOST at Ollama\n`,
		});
	});
});

describe('a --host that does not exist, or is not a web address', () => {
	it('says there is no such host, not that Ollama is not running', async () => {
		const doctor = await cli(['doctor', '--host', 'no-such-host.invalid', '--transcripts', mkdtempSync(join(tmpdir(), 'postsafe-'))]);
		expect(doctor.stdout).toContain('✗ fix  No such host as no-such-host.invalid: point --host or OLLAMA_HOST at Ollama\n');
		const play = await cli(['play', 'patient-dm-rash', '--transcripts', mkdtempSync(join(tmpdir(), 'postsafe-'))], {
			input: 'Please call 111.\n',
			env: { OLLAMA_HOST: 'no-such-host.invalid:11434' },
		});
		expect(play.stderr).toBe(
			'No such host as no-such-host.invalid; playing the scripted partner — point --host or OLLAMA_HOST at Ollama (or use --offline).\n',
		);
	});

	it('refuses a scheme Ollama does not speak, in one line, exit 2', async () => {
		const expected = { code: 2, stderr: 'postsafe: "ftp://x:1" is not an Ollama address: Ollama speaks http:// or https://, not ftp://\n' };
		expect(
			await cli(['play', 'patient-dm-rash', '--host', 'ftp://x:1', '--transcripts', mkdtempSync(join(tmpdir(), 'postsafe-'))], { input: 'hello\n' }),
		).toMatchObject(expected);
		expect(await cli(['doctor'], { env: { OLLAMA_HOST: 'ftp://x:1' } })).toMatchObject(expected);
	});
});

describe('postsafe doctor and models', () => {
	it('reports each check OK when Ollama has the model, and lists the models', async () => {
		const server = await startFakeOllama();
		servers.push(server);
		const doctor = await cli(['doctor', '--host', server.url, '--transcripts', mkdtempSync(join(tmpdir(), 'postsafe-'))]);
		expect(doctor.code).toBe(0);
		expect(doctor.stdout.split('\n').filter(Boolean)).toEqual([
			expect.stringMatching(/^✓ ok {3}Node\.js \d+\.\d+\.\d+$/),
			expect.stringMatching(/^✓ ok {3}Transcripts folder .* is writable$/),
			`✓ ok   Ollama 0.12.6 is running at ${server.url}`,
			'✓ ok   Installed: llama3.2:latest (2.0 GB)',
			'✓ ok   The model llama3.2 is installed',
		]);
		const models = await cli(['models', '--host', server.url]);
		expect(models.code).toBe(0);
		expect(models.stdout).toMatch(/^llama3\.2:latest\s+2\.0 GB {2}2026-11-01 {2}\(postsafe uses this\)$/m);
	});

	it('lists the models as JSON with --json, and marks only the model postsafe uses (a name without a tag is :latest)', async () => {
		const server = await startFakeOllama({ models: ['llama3.2:latest', 'llama3.2:1b', 'mistral:latest'] });
		servers.push(server);
		const json = await cli(['models', '--json', '--host', server.url, '--model', 'llama3.2:1b']);
		expect(json.code).toBe(0);
		expect(JSON.parse(json.stdout)).toEqual(
			['llama3.2:latest', 'llama3.2:1b', 'mistral:latest'].map(name => ({
				name,
				size: 2_019_393_189,
				modified: '2026-11-01T09:30:00.000Z',
				used: name === 'llama3.2:1b',
			})),
		);
		const small = await cli(['models', '--host', server.url, '--model', 'llama3.2:1b']);
		expect(small.stdout.split('\n').filter(line => line.includes('(postsafe uses this)'))).toEqual([expect.stringMatching(/^llama3\.2:1b /)]);
		const standard = await cli(['models', '--host', server.url]);
		expect(standard.stdout.split('\n').filter(line => line.includes('(postsafe uses this)'))).toEqual([expect.stringMatching(/^llama3\.2:latest /)]);
	});

	it('exits 1 with the command that fixes what blocks the model', async () => {
		const server = await startFakeOllama({ models: ['mistral:latest'] });
		servers.push(server);
		const missing = await cli(['doctor', '--host', server.url, '--transcripts', mkdtempSync(join(tmpdir(), 'postsafe-'))]);
		expect(missing.code).toBe(1);
		expect(missing.stdout).toContain("✗ fix  The model llama3.2 isn't installed: run `ollama pull llama3.2`");
		const host = await deadHost();
		const dead = await cli(['doctor', '--host', host, '--transcripts', mkdtempSync(join(tmpdir(), 'postsafe-'))]);
		expect(dead.code).toBe(1);
		expect(dead.stdout).toContain(`✗ fix  Ollama isn't running at ${host} (connection refused): start it with \`ollama serve\``);
		const models = await cli(['models', '--host', host]);
		expect(models.code).toBe(1);
		expect(models.stderr.trim().split('\n')).toHaveLength(1);
	});
});
