import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { render } from 'ink-testing-library';
import React from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { parseLearners } from '../source/group/learners.js';
import { startRecordedSession } from '../source/transcript/start-session.js';
import { ScriptedPartner } from '../source/partner/scripted.js';
import type { RecordedSession } from '../source/transcript/recorder.js';
import { reviewServices } from '../source/commands/review.js';
import { GroupApp } from '../source/ui/group/group-app.js';
import { ReviewApp } from '../source/ui/review/review-app.js';
import { Transcript } from '../source/transcript/schema.js';
import { KeyRouter } from '../source/ui/input/key-router.js';
import { flat, press, waitFor } from './helpers/ink.js';
import { bundledLibrary, ROOT } from './helpers/library.js';

const mounted: { unmount: () => void }[] = [];
afterEach(() => {
	for (const instance of mounted.splice(0)) instance.unmount();
});

const CHALLENGE = 'Ellie please delete that photo, ward 7 bay 3 bed 4 makes him identifiable';

describe('the group screen in a scenario with audiences', () => {
	it('each learner chooses where their reply goes with Tab, and the round shows where each went', async () => {
		const library = bundledLibrary();
		const loaded = library.scenarios.find(candidate => candidate.scenario.id === 'group-chat-patient-joke')!;
		let session: RecordedSession | undefined;
		const ui = render(
			<KeyRouter>
				<GroupApp
					learners={['Asha', 'Ben']}
					anonymous={false}
					parseNames={parseLearners}
					scriptedPartner={() => new ScriptedPartner()}
					start={learners =>
						(session = startRecordedSession({
							loaded,
							criteria: library.criteria.library,
							learners,
							partner: new ScriptedPartner(),
							transcripts: mkdtempSync(join(tmpdir(), 'postsafe-group-')),
							turns: 1,
						}))
					}
				/>
			</KeyRouter>,
		);
		mounted.push(ui);
		await waitFor(ui, text => text.includes("Asha's turn") && text.includes('Asha: write to the group (40)…'));
		expect(flat(ui.lastFrame() ?? '')).toContain('▸[the group (40)] Ellie (private)');
		await press(ui, CHALLENGE, '\r');
		await waitFor(ui, text => text.includes("Ben's turn"));
		// Ben starts where replies go first, and moves to Ellie's private chat.
		await press(ui, '\t');
		await waitFor(ui, text => text.includes('Ben: write to Ellie, privately…'));
		await press(ui, CHALLENGE, '\r');
		await waitFor(ui, text => text.includes('Everyone has replied'));
		const round = flat(ui.lastFrame() ?? '');
		expect(round).toMatch(/Asha · 2\/5 · the group/);
		expect(round).toMatch(/❯ Ben · 4\/5 · Ellie, private/);
		expect(round).toContain('⚑ Called a colleague out in front of the');
		expect(session!.controller.current.messages.flatMap(message => (message.kind === 'learner' ? [[message.learner, message.audience]] : []))).toEqual([
			['Asha', 'group'],
			['Ben', 'ellie'],
		]);
	});
});

describe('reviewing a transcript written before audiences', () => {
	it('shows every turn as it was written, by name and time, with no audience anywhere', async () => {
		const directory = mkdtempSync(join(tmpdir(), 'postsafe-audiences-review-'));
		const file = join(directory, 'old.json');
		cpSync(join(ROOT, 'test', 'fixtures', 'transcripts', 'v1-group-chat-patient-joke.json'), file);
		const transcript = Transcript.parse(JSON.parse(readFileSync(file, 'utf8')));
		const ui = render(
			<KeyRouter>
				<ReviewApp services={await reviewServices(directory)} file={file} reviewer="Dr Okafor" />
			</KeyRouter>,
		);
		mounted.push(ui);
		await waitFor(ui, text => text.includes(`turn 1 of ${transcript.turns.length}`));
		const seen: string[] = [];
		for (let turn = 1; turn <= transcript.turns.length; turn++) {
			await waitFor(ui, () => (ui.lastFrame() ?? '').includes(`turn ${turn} of ${transcript.turns.length}`));
			seen.push(flat(ui.lastFrame() ?? ''));
			await press(ui, '\u001B[B');
		}
		// The rubric's marks taken out of the learner's words: "[Delete it]C now" reads "Delete it now".
		const shown = seen
			.join(' ')
			.replace(/\[/g, '')
			.replace(/\][A-Z⚑¬]*/g, '');
		transcript.turns.forEach((turn, index) => {
			const name = turn.role === 'learner' ? turn.learner! : 'Ellie Marsh';
			// "3. Sam · 08:10": who and when, and nothing about where.
			expect(shown).toContain(`${index + 1}. ${name} · ${turn.time.slice(11, 16)}`);
			expect(shown).toContain(flat(turn.text).trim().split(' ').slice(0, 4).join(' '));
		});
		expect(shown).not.toMatch(/in the group|Ellie, private|in private with/);
	});
});
