import type { IdentifierKind } from '../scenario/schema.js';

export type IdentifierHit = {
	readonly kind: IdentifierKind;
	readonly text: string;
	readonly start: number;
	readonly end: number;
};

/** Modulus-11 check digit of an NHS number: weights 10 down to 2; 11 means 0; 10 is never issued. */
export function isValidNhsNumber(digits: string): boolean {
	if (!/^\d{10}$/.test(digits)) return false;
	let sum = 0;
	for (let index = 0; index < 9; index++) sum += Number(digits[index]) * (10 - index);
	const check = 11 - (sum % 11);
	if (check === 10) return false;
	return (check === 11 ? 0 : check) === Number(digits[9]);
}

const TEN_DIGITS = /(?<![\d+])\d{3}[ -]?\d{3}[ -]?\d{4}(?![\d])/g;
const PHONE = /(?<![\d+\w])(?:\+44\s?(?:\(0\)\s?)?|\(?0)\d[\d\s()-]{7,14}\d(?!\d)/g;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
// Royal Mail's rules: inward letters never use C, I, K, M, O or V, which also keeps "b4 3pm" out.
const POSTCODE = /\b(?:[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?|GIR) ?\d[ABD-HJLNP-UW-Z]{2}\b/gi;
const MONTHS = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const DATE = new RegExp(
	String.raw`\b(?:\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:${MONTHS})\.?,?\s+\d{4}|(?:${MONTHS})\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4})\b`,
	'gi',
);
const BIRTH_CUE = /\b(?:d\.?o\.?b|date of birth|born|birthday|birth date|b\.)\W{0,3}(?:\w+\W{1,3}){0,3}$/i;

// A line that is not a person's own: a landline counts only when it is said to be someone's ("his home
// number is 0161…"); "the ward's direct line is 0161 496 0222" and "PALS on 0113 496 0555" are services.
const PERSONAL_BEFORE = /\b(?:his|her|their|your|my|home|patient'?s?|mum'?s|dad'?s|wife'?s|husband'?s|son'?s|daughter'?s|personal|private)\b[^\n]{0,30}$/i;

// Words a capitalised pair may start with that make it no name: "Hey Tom", "Ward Sister", "The Trust".
const NOT_NAME_WORDS =
	'Hi|Hey|Hello|Dear|The|This|That|Please|Thanks|Thank|Sorry|Ward|Bay|Bed|Sister|Nurse|Doctor|Dr|Good|Morning|Evening|Night|Yes|No|Ok|Okay|Sure|Oh|And|But|So|If|When|Our|Your|My|His|Her|NHS|GP|A|An|I|It|We|You|Can|Could|Would|Will|Just|Also|Team|Trust|Hospital|Great|Well|Happy|Friday|Monday|Tuesday|Wednesday|Thursday|Saturday|Sunday|Is|Was|Are|In|On|From|At|For|With|Not|Wait|Mate|Hun';
const NOT_NAMES = new RegExp(`^(?:${NOT_NAME_WORDS})\\b`);
// A capitalised word that is no one's name when it stands alone beside a bed: "Patient in bed 4", "Visiting's from 2".
const NOT_ALONE =
	'Patient|Patients|Man|Lady|Woman|Guy|Lad|Gentleman|Chap|Someone|Everyone|Anyone|Nobody|Who|Whoever|Visiting|Visit|Call|Ring|Ask|Check|See|Go|Come|Pop|Today|Tomorrow|Tonight|Later|Now|Then|There|Here|Room|Side|Cubicle|Chair|Cot|Nights|Days|Still|Only|Even|Both|Each|Everything|Nothing|Something';
// A name: a title and a surname ("Mr Okonkwo", "Mrs Doreen Walsh"), two capitalised words ("Keith Marsh",
// not "It's John": a pair starting with no name is tried again from its second word), or a quoted surname ("'Smith bed 4'").
// Doctors and staff are named with Dr, Sister, Nurse: not patients.
const NAME = String.raw`(?:\b(?:Mr|Mrs|Ms|Miss|Mx|Master)\.?\s+[A-Z][A-Za-z'-]+(?:\s+[A-Z][A-Za-z'-]+)?|\b(?!(?:${NOT_NAME_WORDS})\b)[A-Z][a-z'-]+\s+[A-Z][a-z'-]{2,}|['‘"“][A-Z][a-z'-]+)`;
const PLACE = String.raw`\b(?:[Bb]ed|BED|[Bb]ay|BAY|[Cc]ubicle|[Ss]ide\s*[Rr]oom|[Rr]oom|[Cc]ot|[Cc]hair)\s*(?:[Nn]o\.?\s*|[Nn]umber\s*)?\d{1,3}[a-zA-Z]?\b`;
const HOSPITAL_NUMBER = String.raw`\b(?:[Hh]osp(?:ital)?\.?\s*(?:[Nn]o|[Nn]um|[Nn]umber)\.?|MRN|[Mm]rn|[Uu]nit\s+(?:[Nn]o|[Nn]umber)|[Kk]\s*[Nn]umber|[Cc]ase\s+(?:[Nn]o|[Nn]umber))\s*[:#]?\s*[A-Z]{0,3}\d{5,10}\b`;
const NAME_NEAR_PLACE = new RegExp(
	String.raw`(${NAME})(?:[^.!?\n]{0,25}?)(${PLACE}|${HOSPITAL_NUMBER})|(${PLACE}|${HOSPITAL_NUMBER})(?:[^.!?\n]{0,12}?)(${NAME})`,
	'g',
);
// A titled name is a patient's however far the sentence runs before the place: "Mrs Ellis, 87, waited 19 hours on a trolley in cubicle 6".
const TITLED = String.raw`\b(?:Mr|Mrs|Ms|Miss|Mx|Master)\.?\s+[A-Z][A-Za-z'-]+(?:\s+[A-Z][A-Za-z'-]+)?`;
// An age beside a titled name narrows it to one person as a bed number does: "Mrs Ellis, 87", "Mr Patel (64)", "Mr Khan, a 72-year-old".
const AGE = String.raw`\b\d{1,3}\s*-?\s*(?:years?|yrs?)\s*-?\s*old\b|\b\d{1,3}\s*(?:y\.?o|yo)\b`;
const TITLED_NEAR_PLACE = new RegExp(
	String.raw`(${TITLED})(?:(?:[^.!?\n]{0,70}?)(${PLACE}|${HOSPITAL_NUMBER}|${AGE})|\s*(?:,|\()\s*(\d{2,3})\b(?!\s*(?:%|of|am|pm|mg|ml|hours?|hrs?|mins?|minutes?|days?|weeks?|:)))`,
	'g',
);
const WHOLE_NAME = new RegExp(`^${NAME}$`);
// A first name alone right beside a bed or bay: "bed 9 Karen", "bed 2, Keith", "Keith's in bed 14", "Jordan (bay 3)".
const FIRST_NAME = String.raw`\b(?!(?:${NOT_NAME_WORDS}|${NOT_ALONE})\b)[A-Z][a-z]{2,}\b`;
const FIRST_NAME_BY_PLACE = new RegExp(
	String.raw`(${PLACE})(?:,|:|\s-)?\s+(${FIRST_NAME})(?!\s+[A-Z])|(${FIRST_NAME})(?:['’]s)?\s+(?:(?:is|was)\s+)?(?:in|on|at|from)\s+(?:the\s+)?(${PLACE})|(${FIRST_NAME})\s*\((${PLACE})\)`,
	'g',
);

function isName(text: string): boolean {
	const bare = text.replace(/^['‘"“]/, '');
	if (!/^[A-Z]/.test(bare)) return false;
	if (/^(?:Mr|Mrs|Ms|Miss|Mx|Master)\b/.test(bare)) return true;
	// "Hey Tom", "Ward 22": the first word is no name, but the second may be one on its own.
	return !NOT_NAMES.test(bare);
}

function digitsOf(text: string): string {
	return text.replace(/\D/g, '');
}

function isUkPhone(text: string): boolean {
	let digits = digitsOf(text);
	if (digits.startsWith('44')) digits = `0${digits.slice(2).replace(/^0/, '')}`;
	return /^0[1237]\d{8,9}$/.test(digits) || /^08\d{8,9}$/.test(digits);
}

function yearOf(date: string): number {
	const years = date.match(/\d{2,4}(?!.*\d)/);
	return years ? Number(years[0]) : 0;
}

/**
 * Patient identifiers in the learner's own words: NHS numbers (checksum-valid), UK phone numbers, email
 * addresses, full postcodes and dates of birth (a date after "DOB"/"born", or any full date before 2010).
 */
export function findIdentifiers(text: string): IdentifierHit[] {
	const hits: IdentifierHit[] = [];
	// Each kind needs a least number of digits (an email needs an @): "call 111" can be none of them.
	let digits = 0;
	for (let index = 0; index < text.length; index++) {
		const code = text.charCodeAt(index);
		if (code >= 48 && code <= 57) digits++;
	}
	if (digits === 0 && !text.includes('@')) return hits;
	const taken: [number, number][] = [];
	const add = (kind: IdentifierKind, match: RegExpMatchArray) => {
		const start = match.index!;
		const end = start + match[0].length;
		if (taken.some(([from, to]) => start < to && end > from)) return;
		taken.push([start, end]);
		hits.push({ kind, text: match[0].trim(), start, end });
	};
	if (text.includes('@')) for (const match of text.matchAll(EMAIL)) add('email', match);
	if (digits >= 10) {
		for (const match of text.matchAll(TEN_DIGITS)) {
			if (isValidNhsNumber(digitsOf(match[0]))) add('nhs-number', match);
		}
		for (const match of text.matchAll(PHONE)) {
			if (!isUkPhone(match[0])) continue;
			const mobile = /^(?:\+44\s?(?:\(0\)\s?)?|0)7/.test(match[0].replace(/[\s()-]/g, '').replace(/^\+440?/, '0'));
			if (!mobile && !PERSONAL_BEFORE.test(text.slice(Math.max(0, match.index! - 40), match.index))) continue;
			add('phone', match);
		}
	}
	if (digits >= 1) {
		for (const match of text.matchAll(NAME_NEAR_PLACE)) {
			const name = match[1] ?? match[4]!;
			const place = match[2] ?? match[3]!;
			if (!WHOLE_NAME.test(name.trim()) || !isName(name.trim())) continue;
			add(/\d{5,}/.test(place) ? 'hospital-number' : 'name-and-location', match);
		}
		for (const match of text.matchAll(TITLED_NEAR_PLACE)) add(/\d{5,}/.test(match[2] ?? '') ? 'hospital-number' : 'name-and-location', match);
		for (const match of text.matchAll(FIRST_NAME_BY_PLACE)) add('name-and-location', match);
	}
	// The shortest full date ("1/3/85") has four digits, the shortest postcode two.
	if (digits >= 4)
		for (const match of text.matchAll(DATE)) {
			const before = text.slice(Math.max(0, match.index! - 40), match.index);
			const year = yearOf(match[0]);
			if (BIRTH_CUE.test(before) || (year >= 1900 && year < 2010)) add('date-of-birth', match);
		}
	if (digits >= 2) for (const match of text.matchAll(POSTCODE)) add('postcode', match);
	return hits.sort((a, b) => a.start - b.start);
}
