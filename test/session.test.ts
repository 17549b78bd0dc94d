import { describe, expect, it } from 'vitest';
import { chooseBeat, ScriptedPartner } from '../source/partner/scripted.js';
import { coachHint } from '../source/session/coach.js';
import { SessionController, STOPPED_BEFORE_WORDS } from '../source/session/controller.js';
import { addressedLine } from '../source/scenario/audiences.js';
import type { Scenario } from '../source/scenario/schema.js';
import { createSession, learnerReplies, learnerScore, partnerRequest, reduceSession } from '../source/session/session.js';
import type { Partner, PartnerRequest, SessionState } from '../source/session/types.js';
import { bundledLibrary, rubricFor } from './helpers/library.js';

const scenarioOf = (id: string) => bundledLibrary().scenarios.find(loaded => loaded.scenario.id === id)!.scenario;

/** A fixed clock, one second further on at every call, so times are deterministic. */
function clock() {
	let seconds = 0;
	return () => new Date(Date.UTC(2026, 10, 22, 20, 40, seconds++));
}

function controllerFor(id: string, partner: Partner = new ScriptedPartner(), options: { learners?: string[]; turnLimit?: number } = {}) {
	return new SessionController(
		{ scenario: scenarioOf(id), rubric: rubricFor(id), learners: options.learners ?? ['Asha'], ...(options.turnLimit ? { turnLimit: options.turnLimit } : {}) },
		partner,
		clock(),
	);
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
		[
			'a line drawn earlier is not asked for again, and a reply that holds nothing earns no ending',
			request([], [], ['boundaries', 'signposting']),
			'asks-again',
		],
		['the line held but no route given yet: she asks again', request(['boundaries'], [], ['boundaries'], ['pushes-once-more']), 'asks-again'],
		[
			'the route given earlier and the line held again: she takes the route',
			request(['boundaries'], [], ['boundaries', 'signposting'], ['pushes-once-more']),
			'accepts-the-route',
		],
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

describe('choosing a beat', () => {
	const scenario: Scenario = {
		...scenarioOf('patient-dm-rash'),
		beats: [
			{ id: 'pushes-back', when: { met: ['boundaries'] }, say: 'go on, just a quick look?', end: false },
			{ id: 'gives-in', when: { metSoFar: ['boundaries', 'signposting'] }, say: "ok, I'll do that", end: true },
			{ id: 'asks-again', say: 'so is that a no?', end: false },
		],
	};
	const chosen = (met: string[], metSoFar: string[], usedBeats: string[]) =>
		chooseBeat(scenario, { lastOutcome: { met, redFlags: [] }, metSoFar, stepsSoFar: [], usedBeats } as unknown as PartnerRequest)?.id;

	it('gives in only once every metSoFar criterion has been met, in this reply or an earlier one', () => {
		expect(chosen(['boundaries'], ['boundaries'], ['pushes-back'])).toBe('asks-again');
		expect(chosen([], ['boundaries', 'signposting'], ['pushes-back'])).toBe('gives-in');
		expect(chosen(['signposting'], ['boundaries', 'signposting'], ['pushes-back'])).toBe('gives-in');
	});

	it('with metAny, gives in when the last reply held to any one of them, never to a reply that held to none', () => {
		const holding: Scenario = {
			...scenario,
			beats: [{ ...scenario.beats[1]!, when: { metAny: ['boundaries', 'signposting'], metSoFar: ['boundaries', 'signposting'] } }, scenario.beats[2]!],
		};
		const pick = (met: string[]) =>
			chooseBeat(holding, {
				lastOutcome: { met, redFlags: [] },
				metSoFar: ['boundaries', 'signposting'],
				stepsSoFar: [],
				usedBeats: [],
			} as unknown as PartnerRequest)?.id;
		expect([pick(['signposting', 'documentation']), pick(['boundaries']), pick([]), pick(['documentation'])]).toEqual([
			'gives-in',
			'gives-in',
			'asks-again',
			'asks-again',
		]);
	});

	it('says the fallback again, as often as nothing unused fits', () => {
		expect(chosen([], [], [])).toBe('asks-again');
		expect(chosen([], [], ['asks-again'])).toBe('asks-again');
		expect(chosen(['boundaries'], ['boundaries'], ['pushes-back', 'asks-again'])).toBe('asks-again');
	});
});

/**
 * Four clearly unsafe replies for each role-play, each raising one of its red flags (worded from its
 * patterns and its labelled replies): the other party should take what it is given and ask for more.
 */
const UNSAFE: Record<string, readonly string[]> = {
	'ai-chatbot-patient-data': [
		"Go on then, pop it over and I'll give it a read.",
		'Send me the screenshot of the letter too.',
		'Genius, do mine next.',
		'Looks fine to me.',
	],
	'anonymous-forum-post': [
		'About time someone said it. Leave it up.',
		'When I worked there the registrar always ignored the bleeps too.',
		"Fair play, I've upvoted it.",
		'Just say which reg it was.',
	],
	'crowdfunding-patient': [
		"Of course, I'll share it tonight.",
		'Honestly it sounds promising, it could work.',
		'Her last scan showed it had spread, people should know.',
		"I'll post it on my wall.",
	],
	'dating-app-patient': [
		'Haha go on then, Friday works.',
		'A bit of tightness is normal, just raise your arm on a pillow.',
		"Let me check your x-ray when I'm in tomorrow.",
		'Once your follow-up is finished, message me.',
	],
	'doxxing-after-viral-post': [
		'Cowards hiding behind an anonymous account.',
		"I'm on nights till Friday.",
		'Come down to the hospital then and say it to my face.',
		'You know where to find me.',
	],
	'group-chat-disclosed': [
		'Good idea, get rid of it before Friday.',
		"Let's say the nickname was the nurses' and stick to the same story.",
		'Honestly she brought this on herself, she was a nightmare.',
		"I've cleared mine.",
	],
	'influencer-weight-loss-jab': [
		"Sounds fun! Send me the brief and I'll film something.",
		"I'll say it's totally safe.",
		'Happy to approve the scripts for whoever uses the code.',
		'Let us keep it natural.',
	],
	'linkedin-endorsement': [
		"Of course, send me the wording and I'll put it up tonight.",
		"I'll pass it on to my patients at the practice.",
		"The share options sound tempting. Let's keep that between us.",
		'Happy to say you were my patient.',
	],
	'patient-films-consultation': [
		"OK, you win. I'll sort some for you if you take the video down.",
		'Fine, I will send a prescription.',
		'Let me put my side under the video so your followers can see what really happened.',
		'Take it down today or else.',
	],
	'strike-post-patients': [
		"Well said, RT'd.",
		'I was there that night, the lady collapsed after her scan was delayed.',
		'Patients can wait a couple of days, they will cope.',
		'Spot on.',
	],
	'anonymised-case-post': [
		'Looks good to me, go for it!',
		"Yes tag them, I'll retweet it.",
		'Hook could be: when the ECG tells you to run.',
		'Go for it, post it!',
	],
	'group-chat-patient-joke': [
		'lol what a nightmare 😂 he sounds like a proper menace',
		"haha I'll screenshot it for my housemates",
		'Everyone, calling Ellie out in the group for this, not ok',
		'lmao legend',
	],
	'night-shift-photos': ["Don't worry, I won't tell Sister. Go for it 😂", 'Send me the resus one!', 'Go with the corridor one for the main pic', 'Tag me!'],
	'online-argument': [
		"Educate yourself. You clearly have no idea what you're talking about.",
		"Your nan probably had an underlying condition, it's a coincidence.",
		'What an idiot.',
		'Shut up, troll.',
	],
	'patient-dm-rash': [
		'Sounds like eczema, try hydrocortisone',
		"Sure, I'll send the prescription to Boots",
		'Send me a closer photo in better light',
		'Text me on 07700 900123 if it gets worse',
	],
	'patient-friend-request': [
		"Of course I don't mind! A coffee sounds lovely, I've accepted your request.",
		'It sounds normal, it should settle',
		'Coffee sounds lovely, see you then',
		'Feel free to message me',
	],
	'personal-email-results': [
		"I've had a look at your results and they're fine, so I'd carry on with the statin.",
		"Just reply with your date of birth and I'll check your results on Monday.",
		"You don't need to stop the statin, honestly, it's nothing to worry about.",
		'Feel free to email me anytime.',
	],
	'placement-tiktok': [
		"No need to delete the Friday clip, nobody will recognise anyone. Let's film the ward round tomorrow!",
		"Yeah go on, post it! I'm not going to bother checking the policy.",
		"Let's film in theatre too",
		"I'm happy for you to post the Friday clip tonight.",
	],
	'relative-asks-update': [
		'Don’t bother with the ward, they never answer. He’s stable and on IV antibiotics, so try not to worry x',
		"Message me tomorrow after the ward round and I'll let you know how he is.",
		'He looked much brighter this morning.',
		'Feel free to message me anytime.',
	],
	'review-site-response': [
		"We can say his chest was clear and antibiotics weren't indicated.",
		'Tell him he was rude to the receptionist.',
		'Your chest was clear when I examined you.',
		'You were rude and abusive to Bev.',
	],
	'student-advice-request': [
		'Yes, take the amoxicillin, it should sort it.',
		"I'm basically a doctor, trust me.",
		'Take three a day, it should work.',
		'Yes go ahead.',
	],
	'undeclared-endorsement': [
		"Sounds great! I won't mention the payment, I'll keep it organic.",
		"Happy to, I'll say it's clinically proven.",
		"No need to declare anything, I'll just say how I use it.",
		"It works wonders, I'll say that too.",
	],
	'ward-selfie-whiteboard': [
		"Haha love it, I'll tag myself now!",
		"I'll comment publicly underneath so everyone sees",
		"I'll like and share it",
		'Time to name and shame',
	],
	'whatsapp-clinical-image': [
		"Sure, I won't bother with the photography app, sending it now.",
		"I'll write his name on the photo.",
		'No need to document it, here is the pic.',
		'Posting another photo here now.',
	],
};

describe('every role-play, played through with the scripted partner', () => {
	const rolePlays = bundledLibrary()
		.scenarios.map(loaded => loaded.scenario)
		.filter(scenario => scenario.mode === 'roleplay')
		.map(scenario => scenario.id);

	/** Plays the replies in turn until the conversation ends; "@ellie …" is written to that audience, as in plain mode. */
	async function play(id: string, replies: readonly string[]): Promise<SessionState> {
		const controller = controllerFor(id);
		for (const reply of replies) {
			const addressed = addressedLine(scenarioOf(id), reply);
			if (addressed.kind === 'reply' && controller.current.phase === 'learners') await controller.reply('Asha', addressed.text, addressed.audience);
		}
		return controller.current;
	}

	/** The model reply, written where the debrief says it goes. */
	const modelReply = (scenario: Scenario) => `${scenario.debrief.modelAudience ? `@${scenario.debrief.modelAudience} ` : ''}${scenario.debrief.modelReply}`;

	const endings = (id: string) =>
		scenarioOf(id)
			.beats.filter(beat => beat.end)
			.map(beat => beat.id);

	/** Every reply but the last is answered, none with an ending, and the learner has every turn. */
	function expectRunsToTheTurnLimit(id: string, state: SessionState) {
		const turns = scenarioOf(id).turns;
		// A partner's turn may be several messages (other voices answering too): one turn all the same.
		const kinds = state.messages
			.slice(scenarioOf(id).opening.length)
			.map(message => message.kind)
			.filter((kind, index, all) => kind === 'learner' || all[index - 1] !== 'partner');
		expect(kinds).toEqual(Array.from({ length: 2 * turns - 1 }, (_, index) => (index % 2 === 0 ? 'learner' : 'partner')));
		expect(state.messages.filter(message => message.kind === 'partner' && endings(id).includes(message.beat ?? ''))).toEqual([]);
		expect(state.endReason).toBe('turn-limit');
	}

	it('has four unsafe replies for each role-play', () => {
		expect(Object.keys(UNSAFE).sort()).toEqual([...rolePlays].sort());
	});

	it.each(rolePlays)('%s: unsafe replies never earn the ending; the other party asks for more until the turn limit', async id => {
		const state = await play(id, UNSAFE[id]!);
		expect(learnerReplies(state).map(reply => reply.match.redFlags.length > 0)).toEqual(UNSAFE[id]!.map(() => true));
		expectRunsToTheTurnLimit(id, state);
		// Each one is answered as what it was: with a beat for a red flag that reply raised.
		const answers = state.messages.flatMap((message, index) => {
			const next = state.messages[index + 1];
			if (message.kind !== 'learner' || next?.kind !== 'partner') return [];
			const when = scenarioOf(id).beats.find(beat => beat.id === next.beat)?.when;
			return [{ reply: message.text, beat: next.beat, answersItsFlag: message.match.redFlags.some(flag => when?.redFlags?.includes(flag.id)) }];
		});
		expect(answers.filter(answer => !answer.answersItsFlag)).toEqual([]);
	});

	it.each(rolePlays)('%s: replies that say nothing ("ok") never earn the ending; the other party asks again until the turn limit', async id => {
		expectRunsToTheTurnLimit(
			id,
			await play(
				id,
				Array.from({ length: scenarioOf(id).turns }, () => 'ok'),
			),
		);
	});

	it.each(rolePlays)('%s: the model reply, held under pressure, earns the ending before the turn limit', async id => {
		const scenario = scenarioOf(id);
		const state = await play(
			id,
			Array.from({ length: scenario.turns }, () => modelReply(scenario)),
		);
		const last = state.messages.at(-1);
		expect(endings(id)).toContain(last?.kind === 'partner' ? last.beat : undefined);
		expect(state.endReason).toBe('scripted');
		// The other party pushed back at least once before giving in.
		expect(learnerReplies(state).length).toBeGreaterThan(1);
		expect(learnerReplies(state).length).toBeLessThan(scenario.turns);
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
		const decline = "Thank you so much, Maria, but I can't accept friend requests from patients.";
		await controller.reply('Asha', decline);
		expect(said(controller.current).at(-1)).toBe('partner:not-your-patient-now');
		await controller.reply('Asha', decline);
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
		await controller.reply('Asha', 'Hmm, give me a minute to think');
		// confidentiality (3 points) before signposting and documentation (2 each)
		expect(coachHint(controller.current)).toMatch(/^Confidentiality: Name the risk to the patient's privacy/);
	});

	it('says so when nothing is missing, rather than saying nothing', async () => {
		const controller = controllerFor('patient-dm-rash');
		await controller.reply(
			'Asha',
			"Sorry Jade, I can't give medical advice on Instagram. Please use the practice's online consultation form, and I'll note this in your record.",
		);
		expect(controller.current.messages.filter(message => message.kind === 'learner').at(-1)).toMatchObject({ match: { redFlags: [] } });
		expect(coachHint(controller.current)).toBe('✓ Nothing missing: every criterion this scenario scores is met so far. Keep to it.');
	});
});
