import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { spawnTerminal, type Terminal } from './helpers/terminal.js';

const REPLY = 'Please call 111.\n';
/** Someone who is not the folder's owner; as root (CI), every folder is writable, so the tests run as nobody. */
const NOBODY = 65534;
const asRoot = process.getuid?.() === 0;

/** A scratch folder anyone can pass through, so a test can run postsafe as another user inside it. */
function scratch(): string {
	const directory = mkdtempSync(join(tmpdir(), 'postsafe-folder-'));
	chmodSync(directory, 0o755);
	return directory;
}

function refusal(directory: string, why: string): string {
	return `postsafe: the transcripts folder ${directory} can't be written (${why}): choose another with --transcripts DIR or POSTSAFE_TRANSCRIPTS\n`;
}

const terminals: Terminal[] = [];
afterEach(() => {
	for (const terminal of terminals.splice(0)) terminal.kill('SIGKILL');
});

describe('a transcripts folder that cannot be used', () => {
	it.each([
		['play', ['play', 'patient-dm-rash', '--offline']],
		['interview', ['interview', 'interview-colleague-post', '--offline']],
		['sjt', ['sjt', '--count', '1']],
		['group', ['group', 'patient-dm-rash', '--learners', 'Asha,Ben', '--offline']],
	])('with a file in the way, %s refuses in one line naming the folder and the fix, exit 1', (_, args) => {
		const file = join(scratch(), 'transcripts');
		writeFileSync(file, 'not a folder');
		const result = runCli([...args, '--transcripts', file], { input: REPLY });
		expect(result.stderr).toBe(refusal(file, 'a file is in the way, not a folder'));
		expect(result.code).toBe(1);
		const below = join(file, 'below');
		expect(runCli([...args, '--transcripts', below], { input: REPLY }).stderr).toBe(refusal(below, 'a file is in the way, not a folder'));
	});

	it('refuses before the terminal UI starts: the picker and play <id> print the one line, no stack', async () => {
		const file = join(scratch(), 'transcripts');
		writeFileSync(file, '');
		for (const args of [
			['--learner', 'Asha', '--offline'],
			['play', 'patient-dm-rash', '--learner', 'Asha', '--offline'],
		]) {
			const terminal = spawnTerminal({ args, env: { POSTSAFE_TRANSCRIPTS: file } });
			terminals.push(terminal);
			expect(await terminal.exited).toMatchObject({ exitCode: 1 });
			expect(terminal.text().trim()).toBe(
				`postsafe: the transcripts folder ${file} can't be written (a file is in the way, not a folder): choose another with --transcripts DIR or POSTSAFE_TRANSCRIPTS`,
			);
		}
	});

	it.runIf(asRoot)('refuses a folder the learner may not write to (permission denied)', () => {
		const locked = join(scratch(), 'locked');
		mkdirSync(locked, { mode: 0o755 });
		const result = runCli(['play', 'patient-dm-rash', '--offline', '--transcripts', locked], { input: REPLY, uid: NOBODY });
		expect(result.stderr).toBe(refusal(locked, 'permission denied'));
		expect(result.code).toBe(1);
	});

	it.runIf(asRoot)('refuses a folder someone else owns that anyone can write to, without changing its permissions', () => {
		// Anyone could swap a transcript there, or plant a link where the next one will be written.
		const shared = join(scratch(), 'shared');
		mkdirSync(shared);
		chmodSync(shared, 0o777);
		const result = runCli(['play', 'patient-dm-rash', '--offline', '--transcripts', shared], { input: REPLY, uid: NOBODY });
		expect(result.stderr).toBe(refusal(shared, "other users can write to it, and it isn't yours to fix"));
		expect(result.code).toBe(1);
		expect(readdirSync(shared)).toHaveLength(0);
		expect(statSync(shared).mode & 0o777).toBe(0o777);
	});
});

describe('the transcripts folder', () => {
	it('is made 0700 when postsafe makes it, and an existing folder keeps its permissions', () => {
		const parent = scratch();
		const made = join(parent, 'made');
		expect(runCli(['play', 'patient-dm-rash', '--offline', '--transcripts', made], { input: REPLY }).code).toBe(0);
		expect(statSync(made).mode & 0o777).toBe(0o700);
		const existing = join(parent, 'existing');
		mkdirSync(existing);
		chmodSync(existing, 0o755);
		expect(runCli(['play', 'patient-dm-rash', '--offline', '--transcripts', existing], { input: REPLY }).code).toBe(0);
		expect(statSync(existing).mode & 0o777).toBe(0o755);
	});

	it('of your own that others can write to (0777) is reported by doctor, then made writable by you alone with a message', () => {
		const open = join(scratch(), 'open');
		mkdirSync(open);
		chmodSync(open, 0o777);
		const doctor = runCli(['doctor', '--transcripts', open, '--host', '127.0.0.1:9']);
		expect(doctor.stdout).toContain(
			`✗ fix  Transcripts folder ${open} is writable by other users: run \`chmod go-w ${open}\` (postsafe does it when you next play)`,
		);
		const result = runCli(['play', 'patient-dm-rash', '--offline', '--transcripts', open], { input: REPLY });
		expect(result.stderr).toBe(`The transcripts folder ${open} was writable by other users; postsafe made it writable by you alone (chmod go-w)\n`);
		expect(result.code).toBe(0);
		expect(statSync(open).mode & 0o777).toBe(0o755);
		expect(readdirSync(open)).toHaveLength(1);
	});

	it('is checked by doctor without being made, and doctor names the fix for a file in the way', () => {
		const parent = scratch();
		const missing = join(parent, 'not-yet');
		const doctor = runCli(['doctor', '--transcripts', missing, '--host', '127.0.0.1:9']);
		expect(doctor.stdout).toContain(`✓ ok   Transcripts folder ${missing} will be made when you first play`);
		expect(existsSync(missing)).toBe(false);
		const file = join(parent, 'file');
		writeFileSync(file, '');
		expect(runCli(['doctor', '--transcripts', file, '--host', '127.0.0.1:9']).stdout).toContain(
			`✗ fix  The transcripts folder ${file} can't be written (a file is in the way, not a folder): choose another with --transcripts DIR or POSTSAFE_TRANSCRIPTS`,
		);
	});
});
