import { stemmer } from 'stemmer';

/**
 * A distinct normalised word, shared by every token of every reply that contains it, so what a rubric
 * works out about a word (its corrected stem, the patterns it can start) is worked out once.
 */
export type Lexeme = {
	readonly word: string;
	readonly stem: string;
	/** What the word does to negation, as bits; -1 until negation.ts has looked. */
	negationRole: number;
};

/** One word of a learner's reply after normalisation, pointing back at the original characters. */
export type Token = {
	readonly lexeme: Lexeme;
	/** Normalised word: lower case, contractions and text-speak expanded ("can't" gives "can" and "not"). */
	readonly word: string;
	/** Porter stem of `word`, so document, documenting and documented meet. */
	readonly stem: string;
	/** Offsets of the original characters this word came from (both halves of "can't" share them). */
	readonly start: number;
	readonly end: number;
	readonly sentence: number;
	readonly clause: number;
};

export type Sentence = {
	readonly start: number;
	readonly end: number;
	/** The sentence as quoted, kept once worked out: most evidence in a reply quotes a sentence another piece already did. */
	quote?: string;
};

export type Tokenised = {
	readonly text: string;
	readonly tokens: readonly Token[];
	readonly sentences: readonly Sentence[];
};

const CONTRACTIONS: Readonly<Record<string, readonly string[]>> = {
	"can't": ['can', 'not'],
	cannot: ['can', 'not'],
	cant: ['can', 'not'],
	cnt: ['can', 'not'],
	"won't": ['will', 'not'],
	wont: ['will', 'not'],
	wnt: ['will', 'not'],
	nt: ['not'],
	nope: ['no'],
	nah: ['no'],
	wudnt: ['would', 'not'],
	cudnt: ['could', 'not'],
	shudnt: ['should', 'not'],
	dint: ['did', 'not'],
	didn: ['did', 'not'],
	dnt: ['do', 'not'],
	doesn: ['does', 'not'],
	isn: ['is', 'not'],
	wasn: ['was', 'not'],
	aren: ['are', 'not'],
	havnt: ['have', 'not'],
	"shan't": ['shall', 'not'],
	"ain't": ['is', 'not'],
	aint: ['is', 'not'],
	dont: ['do', 'not'],
	doesnt: ['does', 'not'],
	didnt: ['did', 'not'],
	isnt: ['is', 'not'],
	arent: ['are', 'not'],
	wasnt: ['was', 'not'],
	werent: ['were', 'not'],
	havent: ['have', 'not'],
	hasnt: ['has', 'not'],
	hadnt: ['had', 'not'],
	wouldnt: ['would', 'not'],
	shouldnt: ['should', 'not'],
	couldnt: ['could', 'not'],
	mustnt: ['must', 'not'],
	neednt: ['need', 'not'],
	im: ['i', 'am'],
	ive: ['i', 'have'],
	youre: ['you', 'are'],
	youve: ['you', 'have'],
	youll: ['you', 'will'],
	theyre: ['they', 'are'],
	theyve: ['they', 'have'],
	thats: ['that', 'is'],
	whats: ['what', 'is'],
	theres: ['there', 'is'],
	heres: ['here', 'is'],
	wouldve: ['would', 'have'],
	couldve: ['could', 'have'],
	shouldve: ['should', 'have'],
	"let's": ['let', 'us'],
	"it's": ['it', 'is'],
	"that's": ['that', 'is'],
	"there's": ['there', 'is'],
	"what's": ['what', 'is'],
	"here's": ['here', 'is'],
	"he's": ['he', 'is'],
	"she's": ['she', 'is'],
	"who's": ['who', 'is'],
};

const TEXT_SPEAK: Readonly<Record<string, readonly string[]>> = {
	u: ['you'],
	ya: ['you'],
	ur: ['your'],
	yr: ['your'],
	r: ['are'],
	pls: ['please'],
	plz: ['please'],
	plse: ['please'],
	pleas: ['please'],
	thx: ['thanks'],
	thnx: ['thanks'],
	thanx: ['thanks'],
	ty: ['thank', 'you'],
	'w/o': ['without'],
	soz: ['sorry'],
	sry: ['sorry'],
	nite: ['night'],
	luv: ['love'],
	vid: ['video'],
	vids: ['videos'],
	'\u{1F602}': ['lol'],
	'\u{1F923}': ['lol'],
	// Emoji that say something a rubric needs to hear: mockery, a thumbs-up (a yes), warmth.
	'\u{1F921}': ['mocking'],
	'\u{1F643}': ['mocking'],
	'\u{1F644}': ['mocking'],
	'\u{1F44D}': ['thumbsup'],
	'\u{1F60A}': ['smile'],
	'\u{1F642}': ['smile'],
	'\u{1F64F}': ['smile'],
	'\u{1F648}': ['smile'],
	'\u{1F605}': ['smile'],
	tmrw: ['tomorrow'],
	tmr: ['tomorrow'],
	tmrrw: ['tomorrow'],
	'2moro': ['tomorrow'],
	'2morrow': ['tomorrow'],
	tonite: ['tonight'],
	'2nite': ['tonight'],
	msg: ['message'],
	msgs: ['messages'],
	b4: ['before'],
	cos: ['because'],
	coz: ['because'],
	cuz: ['because'],
	bc: ['because'],
	bcos: ['because'],
	bcz: ['because'],
	abt: ['about'],
	ppl: ['people'],
	sth: ['something'],
	smth: ['something'],
	wud: ['would'],
	cud: ['could'],
	shud: ['should'],
	gonna: ['going', 'to'],
	wanna: ['want', 'to'],
	gotta: ['got', 'to'],
	dunno: ['do', 'not', 'know'],
	idk: ['i', 'do', 'not', 'know'],
	dr: ['doctor'],
	drs: ['doctors'],
	doc: ['doctor'],
	docs: ['doctors'],
	appt: ['appointment'],
	appts: ['appointments'],
	info: ['information'],
	pic: ['picture'],
	pics: ['pictures'],
	pix: ['pictures'],
	txt: ['text'],
	gr8: ['great'],
	l8r: ['later'],
	tbh: ['to', 'be', 'honest'],
	imo: ['in', 'my', 'opinion'],
	ngl: ['honestly'],
	'a&e': ['ae'],
	'a+e': ['ae'],
	'e-mail': ['email'],
	'e-consult': ['econsult'],
	'e-consultation': ['econsultation'],
	eg: [],
	ie: [],
	wa: ['whatsapp'],
	insta: ['instagram'],
	fb: ['facebook'],
	ok: ['ok'],
	okay: ['ok'],
};

// Pronouns and common words that take 's as "is"; any other 's is a possessive and is dropped.
const APOSTROPHE_SUFFIXES: readonly (readonly [string, string])[] = [
	["n't", 'not'],
	["'m", 'am'],
	["'re", 'are'],
	["'ve", 'have'],
	["'ll", 'will'],
	["'d", 'would'],
];

const stemCache = new Map<string, string>();

/** Porter stem, cached: the same few hundred words recur in every reply. */
export function stem(word: string): string {
	let stemmed = stemCache.get(word);
	if (stemmed === undefined) {
		// Porter reads "his" as "hi" and "was" as "wa": words of three letters are their own stem.
		stemmed = /^[a-z]{4,}$/.test(word) ? stemmer(word) : word;
		// …so their inflections must come back to them: Porter takes "added" to "ad", but "add" is "add".
		if (stemmed.length < 3 && word.startsWith(stemmed + stemmed.at(-1))) stemmed += stemmed.at(-1);
		if (stemCache.size > 200_000) stemCache.clear();
		stemCache.set(word, stemmed);
	}
	return stemmed;
}

// US spellings read as UK ones, so "recognize" is "recognise" and "behavior" is "behaviour".
const US_WORDS: Readonly<Record<string, string>> = {
	behavior: 'behaviour',
	behaviors: 'behaviours',
	behavioral: 'behavioural',
	color: 'colour',
	honor: 'honour',
	favor: 'favour',
	favorite: 'favourite',
	center: 'centre',
	centers: 'centres',
	license: 'licence',
	defense: 'defence',
	offense: 'offence',
	judgment: 'judgement',
	pediatric: 'paediatric',
	anesthetic: 'anaesthetic',
	hematology: 'haematology',
	counseling: 'counselling',
	traveled: 'travelled',
	labeled: 'labelled',
	labeling: 'labelling',
	canceled: 'cancelled',
	program: 'programme',
};
const US_IZE = /^([a-z]{3,})iz(e|es|ed|ing|ation|ations|able)$/;
const NOT_IZE: ReadonlySet<string> = new Set(['size', 'sizes', 'sized', 'seize', 'seizes', 'seized', 'prize', 'prizes', 'capsize']);

function britishSpelling(word: string): string {
	const known = US_WORDS[word];
	if (known) return known;
	const ize = US_IZE.exec(word);
	return ize && !NOT_IZE.has(word) ? `${ize[1]}is${ize[2]}` : word;
}

/** Splits one lower-cased raw word into normalised words. */
export function expandWord(raw: string): readonly string[] {
	const word = britishSpelling(raw.replace(/’|‘|`/g, "'"));
	const known = CONTRACTIONS[word] ?? TEXT_SPEAK[word];
	if (known) return known;
	if (word.includes('-')) return word.split('-').filter(Boolean).flatMap(expandWord);
	if (!word.includes("'")) return [word];
	for (const [suffix, expansion] of APOSTROPHE_SUFFIXES) {
		if (word.endsWith(suffix) && word.length > suffix.length) {
			return [...expandWord(word.slice(0, -suffix.length)), expansion];
		}
	}
	if (word.endsWith("'s")) return expandWord(word.slice(0, -2));
	if (word.endsWith("s'")) return expandWord(word.slice(0, -1));
	return word.split("'").filter(Boolean);
}

// The same few hundred words recur in every reply; each is worked out once. Bounded, as a long
// process (a group session, a batch) may meet many typos.
const lexemes = new Map<string, Lexeme>();
const rawWords = new Map<string, readonly Lexeme[]>();

function lexemeOf(word: string): Lexeme {
	let lexeme = lexemes.get(word);
	if (lexeme === undefined) {
		lexeme = { word, stem: stem(word), negationRole: -1 };
		lexemes.set(word, lexeme);
	}
	return lexeme;
}

/** One raw word (as typed) as its normalised words, cached. */
function normaliseWord(raw: string): readonly Lexeme[] {
	let normalised = rawWords.get(raw);
	if (normalised === undefined) {
		if (rawWords.size > 200_000) {
			rawWords.clear();
			lexemes.clear();
		}
		normalised = expandWord(raw.toLowerCase().replace(/[.]/g, '')).map(lexemeOf);
		rawWords.set(raw, normalised);
	}
	return normalised;
}

/** Normalises a phrase (from a pattern or the lexicon) into stems, exactly as replies are normalised. */
export function phraseStems(phrase: string): string[] {
	return tokenise(phrase).tokens.map(token => token.stem);
}

// Letters and digits: Latin (with accents), Greek and Cyrillic. Explicit ranges run about twice as
// fast as \p{L}, and scanning is most of the cost of reading a reply.
const LETTER = 'A-Za-z0-9\\u00C0-\\u024F\\u0370-\\u03FF\\u0400-\\u04FF';
// A word (letters joined by apostrophes, hyphens, & or +; a full stop only before digits or a lone
// letter: "can't", "A&E", "2.5", "e.g", but not "here.Please"; also "w/o" and laughing emoji, which
// say something a rubric may need to hear), a sentence end, or a clause break. One RegExp, reused:
// tokenising is synchronous, and copying it for every reply costs more than the rest of a short one.
// Any other emoji ends a clause, as a comma would: "no faces is prob fine 🤷 post Friday's".
const TOKEN_PATTERN = new RegExp(
	`([Ww]/[Oo](?![A-Za-z])|\\uD83D[\\uDE02\\uDE43\\uDE44\\uDC4D\\uDE0A\\uDE42\\uDE4F\\uDE48\\uDE05]|\\uD83E[\\uDD23\\uDD21]|[${LETTER}]+(?:[-'’&+][${LETTER}]+|\\.[0-9]+|\\.[A-Za-z](?![A-Za-z]))*['’]?)|(\\.{1,3}|[!?]+|\\n)|([,;:()\\[\\]"“”—–]|\\s-+\\s|\\s-+$|\\uD83C[\\uDF00-\\uDFFF]|\\uD83D[\\uDC00-\\uDEFF]|\\uD83E[\\uDD00-\\uDEFF]|[\\u2600-\\u27BF])`,
	'g',
);

// "Dr" before a name is a title, not the word "doctor": "I'll ask Dr Shah" is not "ask a doctor".
const TITLE: readonly Lexeme[] = [{ word: 'dr', stem: 'dr', negationRole: -1 }];
const BEFORE_A_NAME = /^\.?[ \t]+[A-Z]/;

/** Words whose full stop marks an abbreviation, not the end of a sentence. */
const ABBREVIATIONS: ReadonlySet<string> = new Set(['dr', 'drs', 'mr', 'mrs', 'ms', 'etc', 'vs', 'approx', 'e.g', 'i.e', 'eg', 'ie']);

/**
 * Tokenises a reply: lower-cases, straightens quotes, expands contractions and text-speak, stems,
 * and records sentence and clause numbers so negation and evidence windows stay inside them.
 */
export function tokenise(text: string): Tokenised {
	const tokens: Token[] = [];
	const sentences: Sentence[] = [];
	let sentence = 0;
	let clause = 0;
	let sentenceStart = -1;
	let lastEnd = 0;
	const closeSentence = (end: number) => {
		if (sentenceStart >= 0) {
			sentences.push({ start: sentenceStart, end });
			sentence++;
			clause++;
			sentenceStart = -1;
		}
	};
	const pattern = TOKEN_PATTERN;
	pattern.lastIndex = 0;
	for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
		const start = match.index;
		const end = start + match[0].length;
		const word = match[1];
		const sentenceEnd = match[2];
		if (word !== undefined) {
			if (sentenceStart < 0) sentenceStart = start;
			// Character codes, not string comparison: this runs for every word of every reply.
			const isTitle = word.length === 2 && word.charCodeAt(0) === 68 && (word.charCodeAt(1) | 0x20) === 114 && BEFORE_A_NAME.test(text.slice(end, end + 3));
			const normalised = isTitle ? TITLE : normaliseWord(word);
			for (let index = 0; index < normalised.length; index++) {
				const lexeme = normalised[index]!;
				tokens.push({ lexeme, word: lexeme.word, stem: lexeme.stem, start, end, sentence, clause });
			}
			lastEnd = end;
			if (text.charCodeAt(end) === 46 && word.length <= 6 && ABBREVIATIONS.has(word.toLowerCase())) pattern.lastIndex = end + 1;
		} else if (sentenceEnd !== undefined) {
			closeSentence(sentenceEnd === '\n' ? lastEnd : end);
		} else {
			clause++;
		}
	}
	closeSentence(lastEnd);
	return { text, tokens, sentences };
}
