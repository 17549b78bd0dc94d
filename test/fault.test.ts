import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startRecordedSession } from '../source/transcript/start-session.js';
import { ScriptedPartner } from '../source/partner/scripted.js';
import { seededRandom } from '../source/seeded-random.js';
import { useDurableFs } from '../source/transcript/durable-fs.js';
import { removeStaleTemps, WriteFailure, writeDurably } from '../source/transcript/durable-write.js';
import { recorderProblemLine, writeOwnFields } from '../source/transcript/recorder.js';
import { Transcript } from '../source/transcript/schema.js';
import { faultyFs, type Fault } from './helpers/faulty-fs.js';
import { bundledLibrary } from './helpers/library.js';

const REPLIES = [
	"Hi Jade, sorry you're unwell, but I can't give medical advice over Instagram.",
	'Please use the online consultation form tonight and attach the photo there.',
	'If it spreads quickly or you feel unwell, call 111, or 999 if you struggle to breathe.',
	"I'll make a short note in your record that you got in touch.",
	'This is my personal account, so I need to keep it separate from work.',
	'Take care, and do use the form.',
];

let restore: (() => void) | undefined;
let savedTmp: string | undefined;
beforeEach(() => {
	// Emergency copies go to the OS temp folder: a scratch one per test, to look in.
	savedTmp = process.env.TMPDIR;
	process.env.TMPDIR = mkdtempSync(join(tmpdir(), 'postsafe-rescue-'));
});
afterEach(() => {
	restore?.();
	restore = undefined;
	if (savedTmp === undefined) delete process.env.TMPDIR;
	else process.env.TMPDIR = savedTmp;
});

function scratch(): string {
	return mkdtempSync(join(tmpdir(), 'postsafe-fault-'));
}

const nextTick = () => new Promise(resolve => setImmediate(resolve));

describe('a durable write', () => {
	it('writes every byte when the file system takes a few at a time', () => {
		const folder = scratch();
		const random = seededRandom(7);
		restore = useDurableFs(faultyFs(folder, { kind: 'short', most: 5, random }).fs);
		const text = `${'every word the learner typed, '.repeat(400)}\n`;
		writeDurably(join(folder, 'a.json'), text);
		expect(readFileSync(join(folder, 'a.json'), 'utf8')).toBe(text);
	});

	it.each<[string, Fault, string]>([
		['a full disk mid-write', { kind: 'full', capacity: 3000 }, 'ENOSPC'],
		['a read-only disk', { kind: 'error', op: 'openSync', nth: 1, code: 'EROFS' }, 'EROFS'],
		['a refused permission', { kind: 'error', op: 'openSync', nth: 1, code: 'EACCES' }, 'EACCES'],
		['a quota used up at fsync', { kind: 'error', op: 'fsyncSync', nth: 1, code: 'EDQUOT' }, 'EDQUOT'],
		['a write that takes nothing', { kind: 'zero', nth: 1 }, 'ZERO_WRITE'],
		['a failed rename', { kind: 'error', op: 'renameSync', nth: 1, code: 'EIO' }, 'EIO'],
	])('leaves the last good file untouched and no temp file on %s', (_, fault, kind) => {
		const folder = scratch();
		const file = join(folder, 'a.json');
		writeFileSync(file, '{"good": true}\n');
		restore = useDurableFs(faultyFs(folder, fault).fs);
		let thrown: unknown;
		try {
			writeDurably(file, `${JSON.stringify({ words: 'x'.repeat(5000) })}\n`);
		} catch (error) {
			thrown = error;
		}
		expect(thrown).toBeInstanceOf(WriteFailure);
		expect((thrown as WriteFailure).kind).toBe(kind);
		expect(readFileSync(file, 'utf8')).toBe('{"good": true}\n');
		expect(readdirSync(folder)).toEqual(['a.json']);
	});

	it('refuses to write through a symbolic link, leaving its target as it was', async () => {
		const folder = scratch();
		const { symlinkSync } = await import('node:fs');
		writeFileSync(join(folder, 'target'), 'precious\n');
		symlinkSync(join(folder, 'target'), join(folder, 'link.md'));
		expect(() => writeDurably(join(folder, 'link.md'), 'export')).toThrow(/not a regular file/);
		expect(readFileSync(join(folder, 'target'), 'utf8')).toBe('precious\n');
	});

	it("removes postsafe's own temp files left by a killed process at the next start, and no one else's", () => {
		const folder = scratch();
		// A pid that can't be running (above the kernel's limit), and one that is (this process's parent).
		writeFileSync(join(folder, '.x.json.postsafe-tmp-99999999-0a1b2c3d'), 'the learner words');
		writeFileSync(join(folder, `.y.json.postsafe-tmp-${process.ppid}-0a1b2c3d`), 'being written');
		writeFileSync(join(folder, 'notes.postsafe-tmp'), 'not ours');
		expect(removeStaleTemps(folder)).toBe(1);
		expect(readdirSync(folder).sort()).toEqual([`.y.json.postsafe-tmp-${process.ppid}-0a1b2c3d`, 'notes.postsafe-tmp']);
	});
});

/** A fault class and how many sessions it is tried on, each with its fault at a different moment. */
const CLASSES: [string, number, (random: () => number) => Fault][] = [
	['short writes', 20, random => ({ kind: 'short', most: 1 + Math.floor(random() * 200), random })],
	['full disk (ENOSPC)', 40, random => ({ kind: 'full', capacity: 1500 + Math.floor(random() * 30000) })],
	['read-only disk (EROFS)', 20, random => ({ kind: 'error', op: 'openSync', nth: 1 + Math.floor(random() * 14), code: 'EROFS', persistent: true })],
	['permission denied (EACCES)', 20, random => ({ kind: 'error', op: 'openSync', nth: 1 + Math.floor(random() * 14), code: 'EACCES', persistent: true })],
	['quota at fsync (EDQUOT, once)', 20, random => ({ kind: 'error', op: 'fsyncSync', nth: 1 + Math.floor(random() * 7), code: 'EDQUOT' })],
	['zero-byte write', 10, random => ({ kind: 'zero', nth: 1 + Math.floor(random() * 14) })],
	['rename fails (EIO)', 10, random => ({ kind: 'error', op: 'renameSync', nth: 1 + Math.floor(random() * 7), code: 'EIO' })],
];

describe('a session whose transcript writes fail', () => {
	it.each(CLASSES)(
		'%s: the transcript on disk is always valid and the last good version, and a copy holds every reply (%i sessions)',
		async (_, tries, faultOf) => {
			const library = bundledLibrary();
			const loaded = library.scenarios.find(item => item.scenario.id === 'patient-dm-rash')!;
			for (let attempt = 0; attempt < tries; attempt++) {
				const random = seededRandom(1000 + attempt);
				const folder = scratch();
				const injected = faultyFs(folder, faultOf(random));
				restore = useDurableFs(injected.fs);
				const { controller, recorder } = startRecordedSession({
					loaded,
					criteria: library.criteria.library,
					learners: ['Asha'],
					partner: new ScriptedPartner(),
					transcripts: folder,
					turns: 6,
				});
				for (const reply of REPLIES) {
					if (controller.current.phase !== 'learners') break;
					await controller.reply('Asha', reply);
					await nextTick();
					const good = injected.lastGood.get(recorder.file);
					// Never a cut-off or invalid file: exactly the last version that was wholly written, or none.
					if (good === undefined) expect(existsSync(recorder.file)).toBe(false);
					else {
						const onDisk = readFileSync(recorder.file);
						expect(onDisk.equals(good)).toBe(true);
						expect(Transcript.safeParse(JSON.parse(onDisk.toString('utf8'))).success).toBe(true);
					}
					expect(readdirSync(folder).filter(name => name !== basename(recorder.file))).toEqual([]);
					const { problem } = recorder;
					if (problem) {
						// The copy elsewhere holds the whole conversation so far, and the line says which replies the file lacks.
						const copy = Transcript.parse(JSON.parse(readFileSync(problem.rescue!, 'utf8')));
						expect(copy.turns).toHaveLength(controller.current.messages.length);
						const onDiskReplies =
							good === undefined ? 0 : (JSON.parse(good.toString('utf8')) as Transcript).turns.filter(turn => turn.role === 'learner').length;
						expect(problem.savedReplies).toBe(onDiskReplies);
						expect(recorderProblemLine(problem)).toMatch(/^Not saved: .* can't be written \(.+\); .*; a copy of your replies is in /);
					}
				}
				controller.end('learner');
				recorder.stop();
				restore();
				restore = undefined;
			}
		},
	);

	it('says where the transcript is when no other folder can be written either: printed at the end', async () => {
		const library = bundledLibrary();
		const loaded = library.scenarios.find(item => item.scenario.id === 'patient-dm-rash')!;
		const folder = scratch();
		// The temp folder is read-only too: the rescue has nowhere to go but the screen.
		restore = useDurableFs(faultyFs('/', { kind: 'error', op: 'openSync', nth: 2, code: 'EROFS', persistent: true }).fs);
		const { controller, recorder } = startRecordedSession({
			loaded,
			criteria: library.criteria.library,
			learners: ['Asha'],
			partner: new ScriptedPartner(),
			transcripts: folder,
			turns: 6,
		});
		await controller.reply('Asha', REPLIES[0]!);
		await nextTick();
		expect(recorder.problem?.rescue).toBeUndefined();
		expect(recorderProblemLine(recorder.problem!, true)).toBe(
			`Not saved: ${recorder.file} can't be written (the disk is read-only); none of your replies are in it; no other folder could be written either, so here it is`,
		);
		expect(Transcript.parse(JSON.parse(recorder.problem!.text)).turns[1]!.text).toBe(REPLIES[0]);
		recorder.stop();
	});

	it('is saved again, whole, once the disk has room', async () => {
		const library = bundledLibrary();
		const loaded = library.scenarios.find(item => item.scenario.id === 'patient-dm-rash')!;
		const folder = scratch();
		restore = useDurableFs(faultyFs(folder, { kind: 'error', op: 'openSync', nth: 4, code: 'ENOSPC' }).fs);
		const { controller, recorder } = startRecordedSession({
			loaded,
			criteria: library.criteria.library,
			learners: ['Asha'],
			partner: new ScriptedPartner(),
			transcripts: folder,
			turns: 6,
		});
		const told: (string | undefined)[] = [];
		recorder.onProblem(problem => told.push(problem?.kind));
		await controller.reply('Asha', REPLIES[0]!);
		await nextTick();
		await controller.reply('Asha', REPLIES[1]!);
		await nextTick();
		expect(told).toEqual(['ENOSPC', undefined]);
		expect(recorder.problem).toBeUndefined();
		expect(Transcript.parse(JSON.parse(readFileSync(recorder.file, 'utf8'))).turns.filter(turn => turn.role === 'learner')).toHaveLength(2);
		recorder.stop();
	});
});

describe('the recorder and a reviewer writing one transcript at once', () => {
	it('lose neither the sign-off nor a turn', async () => {
		const { spawn } = await import('node:child_process');
		const library = bundledLibrary();
		const loaded = library.scenarios.find(item => item.scenario.id === 'patient-dm-rash')!;
		const folder = scratch();
		const { controller, recorder } = startRecordedSession({
			loaded,
			criteria: library.criteria.library,
			learners: ['Asha'],
			partner: new ScriptedPartner(),
			transcripts: folder,
			turns: 6,
		});
		const reviewer = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'helpers', 'review-writer.ts'), recorder.file, '1500'], {
			stdio: ['ignore', 'pipe', 'inherit'],
		});
		let output = '';
		reviewer.stdout.setEncoding('utf8');
		await new Promise<void>(resolve => reviewer.stdout.on('data', chunk => (output += chunk) && output.startsWith('ready\n') && resolve()));
		const exited = new Promise<number | null>(resolve => reviewer.on('exit', resolve));
		// The session's writes, many times as often as a real one's: a reply, the partner's answer, each written at once.
		let saves = 0;
		const until = Date.now() + 1500;
		while (Date.now() < until) {
			if (controller.current.phase === 'learners') await controller.reply('Asha', REPLIES[saves % REPLIES.length]!);
			recorder.save();
			saves++;
			expect(recorder.problem).toBeUndefined();
			// A session writes once a turn, not in a tight loop: the reviewer gets its turns at the lock.
			await new Promise(resolve => setTimeout(resolve, 15));
		}
		expect(await exited).toBe(0);
		const signOffs = Number(output.split('\n')[1]);
		expect(signOffs).toBeGreaterThan(5);
		expect(saves).toBeGreaterThan(5);
		const final = Transcript.parse(JSON.parse(readFileSync(recorder.file, 'utf8')));
		// Whichever wrote last kept the other's last word: every turn of the session, and the last sign-off.
		expect(final.turns).toHaveLength(controller.current.messages.length);
		expect(final.review?.summary).toBe(`sign-off ${signOffs}`);
		recorder.save();
		expect(Transcript.parse(JSON.parse(readFileSync(recorder.file, 'utf8'))).review?.summary).toBe(`sign-off ${signOffs}`);
		recorder.stop();
	});
});

describe('what a killed postsafe leaves behind', () => {
	it('its temp files, holding the learner words, are removed when postsafe next starts in that folder', async () => {
		const { runCli } = await import('./helpers/cli.js');
		const folder = scratch();
		writeFileSync(join(folder, '.20261203-0900-patient-dm-rash-asha-1a2b.json.postsafe-tmp-99999999-0a1b2c3d'), '{"turns": [{"text": "my words"');
		const result = runCli(['play', 'patient-dm-rash', '--offline', '--transcripts', folder], { input: 'Please call 111.\n' });
		expect(result.code).toBe(0);
		expect(readdirSync(folder).filter(name => name.includes('postsafe-tmp'))).toEqual([]);
	});

	it('its lock on a transcript is taken over, not waited on for ever', () => {
		const folder = scratch();
		const file = join(folder, 'a.json');
		writeFileSync(file, '{}\n');
		writeFileSync(join(folder, '.a.json.postsafe-lock'), '99999999');
		writeOwnFields(file, { id: 'a' });
		expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ id: 'a' });
		expect(readdirSync(folder)).toEqual(['a.json']);
	});
});
