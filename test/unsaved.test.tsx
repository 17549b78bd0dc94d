import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { render } from 'ink-testing-library';
import React from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { playPlain } from '../source/commands/play-plain.js';
import { startRecordedSession } from '../source/transcript/start-session.js';
import { ScriptedPartner } from '../source/partner/scripted.js';
import { useDurableFs } from '../source/transcript/durable-fs.js';
import { WriteFailure } from '../source/transcript/durable-write.js';
import { saveReview } from '../source/transcript/review-store.js';
import { Transcript } from '../source/transcript/schema.js';
import { App, type AppServices } from '../source/ui/app.js';
import { faultyFs } from './helpers/faulty-fs.js';
import { flat, screenText, type, waitFor } from './helpers/ink.js';
import { bundledLibrary } from './helpers/library.js';

const REPLIES = [
	"Sorry Jade, I can't give medical advice over Instagram.",
	'Please use the online consultation form tonight.',
	"If it gets worse call 111, and I'll note this in your record.",
];

let restore: (() => void) | undefined;
let savedTmp: string | undefined;
const mounted: { unmount: () => void }[] = [];
beforeEach(() => {
	savedTmp = process.env.TMPDIR;
	process.env.TMPDIR = mkdtempSync(join(tmpdir(), 'postsafe-rescue-'));
});
afterEach(() => {
	for (const instance of mounted.splice(0)) instance.unmount();
	restore?.();
	restore = undefined;
	if (savedTmp === undefined) delete process.env.TMPDIR;
	else process.env.TMPDIR = savedTmp;
});

const loaded = () => bundledLibrary().scenarios.find(item => item.scenario.id === 'patient-dm-rash')!;

describe('a disk that turns read-only mid-session', () => {
	it('plain mode: the session goes on, one line says which replies are not saved and where the copy is, no "saved", exit 1', async () => {
		const folder = mkdtempSync(join(tmpdir(), 'postsafe-unsaved-'));
		// The session's first two writes go through (the lock and the file), then the disk is read-only.
		restore = useDurableFs(faultyFs(folder, { kind: 'error', op: 'openSync', nth: 3, code: 'EROFS', persistent: true }).fs);
		const session = startRecordedSession({
			loaded: loaded(),
			criteria: bundledLibrary().criteria.library,
			learners: ['Asha'],
			partner: new ScriptedPartner(),
			transcripts: folder,
			turns: 3,
		});
		let stdout = '';
		let stderr = '';
		const code = await playPlain({
			session,
			learner: 'Asha',
			sources: {},
			json: false,
			input: Readable.from([REPLIES.join('\n')]),
			stdout: text => void (stdout += text),
			stderr: text => void (stderr += text),
			scriptedPartner: () => new ScriptedPartner(),
		});
		expect(code).toBe(1);
		const copy = join(process.env.TMPDIR!, `postsafe-rescue-${process.getuid!()}`, readdirSync(folder)[0]!);
		expect(stderr.split('\n')[0]).toBe(
			`Not saved: ${session.recorder.file} can't be written (the disk is read-only); none of your replies are in it; a copy of your replies is in ${copy}`,
		);
		expect(stdout).not.toMatch(/Transcript saved|Error:|\n\s+at /);
		expect(stdout).toContain('Asha: If it gets worse call 111');
		expect(stdout.trimEnd().split('\n').at(-1)).toMatch(
			/^Not saved: .* can't be written \(the disk is read-only\); none of your replies are in it; a copy of your replies is in /,
		);
		// The file on disk is the last good one, whole; the copy has every reply, scored.
		expect(Transcript.safeParse(JSON.parse(readFileSync(session.recorder.file, 'utf8'))).success).toBe(true);
		expect(
			Transcript.parse(JSON.parse(readFileSync(copy, 'utf8')))
				.turns.filter(turn => turn.role === 'learner')
				.map(turn => turn.text),
		).toEqual(REPLIES);
	});

	it('the terminal UI: the chat goes on, and a notice says in one line what happened and where the copy is, no stack trace', async () => {
		const folder = mkdtempSync(join(tmpdir(), 'postsafe-unsaved-'));
		restore = useDurableFs(faultyFs(folder, { kind: 'error', op: 'openSync', nth: 3, code: 'ENOSPC', persistent: true }).fs);
		const library = bundledLibrary();
		const services: AppServices = {
			scenarios: library.scenarios,
			sources: library.criteria.library.sources,
			scriptedPartner: () => new ScriptedPartner(),
			startSession: (scenario, learner) =>
				startRecordedSession({
					loaded: scenario,
					criteria: library.criteria.library,
					learners: [learner],
					partner: new ScriptedPartner(),
					transcripts: folder,
					turns: 1,
				}),
		};
		const ui = render(<App services={services} coach={false} learner="Asha" initial={loaded()} />);
		mounted.push(ui);
		await waitFor(ui, text => text.includes('hiii sorry'));
		await type(ui, REPLIES[0]!, { enter: true });
		await waitFor(ui, text => flat(text).includes("can't be written (the disk is full)"));
		const text = flat(screenText(ui));
		expect(text).toMatch(/Not saved: .* can't be written \(the disk is full\); .*; a copy of your replies is in /);
		expect(text).not.toMatch(/Error:| at \S+ \(/);
	});
});

describe('a review sign-off on a full disk', () => {
	it('fails with a WriteFailure, leaving the transcript exactly as it was', async () => {
		const folder = mkdtempSync(join(tmpdir(), 'postsafe-unsaved-'));
		const session = startRecordedSession({
			loaded: loaded(),
			criteria: bundledLibrary().criteria.library,
			learners: ['Asha'],
			partner: new ScriptedPartner(),
			transcripts: folder,
			turns: 1,
		});
		await session.controller.reply('Asha', REPLIES[0]!);
		session.recorder.stop();
		const before = readFileSync(session.recorder.file, 'utf8');
		restore = useDurableFs(faultyFs(folder, { kind: 'full', capacity: before.length + 200 }).fs);
		expect(() =>
			saveReview(session.recorder.file, {
				comments: [],
				summary: 'Held the boundary. '.repeat(100),
				outcome: 'meets expectations',
				reviewer: 'Dr Shah',
				signedAt: '2026-12-03T09:00:00.000Z',
			}),
		).toThrow(WriteFailure);
		expect(readFileSync(session.recorder.file, 'utf8')).toBe(before);
		expect(readdirSync(folder)).toHaveLength(1);
	});
});
