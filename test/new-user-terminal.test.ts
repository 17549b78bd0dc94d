import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { spawnTerminal, type Terminal } from './helpers/terminal.js';

// What a new user meets first, in a real terminal at 80×24, with a home of their own.
const terminals: Terminal[] = [];
afterEach(() => {
	for (const terminal of terminals.splice(0)) terminal.kill('SIGKILL');
});

function newHome(): { home: string; env: Record<string, string | undefined> } {
	const home = mkdtempSync(join(tmpdir(), 'postsafe-new-user-pty-'));
	return { home, env: { HOME: home, XDG_DATA_HOME: undefined, XDG_CONFIG_HOME: undefined, POSTSAFE_TRANSCRIPTS: undefined } };
}

function start(args: readonly string[], env: Record<string, string | undefined>, size: { cols?: number; rows?: number } = {}): Terminal {
	const terminal = spawnTerminal({ args, env, ...size });
	terminals.push(terminal);
	return terminal;
}

describe('a new user in a real terminal', () => {
	it('sjt without --learner: the Enter after the name shows the first item and waits for an answer', async () => {
		const { home, env } = newHome();
		const terminal = start(['sjt', '--type', 'best3', '--count', '1', '--seed', '7'], env);
		await terminal.waitForScreen("What's your name?");
		terminal.type('Asha Patel');
		terminal.press('Enter');
		await terminal.waitForScreen('Chosen: none (3 more to choose)');
		// Long enough for a wrongly taken Enter to have drawn its reveal.
		await new Promise(resolve => setTimeout(resolve, 300));
		const shown = terminal.text({ scrollback: true });
		expect(shown).not.toContain('Score 0 of 12');
		expect(shown).not.toContain('Nothing chosen yet');
		terminal.press('Space');
		terminal.press('Enter');
		await terminal.waitForScreen('Item 1 of 1: 4 of 12');
		const folder = join(home, '.local', 'share', 'postsafe');
		expect(readdirSync(folder)).toHaveLength(1);
	});

	it('sjt: a bare Enter on a ranking left as it came asks for a second Enter before it is scored', async () => {
		const { env } = newHome();
		const terminal = start(['sjt', '--type', 'rank', '--count', '1', '--seed', '7', '--learner', 'Asha'], env);
		await terminal.waitForScreen('Rank these responses');
		terminal.press('Enter');
		await terminal.waitForScreen('Nothing moved yet: Enter again to give the order as it stands.');
		expect(terminal.text({ scrollback: true })).not.toContain('Ideal order');
		terminal.press('Enter');
		await terminal.waitForScreen(screen => screen.includes('Item 1 of 1: '));
	});

	it('group with no id opens the scenario picker, and the round starts on the one chosen', async () => {
		const { home, env } = newHome();
		const terminal = start(['group', '--learners', 'Asha,Ben', '--offline', '--transcripts', join(home, 't')], env);
		await terminal.waitForScreen('Search:');
		terminal.type('rash instagram');
		await terminal.waitForScreen('❯ A rash photo in your Instagram DMs');
		terminal.press('Enter');
		await terminal.waitForScreen("Asha's turn — round 1 of 4");
		expect(terminal.screen()).not.toContain('Search:');
		terminal.press('C-c');
		await terminal.exited;
	});

	it('remembers the name: the next session does not ask, says whose it is, and --learner changes it', async () => {
		const { home, env } = newHome();
		const first = start(['sjt', '--type', 'best3', '--count', '1', '--seed', '7', '--transcripts', join(home, 't')], env);
		await first.waitForScreen("What's your name?");
		first.type('Asha Patel');
		first.press('Enter');
		await first.waitForScreen('Chosen: none');
		first.kill('SIGKILL');
		const second = start(['sjt', '--type', 'best3', '--count', '1', '--seed', '7', '--transcripts', join(home, 't')], env);
		await second.waitForScreen('Chosen: none');
		expect(second.text({ scrollback: true })).toContain('Practising as Asha Patel, the name you gave last time (--learner NAME to change it).');
		expect(second.text({ scrollback: true })).not.toContain("What's your name?");
		second.kill('SIGKILL');
		const third = start(['play', 'patient-dm-rash', '--offline', '--learner', 'Ben Okoro', '--transcripts', join(home, 't')], env);
		await third.waitForScreen('hiii sorry');
		third.kill('SIGKILL');
		const fourth = start(['play', 'patient-dm-rash', '--offline', '--transcripts', join(home, 't')], env);
		await fourth.waitForScreen('Practising as Ben Okoro');
	}, 60_000);

	it('review after one session lists that one session, not the shipped example', async () => {
		const { env } = newHome();
		const played = runCli(['play', 'patient-dm-rash', '--learner', 'Ben Okoro', '--offline', '--turns', '1'], {
			env,
			input: "I can't advise here; please use the practice's online form.\n",
		});
		expect(played.code).toBe(0);
		const terminal = start(['review'], env);
		await terminal.waitForScreen('Transcripts: 1');
		expect(terminal.text()).toContain('Ben Okoro');
		expect(terminal.text()).not.toContain('Asha Patel');
		terminal.press('Escape');
		expect(await terminal.exited).toMatchObject({ exitCode: 0 });
	});
});
