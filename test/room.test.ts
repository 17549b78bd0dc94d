import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import WebSocket from 'ws';
import { runJoin } from '../source/commands/join.js';
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
async function openRoomWith(args: readonly string[]) {
	const facilitator = start(['group', ...args, '--serve', '--listen', '127.0.0.1', '--port', '0']);
	const [, address, code] = await facilitator.waitFor(/^join: postsafe join (127\.0\.0\.1:\d+) --code (\d{6})$/m);
	return { facilitator, address: address!, code: code! };
}

function openRoom(expect: number | undefined, turns: number, transcripts: string, extra: readonly string[] = []) {
	return openRoomWith([
		'patient-dm-rash',
		...extra,
		...(expect === undefined ? [] : ['--expect', String(expect)]),
		'--offline',
		'--turns',
		String(turns),
		'--transcripts',
		transcripts,
	]);
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
		await facilitator.waitFor(/Round 1: the replies side by side[\s\S]*has replied \(2 of 3\)/);
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
		expect(new Set(learnerTurns.map(turn => JSON.stringify(turn)))).toEqual(
			new Set((Object.keys(replies) as Name[]).flatMap(name => replies[name].map(text => JSON.stringify([name, text])))),
		);
		// Only the session's own text went to the learners: never the transcript's path.
		for (const client of Object.values(clients)) expect(client.stdout()).not.toContain(transcripts);
	}, 60_000);
});

type Heard = { messages: any[]; closed: Promise<{ code: number; reason: string }> };

/** A hand-made client, to say what `postsafe join` never would. */
function rawClient(address: string, onOpen: (socket: WebSocket) => void): Heard {
	const socket = new WebSocket(`ws://${address}/`);
	const messages: any[] = [];
	socket.on('message', data => messages.push(JSON.parse(String(data))));
	socket.on('open', () => onOpen(socket));
	socket.on('error', () => {});
	return { messages, closed: new Promise(resolve => socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() }))) };
}

const hello = (code: string, name: string, protocol = PROTOCOL_VERSION) => JSON.stringify({ type: 'hello', protocol, code, name });

describe('hostile clients', () => {
	it('are refused one by one (wrong code, a taken name, another protocol, 10 MB, a flood, garbage) while the room goes on serving the others', async () => {
		const transcripts = mkdtempSync(join(tmpdir(), 'postsafe-room-'));
		// The facilitator starts the round by hand, once the honest learners are in.
		const { facilitator, address, code } = await openRoom(undefined, 1, transcripts);
		const asha = start(['join', address, '--code', code, '--learner', 'Asha']);
		await facilitator.waitFor(/Asha joined \(1 so far\)/);
		const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');

		const refusals = {
			wrongCode: rawClient(address, socket => socket.send(hello(wrong, 'Mallory'))),
			takenName: rawClient(address, socket => socket.send(hello(code, 'asha'))),
			oldProtocol: rawClient(address, socket => socket.send(hello(code, 'Oscar', 0))),
			huge: rawClient(address, socket => socket.send('x'.repeat(10 * 1024 * 1024))),
			flood: rawClient(address, socket => {
				socket.send(hello(code, 'Flood'));
				// A thousand messages in one second.
				let sent = 0;
				const timer = setInterval(() => {
					for (let burst = 0; burst < 10 && socket.readyState === WebSocket.OPEN; burst++, sent++)
						socket.send(JSON.stringify({ type: 'reply', round: 1, text: `spam ${sent}` }));
					if (sent >= 1000 || socket.readyState !== WebSocket.OPEN) clearInterval(timer);
				}, 10);
			}),
			garbageFrame: rawClient(address, socket => socket.send(Buffer.from([0x00, 0xff, 0xfe, 0x7b, 0x22]))),
			garbageText: rawClient(address, socket => socket.send('{"type":"hello","protocol":1,"code":')),
		};
		const garbageBytes = await new Promise<string>(resolve => {
			const [host, port] = address.split(':');
			const socket = connect(Number(port), host!, () =>
				socket.write(Buffer.from('\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03 not http at all\r\n\r\n', 'latin1')),
			);
			let answer = '';
			socket.on('data', chunk => (answer += chunk.toString('latin1')));
			socket.on('error', () => {});
			socket.on('close', () => resolve(answer));
		});

		const reasons: Record<keyof typeof refusals, { closed: { code: number }; refused?: string }> = Object.fromEntries(
			await Promise.all(
				Object.entries(refusals).map(async ([name, heard]) => [
					name,
					{ closed: await heard.closed, refused: heard.messages.find(message => message.type === 'refused')?.reason },
				]),
			),
		) as never;
		expect(reasons.wrongCode.refused).toBe('wrong code: check the join line on the facilitator’s screen');
		expect(reasons.takenName.refused).toBe(
			'the name Asha is taken in this room: choose another with --learner (after a drop, the old connection is let go within 20 s)',
		);
		expect(reasons.oldProtocol.refused).toBe(
			`this room speaks protocol ${PROTOCOL_VERSION}, your postsafe speaks 0: use the same postsafe version as the facilitator`,
		);
		// The server reads the frame's length and closes with 1009 before taking the rest; the sender, still
		// writing its 10 MB, may see the socket cut (1006) before the close frame arrives.
		expect([1006, 1009]).toContain(reasons.huge.closed.code);
		expect(refusals.huge.messages).toEqual([]);
		expect(reasons.flood.refused).toBe('too many messages: at most 10 a second; you are out of this session');
		expect(refusals.flood.messages.filter(message => message.type === 'notice').length).toBeLessThan(25);
		expect(reasons.garbageFrame.refused).toBe('not a postsafe message (binary frame)');
		expect(reasons.garbageText.refused).toBe('not a postsafe message (not JSON)');
		for (const [name, heard] of Object.entries(reasons)) if (name !== 'huge') expect(heard.closed.code).toBe(1008);
		expect(garbageBytes).not.toContain('postsafe');
		// None of them joined: the room still waits for its second learner, and serves both.
		await facilitator.waitFor(/Flood sent a flood of messages and is out of the session/);
		const ben = start(['join', address, '--code', code, '--learner', 'Ben']);
		await facilitator.waitFor(/Ben joined \(2 so far\)/);
		facilitator.type('start');
		await asha.waitFor(/Round 1: your reply/);
		asha.type('Please use the online form.');
		await ben.waitFor(/Round 1: your reply/);
		ben.type('Please call 111.');
		expect(await asha.exited).toBe(0);
		expect(await ben.exited).toBe(0);
		expect(await facilitator.exited).toBe(0);
		expect(asha.stdout()).toContain('Ben (2/6): Please call 111.');
		expect(transcriptIn(transcripts).learners).toEqual(['Asha', 'Ben']);
	}, 60_000);
});

describe('SJT items in a room', () => {
	it('each learner answers on their own screen; the ideal, the spread and the marks only at the reveal', async () => {
		const { facilitator, address, code } = await openRoomWith(['--sjt', '--count', '1', '--type', 'rank', '--expect', '2']);
		const asha = start(['join', address, '--code', code, '--learner', 'Asha']);
		const ben = start(['join', address, '--code', code, '--learner', 'Ben']);
		await asha.waitFor(/Your answer \(from the next input line\)/);
		await ben.waitFor(/Your answer \(from the next input line\)/);
		// The item is drawn at random from the rank items, and those have four or five options.
		const letters = [...asha.stdout().matchAll(/^ {2}([A-E])\. /gm)].map(match => match[1]!);
		expect(letters.length).toBeGreaterThanOrEqual(4);
		const forward = letters.join(', ');
		const backward = [...letters].reverse().join(', ');
		const ideal = letters.map(() => '[A-E]').join(' > ');
		const max = letters.length === 5 ? 20 : 16;
		asha.type(letters.join(','));
		await asha.waitFor(new RegExp(`Your answer to item 1 is in: ${forward}`));
		await ben.waitFor(/1 of 2 have replied/);
		for (const client of [asha, ben]) expect(client.stdout()).not.toMatch(new RegExp(`Ideal:|how the group answered|Asha: ${forward}`));
		ben.type([...letters].reverse().join(','));
		for (const client of [asha, ben]) {
			await client.waitFor(new RegExp(`Item 1: how the group answered[\\s\\S]*Ideal: ${ideal}\n`));
			await client.waitFor(/The session is over\n/);
			expect(client.stdout()).toMatch(new RegExp(` {2}Asha: ${forward} {2}\\d+/${max}\n`));
			expect(client.stdout()).toMatch(new RegExp(` {2}Ben: ${backward} {2}\\d+/${max}\n`));
			expect(client.stdout()).not.toContain('(this room');
			expect(await client.exited).toBe(0);
		}
		expect(await facilitator.exited).toBe(0);
		expect(facilitator.stdout()).toMatch(/Totals over 1 item/);
	}, 60_000);
});

describe('the facilitator', () => {
	it('reveals a round early and removes a learner: their places are empty replies, and a removed learner cannot rejoin', async () => {
		const transcripts = mkdtempSync(join(tmpdir(), 'postsafe-room-'));
		const { facilitator, address, code } = await openRoom(3, 2, transcripts);
		const [asha, ben, chloe] = ['Asha', 'Ben', 'Chloe'].map(name => start(['join', address, '--code', code, '--learner', name]));
		for (const client of [asha!, ben!, chloe!]) await client.waitFor(/Round 1: your reply/);
		asha!.type('Please use the online form.');
		await facilitator.waitFor(/Asha has replied \(1 of 3\)/);
		facilitator.type('reveal');
		await asha!.waitFor(/Carried on: Asha's reply/);
		expect(asha!.stdout()).toContain('Ben (0/6): (no reply)');
		expect(asha!.stdout()).toContain('Chloe (0/6): (no reply)');
		await ben!.waitFor(/Round 2: your reply/);
		facilitator.type('remove chloe');
		await facilitator.waitFor(/chloe is removed from the session\./);
		await chloe!.exited;
		expect(chloe!.stderr()).toBe('postsafe: the room refused: the facilitator removed you from this session\n');
		const again = start(['join', address, '--code', code, '--learner', 'Chloe']);
		expect(await again.exited).toBe(1);
		expect(again.stderr()).toBe('postsafe: the room refused: the facilitator removed you from this session\n');
		asha!.type('Please call 111 if it spreads.');
		ben!.type("I'll note in your record that you got in touch.");
		expect(await facilitator.exited).toBe(0);
		const learnerTurns = transcriptIn(transcripts).turns.filter(turn => turn.role === 'learner');
		expect(
			learnerTurns
				.filter(turn => turn.text === '(no reply)')
				.map(turn => turn.learner)
				.sort(),
		).toEqual(['Ben', 'Chloe', 'Chloe']);
		expect(learnerTurns).toHaveLength(6);
	}, 60_000);
});

describe('a learner at a terminal', () => {
	it('sees the conversation in the channel’s look: the partner’s message and their own reply as chat bubbles', async () => {
		const transcripts = mkdtempSync(join(tmpdir(), 'postsafe-room-'));
		const { facilitator, address, code } = await openRoom(2, 1, transcripts);
		const ben = start(['join', address, '--code', code, '--learner', 'Ben']);
		const input = Object.assign(new PassThrough(), { isTTY: true });
		let shown = '';
		const asha = runJoin(address, { code, learner: 'Asha' }, { input, stdout: text => void (shown += text), stderr: () => {}, width: 80 });
		await ben.waitFor(/Round 1: your reply/);
		ben.type('Please call 111.');
		await facilitator.waitFor(/Ben has replied/);
		input.write('Please use the online form.\n');
		expect(await asha).toBe(0);
		expect(shown).toMatch(/╭─+╮\n│ Jade Holloway {2}\d\d:\d\d +│\n│ 📎 Photo of a red, raised, patchy rash[\s\S]*│ hiii sorry to message you on here/);
		expect(shown).toMatch(/│ Asha {2}\d\d:\d\d +│\n *│ Please use the online form\. +│/);
		expect(shown).toContain('Your reply for round 1 is in (hidden from the others until the reveal)');
		expect(shown).toContain('Ben (2/6): Please call 111.');
	}, 60_000);
});

describe('a room on a scenario with audiences', () => {
	it('each learner writes @group or @ellie from their own laptop; one addressed to nowhere is refused; the transcript records where each went', async () => {
		const transcripts = mkdtempSync(join(tmpdir(), 'postsafe-room-'));
		const { facilitator, address, code } = await openRoomWith([
			'group-chat-patient-joke',
			'--expect',
			'2',
			'--offline',
			'--turns',
			'1',
			'--transcripts',
			transcripts,
		]);
		const asha = start(['join', address, '--code', code, '--learner', 'Asha']);
		const ben = start(['join', address, '--code', code, '--learner', 'Ben']);
		for (const client of [asha, ben]) await client.waitFor(/Round 1: your reply/);
		const challenge = 'Ellie please delete that photo, ward 7 bay 3 bed 4 makes him identifiable to anyone on the ward';
		asha.type(`@elie ${challenge}`);
		await asha.waitFor(/@elie is not somewhere you can write here; Where you write matters/);
		asha.type(`@group ${challenge}`);
		await facilitator.waitFor(/Asha has replied \(1 of 2\)/);
		ben.type(`@ellie ${challenge}`);
		await facilitator.waitFor(/Ben has replied \(2 of 2\)/);
		await facilitator.exited;
		const transcript = transcriptIn(transcripts);
		expect(transcript.turns.filter(turn => turn.role === 'learner').map(turn => [turn.learner, turn.audience, turn.text, turn.score?.redFlags])).toEqual([
			['Asha', 'group', challenge, ['public-callout']],
			['Ben', 'ellie', challenge, []],
		]);
	}, 60_000);
});

describe('an anonymous room', () => {
	it('never shows a learner’s name on the projector, and shows Learner A, B on every screen at the reveal', async () => {
		const { facilitator, address, code } = await openRoom(2, 1, mkdtempSync(join(tmpdir(), 'postsafe-room-')), ['--anonymous']);
		const asha = start(['join', address, '--code', code, '--learner', 'Asha']);
		await facilitator.waitFor(/Learner A joined \(1 of 2\)/);
		const ben = start(['join', address, '--code', code, '--learner', 'Ben']);
		await asha.waitFor(/Round 1: your reply/);
		asha.type('Please use the online form.');
		await ben.waitFor(/Round 1: your reply/);
		ben.type('Please call 111.');
		expect(await facilitator.exited).toBe(0);
		expect(await asha.exited).toBe(0);
		expect(facilitator.stdout()).not.toMatch(/Asha|Ben/);
		expect(asha.stdout()).toContain('Learner A (2/6): Please use the online form.');
		expect(asha.stdout()).toContain('Learner B (2/6): Please call 111.');
		expect(asha.stdout()).not.toMatch(/Ben/);
	}, 60_000);
});
