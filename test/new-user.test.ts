import { existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reviewServices } from '../source/commands/review.js';
import { transcriptDirectory, userDataDirectory } from '../source/transcript/location.js';
import { runCli } from './helpers/cli.js';
import { ROOT } from './helpers/library.js';

const REPLY = "Sorry Jade, I can't give medical advice on Instagram. Please use the practice's online consultation form.";

/** A new user: a home of their own with nothing in it, postsafe run from the checkout. */
function newUser() {
	const home = mkdtempSync(join(tmpdir(), 'postsafe-new-user-'));
	const env = { HOME: home, XDG_DATA_HOME: undefined, POSTSAFE_TRANSCRIPTS: undefined };
	const run = (args: readonly string[], input = '') => runCli(args, { env, input });
	return { home, env, run, folder: join(home, '.local', 'share', 'postsafe') };
}

describe('a new user’s first session', () => {
	it('is saved in the per-user data folder (made 0700), and report and review show that one session only', async () => {
		const user = newUser();
		const inCheckout = () => (existsSync(join(ROOT, 'transcripts')) ? readdirSync(join(ROOT, 'transcripts')).length : 0);
		const before = inCheckout();
		const played = user.run(['play', 'patient-dm-rash', '--learner', 'Ben Okoro', '--offline', '--turns', '1'], `${REPLY}\n`);
		expect(played.code).toBe(0);
		expect(readdirSync(user.folder)).toHaveLength(1);
		expect(statSync(user.folder).mode & 0o777).toBe(0o700);
		// Nothing of the session in the checkout, and the shipped example is not in the user's folder.
		expect(inCheckout()).toBe(before);
		const report = user.run(['report', '--json']);
		expect(report.code).toBe(0);
		expect(JSON.parse(report.stdout)).toMatchObject({ sessions: 1, trend: [{ learner: 'Ben Okoro', scenario: 'patient-dm-rash' }] });
		expect(user.run(['report']).stdout).toContain('Progress: 1 session');
		// The review browser lists what `postsafe review` would open with no folder given.
		const previous = process.env.HOME;
		const previousData = process.env.XDG_DATA_HOME;
		process.env.HOME = user.home;
		delete process.env.XDG_DATA_HOME;
		try {
			const listed = (await reviewServices(transcriptDirectory())).catalog();
			expect(listed.map(entry => (entry.kind === 'unreadable' ? entry.reason : entry.learner))).toEqual(['Ben Okoro']);
		} finally {
			process.env.HOME = previous;
			process.env.XDG_DATA_HOME = previousData;
		}
	});

	it('XDG_DATA_HOME moves the default folder; POSTSAFE_TRANSCRIPTS and --transcripts still win', () => {
		const user = newUser();
		const data = join(user.home, 'data');
		const chosen = join(user.home, 'chosen');
		const flag = join(user.home, 'flag');
		const play = (env: Record<string, string | undefined>, extra: readonly string[] = []) =>
			runCli(['play', 'patient-dm-rash', '--learner', 'Ben', '--offline', '--turns', '1', ...extra], { env: { ...user.env, ...env }, input: `${REPLY}\n` });
		expect(play({ XDG_DATA_HOME: data }).code).toBe(0);
		expect(readdirSync(join(data, 'postsafe'))).toHaveLength(1);
		expect(play({ XDG_DATA_HOME: data, POSTSAFE_TRANSCRIPTS: chosen }).code).toBe(0);
		expect(readdirSync(chosen)).toHaveLength(1);
		expect(play({ XDG_DATA_HOME: data, POSTSAFE_TRANSCRIPTS: chosen }, ['--transcripts', flag]).code).toBe(0);
		expect(readdirSync(flag)).toHaveLength(1);
		expect(readdirSync(join(data, 'postsafe'))).toHaveLength(1);
	});

	it.each([
		['linux', { XDG_DATA_HOME: '/x/data' }, '/x/data/postsafe'],
		['linux', {}, '/home/ben/.local/share/postsafe'],
		['linux', { XDG_DATA_HOME: 'relative' }, '/home/ben/.local/share/postsafe'],
		['darwin', {}, '/home/ben/Library/Application Support/postsafe'],
		['win32', { APPDATA: 'C:\\Users\\ben\\AppData\\Roaming' }, join('C:\\Users\\ben\\AppData\\Roaming', 'postsafe')],
	] as const)('on %s with %j the data folder is %s', (platform, env, expected) => {
		expect(userDataDirectory(env, platform, '/home/ben')).toBe(expected);
	});
});

describe('the remembered learner name', () => {
	it('is read back as it was saved, in a file of its own (not a *.json the transcripts folder would list), 0600', async () => {
		const { rememberName, rememberedName } = await import('../source/commands/remembered-name.js');
		const directory = join(mkdtempSync(join(tmpdir(), 'postsafe-name-')), 'config', 'postsafe');
		expect(rememberedName(directory)).toBeUndefined();
		rememberName('Asha Patel', directory);
		expect(rememberedName(directory)).toBe('Asha Patel');
		expect(readdirSync(directory)).toEqual(['learner-name']);
		expect(statSync(join(directory, 'learner-name')).mode & 0o777).toBe(0o600);
		rememberName('Ben Okoro', directory);
		expect(rememberedName(directory)).toBe('Ben Okoro');
	});
});
