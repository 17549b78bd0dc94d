import { render } from 'ink-testing-library';
import React from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReplyCard } from '../source/group/round.js';
import type { TranscriptTurn } from '../source/transcript/schema.js';
import { RoundView } from '../source/ui/group/round-view.js';
import { TurnView } from '../source/ui/review/turn-view.js';
import { wrapSegments } from '../source/ui/wrap-segments.js';
import { wrapText } from '../source/wrap.js';

const mounted: { unmount: () => void }[] = [];
afterEach(() => {
	for (const instance of mounted.splice(0)) instance.unmount();
});

describe('wrapping at word boundaries', () => {
	it.each([
		['abc def', 3, ['abc', 'def']],
		["It's probably eczema, try some", 21, ["It's probably eczema,", 'try some']],
		['aaa   bbb', 3, ['aaa', 'bbb']],
		['abcdefgh ij', 3, ['abc', 'def', 'gh', 'ij']],
		['one\n\ntwo', 10, ['one', '', 'two']],
		['', 5, ['']],
	])('%j at %i columns is %j', (text, width, lines) => {
		expect(wrapText(text, width)).toEqual(lines);
	});

	it('keeps each word’s style across the break, and starts no line with a space', () => {
		const lines = wrapSegments(
			[
				{ text: 'Sorry, I ', style: 'plain' },
				{ text: '[call 111]', style: 'mark' },
				{ text: ' tonight please', style: 'plain' },
			],
			12,
		);
		expect(lines.map(line => line.map(piece => piece.text).join(''))).toEqual(['Sorry, I', '[call 111]', 'tonight', 'please']);
		expect(lines[1]).toEqual([{ text: '[call 111]', style: 'mark' }]);
		for (const line of lines) expect(line[0]?.text.startsWith(' ')).toBe(false);
	});
});

const LONG = "Sorry Jade, I can't give medical advice on Instagram, even for something small. Please use the practice's online consultation form tonight.";

describe('wrapped lines start at the left edge', () => {
	it('in the review, a reply with marked evidence and a long partner message wrap at words, no line one column in', () => {
		const reply: TranscriptTurn = {
			role: 'learner',
			text: LONG,
			time: '2026-11-22T20:41:00.000Z',
			learner: 'Asha',
			score: { met: ['boundaries'], redFlags: [], evidence: [{ kind: 'criterion', id: 'boundaries', quote: "can't give medical advice", spans: [[14, 39]] }] },
		};
		const partner: TranscriptTurn = { role: 'partner', text: LONG, time: '2026-11-22T20:40:00.000Z', source: 'script' };
		const comment = { turn: 0, text: LONG, by: 'Dr Okafor', at: '2026-11-23T10:00:00.000Z' };
		for (const [turn, width] of [reply, partner].flatMap(turn => [44, 50, 57, 63, 70].map(width => [turn, width] as const))) {
			const ui = render(
				<TurnView
					turn={turn}
					number={1}
					selected={false}
					partnerName="Jade Holloway"
					labels={{ boundaries: 'Professional boundaries' }}
					points={{ boundaries: 2 }}
					comments={[comment]}
					width={width}
				/>,
			);
			mounted.push(ui);
			const body = (ui.lastFrame() ?? '').split('\n').filter(line => line.trim() !== '' && !/^ {2}1\. /.test(line));
			expect(body.length).toBeGreaterThan(2);
			for (const line of body) {
				expect(line).toMatch(/^ {4}\S/);
				expect(line.length).toBeLessThanOrEqual(width);
			}
			// No word split by the terminal: every word of the text is whole on some line.
			const words = body.join(' ').split(/\s+/);
			for (const word of LONG.split(' ')) expect(words.some(shown => shown.includes(word))).toBe(true);
		}
	});

	it('in a group round, each card’s reply and red flag start at the card’s left edge', () => {
		const card = (id: number, learner: string): ReplyCard =>
			({
				reply: { kind: 'learner', id, learner, text: LONG, time: 't', round: 1, carried: false, match: { criteria: [], redFlags: [] } as never },
				score: 2,
				max: 6,
				met: ['boundaries'],
				redFlags: [{ id: 'individual-advice', label: 'Individual clinical advice through a personal account' }],
			}) as unknown as ReplyCard;
		const ui = render(
			<RoundView
				cards={[card(1, 'Asha'), card(2, 'Ben'), card(3, 'Chloe')]}
				criteria={[{ id: 'boundaries', label: 'Professional boundaries' }]}
				names={new Map()}
				chosen={1}
				carried={false}
				width={80}
			/>,
		);
		mounted.push(ui);
		const rows = (ui.lastFrame() ?? '').split('\n').filter(row => /^[│║]/.test(row));
		expect(rows.length).toBeGreaterThan(5);
		for (const row of rows) {
			for (const cell of row.split(/[│║]/).filter((_, index) => index % 2 === 1)) {
				if (cell.trim() === '') continue;
				expect(cell).toMatch(/^ \S/);
			}
		}
	});
});
