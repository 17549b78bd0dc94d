import { describe, expect, it } from 'vitest';
import { sentenceActAt, looksLikeReassurance, looksLikeTreatmentAdvice } from '../source/rubric/clinical-acts.js';

describe('clinical acts in free text, in any specialty', () => {
	it.each([
		// Telling the other person to take, change or stop a treatment.
		['You should take some antihistamine tonight.', true, false],
		['You should take 500mg of metformin twice a day with food.', true, false],
		['Take two puffs of your salbutamol inhaler every 4 hours.', true, false],
		["Stop the ramipril until you've seen your GP.", true, false],
		['Just double your sertraline for a week and see.', true, false],
		["i'd recommend you take an antihistamine and see how it goes", true, false],
		["You'll need a steroid cream for that.", true, false],
		// Reassuring them, or giving a verdict on their health.
		["sounds like you've got eczema tbh", false, true],
		['You have a chest infection.', false, true],
		['Your bloods came back completely normal.', false, true],
		["you don't need to go to A&E for that", false, true],
		["It's nothing serious, you'll be fine in a few days.", false, true],
		['It looks like shingles to me, so you should see someone.', false, true],
		["I wouldn't worry about the lump, they are usually harmless.", false, true],
		['It sounds like tonsillitis, you need antibiotics.', true, true],
		// A question, one's own care, or a guess about one's own health is none of these.
		['should i take an antihistamine tonight?', false, false],
		['is it tonsillitis do you think?', false, false],
		['i take metformin for my diabetes', false, false],
		["my mum's on warfarin", false, false],
		["I'll just take the amoxicillin then", false, false],
		["i think it's probably an allergy tbh", false, false],
		["it's probably nothing serious lol but it itches", false, false],
		["hopefully it'll clear up on its own", false, false],
		// Nor is talk about something other than health.
		['you should try the surgery then, not me', false, false],
		["you don't need to worry, nobody checks the #ad thing 😉", false, false],
		['just use the code SLIM20 at checkout', false, false],
		['Your video is fine, people loved it', false, false],
		['you have got to help me', false, false],
	] as const)('%j: treatment advice %s, reassurance %s', (text, advice, reassurance) => {
		expect({ advice: looksLikeTreatmentAdvice(text), reassurance: looksLikeReassurance(text) }).toEqual({ advice, reassurance });
	});
});

describe('asking for more clinical detail, in any words', () => {
	it.each([
		// Taking a history, with or without a question mark.
		['could you tell me a bit more about when it started?', true],
		['how long have you had it and is it itchy?', true],
		['have you changed your washing powder or started anything new?', true],
		['any fever or feeling unwell with it?', true],
		['is it raised or flat? does it blanch if you press a glass on it?', true],
		['what does it look like up close', true],
		['what was the exact potassium number they gave you?', true],
		['are you taking any tablets at the moment?', true],
		// Asking for another look.
		['can you send over another one in better light', true],
		['pop me a closer one when you can x', true],
		['let me see it properly, send a video', true],
		['whereabouts is it spreading to? send a pic of that bit too', true],
		// Turning a photo away, signposting one to a proper route, or someone else's questions, are not.
		["Please don't send more photos here; use the online form.", false],
		['Pop a photo on the practice online form and the duty doctor will see it.', false],
		["The duty doctor will ask how long you've had it, so jot that down for them.", false],
		['have you tried ringing the surgery again?', false],
		['hope your arm feels better soon x', false],
		['take one tablet at night', false],
	] as const)('%j: %s', (text, asks) => {
		expect(sentenceActAt(text, 'asks-for-detail') !== undefined).toBe(asks);
	});
});

describe('a verdict held inside a refusal, and one given after it', () => {
	it.each([
		// Refusing to say is not saying: the verdict is what is declined.
		["About the scar: I can't tell you on here whether it's normal.", false],
		["I can't say over Facebook if it's normal, it needs someone to look at it.", false],
		["We're not able to comment on whether that's normal without seeing it.", false],
		// A "but" that then gives it anyway is the verdict, however it is hedged.
		["I can't tell you if it's normal, but it sounds like normal healing to me.", true],
		["I can't say for sure, but it's probably normal healing.", true],
		["it's probably normal, nothing to stress about", true],
		// A verdict in the negative, or in an idiom, with no diagnosis word.
		["Aw that doesn't look too bad, I wouldn't worry", true],
		["I can't say officially, but I wouldn't lose any sleep over it.", true],
		["I can't really say anything on here, but I wouldn't be lying awake over it tonight.", true],
		["Honestly he's doing better than you'd think, try not to worry x", true],
		// A wish, a condition or consent about how someone is, is not a verdict on them.
		['Honestly it’s better coming from the ward, hope he’s ok x', false],
		["They can arrange for a doctor to update you if your dad's OK with it.", false],
	] as const)('%j: reassurance %s', (text, reassures) => {
		expect(sentenceActAt(text, 'reassurance') !== undefined).toBe(reassures);
	});
});

describe('mockery, in any words', () => {
	it.each([
		['Congrats on the 20k, must be nice being famous for a cough 🙄', true],
		["Love that we're putting bed numbers in a 40-person chat now. Really professional, Ellie.", true],
		["Great thread everyone, and I'm sure the lad from Tuesday is thrilled to find his ECG here 🙃", true],
		['spreading conspiracy nonsense from an egg account helps nobody 🤡', true],
		// Warmth, and a plain critique, are not mockery.
		["Honestly love that you're doing this for the school kids 💛", false],
		["Posting it wasn't very professional, but it's fixable: take it down tonight.", false],
		["I'm sure she'd rather you asked first.", false],
	] as const)('%j: mockery %s', (text, mocks) => {
		expect(sentenceActAt(text, 'mockery') !== undefined).toBe(mocks);
	});
});
