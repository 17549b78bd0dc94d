import chalk from 'chalk';
import stripAnsi from 'strip-ansi';
import { afterEach, describe, expect, it } from 'vitest';
import type { Report, SessionResult } from '../source/report/aggregate.js';
import { reportCsv, csvField } from '../source/report/csv.js';
import { formatReport } from '../source/report/format.js';
import { bar, percent, sparkline } from '../source/proportion.js';

const colourLevel = chalk.level;
afterEach(() => {
	chalk.level = colourLevel;
});

function session(
	startedAt: string,
	learner: string,
	score: number,
	max: number,
	met: Partial<Record<'boundaries' | 'signposting' | 'documentation', boolean>>,
	redFlags: string[] = [],
): SessionResult {
	return {
		id: `${startedAt}-${learner}`,
		file: `/t/${startedAt}.json`,
		scenario: 'patient-dm-rash',
		startedAt,
		learner,
		score,
		max,
		criteria: Object.entries(met).map(([id, wasMet]) => ({ id: id as 'boundaries', label: id, met: wasMet })),
		redFlags: redFlags.map(id => ({ id, label: `Label of ${id}` })),
		signOffs: [],
	};
}

const REPORT: Report = {
	sessions: [
		session('2026-10-01T09:00:00.000Z', 'Asha Patel', 0, 6, { boundaries: false, signposting: false }),
		session('2026-10-08T09:00:00.000Z', 'Asha Patel', 3, 6, { boundaries: true, signposting: false }, ['individual-advice']),
		session('2026-10-15T09:00:00.000Z', 'Asha Patel', 6, 6, { boundaries: true, signposting: true, documentation: true }),
	],
	criteria: [
		{ id: 'boundaries', label: 'Professional boundaries', met: 2, of: 3, rate: 2 / 3 },
		{ id: 'signposting', label: 'Signposting', met: 7, of: 10, rate: 0.7 },
	],
	redFlags: [{ id: 'individual-advice', label: 'Individual clinical advice through a personal account', count: 1 }],
	weakest: {
		id: 'signposting',
		label: 'Signposting',
		met: 7,
		of: 10,
		rate: 0.7,
		scenarios: [{ id: 'patient-dm-rash', title: 'A rash photo in your Instagram DMs', criteria: ['signposting'] }],
	},
	skipped: [{ file: '/t/broken.json', reason: 'empty file', kind: 'unreadable' }],
	learnersInFolder: ['Asha Patel'],
};

describe('report bars and sparkline', () => {
	it.each([
		[0.7, '███████░░░'],
		[0, '░░░░░░░░░░'],
		[1, '██████████'],
		// Never full unless every session met it, never empty unless none did.
		[0.97, '█████████░'],
		[0.02, '█░░░░░░░░░'],
	])('draws %s as %s', (fraction, expected) => {
		expect(bar(fraction)).toBe(expected);
	});

	it('marks each session from ▁ (nothing) to █ (full marks), with the six between for the rest', () => {
		expect(sparkline([0, 1 / 7, 2 / 7, 3 / 7, 4 / 7, 5 / 7, 6 / 7, 1])).toBe('▁▂▃▄▅▆▇█');
		expect(sparkline([0.01, 0.99])).toBe('▂▇');
		expect(sparkline([])).toBe('');
	});

	it('never rounds a percentage to 0% or 100% unless it is', () => {
		expect([0, 0.004, 1 / 3, 0.996, 1].map(percent)).toEqual(['0%', '1%', '33%', '99%', '100%']);
	});
});

describe('the report as text', () => {
	it('lists each signed-off session with the sign-off in force and the ones it superseded', () => {
		chalk.level = 0;
		const signed = {
			...REPORT.sessions[2]!,
			signOffs: [
				{ reviewer: 'Dr Okafor', signedAt: '2026-10-16T10:00:00.000Z', outcome: 'needs development', summary: 'Advice under pressure.' },
				{ reviewer: 'Dr Lee', signedAt: '2026-10-20T10:00:00.000Z', outcome: 'meets expectations', summary: 'Safe now.' },
			],
		} as const;
		const text = formatReport({ ...REPORT, sessions: [...REPORT.sessions.slice(0, 2), signed] }, { folder: '/t', width: 160 });
		expect(text).toContain(
			'Sign-offs\n  2026-10-15 patient-dm-rash · Asha Patel — Dr Lee, 2026-10-20: meets expectations (superseding Dr Okafor, 2026-10-16: needs development)\n',
		);
		expect(formatReport(REPORT, { folder: '/t', width: 120 })).not.toContain('Sign-offs');
	});

	it('is readable with NO_COLOR: bars, counts, the trend in words, flags and what to play next', () => {
		chalk.level = 0;
		const text = formatReport(REPORT, { folder: '/t', width: 80 });
		expect(text).toMatch(/^ {2}Signposting {14}███████░░░ {2}7\/10 {3}70%$/m);
		expect(text).toMatch(/^ {2}Professional boundaries {2}███████░░░ {3}2\/3 {3}67%$/m);
		// 0/6, 3/6 (half of seven steps is 3.5, which rounds up to ▅), 6/6.
		expect(text).toContain('\n  ▁▅█\n');
		expect(text.replace(/\s+/g, ' ')).toContain(
			'First 0% (0/6 in patient-dm-rash, 1 Oct 2026); last 100% (6/6 in patient-dm-rash, 15 Oct 2026); best 100% (6/6 in patient-dm-rash, 15 Oct 2026).',
		);
		expect(text).toContain('⚑  1  Individual clinical advice through a personal account');
		expect(text.replace(/\s+/g, ' ')).toContain(
			'Signposting is the criterion met least often (7 of 10 sessions, 70%). Play one of these with `postsafe play <id>`:',
		);
		expect(text).toMatch(/^ {4}patient-dm-rash {2}A rash photo in your Instagram DMs$/m);
		expect(text).toContain('Left out: 1 unreadable file:\n  broken.json: empty file');
		expect(text).not.toMatch(/\u001b\[/);
	});

	it('says when the trend shows only the newest sessions, in one pair of brackets', () => {
		chalk.level = 0;
		const many: Report = {
			...REPORT,
			sessions: Array.from({ length: 30 }, (_, day) =>
				session(`2026-10-${String(day + 1).padStart(2, '0')}T09:00:00.000Z`, 'Asha Patel', day % 7, 6, { boundaries: true }),
			),
		};
		const text = formatReport(many, { folder: '/t', width: 22 });
		expect(text).toContain('Score trend (score of the maximum, oldest first; the last 20 of 30 sessions)');
	});

	it('with colour, says exactly the same once the colour is taken away', () => {
		chalk.level = 0;
		const plain = formatReport(REPORT, { folder: '/t', width: 80 });
		chalk.level = 3;
		const coloured = formatReport(REPORT, { folder: '/t', width: 80 });
		expect(coloured).toMatch(/\u001b\[/);
		expect(stripAnsi(coloured)).toBe(plain);
	});
});

describe('the report as CSV', () => {
	it.each([
		['Asha Patel', 'Asha Patel'],
		['Dr "Kit" Lee, FY1', '"Dr ""Kit"" Lee, FY1"'],
		['two\nlines', '"two\nlines"'],
		['', ''],
		['=HYPERLINK("http://x","click")', `"'=HYPERLINK(""http://x"",""click"")"`],
		['@SUM(A1)', "'@SUM(A1)"],
		['-2+3', "'-2+3"],
	])('quotes %j as %j (RFC 4180, and never a formula)', (value, expected) => {
		expect(csvField(value)).toBe(expected);
	});

	it('writes one CRLF row per session, blank where a criterion was not scored, flags joined with ;', () => {
		const kit = session('2026-10-20T09:00:00.000Z', 'Dr "Kit" Lee, FY1', 2, 6, { boundaries: true, signposting: false }, [
			'individual-advice',
			'personal-contact',
		]);
		expect(reportCsv({ ...REPORT, sessions: [kit] })).toBe(
			'startedAt,learner,scenario,score,max,boundaries,signposting,documentation,confidentiality,transparency,escalation,respect,redFlags\r\n' +
				'2026-10-20T09:00:00.000Z,"Dr ""Kit"" Lee, FY1",patient-dm-rash,2,6,met,missed,,,,,,individual-advice;personal-contact\r\n',
		);
	});
});
