// Recognising clinical acts in free text, in any specialty: telling someone to take or change a medicine,
// reassuring them or giving them a verdict on their health, and asking them for more clinical detail.
// Pure and small, so the partner's drift filter (partner/clean.ts) can use it as well as the rubric.

import { detailRequestAt } from './detail-request.js';
import { contactOfferAt } from './contact-offer.js';
import { mockeryAt } from './mockery.js';
import { playingDownAt } from './play-down.js';
import { firstSentenceWhere, type TextRange } from './sentences.js';

/** Medicines and kinds of medicine, across specialties, as people name them in messages. */
const MEDICINES = [
	// pain, fever, inflammation
	'paracetamol',
	'ibuprofen',
	'naproxen',
	'aspirin',
	'codeine',
	'co-codamol',
	'tramadol',
	'morphine',
	'diclofenac',
	'painkillers?',
	'anti-inflammator(?:y|ies)',
	// infection
	'antibiotics?',
	'amoxicillin',
	'flucloxacillin',
	'penicillin',
	'doxycycline',
	'clarithromycin',
	'azithromycin',
	'nitrofurantoin',
	'trimethoprim',
	'cefalexin',
	'metronidazole',
	'co-amoxiclav',
	'antivirals?',
	'aciclovir',
	'antifungals?',
	'clotrimazole',
	'fluconazole',
	'canesten',
	// skin and allergy
	'antihistamines?',
	'cetirizine',
	'loratadine',
	'fexofenadine',
	'piriton',
	'chlorphenamine',
	'hydrocortisone',
	'steroids?',
	'prednisolone',
	'emollients?',
	'creams?',
	'ointments?',
	'sudocrem',
	'vaseline',
	'savlon',
	'germolene',
	'aloe vera',
	'calamine',
	'e45',
	'diprobase',
	// heart, blood, diabetes
	'statins?',
	'atorvastatin',
	'simvastatin',
	'ramipril',
	'amlodipine',
	'bisoprolol',
	'furosemide',
	'warfarin',
	'apixaban',
	'rivaroxaban',
	'blood thinners?',
	'metformin',
	'gliclazide',
	'insulin',
	'semaglutide',
	'tirzepatide',
	// chest, gut, urology
	'inhalers?',
	'salbutamol',
	'ventolin',
	'omeprazole',
	'lansoprazole',
	'gaviscon',
	'antacids?',
	'laxatives?',
	'senna',
	'lactulose',
	'loperamide',
	'imodium',
	'buscopan',
	'tamsulosin',
	// mental health, neurology, sleep
	'antidepressants?',
	'sertraline',
	'citalopram',
	'fluoxetine',
	'mirtazapine',
	'amitriptyline',
	'diazepam',
	'lorazepam',
	'zopiclone',
	'melatonin',
	'sleeping pills?',
	'gabapentin',
	'pregabalin',
	'sumatriptan',
	'levodopa',
	'levetiracetam',
	// hormones and other
	'levothyroxine',
	'the pill',
	'contraceptives?',
	'morning after pill',
	'hrt',
	'iron tablets?',
	'vitamin d',
	'folic acid',
	'eye drops',
	'ear drops',
	'nasal spray',
	'lozenges?',
	'strepsils',
	'lemsip',
	'calpol',
	'nurofen',
	'rennie',
	// generic
	'tablets?',
	'pills?',
	'capsules?',
	'medication',
	'medicines?',
	'meds',
	'the dose',
	'your dose',
	// Someone else's or leftover medicine named by where it came from: "start mum's ones", "the leftover ones".
	"(?:(?:your |her |his |their |my )?(?:mum|mom|dad|nan|gran|sister|brother|friend|partner|flatmate|housemate)(?:'s|’s|s)? |her |his |their |(?:the )?(?:leftover|spare|old) )(?:ones|lot|stuff|course)",
	'(?:the )?leftovers',
];
// Each medicine is first replaced by this one word, so the advice patterns hold a word, not the whole
// lexicon: V8 took about 100 ms to compile the lexicon inside five patterns, on every start.
const MEDICINE_MENTION = new RegExp(`\\b(?:${MEDICINES.join('|')})\\b`, 'gi');
const MEDICINE_NAMED = new RegExp(MEDICINE_MENTION.source, 'i');
const MEDICINE = '__medicine__';
/** The sentence with every medicine named in it replaced by one word, for the patterns that need one. */
function withMedicinesMarked(sentence: string): string {
	return sentence.replace(MEDICINE_MENTION, MEDICINE);
}

/** Verbs of taking or changing a treatment. */
const TREATMENT_VERB =
	'(?:take|taking|start|starting|use|using|apply|applying|try|get|buy|pick up|put|rub|double|increase|reduce|lower|halve|stop|stopping|come off|keep taking|carry on with|switch to|go up to|have|grab|grabbing|lean on|stick to|stick with|go for|go with|stay on|rely on)';

/** Who is told to do it: the other person, or advice given to them. */
const DIRECTIVE =
	"(?:you should|you need to|you could|you can|you must|you'll need to|you will need to|you'd better|make sure you|just|i'd|i would|i'd recommend|i recommend|i'd suggest|i suggest|i'd advise|i advise|i'd say|best to|better to|it's best to|you want to|definitely|it's worth|it is worth|might be worth|worth|personally i'd|if i were you i'd)";

/** A dose or how often to take it: "500 mg", "two puffs", "twice a day", "every 4 hours". */
const DOSE =
	'(?:\\d+(?:\\.\\d+)?\\s?(?:mg|mcg|micrograms?|g|ml|units?|puffs?|tablets?|drops)\\b|\\b(?:once|twice|three times|four times|\\d+ times) (?:a|per|each) day\\b|\\bevery \\d+ hours\\b)';

/** Advice that names what to take: read on the sentence with its medicines marked. */
const ADVICE_NAMING_A_MEDICINE = [
	// "you should take an antihistamine", "i'd recommend you start the inhaler"
	new RegExp(`\\b${DIRECTIVE}(?: (?:that )?you)? ${TREATMENT_VERB}\\b(?:\\W+\\w+){0,5}?\\W+${MEDICINE}\\b`, 'i'),
	// "take two paracetamol", "apply hydrocortisone twice a day": a bare instruction opening the sentence
	new RegExp(`^(?:${TREATMENT_VERB})\\b(?:\\W+\\w+){0,4}?\\W+${MEDICINE}\\b`, 'i'),
	// "you need antibiotics", "you'll need a steroid cream"
	new RegExp(`\\byou(?:'ll| will)? need (?:some |an? |a course of |the |to (?:take|use|start) (?:some |an? |the )?)?(?:\\w+ )?${MEDICINE}\\b`, 'i'),
	// "stop the metformin", "don't take the ibuprofen"
	new RegExp(`\\b(?:stop|don't take|do not take|avoid|come off) (?:the |your |any )?${MEDICINE}\\b`, 'i'),
	// "an antihistamine from the pharmacy would be a sensible start", "ibuprofen should take the edge off": the medicine as the subject
	new RegExp(
		`\\b${MEDICINE}\\b(?:\\W+\\w+){0,6}?\\W+(?:would|should|will|might|could|may|'d|'ll)(?: (?!not\\b|never\\b)\\w+)? (?:help|be (?:a |the |your )?(?:good|sensible|best|fine|ok|okay|safe|worth|first|right|way)|do the trick|take the edge off|settle|sort|calm|ease|clear|work|get you through|see you through|tide you over)\\b`,
		'i',
	),
	// "a drink or two should be fine with amoxicillin": a ruling on what goes with the medicine
	new RegExp(
		`\\b(?:should|will|'ll|would|is|are|'s)(?: \\w+)? (?:be )?(?:fine|ok|okay|safe|alright) (?:with|on|alongside|while (?:on|taking)) (?:the |your |her |his )?${MEDICINE}\\b`,
		'i',
	),
];

/** Advice that names no medicine, read on the sentence as written ("2 tablets" is a dose, not a medicine). */
const ADVICE_BY_DOSE_OR_PRONOUN = [
	// "500 mg twice a day", "take it every 4 hours", given as an instruction
	new RegExp(`\\b(?:${TREATMENT_VERB}|${DIRECTIVE})\\b(?:\\W+\\w+){0,6}?\\W+${DOSE}`, 'i'),
	// A missed dose: "just take it when she remembers", "take the next one as normal", "double up", "skip that dose"
	/\b(?:take|have|carry on with|go on with) (?:it|them|one|the next one|the missed one|another one|the next dose|the missed dose) (?:when (?:you|she|he|they) remembers?|as soon as (?:you|she|he|they) (?:remembers?|can)|as normal|as usual|at the (?:normal|usual|same) time)\b|\b(?:double up|double the dose|skip (?:it|the next one|that dose|the next dose|a dose))\b/i,
	// "make sure you finish the course", "just finish the lot"
	/\b(?:make sure (?:you|she|he|they)|just|remember to|you need to|you should|you'll need to|you must) (?:finish|complete) (?:the (?:lot|course|pack|box|full course|whole course)|them all|all of them|it all)\b/i,
	// "I'd start them tonight", "take them now": a medicine already named, now a pronoun, with when to begin
	/\b(?:start|take|finish|use|try|have) (?:it|them|those|these|one|some) (?:tonight|now|today|tomorrow|straight away|right away|asap|this evening)\b/i,
	// Care of a wound or a rash, said as an instruction: "I'd leave it uncovered", "keep it dry", "pop a plaster on"
	/\b(?:leave|keep) (?:it|the (?:wound|scar|cut|dressing|rash|area)) (?:uncovered|covered|dry|clean|moist|elevated|raised|up|propped up|open to the air|to breathe)\b|\blet (?:the )?air (?:get to|at|to) (?:it|the \w+)\b|\b(?:pop|put|stick|slap) (?:a |some )?(?:plaster|dressing|ice|ice pack|cold compress|bandage)s? on\b/i,
	// "carry on as normal", "keep going as you are": telling them to go on with what they take
	/\b(?:carry on|keep going|continue)(?: (?:with|taking) (?:it|them|everything|your \w+))? (?:as (?:normal|usual|before|you are)|like normal)\b/i,
	// "don't stop it before the race", "keep taking them", "carry on with it": a medicine already named, now a pronoun
	/\b(?:(?:don't|do not|no need to) (?:stop|come off)(?: taking)? (?:it|them)|keep (?:taking|using) (?:it|them)|carry on (?:taking|with) (?:it|them)|stop (?:taking|using) (?:it|them))\b/i,
];

function advises(sentence: string): boolean {
	if (ADVICE_BY_DOSE_OR_PRONOUN.some(pattern => pattern.test(sentence))) return true;
	const marked = withMedicinesMarked(sentence);
	return marked !== sentence && ADVICE_NAMING_A_MEDICINE.some(pattern => pattern.test(marked));
}

/** Conditions across specialties, and the endings that name most others ("tonsillitis", "gastritis"). */
const CONDITIONS = [
	'\\w+itis',
	'\\w+osis',
	'an? (?:\\w+ )?infection',
	'an? (?:\\w+ )?virus',
	'a virus',
	'viral',
	'an? allergy',
	'an? allergic reaction',
	'eczema',
	'psoriasis',
	'hives',
	'shingles',
	'scabies',
	'impetigo',
	'ringworm',
	'an? uti',
	'strep(?: throat)?',
	'flu',
	'a cold',
	'covid',
	'asthma',
	'copd',
	'a chest infection',
	'pneumonia',
	'an? (?:\\w+ )?fracture',
	'a sprain',
	'a strain',
	'a pulled muscle',
	'migraine',
	'a migraine',
	'anxiety',
	'depression',
	'a panic attack',
	'reflux',
	'ibs',
	'an ulcer',
	'a clot',
	'a dvt',
	'angina',
	'diabetes',
	'anaemia',
	'gout',
	'piles',
	'haemorrhoids',
	'a cyst',
	'a hernia',
];
const CONDITION = `(?:${CONDITIONS.join('|')})`;

/** What a health verdict is about: "your results", "the rash", "your chest". */
const BODY =
	'(?:results?|bloods?|blood tests?|tests?|scans?|x-?rays?|ecg|levels?|sugars?|blood pressure|pressure|wound|scar|rash|skin|cast|chest|heart|throat|tonsils|ear|eye|cough|temperature|fever|symptoms|pain|headache|lump|mole|swelling|bump|arm|leg|ankle|wrist|knee|back|tummy|stomach|bowels|breathing)';

/** Verdicts that are a clinician's whoever they are said to: a diagnosis of "you", a ruling on "your" results. */
const VERDICT = [
	// "you've got tonsillitis", "sounds like you have a chest infection"
	new RegExp(
		`\\b(?:you(?:'ve got| have got| have| probably have| likely have| might have| may have| definitely have)|sounds like you(?:'ve got| have)|looks like you(?:'ve got| have)) ${CONDITION}\\b(?! control)`,
		'i',
	),
	// "your results are fine", "your wound looks completely normal", "your bloods came back clear"
	new RegExp(
		`\\byour (?:\\w+ )?${BODY} (?:is|are|looks?|sounds?|seems?|came back) (?:absolutely |completely |perfectly |totally |all )?(?:fine|normal|healthy|clear|ok|okay|reassuring|nothing to worry about|healing (?:well|nicely))\\b`,
		'i',
	),
	// "you don't need to see a doctor", "no need to go to A&E", "you don't need antibiotics"
	/\b(?:you (?:don't|do not) need (?:to (?:see|go to|call|ring) (?:a |the |your )?|any )?(?:a doctor|doctor|gp|a&e|a and e|111|hospital|antibiotics|treatment|medication)|no need (?:for you )?to (?:see|go to|call|ring) (?:a |the |your )?(?:doctor|gp|a&e|a and e|111|hospital))\b/i,
	// "you'll be fine in a few days", "it'll clear up on its own in a week"
	/\b(?:you'll|you will) (?:be (?:absolutely |totally )?fine|feel better) in a (?:few|couple of) days\b/i,
];

/**
 * Verdicts that a patient may also say about their own health ("it's probably nothing serious", "it
 * looks like shingles"), so they count only in a sentence that speaks to "you".
 */
const ADDRESSED_VERDICT = [
	new RegExp(`\\b(?:it|this|that) (?:sounds|looks|seems) (?:like|to be) ${CONDITION}\\b`, 'i'),
	/\b(?:it's|it is|that's|that is|this is) (?:probably |almost certainly |definitely |just |only )?(?:nothing serious|not serious|not anything to worry about|nothing to worry about|harmless|benign)\b/i,
	/\b(?:it|that|this|the \w+)(?:'ll| will| should) (?:clear up|settle|heal|go away|get better) (?:on its own|by itself|in a (?:few|couple of) (?:days|weeks))\b/i,
];

/** What a test measures, as people name a result: "potassium", "bloods", "the reading". */
const MEASURE =
	'(?:potassium|sodium|cholesterol|hba1c|sugars?|glucose|creatinine|egfr|kidney function|liver function|lfts|tsh|thyroid|iron|ferritin|b12|vitamin d|haemoglobin|hb|white cells?|crp|psa|inr|bloods?|results?|readings?|levels?|numbers?|ecg|scan|x-?ray)';

/** Reassurance said of the problem itself, in any sentence: "it should settle", "a bit of tightness is normal", "it'll calm down by itself". */
const VERDICT_ON_IT = [
	// A ruling on a result: "potassium of 5.3 is borderline", "the bloods look fine", "your levels are only a bit high"
	new RegExp(
		`\\b${MEASURE}(?: (?:of|at) [\\d.]+)?(?:'s| is| are| looks?| seems?| sounds?) (?:only |just |a bit |slightly |totally |completely |perfectly |pretty |basically )?(?:borderline|fine|normal|ok|okay|nothing to worry about|not too bad|not bad|reassuring|a bit high|a bit low|slightly high|slightly low|mildly raised|within range)\\b`,
		'i',
	),
	/\b(?:it|that|this|the (?:rash|itch|pain|swelling|tightness|cough|wound|cast|bruising|redness))(?:'ll| will| should| ought to)(?: \w+)? (?:settle|clear|heal|calm down|go down|ease|pass|be fine|be ok|be okay|get better|go away|sort itself out)\b|\b(?:it|that|this|the \w+) (?:should|ought to|will|'ll|would)(?:'ve| have) (?:\w+ )?(?:settled|cleared|healed|calmed down|gone down|eased|passed|gone away|got better|improved)\b/i,
	// "these usually settle", "casts do tend to feel snug at first": what such things generally do, said to reassure
	/\b(?:it|they|these|this|that|the \w+|\w+s) (?:do |does )?(?:tends? to|usually|normally|generally|often) (?:settles?|clears?|heals?|calms? down|eases?|pass(?:es)?|goes? away|gets? better|feels? (?:tight|snug|sore|itchy|warm|a bit \w+)|be (?:fine|normal|nothing))\b/i,
	/\b(?:(?:a bit of|some|mild|a little) \w+(?: \w+){0,8}?|that|it|this)(?:'s| is| are) (?:probably |most likely |likely |almost certainly |just |only )?(?:completely |totally |perfectly |quite |pretty |very )?(?:normal|expected|common|nothing)\b(?! to feel| personal| to do with| like that| against)/i,
	// "it doesn't look too bad", "that doesn't sound serious": a verdict in the negative
	/\b(?:that|it|this|the \w+)(?:'s| is)? (?:doesn['’]?t|does not|don['’]?t|do not) (?:look|sound|seem) (?:too |that |very |at all |particularly )?(?:bad|serious|worrying|nasty|concerning|infected)\b/i,
	// "I wouldn't lose sleep over it", "nowhere near as bad as you think", "nothing to lose sleep over"
	/\b(?:wouldn['’]?t|would not|don['’]?t|do not|no need to|nothing to|try not to) (?:be )?(?:(?:lose|losing) (?:any |much )?sleep|(?:lie|lying) awake)\b|\bnowhere near as bad\b|\b(?:nothing|not one|not something) to (?:lose sleep|worry) (?:over|about)\b/i,
	// Of someone in hospital, to their family: "he's doing better than you'd think", "she's comfortable and stable"
	// (not a wish, a condition or consent: "hope he's ok", "if he's ok with it")
	/(?<!\b(?:if|hope|hopefully|hoping|whether|unless)\s+)\b(?:he|she|they|your (?:dad|mum|father|mother|nan|grandad|grandma|husband|wife|son|daughter|brother|sister))(?:'s| is|'re| are) (?:doing |looking )?(?:really |much |a lot |loads )?(?:well|fine|better|okay|ok|great|stable|comfortable|on the mend|in good spirits|out of the woods)\b(?! with\b)/i,
	// "if it was anything serious you'd know about it", "if it was really bad you'd have had a call by now"
	/\bif (?:it|this|that|he|she|things) (?:was|were|'s|is|had been) (?:anything |something |really |very |that |seriously )?(?:serious|bad|worrying|wrong|urgent)\b[^.!?]{0,40}\b(?:you'd|you would|you'll|they'd|they would)\b/i,
	// "sounds like normal healing", "looks like ordinary bruising"
	/\b(?:sounds|looks|seems) like (?:normal|ordinary|standard|typical|usual) (?:healing|scarring|recovery|bruising|swelling|settling)\b/i,
	// "that'll just be it knitting together", "a bit of warmth is par for the course", "all part of healing"
	/\b(?:that|it|this)(?:'ll| will|'s| is)(?: just| probably| only)? be (?:it |the \w+ )?(?:healing|knitting|settling|scarring|mending)\b|\bpar for the course\b|\b(?:all )?part of (?:the )?(?:normal )?(?:healing|recovery|process)\b/i,
];

/** Reassurance that could be about anything ("you don't need to worry"), so it counts only about health. */
const HEALTH_REASSURANCE =
	/\b(?:nothing (?:for you )?to worry about|you(?:'ve| have) nothing to worry about|(?:you )?(?:don't|do not) need to worry|i wouldn't worry|i would not worry|(?:don't|do not|no need to|try not to) (?:panic|stress))\b/i;
const ABOUT_HEALTH = new RegExp(`\\b(?:${BODY}|${CONDITION})\\b`, 'i');

// "You don't need a GP for this, a pharmacist can look today": another route named, not a verdict that all is well.
const OTHER_ROUTE = /\b(?:pharmac\w*|111|walk[- ]in|urgent treatment|minor injur\w*)\b/i;
const NO_NEED_OF_CARE = VERDICT[2]!;

function isVerdict(sentence: string, lenient = false): boolean {
	return (
		VERDICT.some(pattern => pattern.test(sentence) && !(pattern === NO_NEED_OF_CARE && OTHER_ROUTE.test(sentence))) ||
		(lenient && VERDICT_ON_IT.some(pattern => pattern.test(sentence))) ||
		(/\byou\b/i.test(sentence) && ADDRESSED_VERDICT.some(pattern => pattern.test(sentence))) ||
		(HEALTH_REASSURANCE.test(sentence) && ABOUT_HEALTH.test(sentence))
	);
}

/** The sentences of a message that state or tell, not those that ask (a question is not advice). */
function statements(text: string): string[] {
	return (text.match(/[^.!?\n]+[.!?]*/g) ?? []).map(sentence => sentence.trim()).filter(sentence => sentence !== '' && !sentence.endsWith('?'));
}

// "Stopping or continuing a medicine is a clinical decision": the sentence says whose call it is, and makes none.
const NAMES_A_DECISION =
	/\b(?:is|are|'s|’s)\s+(?:a|an|really\s+a|always\s+a)\s+(?:clinical\s+|medical\s+|proper\s+|big\s+)?(?:decision|question|call|conversation|discussion)\b/i;

// "I can't tell you on here whether it's normal", "we can't say if it'll settle": the verdict or advice is
// what the learner refuses to give, held inside the refusal, unless a "but" then gives it anyway.
const REFUSED_ANSWER = new RegExp(
	String.raw`\b(?:i|we)\s*(?:can(?:no|['’])?t|can not|won['’]?t|wouldn['’]?t|couldn['’]?t|shouldn['’]?t|will not|would not|do not|don['’]?t|(?:am|['’]m|are|['’]re) not (?:able|going|in a position) to)\s+` +
		String.raw`(?:really\s+|honestly\s+|safely\s+|properly\s+|actually\s+)?(?:tell|say|comment|confirm|judge|advise|promise|guarantee|answer|speculate|guess|diagnose|recommend|suggest|decide|work out)\b` +
		String.raw`(?:\s+(?:you|u|them|him|her|anything|for sure|on here|on|about|over (?:here|dm|email|instagram|facebook|whatsapp|messenger|text|this)|by (?:dm|email|message|text)|here|facebook|instagram|insta|whatsapp|messenger|twitter|tiktok|linkedin|social media|dms?|email|messages?|a (?:photo|picture|pic)|from here|from home|from (?:a|the|this|one) \w+))*` +
		String.raw`\s+(?:whether|if|that|what|how|which|when)\b`,
	'i',
);
const THEN_ANYWAY = /\b(?:but|though|however|although|yet|still)\b/i;

function refusesToAnswer(sentence: string): boolean {
	const refused = REFUSED_ANSWER.exec(sentence);
	return refused !== null && !THEN_ANYWAY.test(sentence.slice(refused.index + refused[0].length));
}

/** Whether the sentence is about the speaker's own care ("i take metformin", "my gp said…"), not advice to the other person. */
function aboutOwnCare(sentence: string): boolean {
	return (
		/^(?:i|i'm|im|i've|ive|my|mum|my mum|she|he|they)\b/i.test(sentence) &&
		// "I can't say for sure, but…": the learner declining, whose "but" is read on its merits.
		!/^i\s*(?:can(?:no|['’])?t|won['’]?t|wouldn['’]?t|am not|['’]m not)\b/i.test(sentence) &&
		!/^i(?:'d| would)? (?:recommend|suggest|advise|say)\b|^i (?:wouldn't|would not) worry\b|^i(?:'d| would) (?:just )?(?:leave|keep|start|take|use|put|try|stop|pop|stick|double)\b/i.test(
			sentence,
		)
	);
}

/**
 * Whether the text tells someone to take, use, change or stop a treatment: "you should take an
 * antihistamine", "take 500 mg twice a day", "stop the metformin", in any specialty. A question
 * ("should i take an antihistamine?") and a speaker's own care ("i take metformin") are not advice.
 */
export function looksLikeTreatmentAdvice(text: string): boolean {
	return statements(text).some(sentence => !aboutOwnCare(sentence) && advises(sentence));
}

/**
 * Whether the text reassures someone about their health or gives them a verdict on it: "you've got
 * tonsillitis", "your results are fine", "you don't need to see a doctor", "it'll clear up on its
 * own". A guess about one's own health ("i think it's probably an allergy") and a question are not.
 */
export function looksLikeReassurance(text: string): boolean {
	return statements(text).some(sentence => !aboutOwnCare(sentence) && isVerdict(sentence));
}

/** What a sentence does, in any words, that a scenario may declare unsafe (`=treatment-advice` in a red flag's patterns). */
export type SentenceAct = 'treatment-advice' | 'reassurance' | 'asks-for-detail' | 'mockery' | 'offers-contact' | 'plays-it-down';
export const SENTENCE_ACTS: readonly SentenceAct[] = ['treatment-advice', 'reassurance', 'asks-for-detail', 'mockery', 'offers-contact', 'plays-it-down'];

/**
 * Where a reply does the act, for the rubric: the character range of the first sentence that tells the
 * other person to take or change a treatment, or reassures them about the problem they raised. The
 * rubric asks only in a scenario that declares the act unsafe, so "it should settle" is read as
 * reassurance about what they asked, not as small talk.
 */
// Words without which neither act can be there: most replies are skipped after one search.
const MAY_ADVISE = new RegExp(`\\b(?:it|them|one|those|these|some|the|plaster|dressing|ice|bandage|dose|double|normal|usual|before|are)\\b|${DOSE}`, 'i');
const mayAdvise = (text: string) => MAY_ADVISE.test(text) || MEDICINE_NAMED.test(text);
const MAY_REASSURE =
	/\b(?:you|your|it|it's|its|that|that's|this|the|normal|expected|common|nothing|worry|need|fine|ok|okay|borderline|bad|reassuring|high|low|part)\b/i;

export function sentenceActAt(text: string, act: SentenceAct): TextRange | undefined {
	if (act === 'asks-for-detail') return detailRequestAt(text);
	if (act === 'mockery') return mockeryAt(text);
	if (act === 'offers-contact') return contactOfferAt(text);
	if (act === 'plays-it-down') return playingDownAt(text);
	const may = act === 'treatment-advice' ? mayAdvise : (text: string) => MAY_REASSURE.test(text);
	if (!may(text)) return undefined;
	return firstSentenceWhere(text, sentence => {
		// Every pattern of the act needs one of its words in the same sentence: most sentences stop here.
		if (sentence.endsWith('?') || !may(sentence) || aboutOwnCare(sentence) || NAMES_A_DECISION.test(sentence)) return false;
		const found = act === 'treatment-advice' ? advises(sentence) : isVerdict(sentence, true);
		return found && !refusesToAnswer(sentence);
	});
}
