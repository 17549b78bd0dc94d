import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import { playPlain } from '../source/commands/play-plain.js';
import { startRecordedSession } from '../source/transcript/start-session.js';
import { ScriptedPartner } from '../source/partner/scripted.js';
import { Transcript } from '../source/transcript/schema.js';
import { runCli } from './helpers/cli.js';
import { bundledLibrary } from './helpers/library.js';

function transcriptsIn(directory: string): Transcript[] {
	return readdirSync(directory).map(name => Transcript.parse(JSON.parse(readFileSync(join(directory, name), 'utf8'))));
}

describe('postsafe play in plain mode (stdin not a terminal)', () => {
	it('plays a whole session from piped replies and prints the score JSON and the transcript path', () => {
		const directory = mkdtempSync(join(tmpdir(), 'postsafe-plain-'));
		const result = runCli(['play', 'patient-dm-rash', '--learner', 'T', '--json'], {
			input: 'reply one\nreply two\n',
			env: { POSTSAFE_TRANSCRIPTS: directory },
		});
		expect(result.stderr).not.toMatch(/Raw mode|Error:|\n\s+at /);
		expect(result.code).toBe(0);
		const output = JSON.parse(result.stdout) as { score: { scenario: string; max: number }; transcript: string };
		expect(output.score).toMatchObject({ scenario: 'patient-dm-rash', max: 6 });
		expect(output.transcript.startsWith(directory)).toBe(true);
		expect(statSync(output.transcript).mode & 0o777).toBe(0o600);
		const [transcript] = transcriptsIn(directory);
		expect(transcript!.turns.filter(turn => turn.role === 'learner').map(turn => turn.text)).toEqual(['reply one', 'reply two']);
		expect(transcript!).toMatchObject({ learner: 'T', status: 'complete' });
		// The conversation went to stderr, so stdout is nothing but the JSON.
		expect(result.stderr).toContain('Jade Holloway: hiii sorry');
	});

	it('prints the conversation and the debrief as text, quoting the learner', () => {
		const directory = mkdtempSync(join(tmpdir(), 'postsafe-plain-'));
		const result = runCli(['play', 'patient-dm-rash', '--learner', 'Asha', '--transcripts', directory], {
			input: "Sorry Jade, I can't give medical advice on Instagram.\nPlease use the practice's online consultation.\n",
		});
		expect(result.code).toBe(0);
		expect(result.stdout).toContain("Asha: Sorry Jade, I can't give medical advice on Instagram.");
		expect(result.stdout).toContain('Jade Holloway: i get it, honestly i do');
		expect(result.stdout).toMatch(/✓ met\s+Professional boundaries\s+2\/2\s+reply 1: “Sorry Jade/);
		expect(result.stdout).toContain('A model reply');
		expect(result.stdout).toMatch(/Transcript saved: .*\.json/);
	});

	it('with --coach, prints the coach’s hint under each reply, before the answer; without it, none', () => {
		const args = ['play', 'patient-dm-rash', '--learner', 'Asha', '--transcripts', mkdtempSync(join(tmpdir(), 'postsafe-plain-'))];
		const input = "Please call 111.\nSorry Jade, I can't give medical advice on Instagram.\n";
		const coached = runCli([...args, '--coach'], { input });
		expect(coached.code).toBe(0);
		const lines = coached.stdout.split('\n');
		const reply = lines.indexOf('Asha: Please call 111.');
		expect(lines[reply + 1]).toBe(
			'Coach: Professional boundaries: Say plainly what you cannot do here — no personal clinical advice through a private account, no social relationship with a patient — before anything else.',
		);
		expect(lines[reply + 2]).toMatch(/^Jade Holloway: /);
		expect(lines.filter(line => line.startsWith('Coach: '))).toHaveLength(2);
		expect(runCli(args, { input }).stdout).not.toContain('Coach:');
		const json = runCli([...args, '--coach', '--json'], { input });
		expect(json.stderr).toContain('Coach: Professional boundaries');
		expect(() => JSON.parse(json.stdout)).not.toThrow();
	});

	it('stops at the turn limit (--turns) even with more lines to read', () => {
		const directory = mkdtempSync(join(tmpdir(), 'postsafe-plain-'));
		const result = runCli(['play', 'patient-dm-rash', '--turns', '1', '--json', '--transcripts', directory], { input: 'one\ntwo\nthree\n' });
		expect(result.code).toBe(0);
		const [transcript] = transcriptsIn(directory);
		expect(transcript!).toMatchObject({ endReason: 'turn-limit', turnLimit: 1 });
		expect(transcript!.turns.filter(turn => turn.role === 'learner')).toHaveLength(1);
		expect(result.stderr).toContain('Learner: one\nThat was your last reply: this conversation allows 1 reply. Here is your debrief.\n');
	});

	it('refuses a bad --turns and the picker without a terminal, in one line each', () => {
		const bad = runCli(['play', 'patient-dm-rash', '--turns', 'lots']);
		expect(bad.code).toBe(2);
		expect(bad.stderr.trim()).toBe("postsafe: option '--turns <n>' argument 'lots' is invalid. must be a whole number from 1 to 50");
		const picker = runCli([]);
		expect(picker.code).toBe(2);
		expect(picker.stderr.trim()).toBe('postsafe: choosing a scenario needs a terminal: run `postsafe play <id>` (ids from `postsafe list`)');
	});
});

describe('postsafe play --plain at a terminal', () => {
	it('wraps each message at word boundaries to the terminal, the rest indented under the name', async () => {
		const library = bundledLibrary();
		const loaded = library.scenarios.find(candidate => candidate.scenario.id === 'patient-dm-rash')!;
		const session = startRecordedSession({
			loaded,
			criteria: library.criteria.library,
			learners: ['Asha'],
			partner: new ScriptedPartner(),
			transcripts: mkdtempSync(join(tmpdir(), 'postsafe-plain-')),
		});
		const input = new PassThrough();
		let shown = '';
		const done = playPlain({
			session,
			learner: 'Asha',
			sources: {},
			json: false,
			input,
			isTTY: true,
			width: 50,
			stdout: text => void (shown += text),
			stderr: () => {},
			scriptedPartner: () => new ScriptedPartner(),
		});
		input.end('Please use the online consultation.\n');
		expect(await done).toBe(0);
		const conversation = shown.slice(0, shown.indexOf('A rash photo in your Instagram DMs (patient-dm-rash)'));
		// The setting and each message fit the terminal's 50 columns (the title line is the scenario's own).
		expect(
			Math.max(
				...conversation
					.split('\n')
					.slice(1)
					.map(line => line.length),
			),
		).toBeLessThanOrEqual(50);
		expect(conversation).toMatch(/^Jade Holloway: hiii sorry to message you on here/m);
		// Every word whole: the opening message reads the same with its line breaks undone.
		const opening = loaded.scenario.opening[0]!.text;
		const printed = conversation.slice(conversation.indexOf('Jade Holloway: ') + 'Jade Holloway: '.length).split('\n  [attached')[0]!;
		expect(printed.replace(/\n {2}/g, ' ')).toBe(opening);
	});
});
