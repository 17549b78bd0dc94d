import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { render } from 'ink-testing-library';
import React from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import { parseLearners } from '../source/group/learners.js';
import { groupPlain, groupSjtPlain } from '../source/commands/group-plain.js';
import { startRecordedSession } from '../source/transcript/start-session.js';
import { displayNames, roundCards } from '../source/group/round.js';
import { groupSjt } from '../source/group/sjt-distribution.js';
import { ScriptedPartner } from '../source/partner/scripted.js';
import { loadSjtBank, sjtDirectory } from '../source/library/sjt-files.js';
import { Transcript } from '../source/transcript/schema.js';
import type { RecordedSession } from '../source/transcript/recorder.js';
import { GroupApp } from '../source/ui/group/group-app.js';
import { GroupSjtApp } from '../source/ui/group/group-sjt-app.js';
import { GroupDebriefView } from '../source/ui/group/group-debrief-view.js';
import { GroupSjtView } from '../source/ui/group/group-sjt-view.js';
import { RoundView } from '../source/ui/group/round-view.js';
import { KeyRouter } from '../source/ui/input/key-router.js';
import { runCli } from './helpers/cli.js';
import { transcriptToHtml } from '../source/export/html.js';
import { transcriptToMarkdown } from '../source/export/markdown.js';
import { startGroupSjtFiles } from '../source/transcript/sjt-session-file.js';
import { SjtRecord } from '../source/sjt/record.js';
import { flat, press, screenText, waitFor } from './helpers/ink.js';
import { bundledLibrary, SCENARIO_DIR } from './helpers/library.js';

const mounted: { unmount: () => void }[] = [];
afterEach(() => {
	for (const instance of mounted.splice(0)) instance.unmount();
});

const ASHA = "Sorry Jade, I can't give medical advice on Instagram. Please use the practice's online consultation form.";
const BEN = "It's probably eczema, try some hydrocortisone cream.";
const CHLOE = "I'll note this in your record, and please call 111 if it gets worse.";

/** A scenario folder holding the criteria and just these SJT items, so a group session's items are known. */
function sjtLibrary(...ids: string[]): string {
	const library = mkdtempSync(join(tmpdir(), 'postsafe-group-lib-'));
	copyFileSync(join(SCENARIO_DIR, 'criteria.yaml'), join(library, 'criteria.yaml'));
	mkdirSync(join(library, 'sjt'));
	for (const id of ids) copyFileSync(join(SCENARIO_DIR, 'sjt', `${id}.yaml`), join(library, 'sjt', `${id}.yaml`));
	return library;
}

describe('postsafe group in the terminal', () => {
	it('hides each reply until the last learner submits, shows them side by side, carries on the one chosen, and debriefs the group', async () => {
		const library = bundledLibrary();
		const loaded = library.scenarios.find(candidate => candidate.scenario.id === 'patient-dm-rash')!;
		const directory = mkdtempSync(join(tmpdir(), 'postsafe-group-'));
		let session: RecordedSession | undefined;
		const ui = render(
			<KeyRouter>
				<GroupApp
					learners={['Asha', 'Ben', 'Chloe']}
					anonymous={false}
					parseNames={parseLearners}
					scriptedPartner={() => new ScriptedPartner()}
					start={learners =>
						(session = startRecordedSession({
							loaded,
							criteria: library.criteria.library,
							learners,
							partner: new ScriptedPartner(),
							transcripts: directory,
							turns: 2,
						}))
					}
				/>
			</KeyRouter>,
		);
		mounted.push(ui);
		await waitFor(ui, text => text.includes("Asha's turn"));
		// A word of each reply that nothing else on screen holds.
		const unique = { Asha: 'Sorry Jade', Ben: 'eczema', Chloe: 'note this' };
		for (const [who, reply, next] of [
			['Asha', ASHA, "Ben's turn"],
			['Ben', BEN, "Chloe's turn"],
		] as const) {
			await press(ui, reply, '\r');
			await waitFor(ui, () => (ui.lastFrame() ?? '').includes(next));
			// Nobody else sees what was sent.
			expect(ui.lastFrame()).not.toContain(unique.Asha);
			expect(ui.lastFrame()).not.toContain(unique.Ben);
			expect(ui.lastFrame()).toContain(`${who} ✓`);
		}
		await press(ui, CHLOE, '\r');
		await waitFor(ui, () => (ui.lastFrame() ?? '').includes('Everyone has replied'));
		const sideBySide = flat(ui.lastFrame() ?? '');
		for (const word of Object.values(unique)) expect(sideBySide).toContain(word);
		expect(sideBySide).toContain('⚑ Individual clinical advice');
		// The highest scoring reply is chosen to begin with (Asha's and Chloe's score 4: the earlier).
		expect(sideBySide).toMatch(/❯ Asha · 4\/6/);
		await press(ui, '\u001B[C', '\u001B[C');
		await waitFor(ui, () => /❯ Chloe · 4\/6/.test(ui.lastFrame() ?? ''));
		await press(ui, '\r');
		await waitFor(ui, text => flat(text).includes('→ carried on · Chloe'));
		await waitFor(ui, () => (ui.lastFrame() ?? '').includes("Asha's turn — round 2"));
		expect(
			session!.controller.current.messages
				.filter(message => message.kind === 'learner' && message.carried)
				.map(message => (message as { learner: string }).learner),
		).toEqual(['Chloe']);

		await press(ui, '\u0005');
		await waitFor(ui, text => text.includes('Group debrief'));
		const debrief = flat(screenText(ui));
		expect(debrief).toMatch(/Asha ✓ met ✓ met ✗ missed none 4\/6/);
		expect(debrief).toMatch(/Ben ✗ missed ✗ missed ✗ missed ⚑ 1 0\/6/);
		expect(debrief).toMatch(/Chloe ✗ missed ✓ met ✓ met none 4\/6/);
		expect(debrief).toContain('For discussion');
		const transcript = Transcript.parse(JSON.parse(readFileSync(session!.recorder.file, 'utf8')));
		// Ctrl+E was the facilitator's: the record says so, and the export says which reply was carried on.
		expect(transcript).toMatchObject({ mode: 'group', learners: ['Asha', 'Ben', 'Chloe'], endReason: 'facilitator' });
		const markdown = transcriptToMarkdown(transcript, { partnerName: 'Jade Holloway' });
		expect(markdown).toContain('- **Status:** complete (ended by the facilitator)');
		const headings = markdown.split('\n').filter(line => /^### Turn \d+ · (Asha|Ben|Chloe) ·/.test(line));
		expect(
			headings.map(line => [
				/· (Asha|Ben|Chloe) ·/.exec(line)![1],
				line.endsWith('· carried on: the partner answered this reply') ? 'carried' : line.endsWith('· not carried on') ? 'not' : 'unmarked',
			]),
		).toEqual([
			['Asha', 'not'],
			['Ben', 'not'],
			['Chloe', 'carried'],
		]);
		expect(transcriptToHtml(transcript, { partnerName: 'Jade Holloway' })).toContain(
			'<span class="carried-note">carried on: the partner answered this reply</span>',
		);
	});
	it('asks for the names at the start, refusing a group of one, and begins with the first named', async () => {
		const library = bundledLibrary();
		const loaded = library.scenarios.find(candidate => candidate.scenario.id === 'patient-dm-rash')!;
		const directory = mkdtempSync(join(tmpdir(), 'postsafe-group-'));
		const ui = render(
			<KeyRouter>
				<GroupApp
					anonymous={false}
					parseNames={parseLearners}
					scriptedPartner={() => new ScriptedPartner()}
					start={learners =>
						startRecordedSession({ loaded, criteria: library.criteria.library, learners, partner: new ScriptedPartner(), transcripts: directory })
					}
				/>
			</KeyRouter>,
		);
		mounted.push(ui);
		await waitFor(ui, text => text.includes('Who is taking part?'));
		await press(ui, 'Asha', '\r');
		await waitFor(ui, () => (ui.lastFrame() ?? '').includes('a group needs at least two names'));
		await press(ui, ', Ben', '\r');
		await waitFor(ui, () => (ui.lastFrame() ?? '').includes("Asha's turn — round 1"));
		expect(ui.lastFrame()).toContain('Ben ·');
	});
});

describe('a round of replies at 80 columns', () => {
	it('five learners: the cards wrap three to a row instead of stacking one per row off the screen', async () => {
		const library = bundledLibrary();
		const loaded = library.scenarios.find(candidate => candidate.scenario.id === 'patient-dm-rash')!;
		const learners = ['Asha', 'Ben', 'Chloe', 'Dev', 'Esther'];
		const session = startRecordedSession({
			loaded,
			criteria: library.criteria.library,
			learners,
			partner: new ScriptedPartner(),
			transcripts: mkdtempSync(join(tmpdir(), 'postsafe-group-')),
		});
		for (const [index, learner] of learners.entries()) await session.controller.reply(learner, [ASHA, BEN, CHLOE][index % 3]!);
		session.recorder.stop();
		const cards = roundCards(session.controller.current);
		const ui = render(
			<RoundView
				cards={cards}
				criteria={session.controller.current.rubric.criteria}
				names={displayNames(learners, false)}
				chosen={cards[0]!.reply.id}
				carried={false}
				width={80}
			/>,
		);
		mounted.push(ui);
		const lines = (ui.lastFrame() ?? '').split('\n');
		expect(lines.find(line => line.includes('Asha'))).toMatch(/Asha.*Ben.*Chloe/);
		expect(lines.find(line => line.includes('Dev'))).toMatch(/Dev.*Esther/);
		expect(Math.max(...lines.map(line => line.length))).toBeLessThanOrEqual(80);
		expect(lines.length).toBeLessThanOrEqual(24);
	});
});

describe('postsafe group in plain mode', () => {
	it('three learners over two turns: one transcript with six named replies, and the learner × criterion table', () => {
		const transcripts = mkdtempSync(join(tmpdir(), 'postsafe-group-'));
		const result = runCli(['group', 'patient-dm-rash', '--learners', 'Asha,Ben,Chloe', '--offline', '--turns', '2', '--transcripts', transcripts], {
			input: [ASHA, BEN, CHLOE, 'Please send the photo through the online form.', 'ok', "I can't advise here, sorry."].join('\n'),
		});
		expect(result.code).toBe(0);
		expect(result.stdout).toContain("Carried on: Asha's reply (the highest scoring).");
		// The criteria's names don't fit 80 columns side by side: their marks head the columns, with the key below.
		expect(result.stdout).toMatch(/Learner +B +S +D +Red flags +Score\n/);
		expect(result.stdout).toMatch(/Asha +✓ met +✓ met +✗ missed +none +4\/6/);
		expect(result.stdout).toContain('B Professional boundaries · S Signposting to a safe route · D Documentation');
		expect(
			Math.max(
				...result.stdout
					.split('\n')
					.filter(line => !line.includes(': '))
					.map(line => line.length),
			),
		).toBeLessThanOrEqual(80);
		expect(result.stdout).toMatch(/Ben +✗ missed +✗ missed +✗ missed +⚑ 1 +0\/6/);
		expect(result.stdout).toMatch(/Chloe +✓ met +✓ met +✓ met +none +6\/6/);
		const files = readdirSync(transcripts);
		expect(files).toHaveLength(1);
		const transcript = Transcript.parse(JSON.parse(readFileSync(join(transcripts, files[0]!), 'utf8')));
		const replies = transcript.turns.filter(turn => turn.role === 'learner');
		expect(replies.map(turn => turn.learner)).toEqual(['Asha', 'Ben', 'Chloe', 'Asha', 'Ben', 'Chloe']);
		expect(replies[1]!.text).toBe(BEN);
		expect(transcript.scores?.map(entry => [entry.learner, entry.score.score])).toEqual([
			['Asha', 4],
			['Ben', 0],
			['Chloe', 6],
		]);
	});

	it("marks a criterion not met with a dash, so the mark is not read as the legend's separator", () => {
		const result = runCli(
			['group', 'patient-dm-rash', '--learners', 'Asha,Ben', '--offline', '--turns', '1', '--transcripts', mkdtempSync(join(tmpdir(), 'postsafe-group-'))],
			{ input: [ASHA, BEN].join('\n') },
		);
		expect(result.stdout).toMatch(/→ Asha +✓ +✓ +– +4\/6/);
		expect(result.stdout).toContain('✓ met · – not met · ⚑ red flag');
	});

	it('when everyone met every criterion, the first discussion question does not ask what made it hard', () => {
		const full = "Sorry Jade, I can't give medical advice on Instagram. Please use the practice's online consultation form. I'll note this in your record.";
		const result = runCli(
			['group', 'patient-dm-rash', '--learners', 'Asha,Ben', '--offline', '--turns', '1', '--transcripts', mkdtempSync(join(tmpdir(), 'postsafe-group-'))],
			{ input: [full, full].join('\n') },
		);
		expect(result.stdout).toMatch(/Asha +✓ met +✓ met +✓ met +none +6\/6/);
		expect(result.stdout).not.toContain('What made it hard to include');
		expect(result.stdout).toMatch(/1\. Everyone met every criterion/);
	});

	it('names the criteria at the head of the debrief table when the terminal is wide enough', () => {
		const result = runCli(
			['group', 'patient-dm-rash', '--learners', 'Asha,Ben', '--offline', '--turns', '1', '--transcripts', mkdtempSync(join(tmpdir(), 'postsafe-group-'))],
			{ input: [ASHA, BEN].join('\n'), env: { COLUMNS: '120' } },
		);
		expect(result.stdout).toMatch(/Learner +Professional boundaries +Signposting to a safe route +Documentation +Red flags +Score/);
	});

	it('shows learners as Learner A, B, C with --anonymous, and keeps their names in the transcript', () => {
		const transcripts = mkdtempSync(join(tmpdir(), 'postsafe-group-'));
		const result = runCli(
			['group', 'patient-dm-rash', '--learners', 'Asha,Ben,Chloe', '--anonymous', '--offline', '--turns', '1', '--transcripts', transcripts],
			{ input: [ASHA, BEN, CHLOE].join('\n') },
		);
		expect(result.stdout).toContain('a group of 3: Learner A, Learner B, Learner C');
		expect(result.stdout).not.toMatch(/\bAsha\b|\bChloe\b/);
		// Not even in the transcript's file name, printed at the end for everyone to see.
		expect(result.stdout.toLowerCase()).not.toMatch(/asha|chloe/);
		expect(result.stdout).toMatch(/Transcript saved: .*patient-dm-rash-group-[0-9a-f]{4}\.json/);
		const transcript = Transcript.parse(JSON.parse(readFileSync(join(transcripts, readdirSync(transcripts)[0]!), 'utf8')));
		expect(transcript.learners).toEqual(['Asha', 'Ben', 'Chloe']);
	});

	it('--sjt: one answer line per learner, then the spread against the ideal and the marks', () => {
		const library = sjtLibrary('sjt-ward-selfie');
		const transcripts = mkdtempSync(join(tmpdir(), 'postsafe-group-sjt-'));
		const result = runCli(['group', '--sjt', '--learners', 'Asha,Ben,Chloe', '--transcripts', transcripts], {
			env: { POSTSAFE_SCENARIOS: library },
			input: 'C,D,F\nC,D,H\nA,C,H\n',
		});
		expect(result.code).toBe(0);
		// One SJT record for each learner, saved where solo sessions go.
		expect(result.stdout).toContain(`Saved: one SJT record for each of the 3 learners, in ${transcripts}`);
		const records = readdirSync(transcripts).map(name => SjtRecord.parse(JSON.parse(readFileSync(join(transcripts, name), 'utf8'))));
		expect(records.map(record => [record.learner, record.status, record.items.map(item => [item.id, item.answer.join(','), item.points])]).sort()).toEqual([
			['Asha', 'complete', [['sjt-ward-selfie', 'C,D,F', 12]]],
			['Ben', 'complete', [['sjt-ward-selfie', 'C,D,H', 8]]],
			['Chloe', 'complete', [['sjt-ward-selfie', 'A,C,H', 4]]],
		]);
		expect(result.stdout).toContain('C ✓ ██████████ 3/3');
		expect(result.stdout).toContain('H   ███████░░░ 2/3');
		expect(result.stdout).toMatch(/Chloe +A, C, H +4\/12/);
	});

	it('--sjt: a four-option rank item spreads over four places and is marked out of 16', () => {
		const library = sjtLibrary('sjt-dating-app-patient');
		const result = runCli(['group', '--sjt', '--learners', 'Asha,Ben'], { env: { POSTSAFE_SCENARIOS: library }, input: 'A,C,D,B\nB,D,C,A\n' });
		expect(result.code).toBe(0);
		// Option A: ideal 1st; Asha put it 1st, Ben 4th; there is no 5th place.
		expect(result.stdout).toMatch(/A +1\*: 1 {2}2 : 0 {2}3 : 0 {2}4 : 1 +ideal 1\n/);
		expect(result.stdout).toMatch(/Asha +A > C > D > B +16\/16/);
		expect(result.stdout).toMatch(/Ben +B > D > C > A +8\/16/);
		expect(result.stdout).toMatch(/Asha +16\/16 +100%/);
	});

	it('--sjt: totals for each learner at the end, over the items answered when input stops early', () => {
		const library = sjtLibrary('sjt-ward-selfie', 'sjt-closed-doctors-group');
		// Whichever item comes first, "C,D,F" and "C,E,G" each score one way on it; the second item gets one line only.
		const result = runCli(['group', '--sjt', '--learners', 'Asha,Ben'], { env: { POSTSAFE_SCENARIOS: library }, input: 'C,D,F\nC,E,G\nC,D,F\n' });
		expect(result.code).toBe(0);
		const first = result.stdout.includes('Item 1 of 2: A registrar') ? 'selfie' : 'closed';
		const [asha, ben] = first === 'selfie' ? [12, 4] : [4, 12];
		expect(result.stdout).toContain('(no more answers: the session ends here)');
		expect(result.stdout).toMatch(new RegExp(`Totals over 1 item\\n.*Asha +${asha}/12 +${Math.round((asha / 12) * 100)}%\\n.*Ben +${ben}/12`));
	});

	it('refuses SJT options without --sjt, and --turns with it, instead of ignoring them', () => {
		const sjtOptions = runCli(['group', 'patient-dm-rash', '--learners', 'Asha,Ben', '--count', '3']);
		expect([sjtOptions.code, sjtOptions.stderr]).toEqual([
			2,
			'postsafe: --count chooses SJT items: add --sjt (and leave out the scenario id), or leave it out\n',
		]);
		const turns = runCli(['group', '--sjt', '--learners', 'Asha,Ben', '--turns', '2']);
		expect([turns.code, turns.stderr]).toEqual([2, 'postsafe: --turns is for a scenario, not SJT items: leave it out with --sjt\n']);
	});

	it('refuses one learner, a repeated name, and plain mode without names, in one line each', () => {
		expect(runCli(['group', 'patient-dm-rash', '--learners', 'Asha']).stderr).toBe(
			'postsafe: --learners: a group needs at least two names, separated by commas (e.g. "Asha,Ben,Chloe")\n',
		);
		expect(runCli(['group', 'patient-dm-rash', '--learners', 'Asha,asha']).stderr).toBe(
			'postsafe: --learners: "asha" is named twice; give each learner a different name\n',
		);
		const none = runCli(['group', 'patient-dm-rash']);
		expect([none.code, none.stderr]).toEqual([2, 'postsafe: plain mode reads replies in learner order: give the names with --learners "Asha,Ben,Chloe"\n']);
	});
});

describe('postsafe group --plain at a terminal', () => {
	it('prompts each learner by name, and asks again after an empty line instead of saving "(no reply)"', async () => {
		const library = bundledLibrary();
		const loaded = library.scenarios.find(candidate => candidate.scenario.id === 'patient-dm-rash')!;
		const session = startRecordedSession({
			loaded,
			criteria: library.criteria.library,
			learners: ['Asha', 'Ben'],
			partner: new ScriptedPartner(),
			transcripts: mkdtempSync(join(tmpdir(), 'postsafe-group-')),
			turns: 1,
		});
		const input = new PassThrough();
		let shown = '';
		const done = groupPlain({
			session,
			names: displayNames(['Asha', 'Ben'], false),
			input,
			isTTY: true,
			stdout: text => void (shown += text),
			scriptedPartner: () => new ScriptedPartner(),
		});
		input.end(`${ASHA}\n\n${BEN}\n`);
		expect(await done).toBe(0);
		expect(shown).toContain('Asha › Ben › Ben › ');
		const transcript = Transcript.parse(JSON.parse(readFileSync(session.recorder.file, 'utf8')));
		expect(transcript.turns.filter(turn => turn.role === 'learner').map(turn => [turn.learner, turn.text])).toEqual([
			['Asha', ASHA],
			['Ben', BEN],
		]);
	});

	it('--sjt: prompts each learner by name and asks again after an answer it cannot read', async () => {
		const bank = await loadSjtBank(sjtDirectory(SCENARIO_DIR), new Set(Object.keys(bundledLibrary().criteria.library.sources)));
		const selfie = bank.items.find(loaded => loaded.item.id === 'sjt-ward-selfie')!.item;
		const input = new PassThrough();
		let shown = '';
		const records = startGroupSjtFiles({ directory: mkdtempSync(join(tmpdir(), 'postsafe-group-sjt-')), learners: ['Asha', 'Ben'], seed: 1, filter: {} });
		const done = groupSjtPlain({
			items: [selfie],
			learners: ['Asha', 'Ben'],
			records,
			names: displayNames(['Asha', 'Ben'], true),
			input,
			isTTY: true,
			stdout: text => void (shown += text),
		});
		input.end('C,D,F\nC,D,Z\nC,D,H\n');
		expect(await done).toBe(0);
		expect(shown).toContain('Learner A › Learner B › ✗ no option Z in sjt-ward-selfie (its options are A to H). Try again: ');
		expect(flat(shown)).toContain('Learner B C, D, H 8/12');
	});
});

describe('long names in the group tables', () => {
	const LONG = 'Dr Asha Patel-Henderson-Montgomery-Smythe of Somewhere Very Far Away';
	it('the SJT marks keep one row per learner within 80 columns, scores in one column', async () => {
		const bank = await loadSjtBank(sjtDirectory(SCENARIO_DIR), new Set(Object.keys(bundledLibrary().criteria.library.sources)));
		const rash = bank.items.find(loaded => loaded.item.id === 'sjt-instagram-rash')!.item;
		const group = groupSjt(rash, [
			{ learner: LONG, answer: ['A', 'D', 'B', 'C', 'E'] },
			{ learner: 'Ben', answer: ['A', 'B', 'D', 'C', 'E'] },
		]);
		const ui = render(<GroupSjtView item={rash} group={group} names={displayNames([LONG, 'Ben'], false)} width={80} />);
		mounted.push(ui);
		const lines = (ui.lastFrame() ?? '').split('\n');
		expect(Math.max(...lines.map(line => line.length))).toBeLessThanOrEqual(80);
		const asha = lines.find(line => line.includes('Dr Asha'))!;
		const ben = lines.find(line => /^ +Ben /.test(line))!;
		expect(asha).toMatch(/…/);
		expect(asha.indexOf('20/20')).toBe(ben.indexOf('18/20'));
	});

	it('the group debrief keeps one row per learner within 80 columns', () => {
		const table = {
			criteria: [
				{ id: 'boundaries', label: 'Professional boundaries' },
				{ id: 'signposting', label: 'Signposting' },
			],
			rows: [LONG, 'Ben'].map(learner => ({ learner, met: { boundaries: true, signposting: false }, redFlags: [], score: 2, max: 4 })),
		};
		const ui = render(
			<GroupDebriefView title="A title" table={table} names={displayNames([LONG, 'Ben'], false)} modelReply="A reply." questions={['One?']} width={80} />,
		);
		mounted.push(ui);
		const lines = (ui.lastFrame() ?? '').split('\n');
		expect(Math.max(...lines.map(line => line.length))).toBeLessThanOrEqual(80);
		expect(lines.find(line => line.includes('Dr Asha'))).toMatch(/… +✓ met +✗ missed +none +2\/4$/);
	});
});

describe('the group SJT view', () => {
	it("shows the spread of a hand-made set of answers against the ideal, and each learner's marks", async () => {
		const bank = await loadSjtBank(sjtDirectory(SCENARIO_DIR), new Set(Object.keys(bundledLibrary().criteria.library.sources)));
		const selfie = bank.items.find(loaded => loaded.item.id === 'sjt-ward-selfie')!.item;
		const rash = bank.items.find(loaded => loaded.item.id === 'sjt-instagram-rash')!.item;
		// Best three C, D, F. By hand: C chosen by 3, D by 2, F by 1, A by 1, H by 2.
		const answers = [
			{ learner: 'Asha', answer: ['C', 'D', 'F'] },
			{ learner: 'Ben', answer: ['C', 'D', 'H'] },
			{ learner: 'Chloe', answer: ['A', 'C', 'H'] },
		];
		const group = groupSjt(selfie, answers);
		expect(group.spread.map(spread => (spread.type === 'best3' ? [spread.option, spread.chosenBy, spread.correct] : []))).toEqual([
			['A', 1, false],
			['B', 0, false],
			['C', 3, true],
			['D', 2, true],
			['E', 0, false],
			['F', 1, true],
			['G', 0, false],
			['H', 2, false],
		]);
		expect(group.learners.map(entry => entry.score.points)).toEqual([12, 8, 4]);
		const ui = render(<GroupSjtView item={selfie} group={group} names={displayNames(['Asha', 'Ben', 'Chloe'], true)} width={80} />);
		mounted.push(ui);
		const shown = ui.lastFrame() ?? '';
		expect(shown).toContain('C ✓ ████████████ 3/3');
		expect(shown).toContain('H   ████████░░░░ 2/3');
		expect(flat(shown)).toContain('Learner C A, C, H 4/12');
		expect(shown).not.toContain('Chloe');

		// Ranks: A placed first by two of three, ideal first.
		const ranked = groupSjt(rash, [
			{ learner: 'Asha', answer: ['A', 'D', 'B', 'C', 'E'] },
			{ learner: 'Ben', answer: ['A', 'B', 'D', 'C', 'E'] },
			{ learner: 'Chloe', answer: ['D', 'A', 'B', 'C', 'E'] },
		]);
		expect(ranked.spread.find(spread => spread.option === 'A')).toEqual({ type: 'rank', option: 'A', ideal: 1, atPlace: [2, 1, 0, 0, 0] });
		expect(ranked.learners.map(entry => entry.score.points)).toEqual([20, 18, 18]);
	});

	it('shows what each option said beside why, since the options leave the screen with the answer form', async () => {
		const bank = await loadSjtBank(sjtDirectory(SCENARIO_DIR), new Set(Object.keys(bundledLibrary().criteria.library.sources)));
		const rash = bank.items.find(loaded => loaded.item.id === 'sjt-instagram-rash')!.item;
		const ui = render(
			<GroupSjtView
				item={rash}
				group={groupSjt(rash, [{ learner: 'Asha', answer: ['A', 'D', 'B', 'C', 'E'] }])}
				names={displayNames(['Asha'], false)}
				width={80}
			/>,
		);
		mounted.push(ui);
		expect(flat(ui.lastFrame() ?? '')).toContain(
			'D Ignore the message, since your personal social media has nothing to do with work. Why: It avoids unsafe advice',
		);
	});

	it("takes each learner's answer in turn, unseen, then shows the group's spread and marks", async () => {
		const bank = await loadSjtBank(sjtDirectory(SCENARIO_DIR), new Set(Object.keys(bundledLibrary().criteria.library.sources)));
		const selfie = bank.items.find(loaded => loaded.item.id === 'sjt-ward-selfie')!.item;
		const directory = mkdtempSync(join(tmpdir(), 'postsafe-group-sjt-'));
		const ui = render(
			<KeyRouter>
				<GroupSjtApp
					items={[selfie]}
					learners={['Asha', 'Ben']}
					anonymous={false}
					parseNames={parseLearners}
					startRecords={learners => startGroupSjtFiles({ directory, learners, seed: 1, filter: {} })}
				/>
			</KeyRouter>,
		);
		mounted.push(ui);
		await waitFor(ui, () => (ui.lastFrame() ?? '').includes("Asha's answer (1 of 2)"));
		// Asha: C, D, F. Ben: A, B, C.
		await press(ui, '\u001B[B', '\u001B[B', ' ', '\u001B[B', ' ', '\u001B[B', '\u001B[B', ' ', '\r');
		await waitFor(ui, () => (ui.lastFrame() ?? '').includes("Ben's answer (2 of 2)"));
		expect(ui.lastFrame()).toContain('Chosen: none');
		// A second Enter meant for Asha's answer gives Ben nothing: it is refused, and says why.
		await press(ui, '\r');
		await waitFor(ui, () => (ui.lastFrame() ?? '').includes('Nothing chosen yet: choose three with Space, then Enter.'));
		expect(ui.lastFrame()).toContain("Ben's answer (2 of 2)");
		await press(ui, ' ', '\u001B[B', ' ', '\u001B[B', ' ', '\r');
		await waitFor(ui, text => text.includes('How many chose each option'));
		const shown = flat(screenText(ui));
		expect(shown).toContain('C ✓ ████████████ 2/2');
		expect(shown).toContain('A ██████░░░░░░ 1/2');
		expect(shown).toMatch(/Asha C, D, F 12\/12/);
		expect(shown).toMatch(/Ben A, B, C 4\/12/);
		await press(ui, '\r');
		await waitFor(ui, text => text.includes('Totals'));
		await waitFor(ui, text => flat(text).includes(`Saved: one SJT record for each of the 2 learners, in ${directory}`));
		const records = readdirSync(directory).map(name => SjtRecord.parse(JSON.parse(readFileSync(join(directory, name), 'utf8'))));
		expect(records.map(record => [record.learner, record.status, record.items[0]!.answer.join(','), record.summary.points]).sort()).toEqual([
			['Asha', 'complete', 'C,D,F', 12],
			['Ben', 'complete', 'A,B,C', 4],
		]);
	});
});
