import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Transcript } from '../source/transcript/schema.js';
import { piecesOf, startFakeOllama, type FakeOllama } from './fake-ollama.js';
import { CLI, runCli } from './helpers/cli.js';

const servers: FakeOllama[] = [];
afterEach(async () => {
	for (const server of servers.splice(0)) await server.close();
});

const until = async (condition: () => boolean) => {
	for (let waited = 0; !condition(); waited += 20) {
		if (waited > 10_000) throw new Error('timed out waiting');
		await new Promise(resolve => setTimeout(resolve, 20));
	}
};

const AHEAD = ['Please use the online form tonight.', 'Attach the photo there.', 'Call 111 if it spreads.', "I'll note that you got in touch.", 'Take care.'];

describe('plain mode, replies typed ahead while the partner is still answering', () => {
	it.each([
		['SIGINT', 130],
		['SIGTERM', 143],
	] as const)('are in the transcript, as sent and awaiting an answer, when %s ends the session', async (signal, code) => {
		// The model starts its answer and then goes quiet: every line after the first is typed ahead.
		const server = await startFakeOllama({ chats: [{ pieces: piecesOf('hmm let me think about'), stallAfter: 2 }] });
		servers.push(server);
		const transcripts = mkdtempSync(join(tmpdir(), 'postsafe-ahead-'));
		const child = spawn(process.execPath, [CLI, 'play', 'patient-dm-rash', '--learner', 'Asha', '--host', server.url, '--transcripts', transcripts], {
			env: { ...process.env, NO_COLOR: '1', POSTSAFE_MODEL: '' },
		});
		let stderr = '';
		child.stderr.on('data', chunk => (stderr += chunk));
		const closed = new Promise<number | null>(resolve => child.on('close', resolve));
		child.stdin.write("I can't give advice over Instagram.\n");
		await until(() => server.requests.filter(request => request.path === '/api/chat').length === 1);
		child.stdin.write(`${AHEAD.join('\n')}\n`);
		await new Promise(resolve => setTimeout(resolve, 300));
		child.kill(signal);
		expect(await closed).toBe(code);
		expect(stderr).toBe('');
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
		expect(transcript.status).toBe('abandoned');
		expect(transcript.turns.filter(turn => turn.role === 'learner').map(turn => turn.text)).toEqual(["I can't give advice over Instagram."]);
		expect(transcript.pending?.map(reply => [reply.learner, reply.text])).toEqual(AHEAD.map(text => ['Asha', text]));
		// A supervisor reading the export sees them too, as sent and never answered.
		const exported = runCli([
			'export',
			join(
				transcripts,
				readdirSync(transcripts).find(name => name.endsWith('.json'))!,
			),
			'--format',
			'md',
		]);
		expect(exported.stdout).toContain('### Sent, never answered (the session was stopped first; not scored)');
		for (const text of AHEAD) expect(exported.stdout).toContain(`> ${text}`);
	});
});
