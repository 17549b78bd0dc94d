import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Transcript } from '../source/transcript/schema.js';
import { runningText, spawnTerminal, type Terminal } from './helpers/terminal.js';

const terminals: Terminal[] = [];
afterEach(() => {
	for (const terminal of terminals.splice(0)) terminal.kill('SIGKILL');
});

const TO_GROUP = 'Morning all, who is swapping Saturday?';
const TO_ELLIE = 'Hey, rough night? Could you delete that photo, the bay and ward make him identifiable.';

describe('choosing where to write, in a real terminal (80×24, NO_COLOR)', { timeout: 60_000 }, () => {
	it('Tab switches between the group and Ellie; the screen says in words where each reply went', async () => {
		const directory = mkdtempSync(join(tmpdir(), 'postsafe-audiences-pty-'));
		const terminal = spawnTerminal({ args: ['play', 'group-chat-patient-joke', '--learner', 'Asha', '--offline', '--transcripts', directory] });
		terminals.push(terminal);

		// The group is where a reply goes first, said as a tab and in the input line.
		let screen = await terminal.waitForScreen('Write to the group (40)');
		expect(runningText(screen)).toContain('▸[the group (40)] Ellie (private)');
		terminal.type(TO_GROUP);
		terminal.press('Enter');
		// Ellie answers in private.
		await terminal.waitForScreen(screen => /Ellie Marsh \d\d:\d\d · Ellie, private haha so is that a no to swapping\?/.test(runningText(screen)), {
			timeout: 8000,
		});

		terminal.press('Tab');
		screen = await terminal.waitForScreen('Write to Ellie, privately');
		expect(runningText(screen)).toContain(' the group (40) ▸[Ellie (private)]');
		terminal.type(TO_ELLIE);
		terminal.press('Enter');
		screen = await terminal.waitForScreen('literally blurry', { timeout: 8000 });
		// Each bubble names where it was said: Asha's two replies, one in each place.
		const text = runningText(terminal.text({ scrollback: true }));
		expect(text).toMatch(/Asha \d\d:\d\d · the group Morning all/);
		expect(text).toMatch(/Asha \d\d:\d\d · Ellie, private Hey, rough night\?/);

		// ← and → switch too, with nothing typed.
		terminal.press('Right');
		await terminal.waitForScreen('Write to the group (40)');
		terminal.press('C-e');
		await terminal.waitForScreen('Reflection 1 of 3');
		const [name] = readdirSync(directory);
		const transcript = Transcript.parse(JSON.parse(readFileSync(join(directory, name!), 'utf8')));
		expect(transcript.turns.filter(turn => turn.role === 'learner').map(turn => [turn.audience, turn.text])).toEqual([
			['group', TO_GROUP],
			['ellie', TO_ELLIE],
		]);
	});
});
