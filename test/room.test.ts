import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { PROTOCOL_VERSION } from '../source/room/protocol.js';
import { Transcript } from '../source/transcript/schema.js';
import { runInBackground, type Running } from './helpers/process.js';

const running: Running[] = [];
afterEach(() => {
	for (const process of running.splice(0)) process.child.kill('SIGKILL');
});

function start(args: string[]): Running {
	const process = runInBackground(args);
	running.push(process);
	return process;
}

/** A facilitator on 127.0.0.1 only, on any free port: its address and code from the one join line. */
async function openRoom(expect: number, turns: number, transcripts: string) {
	const facilitator = start(['group', 'patient-dm-rash', '--serve', '--listen', '127.0.0.1', '--port', '0', '--expect', String(expect), '--offline', '--turns', String(turns), '--transcripts', transcripts]);
	const [, address, code] = await facilitator.waitFor(/^join: postsafe join (127\.0\.0\.1:\d+) --code (\d{6})$/m);
	return { facilitator, address: address!, code: code! };
}

function transcriptIn(directory: string): Transcript {
	return Transcript.parse(JSON.parse(readFileSync(join(directory, readdirSync(directory)[0]!), 'utf8')));
}

const replies = {
	Asha: ["Asha: I can't look at photos on here, please use the practice's online form.", 'Asha: please call 111 tonight if it spreads.'],
	Ben: ['Ben: this is my personal account, so please contact the surgery instead.', "Ben: I'll note in your record that you got in touch."],
	Chloe: ['Chloe: please send the photo through the online consultation form.', 'Chloe: if you feel unwell, call 111.'],
} as const;
type Name = keyof typeof replies;
const others = (name: Name, round: 0 | 1) => (Object.keys(replies) as Name[]).filter(other => other !== name).map(other => replies[other][round]);

describe('a room of laptops on 127.0.0.1', () => {
	it('three join clients over two rounds: replies hidden until the reveal, a killed client rejoins with its reply kept, one transcript with six named replies', async () => {
		const transcripts = mkdtempSync(join(tmpdir(), 'postsafe-room-'));
		const { facilitator, address, code } = await openRoom(3, 2, transcripts);
		expect(facilitator.stdout().match(/^join:/gm)).toHaveLength(1);
		const joinAs = (name: Name) => start(['join', address, '--code', code, '--learner', name]);
		const clients: Record<Name, Running> = { Asha: joinAs('Asha'), Ben: joinAs('Ben'), Chloe: joinAs('Chloe') };
		for (const client of Object.values(clients)) await client.waitFor(/Round 1: your reply to Jade Holloway/);

		clients.Asha.type(replies.Asha[0]);
		await facilitator.waitFor(/Asha has replied \(1 of 3\)/);
		clients.Ben.type(replies.Ben[0]);
		await facilitator.waitFor(/Ben has replied \(2 of 3\)/);
		await clients.Chloe.waitFor(/2 of 3 have replied/);
		// Ben's laptop dies after committing; he rejoins with the same name and code.
		clients.Ben.child.kill('SIGKILL');
		await facilitator.waitFor(/Ben dropped: they can rejoin with the same name and code/);
		clients.Ben = joinAs('Ben');
		await clients.Ben.waitFor(new RegExp(`Your reply for round 1 is in: “${replies.Ben[0]}”`));
		await facilitator.waitFor(/Ben rejoined \(their reply is kept\)/);
		// Before the last reply: nobody has seen anyone else's words.
		for (const name of Object.keys(clients) as Name[]) for (const text of others(name, 0)) expect(clients[name].stdout()).not.toContain(text);

		clients.Chloe.type(replies.Chloe[0]);
		for (const name of Object.keys(clients) as Name[]) {
			const output = clients[name];
			await output.waitFor(/Round 1: the replies side by side[\s\S]*Carried on: /);
			const reveal = output.stdout().indexOf('Round 1: the replies side by side');
			for (const text of others(name, 0)) expect(output.stdout().indexOf(text)).toBeGreaterThan(reveal);
			await output.waitFor(/Round 2: your reply to Jade Holloway/);
		}

		clients.Chloe.type(replies.Chloe[1]);
		clients.Asha.type(replies.Asha[1]);
		await facilitator.waitFor(/Asha has replied \(2 of 3\)/);
		// Two of three in: the third still sees neither.
		for (const text of others('Ben', 1)) expect(clients.Ben.stdout()).not.toContain(text);
		clients.Ben.type(replies.Ben[1]);
		for (const name of Object.keys(clients) as Name[]) {
			const output = clients[name];
			await output.waitFor(/The session is over/);
			const reveal = output.stdout().indexOf('Round 2: the replies side by side');
			expect(reveal).toBeGreaterThan(0);
			for (const text of others(name, 1)) expect(output.stdout().indexOf(text)).toBeGreaterThan(reveal);
			expect(await output.exited).toBe(0);
		}
		expect(await facilitator.exited).toBe(0);
		expect(facilitator.stdout()).toMatch(/Transcript saved: .*\.json/);

		const transcript = transcriptIn(transcripts);
		expect(transcript.mode).toBe('group');
		expect([...transcript.learners].sort()).toEqual(['Asha', 'Ben', 'Chloe']);
		const learnerTurns = transcript.turns.filter(turn => turn.role === 'learner').map(turn => [turn.learner, turn.text]);
		expect(learnerTurns).toHaveLength(6);
		expect(new Set(learnerTurns.map(turn => JSON.stringify(turn)))).toEqual(new Set((Object.keys(replies) as Name[]).flatMap(name => replies[name].map(text => JSON.stringify([name, text])))));
		// Only the session's own text went to the learners: never the transcript's path.
		for (const client of Object.values(clients)) expect(client.stdout()).not.toContain(transcripts);
	}, 60_000);
});
