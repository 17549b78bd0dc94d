import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { render } from 'ink-testing-library';
import React from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { startSjtSessionFile } from '../source/transcript/sjt-session-file.js';
import { loadSjtBank, sjtDirectory } from '../source/library/sjt-files.js';
import { SjtRecord } from '../source/sjt/record.js';
import type { SjtItem } from '../source/sjt/schema.js';
import { KeyRouter } from '../source/ui/input/key-router.js';
import { SjtApp } from '../source/ui/sjt/sjt-app.js';
import { flat, press, screenText, waitFor } from './helpers/ink.js';
import { bundledLibrary, SCENARIO_DIR } from './helpers/library.js';

const sources = bundledLibrary().criteria.library.sources;
const bank = await loadSjtBank(sjtDirectory(SCENARIO_DIR), new Set(Object.keys(sources)));
const item = (id: string) => bank.items.find(loaded => loaded.item.id === id)!.item;

const UP = '\u001B[A';
const DOWN = '\u001B[B';
const mounted: { unmount: () => void }[] = [];
afterEach(() => {
	for (const instance of mounted.splice(0)) instance.unmount();
});

function session(
	items: readonly SjtItem[],
	{ timed = false, secondsPerItem, learner = 'Asha' }: { timed?: boolean; secondsPerItem?: number; learner?: string | null } = {},
) {
	const directory = mkdtempSync(join(tmpdir(), 'postsafe-sjt-ui-'));
	const ui = render(
		<KeyRouter>
			<SjtApp
				items={items}
				sources={sources}
				{...(learner === null ? {} : { learner })}
				timed={timed}
				startSession={learner => startSjtSessionFile({ directory, learner, timed, seed: 1, filter: {} })}
				{...(secondsPerItem === undefined ? {} : { secondsPerItem })}
			/>
		</KeyRouter>,
	);
	mounted.push(ui);
	const record = () => {
		const files = readdirSync(directory).filter(name => name.endsWith('.json'));
		expect(files).toHaveLength(1);
		return SjtRecord.parse(JSON.parse(readFileSync(join(directory, files[0]!), 'utf8')));
	};
	return { ui, record };
}

describe('postsafe sjt in the terminal', () => {
	it('ranks with the arrow keys: pick up D, move it up two places, put it down, submit, and see 20 of 20', async () => {
		const { ui, record } = session([item('sjt-instagram-rash')]);
		await waitFor(ui, () => /❯ 1\. A/.test(ui.lastFrame() ?? ''));
		expect(ui.lastFrame()).toMatch(/❯ 1\. A/);
		await press(ui, DOWN, DOWN, DOWN, ' ');
		await waitFor(ui, () => (ui.lastFrame() ?? '').includes('↕ 4. D'));
		await press(ui, UP, UP, ' ');
		await waitFor(ui, () => /❯ 2\. D/.test(ui.lastFrame() ?? ''));
		expect(ui.lastFrame()).toMatch(/1\. A[\s\S]*2\. D[\s\S]*3\. B[\s\S]*4\. C[\s\S]*5\. E/);
		await press(ui, '\r');
		await waitFor(ui, text => text.includes('Score 20 of 20'));
		const shown = flat(screenText(ui));
		expect(shown).toContain('Your order A > D > B > C > E');
		expect(shown).toContain('Ideal order A > D > B > C > E');
		expect(shown).toContain('D · yours 2, ideal 2: 4/4');
		expect(shown).toContain('Why: It avoids unsafe advice and shares nothing');
		expect(record().items[0]).toMatchObject({ id: 'sjt-instagram-rash', answer: ['A', 'D', 'B', 'C', 'E'], points: 20, max: 20 });
		await press(ui, '\r');
		await waitFor(ui, text => text.includes('SJT session: 20 of 20 (100%) over 1 item'));
		expect(record()).toMatchObject({ status: 'complete', summary: { percent: 100, revisit: [] } });
	});

	it('ranks a four-option item: heading "rank 4", four places, and marks out of 16', async () => {
		const { ui, record } = session([item('sjt-dating-app-patient')]);
		await waitFor(ui, text => text.includes('A recent patient matches with you (rank 4, most to least appropriate)'));
		await waitFor(ui, () => /❯ 1\. A/.test(ui.lastFrame() ?? ''));
		expect(ui.lastFrame()).not.toMatch(/5\. /);
		// Hold B and move it above A: B, A, C, D against the ideal A, C, D, B is 1 + 3 + 3 + 3.
		await press(ui, DOWN, ' ');
		await waitFor(ui, () => (ui.lastFrame() ?? '').includes('↕ 2. B'));
		await press(ui, UP, ' ');
		await waitFor(ui, () => /❯ 1\. B/.test(ui.lastFrame() ?? ''));
		await press(ui, '\r');
		await waitFor(ui, text => text.includes('Score 10 of 16'));
		expect(flat(screenText(ui))).toContain('B · yours 1, ideal 4: 1/4');
		expect(record().items[0]).toMatchObject({ id: 'sjt-dating-app-patient', answer: ['B', 'A', 'C', 'D'], points: 10, max: 16 });
	});

	it('chooses three with Space, refuses a fourth, submits with Enter and reveals 12 of 12', async () => {
		const { ui, record } = session([item('sjt-ward-selfie')]);
		await waitFor(ui, text => text.includes('(3 more to choose)'));
		await press(ui, DOWN, DOWN, ' ', DOWN, ' ', DOWN, DOWN, ' ');
		await waitFor(ui, () => (ui.lastFrame() ?? '').includes('Chosen: C, D, F (three: Enter to submit)'));
		await press(ui, DOWN, ' ');
		await waitFor(ui, () => (ui.lastFrame() ?? '').includes('Three already chosen: unchoose one first'));
		expect(ui.lastFrame()).toContain('[ ] G');
		await press(ui, '\r');
		await waitFor(ui, text => text.includes('Score 12 of 12'));
		expect(flat(screenText(ui))).toContain('You chose C, D, F');
		// The reveal scrolls the score off a 24-line screen; the line above the keys keeps it in view.
		await waitFor(ui, () => (ui.lastFrame() ?? '').includes('Item 1 of 1: 12 of 12'));
		expect(record().items[0]).toMatchObject({ answer: ['C', 'D', 'F'], points: 12 });
	});

	it('takes keys that arrive run together (a slow link, a held key): Space Space Enter in one burst', async () => {
		const { ui, record } = session([item('sjt-ward-selfie')]);
		await waitFor(ui, text => text.includes('(3 more to choose)'));
		await press(ui, DOWN, DOWN);
		await waitFor(ui, () => /❯ \[ \] C/.test(ui.lastFrame() ?? ''));
		// Space chooses C, the second Space unchooses it, a third chooses it again; then Enter.
		ui.stdin.write('   \r');
		await waitFor(ui, text => text.includes('Score 4 of 12'));
		expect(record().items[0]).toMatchObject({ answer: ['C'], points: 4 });
	});

	it('the Enter that confirms the name does not submit the first item: the item waits for an answer', async () => {
		const { ui, record } = session([item('sjt-ward-selfie')], { learner: null });
		await waitFor(ui, text => text.includes("What's your name?"));
		await press(ui, 'Asha', '\r');
		await waitFor(ui, () => (ui.lastFrame() ?? '').includes('(3 more to choose)'));
		await new Promise(resolve => setTimeout(resolve, 100));
		expect(screenText(ui)).not.toContain('Score ');
		expect(screenText(ui)).not.toContain('Nothing chosen yet');
		expect(record()).toMatchObject({ learner: 'Asha', items: [] });
		await press(ui, ' ', '\r');
		await waitFor(ui, text => text.includes('Score 0 of 12'));
	});

	it('a bare Enter on a ranking left as it came asks for a second Enter; a best 3 with nothing chosen is not submitted', async () => {
		const { ui, record } = session([item('sjt-instagram-rash'), item('sjt-ward-selfie')]);
		await waitFor(ui, () => /❯ 1\. A/.test(ui.lastFrame() ?? ''));
		await press(ui, '\r');
		await waitFor(ui, () => (ui.lastFrame() ?? '').includes('Nothing moved yet: Enter again to give the order as it stands.'));
		expect(screenText(ui)).not.toContain('Score ');
		await press(ui, '\r');
		await waitFor(ui, text => flat(text).includes('Your order A > B > C > D > E'));
		await press(ui, '\r');
		await waitFor(ui, () => (ui.lastFrame() ?? '').includes('(3 more to choose)'));
		await press(ui, '\r', '\r');
		await waitFor(ui, () => (ui.lastFrame() ?? '').includes('Nothing chosen yet: choose three with Space, then Enter.'));
		expect(record().items).toHaveLength(1);
	});

	it('finished the documented way (Esc, "Finish now?", y) after an item, the session is saved as complete', async () => {
		const { ui, record } = session([item('sjt-ward-selfie'), item('sjt-instagram-rash')]);
		await waitFor(ui, text => text.includes('(3 more to choose)'));
		await press(ui, ' ', '\r');
		await waitFor(ui, text => text.includes('Score 0 of 12'));
		await press(ui, '\r');
		await waitFor(ui, () => /❯ 1\. A/.test(ui.lastFrame() ?? ''));
		await press(ui, '\u001B');
		await waitFor(ui, () => (ui.lastFrame() ?? '').includes('Finish now?'));
		await press(ui, 'y');
		await waitFor(ui, text => text.includes('SJT session: 0 of 12'));
		expect(record()).toMatchObject({ status: 'complete', items: [{ id: 'sjt-ward-selfie' }] });
	});

	it('finishing before answering anything says no items were answered, not that nothing needs revisiting', async () => {
		const { ui, record } = session([item('sjt-ward-selfie')]);
		await waitFor(ui, text => text.includes('(3 more to choose)'));
		await press(ui, '\u001B');
		await waitFor(ui, () => (ui.lastFrame() ?? '').includes('Finish now?'));
		await press(ui, 'y');
		await waitFor(ui, text => text.includes('SJT session: no items answered.'));
		expect(screenText(ui)).not.toContain('Nothing to revisit');
		expect(record()).toMatchObject({ status: 'abandoned', items: [] });
	});

	it('when the time runs out, scores what was entered (nothing moved: nothing entered) and says so', async () => {
		const { ui, record } = session([item('sjt-instagram-rash'), item('sjt-ward-selfie')], { timed: true, secondsPerItem: 1 });
		await waitFor(ui, () => (ui.lastFrame() ?? '').includes('⏱ 0:01 left'));
		await waitFor(ui, text => text.includes('time ran out'), 4000);
		expect(flat(screenText(ui))).toContain('Score 0 of 20');
		expect(record().items[0]).toMatchObject({ timedOut: true, answer: [], points: 0 });
		// Esc on the reveal finishes: the summary counts the item done, and the record says finished.
		await press(ui, '\u001B');
		await waitFor(ui, text => text.includes('SJT session: 0 of 20 (0%) over 1 item'));
		expect(flat(screenText(ui))).toContain('To revisit');
		expect(record().status).toBe('complete');
	});

	it('when the time runs out while "Finish now?" is asked, the reveal takes Enter for the next item', async () => {
		const { ui, record } = session([item('sjt-instagram-rash'), item('sjt-ward-selfie')], { timed: true, secondsPerItem: 1 });
		await waitFor(ui, () => (ui.lastFrame() ?? '').includes('⏱ 0:01 left'));
		await press(ui, '\u001B');
		await waitFor(ui, () => (ui.lastFrame() ?? '').includes('Finish now?'));
		await waitFor(ui, text => text.includes('time ran out'), 4000);
		expect(ui.lastFrame()).not.toContain('Finish now?');
		await press(ui, '\r');
		await waitFor(ui, text => text.includes('Item 2 of 2'));
		expect(record().items).toHaveLength(1);
	});
});
