import { describe, expect, it } from 'vitest';
import { isEnglishWord } from '../source/dictionary/english.js';
import { editDistance, FuzzyVocabulary } from '../source/rubric/fuzzy.js';
import { matchReply } from '../source/rubric/match.js';
import { compilePattern } from '../source/rubric/pattern.js';
import { scoreConversation, toScoreJson } from '../source/rubric/score.js';
import { rubricFor } from './helpers/library.js';

const lexicon = { photo: ['photo', 'picture', 'close up'], loop: ['@loop'] };

describe('patterns', () => {
	it.each([
		['not @photo ~3', { negatedSlots: [true], window: 3 }],
		// A window of six words or more is read with two words of slack: people write more between than authors do.
		['whatsapp !secure|approved', { negatedSlots: [false, true], window: 14 }],
		['send_me @photo', { negatedSlots: [false, false], window: 14 }],
		['send_me @photo ~6', { negatedSlots: [false, false], window: 8 }],
		['send_me @photo ~5', { negatedSlots: [false, false], window: 5 }],
	])('%s compiles', (source, expected) => {
		const result = compilePattern(source, [lexicon]);
		expect(result.ok && { negatedSlots: result.pattern.negatedSlots, window: result.pattern.window }).toEqual(expected);
	});

	it('expands phrases and concepts into stems', () => {
		const result = compilePattern('send_me @photo', [lexicon]);
		expect(result.ok && result.pattern.slots.map(slot => slot.map(alternative => alternative.stems.join(' ')))).toEqual([
			['send me'],
			['photo', 'pictur', 'close up'],
		]);
	});

	it.each([
		['look @fotos', 'unknown concept @fotos'],
		['look not here', '"not" may only start a pattern; mark a single negated slot with "!"'],
		['not look !here', '"!here": a pattern starting with "not" already negates every slot'],
		['dont_post', '"dont_post" contains the negation word "not": start the pattern with "not" instead'],
		['a b c ~2', '3 slots cannot fit in a window of 2 words'],
		['look ~99', 'window "~99" must be ~1 to ~40'],
		['@loop', 'concept @loop refers to itself (loop → loop)'],
		['look||see', 'empty alternative in "look||see"'],
	])('%s is rejected: %s', (source, error) => {
		expect(compilePattern(source, [lexicon])).toEqual({ ok: false, error });
	});
});

describe('typo tolerance', () => {
	const vocabulary = new FuzzyVocabulary(['document', 'confidential', 'shaming', 'consent', 'prescribe', 'assess'], isEnglishWord);

	it.each([
		['documnet', 'document'],
		['confidentail', 'confidential'],
		['perscribe', 'prescribe'],
		['asess', 'assess'],
		['consnet', 'consent'],
	])('reads %s as %s', (typo, word) => {
		expect(vocabulary.correct(typo)).toBe(word);
	});

	it.each(['sharing', 'content', 'assets', 'doc', 'documents-ish'])('leaves %s alone', word => {
		expect(vocabulary.correct(word)).toBeUndefined();
	});

	it('counts a swap of two letters as one edit', () => {
		expect(editDistance('recrod', 'record', 2)).toBe(1);
		expect(editDistance('documnet', 'document', 2)).toBe(1);
		expect(editDistance('dcoumnet', 'document', 2)).toBe(2);
	});

	it('never corrects a real word, however close: "sharing" is one letter from "shaming"', () => {
		expect(editDistance('sharing', 'shaming', 2)).toBe(1);
		expect(isEnglishWord('sharing')).toBe(true);
		expect(vocabulary.correct('sharing')).toBeUndefined();
	});
});

describe('scoring a conversation', () => {
	const rubric = rubricFor('patient-dm-rash');

	it('counts a criterion met in any reply, and keeps each reply’s own result', () => {
		const score = scoreConversation(rubric, ["Sorry, I can't advise on here.", 'Please call 111 tonight.', "I'll note it in your record."]);
		expect(score.criteria.map(criterion => [criterion.id, criterion.met, criterion.evidence.map(item => item.reply)])).toEqual([
			['boundaries', true, [0]],
			['signposting', true, [1]],
			['documentation', true, [2]],
		]);
		expect(score.replies.map(reply => reply.criteria.map(criterion => criterion.met))).toEqual([
			[true, false, false],
			[false, true, false],
			[false, false, true],
		]);
		expect(score.score).toBe(6);
	});

	it('keeps red flags apart, quotes them, and caps the total below full marks', () => {
		const score = scoreConversation(rubric, ["I can't advise here, call 111, I'll document it.", 'Actually it looks like eczema, try hydrocortisone.']);
		expect(score.redFlags.map(flag => [flag.id, flag.evidence.map(item => [item.reply, item.quote])])).toEqual([
			['individual-advice', [[1, 'Actually it looks like eczema, try hydrocortisone.']]],
		]);
		// The advice undoes the boundary the first reply drew; the other criteria keep their marks.
		expect(score.criteria.map(criterion => [criterion.id, criterion.met])).toEqual([
			['boundaries', false],
			['signposting', true],
			['documentation', true],
		]);
		expect(score).toMatchObject({ earned: 4, score: 3, max: 6, capped: true });
	});

	it('shows the words that met a criterion beside the red flag words that undid it, in the score JSON too', () => {
		const score = scoreConversation(rubric, ["I can't advise here, call 111, I'll document it.", 'Actually it looks like eczema, try hydrocortisone.']);
		const boundaries = score.criteria[0]!;
		expect(boundaries.evidence.map(item => item.quote)).toEqual(["I can't advise here, call 111, I'll document it."]);
		expect(boundaries.against.map(item => item.quote)).toEqual(['Actually it looks like eczema, try hydrocortisone.']);
		expect(boundaries.undoneBy).toEqual([{ id: 'individual-advice', label: 'Individual clinical advice through a personal account' }]);
		const json = toScoreJson(score, rubric).criteria[0]!;
		expect(json).toMatchObject({
			id: 'boundaries',
			met: false,
			points: 0,
			evidence: ["I can't advise here, call 111, I'll document it."],
			against: ['Actually it looks like eczema, try hydrocortisone.'],
			undoneBy: ['individual-advice'],
		});
	});

	it('gives no criterion for the words of a sentence that raises a red flag', () => {
		const score = scoreConversation(rubric, ['Try some antihistamine from the pharmacy.']);
		expect(score.redFlags.map(flag => flag.id)).toEqual(['individual-advice']);
		expect(score.criteria.filter(criterion => criterion.met || criterion.evidence.length > 0)).toEqual([]);
	});

	it('flags a patient identifier in the learner’s own words, naming the kind', () => {
		const match = matchReply(rubric, 'Her NHS number is 943 476 5919, call 111.');
		expect(match.redFlags).toEqual([
			{
				id: 'patient-identifier',
				evidence: [{ quote: 'Her NHS number is 943 476 5919, call 111.', spans: [[18, 30]], reason: 'NHS number', identifier: 'nhs-number' }],
			},
		]);
	});

	it('points evidence spans at the learner’s original characters, a negated match with the word that negates it', () => {
		const reply = 'I can’t give you advice on Instagram.';
		const [boundaries] = matchReply(rubric, reply).criteria;
		const words = boundaries!.evidence[0]!.spans.map(([start, end]) => reply.slice(start, end));
		expect(words).toEqual(['can’t give you advice']);
		const lost = "I won't be documenting this.";
		const documentation = matchReply(rubric, lost).criteria[2]!;
		expect(documentation.against[0]!.spans.map(([start, end]) => lost.slice(start, end))).toEqual(["won't be documenting"]);
	});

	it('marks every stretch of a sentence that counted, as one item of evidence with one quote', () => {
		const reply = 'Sounds like eczema, try hydrocortisone twice a day.';
		const [flag] = matchReply(rubric, reply).redFlags;
		expect(flag!.evidence).toHaveLength(1);
		expect(flag!.evidence[0]!.quote).toBe(reply);
		expect(flag!.evidence[0]!.spans.map(([start, end]) => reply.slice(start, end))).toEqual(['Sounds like eczema', 'try hydrocortisone']);
	});

	it('counts a phrase as one word of its window, but a word two slots share fills only one', () => {
		// "he|dad in_good_hands ~4": "he is in good hands" is three words, not five.
		const relative = rubricFor('relative-asks-update');
		expect(scoreConversation(relative, ['he is in good hands']).redFlags.map(flag => flag.id)).toEqual(['discloses-clinical-info']);
		expect(scoreConversation(relative, ['he is out of the woods now']).redFlags.map(flag => flag.id)).toEqual(['discloses-clinical-info']);
		// "I'll pass it on" offers the app to patients; its "it" is not also the "it" of "I'll back it".
		const linkedin = rubricFor('linkedin-endorsement');
		const flags = scoreConversation(linkedin, ["I'd need independent evidence before I post anything publicly, but I'll pass it on to my patients."]).redFlags;
		expect(flags.map(flag => flag.id)).toEqual(['recommends-to-patients']);
	});

	it('is deterministic: the same words give the same result', () => {
		const replies = ['Sounds like eczema', "I can't advise, pls call 111, ill documnet it"];
		expect(scoreConversation(rubricFor('patient-dm-rash'), replies)).toEqual(scoreConversation(rubric, replies));
	});
});
