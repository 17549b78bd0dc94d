import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { spawnTerminal, type Terminal } from './helpers/terminal.js';

// The layout a new user sees, in a real terminal: what fits, what wraps, what a resize leaves.
const terminals: Terminal[] = [];
afterEach(() => {
	for (const terminal of terminals.splice(0)) terminal.kill('SIGKILL');
});

function start(args: readonly string[], cols: number, rows: number): Terminal {
	const terminal = spawnTerminal({ args: [...args, '--transcripts', mkdtempSync(join(tmpdir(), 'postsafe-layout-'))], cols, rows });
	terminals.push(terminal);
	return terminal;
}

const count = (text: string, part: string) => text.split(part).length - 1;

describe('layout in a real terminal', () => {
	it('narrowing the terminal during an SJT item leaves no ghost copy of the options', async () => {
		const terminal = start(['sjt', '--count', '1', '--type', 'rank', '--seed', '3', '--learner', 'Asha'], 100, 40);
		await terminal.waitForScreen('Esc finish');
		terminal.resize(70, 40);
		terminal.press('Down');
		await terminal.waitForScreen(screen => /❯ 2\. B/.test(screen));
		await new Promise(resolve => setTimeout(resolve, 300));
		const shown = terminal.screen({ scrollback: true });
		expect(count(shown, 'Your order, most appropriate first')).toBe(1);
		expect(shown.match(/1\. A {2}\S/g) ?? []).toHaveLength(1);
		for (const row of terminal.screen().split('\n')) expect(row.length).toBeLessThanOrEqual(70);
	});

	it('group SJT at 80×24: once everyone has answered, the spread and every learner’s marks are on screen', async () => {
		const terminal = start(['group', '--sjt', '--count', '1', '--type', 'rank', '--learners', 'Asha,Ben,Chloe'], 80, 24);
		// The item is drawn at random from the rank items, which have four or five options.
		const first = await terminal.waitForScreen("Asha's answer");
		const options = Number(/least appropriate \((\d)\)/.exec(first)?.[1]);
		const order = ['A', 'B', 'C', 'D', 'E'].slice(0, options).join(' > ');
		const max = options * 4;
		for (const learner of ['Asha', 'Ben', 'Chloe']) {
			await terminal.waitForScreen(`${learner}'s answer`);
			terminal.press('Enter');
			await terminal.waitForScreen('Enter again to give the order as it stands');
			terminal.press('Enter');
		}
		const screen = await terminal.waitForScreen('Enter finish');
		expect(screen).toContain('How the group ranked each option');
		for (const learner of ['Asha', 'Ben', 'Chloe']) expect(screen).toMatch(new RegExp(`^ {2}${learner} +${order} +\\d+/${max}$`, 'm'));
		expect(screen).toMatch(/^Ideal order: /m);
	});

	it('at 50 columns the chat footer keeps "4 replies left" on one row', async () => {
		const terminal = start(['play', 'patient-dm-rash', '--offline', '--learner', 'Asha'], 50, 20);
		const screen = await terminal.waitForScreen('replies left');
		expect(screen.split('\n')).toContain('4 replies left');
		for (const row of screen.split('\n')) expect(row.length).toBeLessThanOrEqual(50);
	});
});
