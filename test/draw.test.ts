import chalk from 'chalk';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '../source/session/types.js';
import { drawBubble } from '../source/ui/chat/draw-bubble.js';
import { drawChatHeader } from '../source/ui/chat/draw-chat-header.js';
import { liveRows } from '../source/ui/chat/live-rows.js';
import { sceneTime, settingMinutes } from '../source/ui/chat/time.js';
import { printedText } from '../source/ui/chat/printed-text.js';
import { styledLine } from '../source/ui/draw-box.js';
import { textWidth } from '../source/wrap.js';
import { bundledLibrary } from './helpers/library.js';

// Colour off, as with NO_COLOR, so what is drawn is exactly what a person reads.
beforeAll(() => {
	chalk.level = 0;
});
const time = new Date(2026, 10, 29, 20, 41).toISOString();
const partner = (text: string, extra: Partial<Extract<Message, { kind: 'partner' }>> = {}): Message => ({
	kind: 'partner',
	id: 1,
	text,
	time,
	source: 'model',
	...extra,
});
const learner = (text: string, name = 'Asha'): Message => ({
	kind: 'learner',
	id: 2,
	learner: name,
	text,
	time,
	round: 1,
	carried: true,
	match: { criteria: [], redFlags: [] } as never,
});
const options = { partnerName: 'Jade Holloway', channel: 'instagram-dm' as const, width: 80 };

describe('a chat bubble drawn as text', () => {
	it("draws the partner's on the left with name and time, the words wrapped inside, an attachment first", () => {
		expect(
			drawBubble(
				partner('could you have a look and prescribe something tonight? i literally cannot get through', { attachment: 'Photo of a rash.' }),
				options,
			).split('\n'),
		).toEqual([
			'╭──────────────────────────────────────────────────────────────╮',
			'│ Jade Holloway  20:41                                         │',
			'│ 📎 Photo of a rash.                                          │',
			'│ could you have a look and prescribe something tonight? i     │',
			'│ literally cannot get through                                 │',
			'╰──────────────────────────────────────────────────────────────╯',
		]);
	});

	it("sits the learner's on the right, only as wide as it needs", () => {
		expect(drawBubble(learner('Sorry Jade.'), options).split('\n')).toEqual([
			`${' '.repeat(60)}╭──────────────────╮`,
			`${' '.repeat(60)}│ Asha  20:41      │`,
			`${' '.repeat(60)}│ Sorry Jade.      │`,
			`${' '.repeat(60)}╰──────────────────╯`,
		]);
	});

	it('marks a message stopped part-way, and one still being written', () => {
		expect(drawBubble(partner('i did try', { interrupted: true }), options)).toContain('│ (stopped before finishing) │');
		expect(drawBubble(partner('i did try'), { ...options, isLive: true })).toContain('│ Jade Holloway  writing… │');
	});

	it('keeps the edges straight with wide characters, and cuts a name too long for the bubble', () => {
		const lines = drawBubble(learner('sorry 🙈 中文 ✓ ok', 'Dr Anna-Louise Featherstonehaugh-Montgomery of the Royal Infirmary'), options).split('\n');
		expect(new Set(lines.map(line => textWidth(line)))).toEqual(new Set([80]));
		expect(lines[1]).toContain('Dr Anna-Louise Featherstonehaugh-Montgomery of the Royal In… │');
	});

	it('shows the latest lines of a long message when it may take only so many, with … where it was cut', () => {
		const words = Array.from({ length: 60 }, (_, index) => `word${index}`).join(' ');
		const lines = drawBubble(partner(words), { ...options, maxLines: 6 }).split('\n');
		expect(lines).toHaveLength(6);
		expect(lines[2]).toBe(`│ …${' '.repeat(60)}│`);
		expect(lines[4]).toContain('word59');
	});
});

describe('the chat header drawn as text', () => {
	it("names the channel, who it is, their role, and cuts what doesn't fit", () => {
		const { scenario } = bundledLibrary().scenarios.find(loaded => loaded.scenario.id === 'patient-dm-rash')!;
		expect(drawChatHeader(scenario, 'Asha', 60, 4).split('\n')).toEqual([
			'╭──────────────────────────────────────────────────────────╮',
			'│ Instagram DM · Jade Holloway (jade.holloway_), patient   │',
			'│ A rash photo in your Instagram DMs · you are Asha · up … │',
			'╰──────────────────────────────────────────────────────────╯',
		]);
	});

	it.each([
		['anonymous-forum-post', '│ Reddit · Chat with u/throwaway_fy2_nights · Dan Okoye'],
		['dating-app-patient', '│ Dating app · Ryan, 27 · Ryan Cole (Ryan, 27), patient '],
	])('names the newer channels too: %s', (id, line) => {
		const { scenario } = bundledLibrary().scenarios.find(loaded => loaded.scenario.id === id)!;
		expect(drawChatHeader(scenario, 'Asha', 90, 4).split('\n')[1]!.startsWith(line)).toBe(true);
	});

	it('keeps the style of each piece that survives a cut', () => {
		const bold = (text: string) => `<${text}>`;
		expect(
			styledLine(
				[
					['Instagram', bold],
					[' · Jade Holloway', text => text],
				],
				14,
			),
		).toEqual({ text: 'Instagram · J…', drawn: '<Instagram> · J…' });
		expect(
			styledLine(
				[
					['Instagram', bold],
					[' · Jade', text => text],
				],
				9,
			),
		).toEqual({ text: 'Instagra…', drawn: '<Instagra…>' });
	});
});

describe('what the conversation prints', () => {
	it('prints the header with the setting and a blank line, a hint after Coach:, and a notice, each ending its line', () => {
		const { scenario } = bundledLibrary().scenarios.find(loaded => loaded.scenario.id === 'patient-dm-rash')!;
		const header = printedText({ kind: 'header', scenario, learner: 'Asha', turns: 2 }, 80);
		expect(header).toMatch(/╯\nSetting\nYou are an FY2 doctor/);
		// --turns 2: the header says so, not the scenario's 4.
		expect(header).toContain('you are Asha · up to 2 replies');
		expect(header.endsWith('You are not on call.\n\n')).toBe(true);
		expect(printedText({ kind: 'hint', text: 'Signposting: name the route that will actually help.' }, 80)).toBe(
			'Coach: Signposting: name the route that will actually help.\n',
		);
		expect(printedText({ kind: 'notice', text: 'Transcript saved: t.json' }, 80)).toBe('Transcript saved: t.json\n');
	});
});

describe('the room in the live area', () => {
	it.each([
		// rows, writing, input lines, other lines → bubble, input
		[24, false, 1, 0, 20, 21],
		[24, true, 1, 0, 21, 18],
		[24, true, 5, 0, 17, 18],
		[24, true, 30, 0, 4, 18],
		[16, true, 5, 0, 9, 10],
		[24, false, 1, 2, 18, 19],
		[6, true, 3, 0, 4, 1],
	])(
		'%i rows, writing %s, a reply of %i lines and %i other lines: a bubble of %i lines, a box of %i',
		(rows, writing, inputLines, otherLines, bubbleLines, input) => {
			expect(liveRows({ rows, writing, inputLines, otherLines })).toEqual({ bubbleLines, inputLines: input });
		},
	);

	it('never lets the bubble, the reply and the key help fill the terminal', () => {
		for (let rows = 12; rows <= 60; rows++) {
			for (let typed = 1; typed <= 40; typed++) {
				const room = liveRows({ rows, writing: true, inputLines: typed, otherLines: 0 });
				expect(room.bubbleLines + Math.min(typed, room.inputLines) + 1).toBeLessThan(rows);
			}
		}
	});
});

describe('message times on the scenario’s clock', () => {
	it.each([
		['It is 8.40 pm on a Thursday and you are at home.', 20 * 60 + 40],
		['You are an FY1 on a general surgery ward, 4 pm on a weekday.', 16 * 60],
		['It is 12.05 am.', 5],
		['It is 12 pm, lunchtime.', 12 * 60],
		['Visiting is 10:15 AM to 8 pm.', 10 * 60 + 15],
		['No time of day here; 40 patients.', undefined],
	])('%j starts at minute %s', (setting, minutes) => {
		expect(settingMinutes(setting)).toBe(minutes);
	});

	it('counts on from the setting’s time by as long as the session has really run', () => {
		const started = '2026-11-29T09:00:00.000Z';
		expect(sceneTime('It is 8.40 pm on a Thursday.', started, started)).toBe('20:40');
		expect(sceneTime('It is 8.40 pm on a Thursday.', started, '2026-11-29T09:03:30.000Z')).toBe('20:43');
		expect(sceneTime('It is 11.58 pm.', started, '2026-11-29T09:05:00.000Z')).toBe('00:03');
	});

	it('the chat shows the first message at the setting’s time, not the real clock', () => {
		const rash = bundledLibrary().scenarios.find(loaded => loaded.scenario.id === 'patient-dm-rash')!.scenario;
		const text = printedText({ kind: 'message', scenario: rash, message: partner('hi'), time: sceneTime(rash.setting, time, time) }, 80);
		expect(text.split('\n')[1]).toMatch(/^│ Jade Holloway {2}20:40 +│$/);
	});
});
