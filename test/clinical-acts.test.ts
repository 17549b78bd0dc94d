import { describe, expect, it } from 'vitest';
import { looksLikeReassurance, looksLikeTreatmentAdvice } from '../source/rubric/clinical-acts.js';

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
