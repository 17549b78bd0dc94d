import { describe, expect, it } from 'vitest';
import { chooseBeat, ScriptedPartner } from '../source/partner/scripted.js';
import { coachHint } from '../source/session/coach.js';
import { SessionController, STOPPED_BEFORE_WORDS } from '../source/session/controller.js';
import { createSession, learnerScore, partnerRequest, reduceSession } from '../source/session/session.js';
import type { Partner, PartnerRequest, SessionState } from '../source/session/types.js';
import { bundledLibrary, rubricFor } from './helpers/library.js';

const scenarioOf = (id: string) => bundledLibrary().scenarios.find(loaded => loaded.scenario.id === id)!.scenario;

/** A fixed clock, one second further on at every call, so times are deterministic. */
function clock() {
	let seconds = 0;
	return () => new Date(Date.UTC(2026, 10, 22, 20, 40, seconds++));
}

function controllerFor(id: string, partner: Partner = new ScriptedPartner(), options: { learners?: string[]; turnLimit?: number } = {}) {
	return new SessionController({ scenario: scenarioOf(id), rubric: rubricFor(id), learners: options.learners ?? ['Asha'], ...(options.turnLimit ? { turnLimit: options.turnLimit } : {}) }, partner, clock());
}

function said(state: SessionState): string[] {
	return state.messages.map(message => `${message.kind === 'partner' ? `partner${message.beat ? `:${message.beat}` : ''}` : message.learner}`);
}

describe('the scripted partner', () => {
	const scenario = scenarioOf('patient-dm-rash');
	const request = (met: string[], redFlags: string[], metSoFar = met, usedBeats: string[] = []) =>
		({ lastOutcome: { met, redFlags }, metSoFar, usedBeats }) as unknown as PartnerRequest;

	it.each([
		['advice given: she asks for the prescription', request([], ['individual-advice']), 'wants-the-prescription'],
		['signposted: she says she cannot get through', request(['signposting'], []), 'cant-get-through'],
		['declined politely: she pushes once more', request(['boundaries'], []), 'pushes-once-more'],
		['no line drawn yet: she asks what it is', request([], []), 'no-line-drawn'],
		['a line drawn earlier is not asked for again', request([], [], ['boundaries']), 'accepts-the-route'],
		['a used beat is not said twice', request(['signposting'], [], ['signposting'], ['cant-get-through']), 'no-line-drawn'],
	])('%s', (_, outcome, beat) => {
		expect(chooseBeat(scenario, outcome)?.id).toBe(beat);
	});

	it('plays the same conversation for the same replies, every time', async () => {
		const play = async () => {
			const controller = controllerFor('patient-dm-rash');
			for (const reply of ['Sounds like eczema, try hydrocortisone', "Sorry, I can't advise here. Please call 111.", 'OK'])
				if (controller.current.phase === 'learners') await controller.reply('Asha', reply);
			return controller.current.messages.map(message => message.text);
		};
		expect(await play()).toEqual(await play());
		expect((await play())[2]).toContain('boots on the high street');
	});
});

describe('a session', () => {
	it('opens with the partner’s message and waits for the learner', () => {
		const state = controllerFor('patient-dm-rash').current;
		expect(state.phase).toBe('learners');
		expect(state.messages).toHaveLength(1);
		expect(state.messages[0]).toMatchObject({ kind: 'partner', source: 'opening', attachment: expect.stringContaining('rash') });
	});

	it('scores each reply, answers with the beat the reply earned, and ends at the scripted end', async () => {
		const controller = controllerFor('patient-dm-rash');
		await controller.reply('Asha', 'Please use the online consultation form.');
		await controller.reply('Asha', "I'll note this in your record.");
		const state = controller.current;
		expect(said(state)).toEqual(['partner', 'Asha', 'partner:cant-get-through', 'Asha', 'partner:no-line-drawn']);
		expect(state.phase).toBe('learners');
		await controller.reply('Asha', "I can't advise on Instagram, sorry.");
		expect(said(controller.current).slice(-1)).toEqual(['partner:pushes-once-more']);
		await controller.reply('Asha', 'Take care.');
		expect(controller.current).toMatchObject({ phase: 'ended', endReason: 'turn-limit' });
		expect(learnerScore(controller.current).criteria.map(criterion => criterion.met)).toEqual([true, true, true]);
	});

	it('ends at the turn limit (--turns), before the partner answers the last reply', async () => {
		const controller = controllerFor('patient-dm-rash', new ScriptedPartner(), { turnLimit: 1 });
		await controller.reply('Asha', 'Hello');
		expect(controller.current).toMatchObject({ phase: 'ended', endReason: 'turn-limit' });
		expect(said(controller.current)).toEqual(['partner', 'Asha']);
	});

	it('ends when the scripted partner has its last word', async () => {
		const controller = controllerFor('patient-friend-request');
		await controller.reply('Asha', 'Hello!');
		expect(said(controller.current).at(-1)).toBe('partner:waiting-for-answer');
		await controller.reply('Asha', 'Hello again');
		expect(said(controller.current).at(-1)).toBe('partner:understands');
		expect(controller.current).toMatchObject({ phase: 'ended', endReason: 'scripted' });
	});

	it('ends early when the learner says so, and ignores replies after the end', async () => {
		const controller = controllerFor('patient-dm-rash');
		controller.end('learner');
		await controller.reply('Asha', 'too late');
		expect(controller.current).toMatchObject({ phase: 'ended', endReason: 'learner' });
		expect(controller.current.messages).toHaveLength(1);
	});

	it('shows the partner writing, then the message, and keeps what arrived when the learner stops it', async () => {
		let release: () => void = () => {};
		const partner: Partner = {
			info: { kind: 'ollama', model: 'test', host: null, seed: 1 },
			respond: (_request, { signal, onText }) =>
				new Promise((_resolve, reject) => {
					onText?.('so what');
					release = () => onText?.('so what do you think');
					signal.addEventListener('abort', () => reject(signal.reason));
				}),
		};
		const controller = controllerFor('patient-dm-rash', partner);
		const writes: (string | undefined)[] = [];
		controller.subscribe(state => writes.push(state.writing));
		const replied = controller.reply('Asha', 'Hello');
		// The partner is asked once the reply has been drawn.
		await new Promise(resolve => setImmediate(resolve));
		release();
		controller.cancelWriting();
		release(); // late text after the cancel is dropped
		await replied;
		// The reply lands (nothing written yet), then the typing indicator, the text as it comes, and the end.
		expect(writes).toEqual([undefined, '', 'so what', 'so what do you think', undefined]);
		expect(controller.current.messages.at(-1)).toMatchObject({ kind: 'partner', text: 'so what do you think', interrupted: true });
		expect(controller.current.phase).toBe('learners');
	});

	it('stopped before its first words, leaves it the partner’s turn, to ask again: no empty turn, no round used', async () => {
		const paced = new ScriptedPartner({ msPerCharacter: 50, maxMs: 5000 });
		const controller = controllerFor('patient-dm-rash', paced);
		const replied = controller.reply('Asha', 'Please call 111');
		await new Promise(resolve => setImmediate(resolve));
		expect(controller.current.writing).toBe('');
		controller.cancelWriting();
		await replied;
		expect(controller.current).toMatchObject({ phase: 'partner', round: 1, failure: STOPPED_BEFORE_WORDS, writing: undefined });
		expect(said(controller.current)).toEqual(['partner', 'Asha']);
		await controller.switchPartner(new ScriptedPartner());
		expect(controller.current).toMatchObject({ phase: 'learners', round: 2, failure: undefined });
		expect(said(controller.current)).toEqual(['partner', 'Asha', 'partner:cant-get-through']);
	});

	it('records a partner failure and carries on with another partner', async () => {
		const failing: Partner = { info: { kind: 'ollama', model: 'm', host: 'h', seed: 1 }, respond: async () => Promise.reject(new Error('socket hang up')) };
		const controller = controllerFor('patient-dm-rash', failing);
		await controller.reply('Asha', 'Please call 111');
		expect(controller.current).toMatchObject({ phase: 'partner', failure: 'socket hang up' });
		await controller.switchPartner(new ScriptedPartner());
		expect(controller.current.failure).toBeUndefined();
		expect(said(controller.current).at(-1)).toBe('partner:cant-get-through');
	});

	it('in a group, waits for every learner, then goes on from the chosen reply', async () => {
		const controller = controllerFor('patient-dm-rash', new ScriptedPartner(), { learners: ['Asha', 'Ben'] });
		await controller.reply('Asha', 'Sounds like eczema, try hydrocortisone');
		expect(controller.current.phase).toBe('learners');
		await controller.reply('Ben', 'Please call 111');
		expect(controller.current.phase).toBe('choosing');
		const ben = controller.current.messages.find(message => message.kind === 'learner' && message.learner === 'Ben')!;
		await controller.carry(ben.id);
		expect(said(controller.current).at(-1)).toBe('partner:cant-get-through');
		expect(learnerScore(controller.current, 'Asha').redFlags.map(flag => flag.id)).toEqual(['individual-advice']);
		expect(learnerScore(controller.current, 'Ben').redFlags).toEqual([]);
	});

	it('tells the partner only what the learner did, never the rubric’s evidence', () => {
		const base = createSession({ scenario: scenarioOf('patient-dm-rash'), rubric: rubricFor('patient-dm-rash'), learners: ['Asha'], time: 'now' });
		const state = reduceSession(base, { type: 'learner-replied', learner: 'Asha', text: 'Sounds like eczema', time: 'then' });
		const request = partnerRequest(state)!;
		expect(request.lastOutcome).toEqual({ met: [], redFlags: ['individual-advice'] });
		expect(JSON.stringify({ ...request, scenario: undefined, conversation: undefined, lastReply: undefined })).not.toMatch(/@|evidence|pattern/);
	});
});

describe('coach mode', () => {
	it('names the red flag a reply raised', async () => {
		const controller = controllerFor('patient-dm-rash');
		await controller.reply('Asha', 'Sounds like eczema, try hydrocortisone');
		expect(coachHint(controller.current)).toMatch(/^⚑ Individual clinical advice through a personal account: Diagnosing/);
	});

	it('otherwise names the most valuable criterion not met yet', async () => {
		const controller = controllerFor('whatsapp-clinical-image');
		await controller.reply('Asha', 'Sure, one sec');
		// confidentiality (3 points) before signposting and documentation (2 each)
		expect(coachHint(controller.current)).toMatch(/^Confidentiality: Name the risk to the patient's privacy/);
	});
});
