import { describe, expect, it } from 'vitest';
import { hypotheticalMask } from '../source/rubric/hypothetical.js';
import { negationMask } from '../source/rubric/negation.js';
import { tokenise } from '../source/rubric/normalise.js';

const words = (text: string) => tokenise(text).tokens.map(token => token.word);
const stems = (text: string) => tokenise(text).tokens.map(token => token.stem);

/** The words of a text that a mask (negation, imagining) marks. */
function markedWords(text: string, maskOf: (tokens: ReturnType<typeof tokenise>['tokens']) => Uint8Array): string[] {
	const { tokens } = tokenise(text);
	const mask = maskOf(tokens);
	return tokens.filter((_, index) => mask[index] === 1).map(token => token.word);
}

/** The words of a text that fall inside a negation. */
const negatedWords = (text: string) => markedWords(text, negationMask);

describe('normalising a reply', () => {
	it.each([
		["I can't", ['i', 'can', 'not']],
		['soz cnt advise, dnt worry', ['sorry', 'can', 'not', 'advise', 'do', 'not', 'worry']],
		['I cannot', ['i', 'can', 'not']],
		['I can not', ['i', 'can', 'not']],
		['I cant', ['i', 'can', 'not']],
		['I can’t', ['i', 'can', 'not']],
		["won't", ['will', 'not']],
		["I'll", ['i', 'will']],
		["I'd", ['i', 'would']],
		['im sorry', ['i', 'am', 'sorry']],
		["don't", ['do', 'not']],
		['pls call ur GP', ['please', 'call', 'your', 'gp']],
		['thx, u r gr8', ['thanks', 'you', 'are', 'great']],
		["the patient's notes", ['the', 'patient', 'notes']],
		['A&E or e-consult', ['ae', 'or', 'econsult']],
		['Dr. Shah, e.g. tomorrow', ['dr', 'shah', 'tomorrow']],
		['see a dr or Dr Shah', ['see', 'a', 'doctor', 'or', 'dr', 'shah']],
		['ngl no offence', ['honestly', 'no', 'offence']],
	])('%s → %j', (text, expected) => {
		expect(words(text)).toEqual(expected);
	});

	it('gives word forms one stem: document, documenting, documented; note, notes', () => {
		expect(new Set(stems('document documenting documented documents'))).toEqual(new Set(['document']));
		expect(new Set(stems('note notes'))).toEqual(new Set(['note']));
	});

	it('keeps offsets into the original text, so quotes are the learner’s own words', () => {
		const text = 'Hi Jade — I can’t advise here.';
		const { tokens } = tokenise(text);
		const cant = tokens.filter(token => token.word === 'can' || token.word === 'not');
		expect(cant.map(token => text.slice(token.start, token.end))).toEqual(['can’t', 'can’t']);
	});

	it('splits sentences at full stops, question marks and line breaks, but not after "Dr." or in "e.g."', () => {
		const { sentences, text } = tokenise('Dr. Shah is off. Call 111? Or e.g. the surgery\nThanks');
		expect(sentences.map(sentence => text.slice(sentence.start, sentence.end))).toEqual(['Dr. Shah is off.', 'Call 111?', 'Or e.g. the surgery', 'Thanks']);
		const typed = tokenise("Can't advise here.Please call 111.");
		expect(typed.sentences.map(sentence => typed.text.slice(sentence.start, sentence.end))).toEqual(["Can't advise here.", 'Please call 111.']);
	});
});

describe('negation scope', () => {
	it.each([
		["I won't be documenting this", ['be', 'documenting', 'this']],
		["don't bother with 111", ['bother', 'with', '111']],
		["I'd never prescribe over Instagram", ['prescribe', 'over', 'instagram']],
		["I can't advise here, but please call 111", ['advise', 'here']],
		["I can't advise here but the GP can", ['advise', 'here']],
		["I won't post it and I will tell the consultant", ['post', 'it']],
		['I will not advise or prescribe', ['advise', 'or', 'prescribe']],
		['Why not call 111?', []],
		["Please don't hesitate to call the surgery", []],
		['No problem, call 111', []],
		['No thank you, I do not promote supplements', ['promote', 'supplements']],
		['Not to worry please call 111', []],
		['Instead of messaging here, use the portal', ['messaging', 'here']],
		['You cannot post it without consent', ['post', 'it']],
		["I'd never post a paid ad without declaring it", ['post', 'a', 'paid', 'ad']],
		['Post it without his consent', ['his', 'consent']],
		["If it doesn't improve, see your GP", ['improve']],
		["If it doesn't settle call 111", ['settle']],
		["If it isn't better by tomorrow ring the surgery", ['better', 'by', 'tomorrow']],
		["If it doesn't go away I would see the GP", ['go', 'away']],
		["If you don't call 111 it could get worse", ['call', '111', 'it', 'could']],
		['I cannot advise here call 111', ['advise', 'here']],
		["Please don't text me or call me tonight", ['text', 'me', 'or', 'call', 'me', 'tonight']],
		["I'm not able to see photos or advise here", ['able', 'to', 'see', 'photos', 'or', 'advise', 'here']],
		["I don't think you should go to A&E", ['think', 'you', 'should', 'go', 'to', 'ae']],
		["If it doesn't settle it's worth calling 111", ['settle', 'it', 'is', 'worth']],
		["You can't just crop it", ['just', 'crop', 'it']],
		['Not gonna lie, I would delete it', []],
		['No offence, but delete it', []],
		["I can't tell you if he's stable", ['tell', 'you', 'if', 'he', 'is', 'stable']],
		["Don't stop anything before you've spoken to the duty doctor", ['stop', 'anything']],
		["I can't advise by email as it isn't secure", ['advise', 'by', 'email', 'secure']],
		["Why don't we film in the library?", []],
		['Rather than calling you out I thought I would message you', ['calling']],
		["I'd love to be friends but I can't", ['be', 'friends']],
		["I would be glad to meet up one day, but it wouldn't be appropriate", ['meet', 'up', 'one', 'day', 'be', 'appropriate']],
		["I'd like you to call 111, but don't worry", ['worry']],
		["I'd love to help but don't send photos here", ['send', 'photos', 'here']],
	])('%s', (text, expected) => {
		expect(negatedWords(text)).toEqual(expected);
	});
});

/** The words of a text that only imagine a move: someone else's, or a condition. */
const imaginedWords = (text: string) => markedWords(text, hypotheticalMask);

describe('imagined moves, which raise no red flag', () => {
	it.each([
		['Others might screenshot it and share it, so please delete it', ['others', 'might', 'screenshot', 'it', 'and', 'share', 'it']],
		[
			'Anyone in the group could forward a photo sent here, so I will use the app',
			['anyone', 'in', 'the', 'group', 'could', 'forward', 'a', 'photo', 'sent', 'here'],
		],
		["If I send it here it'll sit on twelve phones", ['i', 'send', 'it', 'here', 'it']],
		['If someone tags the trust it will get worse', ['someone', 'tags', 'the', 'trust', 'it']],
		["If you send me photos here I can't look at them", ['you', 'send', 'me', 'photos', 'here']],
		// Offers stay offers: a condition on the other person, with a consequence that is a yes.
		["If you send me a photo I'll take a look", []],
		["If it helps I'll pop a pic in the group", []],
		["If I were you I'd try hydrocortisone", ['i', 'were']],
		["I can't tell you if I have seen him", []],
	])('%s', (text, expected) => {
		expect(imaginedWords(text)).toEqual(expected);
	});
});
