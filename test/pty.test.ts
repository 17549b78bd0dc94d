import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Transcript } from '../source/transcript/schema.js';
import { deadHost } from './fake-ollama.js';
import { spawnTerminal, type Terminal } from './helpers/terminal.js';

const terminals: Terminal[] = [];
afterEach(() => {
	for (const terminal of terminals.splice(0)) terminal.kill('SIGKILL');
});

/** `postsafe play` with the scripted partner: offline, or pointed at an address where no Ollama answers. */
function play(directory: string, { ollamaHost, cols, rows }: { ollamaHost?: string; cols?: number; rows?: number } = {}): Terminal {
	const args = ['play', 'patient-dm-rash', '--learner', 'Test', '--transcripts', directory, ...(ollamaHost ? [] : ['--offline'])];
	const terminal = spawnTerminal({ args, cols, rows, env: ollamaHost ? { OLLAMA_HOST: ollamaHost } : {} });
	terminals.push(terminal);
	return terminal;
}

function onlyTranscript(directory: string): { file: string; transcript: Transcript } {
	const names = readdirSync(directory);
	expect(names).toHaveLength(1);
	const file = join(directory, names[0]!);
	return { file, transcript: Transcript.parse(JSON.parse(readFileSync(file, 'utf8'))) };
}

const FIRST = "Sorry Jade, I can't give medical advice on here. Please use the practice's online consultation.";
const SECOND = "I'm sorry it's itchy, but I can't look at photos here.";

async function firstReply(terminal: Terminal): Promise<void> {
	await terminal.waitForScreen('Reply to Jade Holloway');
	terminal.type(FIRST);
	terminal.press('Enter');
	await terminal.waitForScreen('engaged for ages');
}

async function twoReplies(terminal: Terminal): Promise<void> {
	await firstReply(terminal);
	terminal.type(SECOND);
	terminal.press('Enter');
	await terminal.waitForScreen('really itchy and i think');
}

/** The rows of the message box on screen holding `words`: from its top border to its bottom one. */
function boxAround(rows: readonly string[], words: string): string[] {
	const at = rows.findIndex(row => row.includes(words));
	if (at < 0) throw new Error(`no row holds ${words}`);
	let top = at;
	while (top > 0 && !rows[top]!.trim().startsWith('╭')) top--;
	let bottom = at;
	while (bottom < rows.length - 1 && !rows[bottom]!.trim().startsWith('╰')) bottom++;
	return rows.slice(top, bottom + 1);
}

// Each test is several steps of up to 15 s each (waitForScreen's own limit), on a machine that may be busy.
describe('postsafe play in a real terminal', { timeout: 60_000 }, () => {
	it('takes two replies, ends on Ctrl+E, shows the debrief and leaves a complete transcript (0600)', async () => {
		const directory = mkdtempSync(join(tmpdir(), 'postsafe-pty-'));
		const terminal = play(directory);
		await twoReplies(terminal);
		terminal.press('C-e');
		await terminal.waitForScreen('Reflection 1 of 3');
		const screen = terminal.text({ scrollback: true });
		expect(screen).toContain(' Debrief · A rash photo in your Instagram DMs Score 4/6 ');
		expect(screen).toMatch(/✓ met Professional boundaries █+ 2\/2/);
		expect(screen).toContain("“Sorry Jade, I can't give medical advice on here.” (reply 1)");
		for (let question = 0; question < 3; question++) {
			await terminal.waitForScreen(`Reflection ${question + 1} of 3`);
			terminal.type(`answer ${question + 1}`);
			terminal.press('Enter');
		}
		expect(await terminal.exited).toMatchObject({ exitCode: 0 });
		const { file, transcript } = onlyTranscript(directory);
		expect(statSync(file).mode & 0o777).toBe(0o600);
		expect(transcript).toMatchObject({
			status: 'complete',
			endReason: 'learner',
			learner: 'Test',
			reflection: { whatHappened: 'answer 1', nowWhat: 'answer 3' },
		});
		expect(transcript.turns.filter(turn => turn.role === 'learner').map(turn => turn.text)).toEqual([FIRST, SECOND]);
	});

	it('with no Ollama, says so in one line and plays on; on SIGINT, leaves an abandoned transcript holding every reply sent', async () => {
		const directory = mkdtempSync(join(tmpdir(), 'postsafe-pty-'));
		const host = await deadHost();
		const terminal = play(directory, { ollamaHost: host });
		await twoReplies(terminal);
		expect(terminal.text({ scrollback: true })).toContain(`Ollama isn't running at ${host}; playing the scripted partner`);
		terminal.kill('SIGINT');
		expect(await terminal.exited).toMatchObject({ exitCode: 130 });
		const { transcript } = onlyTranscript(directory);
		expect(transcript).toMatchObject({ status: 'abandoned', endReason: 'abandoned' });
		expect(transcript.turns.filter(turn => turn.role === 'learner').map(turn => turn.text)).toEqual([FIRST, SECOND]);
	});

	it('redraws for a terminal resized mid-session: the next messages are drawn whole at the new width, and the chat goes on', async () => {
		const directory = mkdtempSync(join(tmpdir(), 'postsafe-pty-'));
		const terminal = play(directory);
		await firstReply(terminal);
		terminal.resize(60, 20);
		// At 80 columns the footer's hints and "replies left" share a row; laid out again for 60, "replies left" has a row of its own.
		await terminal.waitForScreen(screen => screen.split('\n').includes('3 replies left') && screen.split('\n').some(row => row.startsWith('Enter send')));
		terminal.type(SECOND);
		terminal.press('Enter');
		// The partner's words can be on screen a frame before the input line is drawn again under them.
		await terminal.waitForScreen('really itchy and i think');
		await terminal.waitForScreen(screen => screen.split('\n').some(row => row.startsWith('› ')));
		const rows = terminal.screen().split('\n');
		for (const words of ["I'm sorry it's itchy", 'i get it, honestly']) {
			const box = boxAround(rows, words);
			expect(box.length).toBeGreaterThan(3);
			for (const row of box) {
				expect(row.trim()).toMatch(/^[╭│╰].*[╮│╯]$/);
				expect(row.length).toBeLessThanOrEqual(60);
			}
		}
		expect(rows.filter(row => row.startsWith('› '))).toHaveLength(1);
		terminal.resize(100, 30);
		await terminal.waitForScreen(screen => screen.split('\n').some(row => row.includes('Ctrl+E finish and debrief') && row.includes('replies left')));
		terminal.press('C-c');
		expect(await terminal.exited).toMatchObject({ exitCode: 130 });
		const { transcript } = onlyTranscript(directory);
		expect(transcript.turns.filter(turn => turn.role === 'learner').map(turn => turn.text)).toEqual([FIRST, SECOND]);
	});

	it('on Ctrl+C typed in the chat, leaves at once and saves the conversation as abandoned', async () => {
		const directory = mkdtempSync(join(tmpdir(), 'postsafe-pty-'));
		const terminal = play(directory);
		await firstReply(terminal);
		terminal.type('half a reply, never sent');
		terminal.press('C-c');
		// As an interrupted program exits (128 + SIGINT), saying where the conversation went.
		expect(await terminal.exited).toMatchObject({ exitCode: 130 });
		expect(terminal.text()).toContain(`Stopped with Ctrl+C. The conversation is saved, as abandoned, with every reply sent: ${directory}/`);
		const { transcript } = onlyTranscript(directory);
		expect(transcript).toMatchObject({ status: 'abandoned', endReason: 'abandoned' });
		expect(transcript.turns.filter(turn => turn.role === 'learner').map(turn => turn.text)).toEqual([FIRST]);
	});
});

describe('postsafe review in a real terminal', { timeout: 60_000 }, () => {
	it('browses a folder given in place of a transcript, as --transcripts would', async () => {
		const directory = mkdtempSync(join(tmpdir(), 'postsafe-pty-'));
		const player = play(directory);
		await firstReply(player);
		player.press('C-c');
		await player.exited;
		const reviewer = spawnTerminal({ args: ['review', directory] });
		terminals.push(reviewer);
		const screen = await reviewer.waitForScreen('Transcripts: 1');
		expect(screen).toContain('Test');
		reviewer.press('Escape');
		expect(await reviewer.exited).toMatchObject({ exitCode: 0 });
	});
});
