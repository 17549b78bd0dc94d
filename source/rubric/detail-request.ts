import { firstSentenceWhere, lowered, type TextRange } from './sentences.js';

// Asking for more clinical detail, in any words: taking a history ("how long have you had it?", "any
// fever?") or asking for another look ("pop me a closer one"). Either pulls a consultation further into
// the channel it was asked in, whatever the condition.

/** Questions a clinician asks when taking a history, in the forms people type them. */
const HISTORY_QUESTIONS = [
	/\bhow long (?:have|has|'ve|'s) (?:you|she|he|they|it|this|that)\b|\bhow long ago did\b/,
	/\bwhen did (?:it|this|that|the \w+|you(?: first)?|she|he) (?:\w+ )?(?:start|begin|began|come up|appear|notice|spot|get|happen|first)/,
	/\b(?:is|was|does|did|has) (?:it|the \w+|this|that)(?: \w+)? (?:itch|itchy|itching|hurt|hurting|painful|sore|spreading|spread|raised|flat|bumpy|lumpy|hot|warm|weeping|oozing|blistered|blistering|blanch|blanching|bleed|bleeding|swollen|getting (?:worse|bigger|better)|worse|bigger|changing|changed|burn|burning|sting|crusty|scaly|red|painful)\b/,
	// "any fever?" asks; "if you get any swelling, call 999" or "if you feel unwell or have any swelling" is safety-netting.
	/(?<!\b(?:if|unless)\b[^,.;?!]*)\bany (?:fever|temperature|temp|high temp|pain|swelling|discharge|pus|bleeding|blisters|other symptoms|symptoms|other rashes|rashes|allergies|known allergies|sore throat|cough|vomiting|sickness|shortness of breath|breathlessness|chest pain|lip swelling|wheeze|dizziness)\b/,
	/\bhave you (?:changed|started|tried|taken|used|been (?:using|taking|feeling)|put|applied|noticed|had (?:this|it|anything like|a (?:fever|temperature))|come into contact|eaten|got any other)\b(?! (?:ringing|calling|phoning|contacting|to (?:ring|call)|the (?:surgery|practice|online|form|111|pharmac|duty)|111|nhs|a pharmac|your (?:gp|surgery|pharmac)|booking|getting through|going))/,
	/\bwhat does (?:it|the \w+|this|that) (?:\w+ )?(?:look|feel) like\b|\bwhat colou?r is\b/,
	/\bwhere(?:abouts)?(?: exactly)? (?:is it|is the \w+|does it|on your|has it (?:spread|gone))\b/,
	/\bhow (?:big|bad|sore|painful|itchy|high|widespread|red|hot|swollen) (?:is|was|are|has) (?:it|the \w+|this|that|they)\b/,
	/\bwhat (?:was|were|is|are) (?:the |your |his |her )?(?:exact |actual )?(?:number|numbers|result|results|level|levels|reading|readings|value|potassium|sodium|sugar|sugars|bloods?|cholesterol|hba1c)\b/,
	/\bwhat (?:meds|medication|medications|medicines|tablets|pills|creams?|dose) (?:are|is|have|do|did) (?:you|she|he|they)\b|\bare (?:you|she|he|they) (?:on|taking) any (?:meds|medication|medications|medicines|tablets|pills)\b/,
];

/** Asking to be told or shown more, question or not: "tell me a bit more about it", "send a pic of that bit too". */
const TELL_OR_SHOW = [
	/\btell me (?:(?:a bit|a little|bit|some|a lot) )?more\b|\b(?:describe|talk me through|run me through) (?:it|the \w+|your symptoms|what it|what's|what you)/,
	/\b(?:send|pop|dm|message|whatsapp|snap|take|get|show|share|upload|post)(?: me| us| over| across| through| it)*(?: (?:a|an|another|one more|some|the|a few|more|any))?(?:(?: (?:closer|clearer|better|new|bigger|fresh|proper|quick|daylight|good|zoomed|close-up|close up|second|other))*(?: \w+)? (?:photo|photos|pic|pics|picture|pictures|image|images|video|snap|shot|close-?up)|(?: (?:closer|clearer|better|new|bigger|fresh|proper|daylight|zoomed|second|other))+ (?:one|ones)| (?:another|one more) one)\b/,
	/\blet me (?:see|have a (?:look|proper look|closer look)|look)\b|\bshow me\b/,
];

/** A proper route in the same sentence makes a request for a photo a signpost: "pop a photo on the online form". */
const PROPER_ROUTE =
	/\b(?:form|online|e-?consult|surgery|practice|portal|app|111|duty doctor|gp|reception|appointment|upload(?:ed)? (?:it )?(?:to|on|via)|nhs|pharmacist|pharmacy|record|notes|medical photography|trust)\b/;

/** "Please don't send more photos here": a request turned down, not made. */
const NEGATED = /\b(?:don't|dont|do not|no need to|not|never|stop|no more|won't|wont|can't|cant|cannot|instead of)\b/;

/** Someone else's questions, reported: "the duty doctor will ask how long you've had it". */
const REPORTED =
	/\b(?:ask|asks|asked|asking|want to know|wants to know|need to know|needs to know|jot|write down|note down|tell them|tell the|let them know|ready for|mention)\b/;

/** Where the text first asks for more clinical detail, as a character range of its sentence. */
export function detailRequestAt(text: string): TextRange | undefined {
	return firstSentenceWhere(text, sentence => {
		const lower = lowered(sentence);
		if (REPORTED.test(lower)) return false;
		return (
			HISTORY_QUESTIONS.some(pattern => pattern.test(lower)) ||
			(TELL_OR_SHOW.some(pattern => pattern.test(lower)) && !PROPER_ROUTE.test(lower) && !NEGATED.test(lower))
		);
	});
}
