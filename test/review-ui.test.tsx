import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { render } from 'ink-testing-library';
import React from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { reviewServices } from '../source/commands/review.js';
import { startRecordedSession } from '../source/transcript/start-session.js';
import { ScriptedPartner } from '../source/partner/scripted.js';
import { Transcript } from '../source/transcript/schema.js';
import { KeyRouter } from '../source/ui/input/key-router.js';
import { ReviewApp } from '../source/ui/review/review-app.js';
import { flat, press, screenText, waitFor } from './helpers/ink.js';
import { bundledLibrary } from './helpers/library.js';

const DOWN = '\u001B[B';
const mounted: { unmount: () => void }[] = [];
afterEach(() => {
	for (const instance of mounted.splice(0)) instance.unmount();
});

const FIRST = "Sorry Jade, I can't give medical advice on Instagram. Please use the practice's online consultation form.";
const SECOND = "It's probably eczema, try some hydrocortisone cream.";

/** A real session of Asha's replies played to the end, saved as a transcript in a fresh folder. */
async function playedTranscript(replies: readonly string[] = [FIRST, SECOND]): Promise<{ directory: string; file: string }> {
	const library = bundledLibrary();
	const loaded = library.scenarios.find(candidate => candidate.scenario.id === 'patient-dm-rash')!;
	const directory = mkdtempSync(join(tmpdir(), 'postsafe-review-'));
	const { controller, recorder } = startRecordedSession({
		loaded,
		criteria: library.criteria.library,
		learners: ['Asha'],
		partner: new ScriptedPartner(),
		transcripts: directory,
		turns: replies.length,
	});
	for (const reply of replies) await controller.reply('Asha', reply);
	recorder.stop();
	return { directory, file: recorder.file };
}

/** A group round: Asha and Ben each reply once, and Asha's reply carries on. */
async function playedGroupTranscript(): Promise<{ directory: string; file: string }> {
	const library = bundledLibrary();
	const loaded = library.scenarios.find(candidate => candidate.scenario.id === 'patient-dm-rash')!;
	const directory = mkdtempSync(join(tmpdir(), 'postsafe-review-'));
	const { controller, recorder } = startRecordedSession({
		loaded,
		criteria: library.criteria.library,
		learners: ['Asha', 'Ben'],
		partner: new ScriptedPartner(),
		transcripts: directory,
		turns: 1,
	});
	await controller.reply('Asha', FIRST);
	await controller.reply('Ben', SECOND);
	const asha = controller.current.messages.find(message => message.kind === 'learner' && message.learner === 'Asha')!;
	await controller.carry(asha.id);
	recorder.stop();
	return { directory, file: recorder.file };
}

/** The review screens on a folder, or straight on one transcript in it, as Dr Okafor. */
async function openReview(directory: string, file?: string) {
	const ui = render(
		<KeyRouter>
			<ReviewApp services={await reviewServices(directory)} {...(file ? { file } : {})} reviewer="Dr Okafor" />
		</KeyRouter>,
	);
	mounted.push(ui);
	return ui;
}

const read = (file: string) => Transcript.parse(JSON.parse(readFileSync(file, 'utf8')));

describe('postsafe review', () => {
	it('opens a transcript from the browser, comments on a turn, signs off; the file gains the review and keeps every learner word', async () => {
		const { directory, file } = await playedTranscript();
		const corrupt = join(directory, 'broken.json');
		writeFileSync(corrupt, '{"version": 1, "turns": [');
		const before = readFileSync(file, 'utf8');
		const ui = render(
			<KeyRouter>
				<ReviewApp services={await reviewServices(directory)} reviewer="Dr Okafor" now={() => new Date('2026-11-22T10:00:00Z')} />
			</KeyRouter>,
		);
		mounted.push(ui);
		await waitFor(ui, text => text.includes('Transcripts: 2'));
		const listed = flat(ui.lastFrame() ?? '');
		expect(listed).toContain('broken.json ✗ unreadable: truncated JSON (the file ends part-way)');
		expect(listed).toMatch(/Asha \d+\/6 complete A rash photo in your Instagram DMs/);

		await press(ui, 'rash');
		await waitFor(ui, () => (ui.lastFrame() ?? '').includes('1 match'));
		await press(ui, '\r');
		await waitFor(ui, text => text.includes('turn 1 of 4'));
		await press(ui, DOWN);
		await waitFor(ui, () => (ui.lastFrame() ?? '').includes('turn 2 of 4'));
		// The evidence is marked in the learner's own words, each criterion with its letter.
		const shown = flat(ui.lastFrame() ?? '');
		// The key names the criteria this scenario scores, by their labels, and no others.
		expect(shown).toContain('marks: B Professional boundaries · S Signposting to a safe route · D Documentation · ⚑ red flag · ¬ negated');
		expect(shown).not.toMatch(/transparency|Confidentiality/i);
		expect(shown).toContain('❯ 2. Asha');
		expect(shown).toMatch(/\[[^\]]*advice[^\]]*\]B/);
		expect(shown).toContain('4 of 6 points · met: B Professional boundaries, S Signposting');

		await press(ui, 'c');
		await waitFor(ui, () => (ui.lastFrame() ?? '').includes('Comment on turn 2'));
		await press(ui, 'Kind and clear: a good first line.', '\r');
		await waitFor(ui, () => (ui.lastFrame() ?? '').includes('💬 Dr Okafor: Kind and clear: a good first line.'));
		await press(ui, 's');
		await waitFor(ui, () => (ui.lastFrame() ?? '').includes('Summary of the session'));
		await press(ui, 'Safe start; the second reply gave advice.', '\r');
		await waitFor(ui, () => (ui.lastFrame() ?? '').includes('Outcome:'));
		await press(ui, '2', '\r');
		await waitFor(ui, () => (ui.lastFrame() ?? '').includes('Review signed by Dr Okafor on 2026-11-22: needs development'));

		const after = read(file);
		expect(after.review).toEqual({
			comments: [{ turn: 1, text: 'Kind and clear: a good first line.', by: 'Dr Okafor', at: '2026-11-22T10:00:00.000Z' }],
			summary: 'Safe start; the second reply gave advice.',
			outcome: 'needs development',
			reviewer: 'Dr Okafor',
			signedAt: '2026-11-22T10:00:00.000Z',
		});
		// Byte for byte: everything but the review is as it was.
		const original = JSON.parse(before);
		expect(JSON.stringify(after.turns)).toBe(JSON.stringify(original.turns));
		expect(readFileSync(file, 'utf8')).toBe(before.replace('"review": null', `"review": ${JSON.stringify(after.review, null, 2).replace(/\n/g, '\n  ')}`));
		expect(readFileSync(corrupt, 'utf8')).toBe('{"version": 1, "turns": [');

		// Back in the browser, the transcript reads as reviewed; opened again, it shows the review.
		await press(ui, '\u001B');
		await waitFor(ui, () => flat(ui.lastFrame() ?? '').includes('complete ✓ yes'));
		await press(ui, '\r');
		await waitFor(ui, () => (ui.lastFrame() ?? '').includes('Review signed by Dr Okafor'));
		await press(ui, DOWN);
		await waitFor(ui, () => (ui.lastFrame() ?? '').includes('💬 Dr Okafor: Kind and clear'));
	});

	it('a second sign-off asks first, then supersedes the first and keeps it: both are shown and saved', async () => {
		const { file } = await playedTranscript();
		const at = (iso: string) => () => new Date(iso);
		const sign = async (reviewer: string, when: string, summary: string, outcome: string) => {
			const ui = render(
				<KeyRouter>
					<ReviewApp services={await reviewServices(dirname(file))} file={file} reviewer={reviewer} now={at(when)} />
				</KeyRouter>,
			);
			mounted.push(ui);
			await waitFor(ui, text => text.includes('turn 1 of 4'));
			await press(ui, 's');
			return {
				ui,
				finish: async () => {
					await waitFor(ui, () => (ui.lastFrame() ?? '').includes('Summary of the session'));
					await press(ui, summary, '\r');
					await waitFor(ui, () => (ui.lastFrame() ?? '').includes('Outcome:'));
					await press(ui, outcome, '\r');
				},
			};
		};
		const first = await sign('Dr Okafor', '2026-11-22T10:00:00Z', 'Advice given under pressure.', '2');
		await first.finish();
		await waitFor(first.ui, () => (first.ui.lastFrame() ?? '').includes('Review signed by Dr Okafor on 2026-11-22: needs development'));
		first.ui.unmount();

		const second = await sign('Dr Lee', '2026-11-29T09:00:00Z', 'Talked it through: safe now.', '1');
		await waitFor(second.ui, () =>
			flat(second.ui.lastFrame() ?? '').includes('Signed off already by Dr Okafor on 2026-11-22: needs development. Sign off again?'),
		);
		// n keeps the sign-off as it was; s and y go on to a new one.
		await press(second.ui, 'n');
		await waitFor(second.ui, () => !(second.ui.lastFrame() ?? '').includes('Sign off again?'));
		expect(read(file).review?.reviewer).toBe('Dr Okafor');
		await press(second.ui, 's', 'y');
		await second.finish();
		await waitFor(second.ui, () => (second.ui.lastFrame() ?? '').includes('Review signed by Dr Lee on 2026-11-29: meets expectations'));
		expect(flat(second.ui.lastFrame() ?? '')).toContain('Superseded: Dr Okafor on 2026-11-22: needs development — Advice given under pressure.');
		const saved = JSON.parse(readFileSync(file, 'utf8'));
		expect(saved.version).toBe(2);
		expect(saved.review).toMatchObject({
			reviewer: 'Dr Lee',
			outcome: 'meets expectations',
			summary: 'Talked it through: safe now.',
			signedAt: '2026-11-29T09:00:00.000Z',
			history: [{ reviewer: 'Dr Okafor', signedAt: '2026-11-22T10:00:00.000Z', outcome: 'needs development', summary: 'Advice given under pressure.' }],
		});
	});

	it('opens a version 1 transcript (no sign-off history) as it was written', async () => {
		const { file } = await playedTranscript();
		const json = JSON.parse(readFileSync(file, 'utf8'));
		writeFileSync(
			file,
			JSON.stringify(
				{
					...json,
					version: 1,
					review: { comments: [], summary: 'Fine.', outcome: 'meets expectations', reviewer: 'Dr Okafor', signedAt: '2026-01-02T00:00:00.000Z' },
				},
				null,
				2,
			),
		);
		const ui = await openReview(dirname(file), file);
		await waitFor(ui, () => (ui.lastFrame() ?? '').includes('Review signed by Dr Okafor on 2026-01-02: meets expectations'));
	});

	it("holds a reply that raised a red flag to the session's cap, as the score above it is", async () => {
		const { directory, file } = await playedTranscript([
			"I can't advise on here, call 111, I'll note it in your record. Sounds like eczema though, try hydrocortisone.",
		]);
		const ui = await openReview(directory, file);
		await waitFor(ui, text => text.includes('Score 3/6'));
		await press(ui, DOWN);
		await waitFor(ui, () => (ui.lastFrame() ?? '').includes('turn 2 of'));
		// The advice undoes the boundary drawn before it; its words stay marked beside the flag's.
		expect(flat(ui.lastFrame() ?? '')).toContain(
			"3 of 6 points (4 before the red flag's cap) · met: S Signposting to a safe route, D Documentation · undone by the red flag: B Professional boundaries",
		);
	});

	it('lists a file that only fails when opened in full as unreadable from then on, with the reason, and leaves it as it was', async () => {
		const { directory, file } = await playedTranscript();
		const transcript = JSON.parse(readFileSync(file, 'utf8'));
		transcript.turns[1].text = 42;
		const broken = join(directory, 'edited-by-hand.json');
		writeFileSync(broken, JSON.stringify(transcript, null, 2));
		const before = readFileSync(broken, 'utf8');
		const ui = await openReview(directory);
		await waitFor(ui, text => text.includes('Transcripts: 2'));
		expect(ui.lastFrame()).not.toContain('unreadable');
		await press(ui, 'edited', '\r');
		await waitFor(ui, () => (ui.lastFrame() ?? '').includes('1 unreadable'));
		const shown = flat(ui.lastFrame() ?? '');
		expect(shown).toContain('edited-by-hand.json ✗ unreadable: not a valid postsafe transcript (turns.1.text');
		expect(shown).toContain('✗ edited-by-hand.json: not a valid postsafe transcript (turns.1.text');
		expect(readFileSync(broken, 'utf8')).toBe(before);
	});

	it('says an SJT practice record has no conversation to review, without sending the supervisor to a report that leaves it out', async () => {
		const directory = mkdtempSync(join(tmpdir(), 'postsafe-review-'));
		const record = {
			kind: 'sjt',
			id: 'sjt-asha',
			learner: 'Asha',
			startedAt: '2026-11-22T09:00:00.000Z',
			status: 'complete',
			summary: { points: 18, max: 20, items: 1 },
		};
		writeFileSync(join(directory, 'sjt-asha.json'), JSON.stringify(record));
		const ui = await openReview(directory);
		await waitFor(ui, text => text.includes('SJT practice, 1 item'));
		await press(ui, '\r');
		await waitFor(ui, () => (ui.lastFrame() ?? '').includes('sjt-asha.json is an SJT practice record'));
		expect(flat(ui.lastFrame() ?? '')).toContain('sjt-asha.json is an SJT practice record, not a conversation: its score is the one listed here.');
	});

	it('erases every Backspace of a burst in the search box (a held key, or keys run together over SSH)', async () => {
		const { directory } = await playedTranscript();
		const ui = await openReview(directory);
		await waitFor(ui, text => text.includes('Transcripts: 1'));
		await press(ui, 'rashxyz');
		await waitFor(ui, () => (ui.lastFrame() ?? '').includes('0 match'));
		await press(ui, '\u007F\u007F\u007F');
		await waitFor(ui, () => (ui.lastFrame() ?? '').includes('1 match'));
		expect(ui.lastFrame()).toContain('Search: rash');
	});

	it('shows the score then and now when the rubric has changed since the session, and what changed', async () => {
		const { directory, file } = await playedTranscript();
		const transcript = JSON.parse(readFileSync(file, 'utf8'));
		// As if the session had been scored by an older rubric that missed signposting.
		transcript.scenario.contentHash = 'an-older-rubric';
		const signposting = transcript.score.criteria.find((criterion: { id: string }) => criterion.id === 'signposting');
		Object.assign(signposting, { met: false, points: 0 });
		transcript.score.score -= 2;
		writeFileSync(file, JSON.stringify(transcript, null, 2));
		const ui = await openReview(directory, file);
		await waitFor(ui, text => text.includes('Score then'));
		const shown = flat(screenText(ui));
		expect(shown).toContain(
			`Score then ${transcript.score.score}/6 · now ${transcript.score.score + 2}/6 (the scenario or rubric has changed since this session)`,
		);
		expect(shown).toContain('~ Signposting to a safe route: missed 0/2 then, met 2/2 now');
	});

	it('shows a group session scored then and now, learner by learner, when the rubric has changed since', async () => {
		const { directory, file } = await playedGroupTranscript();
		const transcript = JSON.parse(readFileSync(file, 'utf8'));
		// As if an older rubric had missed Asha's signposting.
		transcript.scenario.contentHash = 'an-older-rubric';
		const asha = transcript.scores.find((entry: { learner: string }) => entry.learner === 'Asha').score;
		asha.score -= 2;
		writeFileSync(file, JSON.stringify(transcript, null, 2));
		const ui = await openReview(directory, file);
		await waitFor(ui, text => text.includes('Scores then'));
		expect(flat(ui.lastFrame() ?? '')).toContain(
			`Scores then Asha ${asha.score}/6 · Ben 0/6 · now Asha ${asha.score + 2}/6 · Ben 0/6 (the scenario or rubric has changed since this session)`,
		);
	});

	it("shows a group session with each learner's score and the reply that carried on", async () => {
		const { directory, file } = await playedGroupTranscript();
		const ui = await openReview(directory, file);
		await waitFor(ui, text => text.includes('Scores Asha'));
		expect(flat(ui.lastFrame() ?? '')).toMatch(/Scores Asha 4\/6 · Ben 0\/6/);
		await press(ui, DOWN);
		await waitFor(ui, () => (ui.lastFrame() ?? '').includes('2. Asha'));
		expect(flat(ui.lastFrame() ?? '')).toContain('❯ 2. Asha · ');
		expect(flat(ui.lastFrame() ?? '')).toContain('carried on');
		expect(flat(ui.lastFrame() ?? '')).toContain('met: B Professional boundaries, S Signposting');
	});
});
