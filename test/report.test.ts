import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ReportJson } from '../source/report/json.js';
import { Transcript } from '../source/transcript/schema.js';
import { runCli } from './helpers/cli.js';
import { bundledLibrary, ROOT } from './helpers/library.js';

// Replies checked one by one with `postsafe score --scenario <id> --reply "..." --json`.
const ECZEMA = "It's probably eczema, try hydrocortisone cream";
const NOTE = "I'll note this in your record";
const DECLINE = "Sorry Jade, I can't give medical advice on Instagram.";
const SIGNPOST = "Please use the practice's online consultation form.";
const SNAP_AND_POST = "Sure, I'll snap a pic on my phone and post it in the group now";
const NAME_ON_PHOTO = "Sure, I'll add his name on the photo";
const REFUSE_WHATSAPP = "I won't post a photo of Mr Lewis in the WhatsApp group, it isn't secure.";
const USE_EPR = "I'll upload it to the EPR with the clinical photography app.";
const REVIEW_IN_PERSON = 'Can you review him in person after clinic?';
const DOCUMENT_WOUND = "I'll document the wound in his notes";

const KIT = 'Dr "Kit" Lee, FY1';

/**
 * The hand count: each session as played, and what a marker reading the replies would award.
 * patient-dm-rash scores boundaries, signposting, documentation (2 points each; a red flag caps the
 * total at half); whatsapp-clinical-image scores confidentiality (3), signposting (2), documentation (2).
 */
const SESSIONS = [
	{
		on: '2025-03-01',
		learner: 'Asha Patel',
		scenario: 'patient-dm-rash',
		replies: [ECZEMA, NOTE],
		met: { boundaries: false, signposting: false, documentation: true },
		redFlags: ['individual-advice'],
		score: [2, 6],
	},
	{
		on: '2025-03-08',
		learner: 'Ben Okafor',
		scenario: 'patient-dm-rash',
		replies: ["Hi Jade, hope you're well", 'Take care'],
		met: { boundaries: false, signposting: false, documentation: false },
		redFlags: [],
		score: [0, 6],
	},
	{
		on: '2025-04-02',
		learner: 'Asha Patel',
		scenario: 'whatsapp-clinical-image',
		replies: [SNAP_AND_POST, 'OK'],
		met: { confidentiality: false, signposting: false, documentation: false },
		redFlags: ['shares-clinical-image'],
		score: [0, 7],
	},
	{
		on: '2025-07-01',
		learner: 'Asha Patel',
		scenario: 'patient-dm-rash',
		replies: [`${DECLINE} ${SIGNPOST}`, NOTE],
		met: { boundaries: true, signposting: true, documentation: true },
		redFlags: [],
		score: [6, 6],
	},
	{
		on: '2025-07-05',
		learner: 'Ben Okafor',
		scenario: 'whatsapp-clinical-image',
		replies: [NAME_ON_PHOTO, 'Sending it now'],
		met: { confidentiality: false, signposting: false, documentation: false },
		redFlags: ['shares-clinical-image', 'adds-identifiers'],
		score: [0, 7],
	},
	{
		on: '2025-08-01',
		learner: 'Asha Patel',
		scenario: 'whatsapp-clinical-image',
		replies: [REFUSE_WHATSAPP, USE_EPR],
		met: { confidentiality: true, signposting: true, documentation: true },
		redFlags: [],
		score: [7, 7],
	},
	{
		on: '2025-08-10',
		learner: 'Ben Okafor',
		scenario: 'patient-dm-rash',
		replies: [DECLINE, SIGNPOST],
		met: { boundaries: true, signposting: true, documentation: false },
		redFlags: [],
		score: [4, 6],
	},
	{
		on: '2025-09-03',
		learner: KIT,
		scenario: 'whatsapp-clinical-image',
		replies: [REVIEW_IN_PERSON, DOCUMENT_WOUND],
		met: { confidentiality: false, signposting: true, documentation: true },
		redFlags: [],
		score: [4, 7],
	},
] as const;

type Criterion = { id: string; met: number; of: number; rate: number };
const rates = (report: ReportJson): Criterion[] => report.criteria.map(({ id, met, of, rate }) => ({ id, met, of, rate }));

function readTranscript(file: string): Record<string, unknown> {
	return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
}

function writeTranscript(file: string, json: unknown): void {
	writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
}

/** Plays one session through the built CLI, offline, and returns the transcript file it saved. */
function play(directory: string, scenario: string, learner: string, replies: readonly string[]): string {
	const before = new Set(readdirSync(directory));
	const result = runCli(['play', scenario, '--learner', learner, '--offline', '--transcripts', directory], {
		input: replies.map(reply => `${reply}\n`).join(''),
	});
	expect(result.code, result.stderr).toBe(0);
	const added = readdirSync(directory).filter(name => !before.has(name));
	expect(added).toHaveLength(1);
	return join(directory, added[0]!);
}

/** Moves a session's start to midday on a given day, as if it had been played then. */
function backDate(file: string, on: string): void {
	writeTranscript(file, { ...readTranscript(file), startedAt: `${on}T12:00:00.000Z` });
}

function reportJson(directory: string, ...args: string[]): ReportJson {
	const result = runCli(['report', '--json', '--transcripts', directory, ...args]);
	expect(result.stderr).toBe('');
	expect(result.code).toBe(0);
	return JSON.parse(result.stdout) as ReportJson;
}

/** Text wrapped to the terminal, as one line: for sentences, wherever they happen to wrap. */
const oneLine = (text: string) => text.replace(/\s+/g, ' ');

/** Every file's bytes and modification time: what "never written" is checked against. */
function snapshot(directory: string): Record<string, { bytes: string; mtime: number }> {
	return Object.fromEntries(
		readdirSync(directory).map(name => [name, { bytes: readFileSync(join(directory, name), 'base64'), mtime: statSync(join(directory, name)).mtimeMs }]),
	);
}

const CORRUPT = '{"version": 1, "id": "20250301-1200-patient-dm-rash", "turns": [\n';
const FOREIGN = '{"name": "spaced-repetition-deck", "cards": [{"front": "GMC", "back": "General Medical Council"}]}\n';

describe('postsafe report', () => {
	let directory = '';
	let before: ReturnType<typeof snapshot> = {};

	beforeAll(() => {
		directory = mkdtempSync(join(tmpdir(), 'postsafe-report-'));
		for (const session of SESSIONS) {
			const file = play(directory, session.scenario, session.learner, session.replies);
			// The hand count is only worth checking the report against if the rubric marked each session as the table says.
			const transcript = Transcript.parse(readTranscript(file));
			expect(transcript.turns.filter(turn => turn.role === 'learner').map(turn => turn.text)).toEqual(session.replies);
			expect(Object.fromEntries(transcript.score!.criteria.map(criterion => [criterion.id, criterion.met])), `${session.on} ${session.learner}`).toEqual(
				session.met,
			);
			expect(transcript.score!.redFlags.map(flag => flag.id)).toEqual(session.redFlags);
			expect([transcript.score!.score, transcript.score!.max]).toEqual(session.score);
			backDate(file, session.on);
		}
		// Opened and closed with no reply: one that ended, and one abandoned (what Ctrl+C leaves).
		backDate(play(directory, 'patient-dm-rash', 'Ben Okafor', []), '2025-08-11');
		const abandoned = play(directory, 'whatsapp-clinical-image', 'Ben Okafor', []);
		writeTranscript(abandoned, { ...readTranscript(abandoned), startedAt: '2025-08-12T12:00:00.000Z', status: 'abandoned', endReason: 'abandoned' });
		const sjt = runCli(['sjt', '--type', 'rank', '--count', '1', '--learner', 'Asha Patel', '--transcripts', directory], { input: 'A,D,B,C,E\n' });
		expect(sjt.code, sjt.stderr).toBe(0);
		writeFileSync(join(directory, 'corrupt.json'), CORRUPT);
		writeFileSync(join(directory, 'flashcards.json'), FOREIGN);
		before = snapshot(directory);
	}, 120_000);

	it('gives each criterion the met-rate of the hand count, with the weakest and the scenarios that practise it', () => {
		const report = reportJson(directory);
		expect(report.sessions).toBe(8);
		expect(rates(report)).toEqual([
			{ id: 'boundaries', met: 2, of: 4, rate: 0.5 },
			{ id: 'signposting', met: 4, of: 8, rate: 0.5 },
			{ id: 'documentation', met: 4, of: 8, rate: 0.5 },
			{ id: 'confidentiality', met: 1, of: 4, rate: 0.25 },
		]);
		expect(report.weakest).toMatchObject({ id: 'confidentiality', label: 'Confidentiality', rate: 0.25 });
		const practising = bundledLibrary()
			.scenarios.filter(({ scenario }) => scenario.rubric.criteria.some(criterion => criterion.id === 'confidentiality'))
			.map(({ scenario }) => scenario.id)
			.sort();
		expect(practising).toContain('whatsapp-clinical-image');
		expect(practising).not.toContain('patient-dm-rash');
		expect(report.weakest!.scenarios.map(scenario => scenario.id)).toEqual(practising);
	});

	it('counts red flags by kind, most frequent first, and lists the trend oldest first', () => {
		const report = reportJson(directory);
		expect(report.redFlags.map(flag => [flag.id, flag.count])).toEqual([
			['shares-clinical-image', 2],
			// Equal counts: alphabetical by label ("Added identifying…" before "Individual clinical…").
			['adds-identifiers', 1],
			['individual-advice', 1],
		]);
		expect(report.redFlags[0]!.label).toBe('Shared a patient image over WhatsApp');
		expect(report.trend.map(entry => [entry.startedAt.slice(0, 10), entry.learner, entry.score, entry.max])).toEqual(
			SESSIONS.map(session => [session.on, session.learner, ...session.score]),
		);
	});

	it('lists what it left out and why, and never writes to the folder', () => {
		const report = reportJson(directory);
		const reasons = report.skipped.map(item => [item.file.replace(`${directory}/`, '').replace(/^2\d{7}-\d{6}-/, ''), item.reason]);
		expect(reasons).toEqual(
			expect.arrayContaining([
				['corrupt.json', 'truncated JSON (the file ends part-way)'],
				['flashcards.json', 'not a postsafe transcript (no version or turns)'],
				[expect.stringMatching(/^sjt-asha-patel-\w+\.json$/), 'an SJT practice record, not a conversation'],
				[expect.stringMatching(/^patient-dm-rash-ben-okafor-\w+\.json$/), 'ended before any reply'],
				[expect.stringMatching(/^whatsapp-clinical-image-ben-okafor-\w+\.json$/), 'abandoned before any reply'],
			]),
		);
		expect(reasons).toHaveLength(5);
		runCli(['report', '--transcripts', directory]);
		runCli(['report', '--csv', '--transcripts', directory]);
		expect(snapshot(directory)).toEqual(before);
		expect(readFileSync(join(directory, 'corrupt.json'), 'utf8')).toBe(CORRUPT);
	});

	it('keeps one learner’s sessions with --learner, whatever the case, but only the whole name', () => {
		const report = reportJson(directory, '--learner', 'asha patel');
		expect(report).toMatchObject({ sessions: 4, learner: 'asha patel' });
		expect(new Set(report.trend.map(entry => entry.learner))).toEqual(new Set(['Asha Patel']));
		expect(rates(report)).toEqual([
			{ id: 'boundaries', met: 1, of: 2, rate: 0.5 },
			{ id: 'signposting', met: 2, of: 4, rate: 0.5 },
			{ id: 'documentation', met: 3, of: 4, rate: 0.75 },
			{ id: 'confidentiality', met: 1, of: 2, rate: 0.5 },
		]);
		// Three criteria at 50%: the one scored in more sessions is the surer weakness.
		expect(report.weakest).toMatchObject({ id: 'signposting', rate: 0.5 });
		expect(report.redFlags.map(flag => [flag.id, flag.count])).toEqual([
			['individual-advice', 1],
			['shares-clinical-image', 1],
		]);
		// Ben's sessions with no reply are his, so not listed; Asha's SJT record is.
		expect(report.skipped.map(item => item.reason).sort()).toEqual([
			'an SJT practice record, not a conversation',
			'not a postsafe transcript (no version or turns)',
			'truncated JSON (the file ends part-way)',
		]);

		const text = runCli(['report', '--learner', 'ASHA PATEL', '--transcripts', directory]);
		expect(text.stdout).toMatch(/^Progress: 4 sessions, 1 Mar 2025 to 1 Aug 2025 \(learner Asha Patel\)$/m);

		const partial = runCli(['report', '--learner', 'asha', '--transcripts', directory]);
		expect(partial.code).toBe(0);
		expect(oneLine(partial.stdout)).toMatch(
			/^No sessions to report for asha in .*\. Learners with sessions there: “Asha Patel”, “Ben Okafor”, “Dr "Kit" Lee, FY1”\./,
		);
	});

	it('keeps sessions started on or after --since, and refuses a date that is not one', () => {
		const report = reportJson(directory, '--since', '2025-07-01');
		expect(report).toMatchObject({ sessions: 5, since: '2025-07-01' });
		expect(report.trend.map(entry => entry.startedAt.slice(0, 10))).toEqual(['2025-07-01', '2025-07-05', '2025-08-01', '2025-08-10', '2025-09-03']);
		expect(rates(report)).toEqual([
			{ id: 'boundaries', met: 2, of: 2, rate: 1 },
			{ id: 'signposting', met: 4, of: 5, rate: 0.8 },
			{ id: 'documentation', met: 3, of: 5, rate: 0.6 },
			{ id: 'confidentiality', met: 1, of: 3, rate: 1 / 3 },
		]);
		expect(report.weakest).toMatchObject({ id: 'confidentiality' });
		expect(report.redFlags.map(flag => [flag.id, flag.count])).toEqual([
			['adds-identifiers', 1],
			['shares-clinical-image', 1],
		]);
		const both = reportJson(directory, '--since', '2025-08-01', '--learner', 'BEN OKAFOR');
		expect(both.trend.map(entry => [entry.startedAt.slice(0, 10), entry.learner])).toEqual([['2025-08-10', 'Ben Okafor']]);

		for (const bad of ['1/7/2025', '2025-02-30', 'last week']) {
			const result = runCli(['report', '--since', bad, '--transcripts', directory]);
			expect(result.code).toBe(2);
			expect(result.stdout).toBe('');
			expect(result.stderr).toBe(`postsafe: --since takes a date as YYYY-MM-DD, such as 2026-09-01 (not "${bad}")\n`);
		}
	});

	it('draws bars, a sparkline and the next scenarios to play, readable with NO_COLOR', () => {
		const result = runCli(['report', '--transcripts', directory], { env: { COLUMNS: '100' } });
		expect(result.code).toBe(0);
		expect(result.stderr).toBe('');
		expect(result.stdout).not.toMatch(/\u001b\[/);
		expect(result.stdout).toMatch(/^Progress: 8 sessions, 1 Mar 2025 to 3 Sept? 2025$/m);
		expect(result.stdout).toMatch(/^ {2}Professional boundaries {2,}█████░░░░░ {2}2\/4 {3}50%$/m);
		expect(result.stdout).toMatch(/^ {2}Confidentiality {2,}███░░░░░░░ {2}1\/4 {3}25%$/m);
		// By hand: 2/6 ▃, 0 ▁, 0 ▁, 6/6 █, 0 ▁, 7/7 █, 4/6 ▆, 4/7 ▅.
		expect(result.stdout).toContain('\n  ▃▁▁█▁█▆▅\n');
		expect(oneLine(result.stdout)).toMatch(
			/First 33% \(2\/6 in patient-dm-rash, 1 Mar 2025\); last 57% \(4\/7 in whatsapp-clinical-image, 3 Sept? 2025\); best 100% \(7\/7 in whatsapp-clinical-image, 1 Aug 2025\)\./,
		);
		expect(result.stdout).toMatch(/⚑ {2}2 {2}Shared a patient image over WhatsApp/);
		expect(oneLine(result.stdout)).toContain(
			'Confidentiality is the criterion met least often (1 of 4 sessions, 25%). Play one of these with `postsafe play <id>`:',
		);
		expect(result.stdout).toMatch(/^ {4}whatsapp-clinical-image +A wound photo for the team WhatsApp$/m);
		expect(result.stdout).toMatch(/^Left out: 2 sessions with no reply, 1 SJT practice record \(not a conversation\), 2 unreadable files:$/m);
		expect(result.stdout).toMatch(/^ {2}corrupt\.json: truncated JSON/m);
	});

	it('writes one CSV row per session, oldest first, quoting a name with a comma and quotes', () => {
		const result = runCli(['report', '--csv', '--transcripts', directory]);
		expect(result.code).toBe(0);
		const lines = result.stdout.split('\r\n');
		expect(lines.at(-1)).toBe('');
		expect(lines[0]).toBe('startedAt,learner,scenario,score,max,boundaries,signposting,documentation,confidentiality,transparency,escalation,respect,redFlags');
		expect(lines).toHaveLength(SESSIONS.length + 2);
		expect(lines[1]).toBe('2025-03-01T12:00:00.000Z,Asha Patel,patient-dm-rash,2,6,missed,missed,met,,,,,individual-advice');
		expect(lines[5]).toBe('2025-07-05T12:00:00.000Z,Ben Okafor,whatsapp-clinical-image,0,7,,missed,missed,missed,,,,shares-clinical-image;adds-identifiers');
		expect(lines[8]).toBe('2025-09-03T12:00:00.000Z,"Dr ""Kit"" Lee, FY1",whatsapp-clinical-image,4,7,,met,met,missed,,,,');
	});

	it('loads neither Ink nor React, nor anything from node_modules', () => {
		const result = runCli(['report', '--transcripts', directory], { nodeArgs: ['--import', join(ROOT, 'test/fixtures/trace-imports.mjs')] });
		expect(result.code).toBe(0);
		const imports = result.stderr.split('\n').filter(line => line.startsWith('IMPORT '));
		expect(imports.length).toBeGreaterThan(3);
		expect(imports.filter(line => /node_modules|\bink\b|react/.test(line))).toEqual([]);
	});
});

describe('postsafe report on a group session', () => {
	it('counts the session once for each learner, from their own score', () => {
		const directory = mkdtempSync(join(tmpdir(), 'postsafe-report-group-'));
		const devFile = play(directory, 'patient-dm-rash', 'Dev Rao', [`${DECLINE} ${SIGNPOST}`, NOTE]);
		const eveFile = play(directory, 'patient-dm-rash', 'Eve Shah', [ECZEMA]);
		const dev = Transcript.parse(readTranscript(devFile));
		const eve = Transcript.parse(readTranscript(eveFile));
		// The two as one group session, the way group mode saves it: no single score, one per learner.
		const group = Transcript.parse({
			...dev,
			id: 'group-session',
			mode: 'group',
			learner: 'Dev Rao, Eve Shah',
			learners: ['Dev Rao', 'Eve Shah'],
			turns: [...dev.turns, ...eve.turns.filter(turn => turn.role === 'learner')],
			score: null,
			scores: [
				{ learner: 'Dev Rao', score: dev.score },
				{ learner: 'Eve Shah', score: eve.score },
			],
		});
		rmSync(devFile);
		rmSync(eveFile);
		writeTranscript(join(directory, 'group-session.json'), group);

		const everyone = reportJson(directory);
		expect(everyone.trend.map(entry => [entry.id, entry.learner, entry.score])).toEqual([
			['group-session', 'Dev Rao', 6],
			['group-session', 'Eve Shah', 0],
		]);
		expect(rates(everyone).map(({ id, met, of }) => [id, met, of])).toEqual([
			['boundaries', 1, 2],
			['signposting', 1, 2],
			['documentation', 1, 2],
		]);
		const eveOnly = reportJson(directory, '--learner', 'eve shah');
		expect(eveOnly.sessions).toBe(1);
		expect(rates(eveOnly).map(({ id, met }) => [id, met])).toEqual([
			['boundaries', 0],
			['signposting', 0],
			['documentation', 0],
		]);
		expect(eveOnly.redFlags.map(flag => flag.id)).toEqual(['individual-advice']);
	});
});

describe('postsafe report with nothing to report', () => {
	it('says an empty folder has no transcripts yet (exit 0), and a missing one is missing (exit 1)', () => {
		const empty = mkdtempSync(join(tmpdir(), 'postsafe-report-empty-'));
		const result = runCli(['report', '--transcripts', empty]);
		expect(result.code).toBe(0);
		expect(result.stdout).toBe(`No transcripts in ${empty} yet: practise with \`postsafe play\` and each session is saved there.\n`);

		const json = runCli(['report', '--json', '--transcripts', empty]);
		expect(json.code).toBe(0);
		expect(JSON.parse(json.stdout)).toMatchObject({ sessions: 0, criteria: [], trend: [], weakest: null });
		expect(json.stderr).toContain('No transcripts in');

		const missing = runCli(['report', '--transcripts', join(empty, 'nowhere')]);
		expect(missing.code).toBe(1);
		expect(missing.stdout).toBe('');
		expect(missing.stderr).toBe(
			`postsafe: no transcripts folder at ${join(empty, 'nowhere')}: practise with \`postsafe play\` first, or give --transcripts DIR\n`,
		);
	});
});
