import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Transcript } from '../source/transcript/schema.js';
import { spawnTerminal, type Terminal } from './helpers/terminal.js';

const terminals: Terminal[] = [];
afterEach(() => {
	for (const terminal of terminals.splice(0)) terminal.kill('SIGKILL');
});

function start(args: readonly string[]): Terminal {
	const terminal = spawnTerminal({ args });
	terminals.push(terminal);
	return terminal;
}

function onlyFile(directory: string): unknown {
	const names = readdirSync(directory);
	expect(names).toHaveLength(1);
	return JSON.parse(readFileSync(join(directory, names[0]!), 'utf8'));
}

describe('postsafe sjt in a real terminal', { timeout: 60_000 }, () => {
	it('chooses three of eight with the arrows and Space, reveals the marks, summarises, saves and exits', async () => {
		const directory = mkdtempSync(join(tmpdir(), 'postsafe-sjt-pty-'));
		const terminal = start(['sjt', '--type', 'best3', '--count', '1', '--seed', '1', '--learner', 'Test', '--transcripts', directory]);
		await terminal.waitForScreen('Chosen: none (3 more to choose)');
		// Seed 1 draws the LinkedIn item, keyed B, D and G: one down, then two, then three.
		for (const [moves, option] of [
			[1, 'B'],
			[2, 'D'],
			[3, 'G'],
		] as const) {
			for (let move = 0; move < moves; move++) terminal.press('Down');
			terminal.press('Space');
			await terminal.waitForScreen(screen => screen.includes(`[✓] ${option} `));
		}
		await terminal.waitForScreen('Chosen: B, D, G (three: Enter to submit)');
		terminal.press('Enter');
		await terminal.waitForScreen('Item 1 of 1: 12 of 12');
		expect(terminal.text({ scrollback: true })).toContain('G · ✓ one of the best three');
		terminal.press('Enter');
		await terminal.waitForScreen('SJT session: 12 of 12 (100%) over 1 item');
		expect(await terminal.exited).toMatchObject({ exitCode: 0 });
		expect(terminal.text()).toContain(`Saved: ${directory}/`);
		expect(onlyFile(directory)).toMatchObject({
			kind: 'sjt',
			status: 'complete',
			learner: 'Test',
			items: [{ type: 'best3', answer: ['B', 'D', 'G'], points: 12, max: 12 }],
		});
	});
});

describe('postsafe group in a real terminal', { timeout: 60_000 }, () => {
	const ASHA = "Sorry Jade, I can't give medical advice on here. Please use the practice's online consultation.";
	const BEN = "Send me the photo and I'll have a look.";

	it("hides each reply until everyone has replied, then shows them side by side; the chosen one carries on; Ctrl+E gives the group's debrief", async () => {
		const directory = mkdtempSync(join(tmpdir(), 'postsafe-group-pty-'));
		const terminal = start(['group', 'patient-dm-rash', '--learners', 'Asha,Ben', '--offline', '--transcripts', directory]);
		await terminal.waitForScreen("Asha's turn — round 1 of 4. Everyone else, look away.");
		terminal.type(ASHA);
		terminal.press('Enter');
		await terminal.waitForScreen("Ben's turn — round 1 of 4");
		expect(terminal.text({ scrollback: true })).not.toContain('medical advice on here');
		terminal.type(BEN);
		terminal.press('Enter');
		// Side by side at 80 columns: both learners' card headings on one row, the best-scoring chosen.
		const headingsSideBySide = (screen: string) => screen.split('\n').some(row => row.includes('❯ Asha · 4/6') && row.includes('Ben · 0/6'));
		// On a loaded machine the question can be drawn a frame before the cards: wait for the whole screen.
		const cards = await terminal.waitForScreen(
			screen => screen.includes('Everyone has replied. Which reply does Jade Holloway answer?') && headingsSideBySide(screen),
		);
		expect(headingsSideBySide(cards)).toBe(true);
		expect(cards).toMatch(/│ ⚑ Asked for more clinical detail on\s*│\n.*│\s+a personal account/);
		terminal.press('Enter');
		await terminal.waitForScreen("Asha's turn — round 2 of 4");
		expect(terminal.text({ scrollback: true })).toContain('engaged for ages');
		terminal.press('C-e');
		await terminal.waitForScreen('Transcript saved:');
		expect(await terminal.exited).toMatchObject({ exitCode: 0 });
		const debrief = terminal.text({ scrollback: true });
		expect(debrief).toContain('Asha ✓ met ✓ met ✗ missed none 4/6');
		expect(debrief).toContain('Ben ✗ missed ✗ missed ✗ missed ⚑ 1 0/6');
		const transcript = Transcript.parse(onlyFile(directory));
		expect(transcript).toMatchObject({ status: 'complete', learners: ['Asha', 'Ben'] });
		expect(transcript.turns.filter(turn => turn.role === 'learner').map(turn => [turn.learner, turn.text, turn.carried])).toEqual([
			['Asha', ASHA, true],
			['Ben', BEN, false],
		]);
	});
});
