import { looksLikeReassurance, looksLikeTreatmentAdvice } from '../rubric/clinical-acts.js';
import type { PartnerRole } from '../scenario/schema.js';
import type { PartnerRequest } from '../session/types.js';

/** Longest message a partner may send: real DMs are short, and a runaway model must not flood the chat. */
export const MAX_MESSAGE = 600;

function escape(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const TITLE = /^(?:dr|mr|mrs|ms|miss|mx|prof)\.?$/i;

/** The names a model labels someone by: "Dr Priya Raman", "Priya Raman", "Priya", "Dr Raman". */
function nameVariants(name: string): string[] {
	const words = name
		.trim()
		.split(/\s+/)
		.filter(word => word !== '');
	if (words.length === 0) return [];
	const titled = words.length > 1 && TITLE.test(words[0]!);
	const bare = titled ? words.slice(1) : words;
	return [...new Set([words.join(' '), bare.join(' '), bare[0]!, ...(titled ? [`${words[0]} ${bare.at(-1)}`] : [])])];
}

/** A speaker's label at the start of a line, as models write it: "Jade:", "**Jade:**", "**Jade**:", "Jade (patient):", "Jade -". `names` are patterns. */
function speakerLabel(names: readonly string[]): string {
	return `^[ \\t]*[*_]{0,2}(?:${names.join('|')})(?:\\s*\\([^)\\n]{1,30}\\))?[*_]{0,2}(?:\\s*[:：]|\\s+[-–—](?=\\s))[*_]{0,2}\\s*`;
}

const ASSISTANT_OPENER = "(?:sure|certainly|of course|absolutely|here(?:'s|’s| is))";
const UNFINISHED_PREAMBLE = new RegExp(`^\\s*${ASSISTANT_OPENER}\\b[^:\\n]{0,160}(?::\\s*)?$`, 'i');

/**
 * While a message streams: whether it may yet turn out to be a preamble ("Sure! Here is Jade's…"),
 * which is not shown until it is clear either way.
 */
export function mayBePreamble(text: string): boolean {
	return UNFINISHED_PREAMBLE.test(text);
}

/**
 * A model's note before the message: "Sure! Here is Jade's next message:", "Here's Jade's reply:",
 * followed by the message in quotes or on the next line. "jade here, quick message: is it ok" is not one.
 */
function preamble(names: readonly string[]): RegExp {
	const opener = `(?:${ASSISTANT_OPENER}|${names.map(escape).join('|')})`;
	return new RegExp(`^(?=[^\\n]*?\\b${opener}\\b)[^\\n]{0,160}?\\b(?:message|reply|response|says?|writes?)\\b[^\\n]{0,40}?:[ \\t]*(?=\\n|["“])\\s*`, 'i');
}

/**
 * The message inside wrapping quotes. After a preamble, what follows the closing quote is the
 * model's commentary ("I hope this captures…") and goes too. A message that only starts or ends
 * with a quotation ("she said \"call 111\"") keeps its quotes.
 */
function unquote(text: string, afterPreamble: boolean): string {
	const wrapped = (afterPreamble ? /^["“]([\s\S]+?)["”][ \t]*(?:\n[\s\S]*)?$/ : /^["“]([\s\S]+?)["”]$/).exec(text) ?? /^['‘]([\s\S]+)['’]$/.exec(text);
	if (wrapped) return wrapped[1]!.trim();
	// Still streaming: the opening quote has come, the closing one not yet.
	return /^["“][^"”]*$/.test(text) ? text.slice(1).trim() : text;
}

/**
 * What a stage direction opens with: "(sighs)", "(laughs nervously)", "*rolls eyes*", "(sends photo)".
 * Anything else in brackets or between stars is the partner's own words: "(always)", "*really*".
 */
const STAGE =
	'(?:[a-z]+ly )?(?:sigh(?:s|ed|ing)?|laugh(?:s|ed|ing)?|chuckl(?:e|es|ed|ing)|giggl(?:e|es|ed|ing)|smil(?:e|es|ed|ing)|grin(?:s|ning)?|smirk(?:s|ing)?|' +
	'paus(?:e|es|ed|ing)|sob(?:s|bing)?|sniff(?:s|les?|ling)?|groan(?:s|ing)?|shrug(?:s|ging)?|wink(?:s|ing)?|nod(?:s|ding)?|frown(?:s|ing)?|scoff(?:s|ing)?|' +
	'gasp(?:s|ing)?|blush(?:es|ing)?|winc(?:e|es|ing)|cough(?:s|ing)?|yawn(?:s|ing)?|whisper(?:s|ing)?|mutter(?:s|ing)?|mumbl(?:e|es|ing)|cr(?:y|ies|ying)|' +
	'typ(?:es|ing)|sends|attaches|rolls|eye ?roll|facepalms?|clears|scratches|rubs|bites|shakes|looks (?:at|away|down|up)|takes a (?:deep )?breath|deep breath|' +
	'nervous(?:ly)?|awkward(?:ly)?|sheepish(?:ly)?|sarcastic(?:ally)?|angr(?:y|ily)|hesitant(?:ly)?|quietly|excitedly|anxious(?:ly)?|frustrated|embarrassed|in tears)\\b';
/** An attachment written out as text, as the model sees the opening's ("[sent with an attachment: …]") or as "[photo]". */
const ATTACHMENT = '\\[(?:sent with an attachment|attachment|attached|photo|image|picture|pic|screenshot|sends|sending)\\b[^\\]\\n]{0,100}\\]';
const STAGE_DIRECTION = new RegExp(`[ \\t]*(?:\\(${STAGE}[^()\\n]{0,40}\\)|\\*{1,2}${STAGE}[^*\\n]{0,40}\\*{1,2}|${ATTACHMENT})`, 'gi');

/** Who is in the conversation, by the names a model may label them with. */
export type Speakers = { readonly partner: string; readonly role: PartnerRole; readonly learners: readonly string[] };

/** The speakers of a partner's next message: its own name, and every learner it has heard from. */
export function speakersOf(request: PartnerRequest): Speakers {
	const learners = request.conversation.flatMap(message => (message.kind === 'learner' ? [message.learner] : []));
	return { partner: request.scenario.partner.name, role: request.scenario.partner.role, learners: [...new Set([...learners, request.lastReply.learner])] };
}

/** How a model labels the learner's side when it writes it: by name, or as "You:", "Doctor:", "Dr Patel:". */
const LEARNER_LABELS = ['you', 'me', 'learner', 'user', 'student', 'candidate', "(?:dr|doctor)\\.?(?: [a-z][\\w'-]*){0,2}"];

function labelsOf(speakers: Speakers): { readonly partner: RegExp; readonly learner: RegExp } {
	return {
		partner: new RegExp(speakerLabel([...nameVariants(speakers.partner), speakers.role].map(escape)), 'i'),
		learner: new RegExp(speakerLabel([...speakers.learners.flatMap(nameVariants).map(escape), ...LEARNER_LABELS]), 'i'),
	};
}

/** Where the model starts writing the learner's side of the conversation ("\nAsha: no worries"), if it does. */
function learnerLineAt(text: string, labels: ReturnType<typeof labelsOf>): number | undefined {
	let start = 0;
	for (const line of text.split('\n')) {
		if (!labels.partner.test(line) && labels.learner.test(line)) return start;
		start += line.length + 1;
	}
	return undefined;
}

/** Whether the model has gone on to write a learner's line: nothing after it is the partner's. */
export function writesForLearner(text: string, speakers: Speakers): boolean {
	return learnerLineAt(text, labelsOf(speakers)) !== undefined;
}

/**
 * A model's message as the partner would send it: no "Jade:" label, no stage directions
 * ("*sighs*", "(laughs)"), no wrapping quotes, no trailing half-sentence past the length cap, and
 * nothing from where it starts writing the learner's side ("ok thanks x\n\nAsha: no worries"):
 * the partner's own words before that are kept.
 */
export function cleanMessage(text: string, speakers: Speakers): string {
	const names = nameVariants(speakers.partner);
	let cleaned = text.replace(/\r/g, '').trim();
	const note = preamble(names).exec(cleaned);
	if (note) cleaned = cleaned.slice(note[0].length);
	const labels = labelsOf(speakers);
	cleaned = cleaned.replace(labels.partner, '');
	const learnerLine = learnerLineAt(cleaned, labels);
	if (learnerLine !== undefined) cleaned = cleaned.slice(0, learnerLine);
	// A DM shows no markdown: bold is plain words.
	cleaned = cleaned.replace(STAGE_DIRECTION, '').replace(/\*\*([^*\n]+)\*\*/g, '$1');
	cleaned = unquote(
		cleaned
			.replace(/[ \t]{2,}/g, ' ')
			.replace(/\n{3,}/g, '\n\n')
			.trim(),
		note !== null,
	);
	if (cleaned.length > MAX_MESSAGE) {
		const cut = cleaned.slice(0, MAX_MESSAGE);
		const lastStop = Math.max(cut.lastIndexOf('. '), cut.lastIndexOf('! '), cut.lastIndexOf('? '), cut.lastIndexOf('\n'));
		cleaned = lastStop > MAX_MESSAGE / 2 ? cut.slice(0, lastStop + 1).trim() : `${cut.trimEnd()}…`;
	}
	return cleaned;
}

const AI_TALK =
	/\b(?:as an ai|an ai (?:model|assistant|language)|language model|i am an ai|i'm an ai|i cannot role-?play|as a chatbot|this is (?:just )?an? (?:role-?play|simulation)|out of character|ooc)\b/i;
/**
 * The partner marking or coaching the learner: the rubric, a score, praise for an answer, the criteria
 * by name. In character, people have their own criteria ("you tick all our criteria") and say well done.
 */
const RUBRIC_TALK =
	/\b(?:rubric|marking scheme|mark scheme|(?:assessment|marking|scoring) criteri(?:a|on)|your score|you scored|model answer|(?:good|great|strong|excellent|perfect) answer|feedback on your (?:answer|performance)|you (?:covered|addressed|mentioned) (?:confidentiality|boundaries|signposting|documentation|escalation|transparency))\b/i;
/**
 * The partner speaking as the clinician, in the first person: "as your doctor", "I'll prescribe",
 * "examine you", "my advice is". Advice and verdicts given to the other person, in any specialty,
 * come from rubric/clinical-acts.
 */
const CLINICIAN_TALK = new RegExp(
	[
		'\\bas your (?:doctor|gp|clinician|physician)\\b',
		'\\bas a (?:doctor|gp|clinician|physician|medical professional),? i\\b',
		"\\bi(?:'ll| will| can| could| would|'d|'m going to)? (?:prescribe|diagnose)\\b",
		'\\b(?:examine|assess) you\\b',
		'\\bmy (?:medical |clinical )?(?:advice|diagnosis|recommendation|opinion as a doctor) (?:is|would be)\\b',
	].join('|'),
	'i',
);

/**
 * Whether the partner gives clinical advice: speaks as the clinician, tells the other person to take,
 * use or stop a treatment, or reassures them or gives a verdict on their health. A patient guessing
 * about their own condition ("i think it's probably an allergy tbh", "is it eczema do you think?") is
 * still a patient.
 */
function givesClinicalAdvice(text: string): boolean {
	return CLINICIAN_TALK.test(text) || looksLikeTreatmentAdvice(text) || looksLikeReassurance(text);
}

export type DriftReason = 'ai-talk' | 'rubric-talk' | 'clinical-advice';

/**
 * Whether a model's message has left its part: it talks about being an AI or about marking, or
 * (playing anyone but a clinician) gives clinical advice. LLM patients are known to drift into playing
 * the doctor after a few turns; such a message is replaced by the scripted beat. (A message that
 * speaks as the learner is cut where it starts to, by cleanMessage.)
 */
export function detectDrift(text: string, partnerIsClinician: boolean): DriftReason | undefined {
	if (AI_TALK.test(text)) return 'ai-talk';
	if (RUBRIC_TALK.test(text)) return 'rubric-talk';
	if (!partnerIsClinician && givesClinicalAdvice(text)) return 'clinical-advice';
	return undefined;
}
