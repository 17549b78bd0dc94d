import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startRecordedSession } from '../source/transcript/start-session.js';
import { ScriptedPartner } from '../source/partner/scripted.js';
import { Transcript } from '../source/transcript/schema.js';
import { bundledLibrary, ROOT } from './helpers/library.js';

/** The transcript as on disk once the turn just taken is written (just after its frame). */
async function readTranscript(file: string): Promise<Transcript> {
	await new Promise(resolve => setImmediate(resolve));
	return Transcript.parse(JSON.parse(readFileSync(file, 'utf8')));
}

function start(learners = ['Asha'], turns?: number) {
	const library = bundledLibrary();
	const loaded = library.scenarios.find(item => item.scenario.id === 'patient-dm-rash')!;
	const transcripts = join(mkdtempSync(join(tmpdir(), 'postsafe-transcripts-')), 'new-folder');
	const session = startRecordedSession({
		loaded,
		criteria: library.criteria.library,
		learners,
		partner: new ScriptedPartner(),
		transcripts,
		...(turns ? { turns } : {}),
	});
	return { ...session, transcripts, loaded };
}

describe('transcripts', () => {
	it('are written from the first message, readable by the owner alone, in a folder only they can open', async () => {
		const { recorder, transcripts } = start();
		expect(statSync(transcripts).mode & 0o777).toBe(0o700);
		expect(statSync(recorder.file).mode & 0o777).toBe(0o600);
		const transcript = await readTranscript(recorder.file);
		expect(transcript).toMatchObject({
			version: 2,
			learner: 'Asha',
			status: 'abandoned',
			endedAt: null,
			partner: { kind: 'scripted', model: null, host: null, seed: null },
		});
		expect(transcript.turns).toEqual([expect.objectContaining({ role: 'partner', source: 'opening' })]);
	});

	it('keep every turn as it happens, each reply with its own score and evidence spans', async () => {
		const { controller, recorder } = start();
		const reply = "Sorry, I can't give advice on Instagram. Please call 111.";
		await controller.reply('Asha', reply);
		const transcript = await readTranscript(recorder.file);
		expect(transcript.turns.map(turn => turn.role)).toEqual(['partner', 'learner', 'partner']);
		const learnerTurn = transcript.turns[1]!;
		expect(learnerTurn).toMatchObject({ text: reply, learner: 'Asha', round: 1, score: { met: ['boundaries', 'signposting'], redFlags: [] } });
		const spans = learnerTurn.score!.evidence.filter(item => item.kind === 'criterion').flatMap(item => item.spans.map(([from, to]) => reply.slice(from, to)));
		expect(spans).toEqual(["can't give advice", 'call 111']);
		expect(transcript.status).toBe('abandoned');
	});

	it('become complete, with the final score, when the conversation ends; and hold the reflection', async () => {
		const { controller, recorder, loaded } = start(['Asha'], 1);
		await controller.reply('Asha', "I'll document this in your notes.");
		recorder.setReflection({ whatHappened: 'A patient DMed me.', soWhat: 'I forgot to signpost.', nowWhat: 'Name a route.' });
		const transcript = await readTranscript(recorder.file);
		expect(transcript).toMatchObject({ status: 'complete', endReason: 'turn-limit', scenario: { id: 'patient-dm-rash', contentHash: loaded.contentHash } });
		expect(transcript.score).toMatchObject({ scenario: 'patient-dm-rash', score: 2, max: 6 });
		expect(transcript.reflection).toEqual({ whatHappened: 'A patient DMed me.', soWhat: 'I forgot to signpost.', nowWhat: 'Name a route.' });
	});

	it('are replaced whole on every write: no half-written or temporary file is left in the folder', async () => {
		const { controller, recorder, transcripts } = start();
		for (const reply of ['one', 'two', 'three']) await controller.reply('Asha', reply);
		expect(readdirSync(transcripts)).toEqual([recorder.file.split('/').at(-1)]);
	});

	it('in a group, name every learner and score each on their own words', async () => {
		const { controller, recorder } = start(['Asha', 'Ben']);
		await controller.reply('Asha', 'Sounds like eczema, try hydrocortisone');
		await controller.reply('Ben', 'Please call 111');
		const ben = controller.current.messages.find(message => message.kind === 'learner' && message.learner === 'Ben')!;
		await controller.carry(ben.id);
		const transcript = await readTranscript(recorder.file);
		expect(transcript).toMatchObject({ mode: 'group', learner: 'Asha, Ben', learners: ['Asha', 'Ben'], score: null });
		expect(transcript.turns.filter(turn => turn.role === 'learner').map(turn => [turn.learner, turn.carried])).toEqual([
			['Asha', false],
			['Ben', true],
		]);
		expect(transcript.scores!.map(entry => [entry.learner, entry.score.redFlags.length])).toEqual([
			['Asha', 1],
			['Ben', 0],
		]);
	});

	it('has a committed example that is a valid transcript of the current version', async () => {
		const example = await readTranscript(join(ROOT, 'examples', 'example.json'));
		expect(example).toMatchObject({ version: 1, status: 'complete', scenario: { id: 'patient-dm-rash' } });
		expect(example.reflection).not.toBeNull();
	});
});
