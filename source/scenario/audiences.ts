import type { Audience, Scenario } from './schema.js';
import { DEBRIEF_HEADINGS } from './debrief-headings.js';

/** The main partner's voice id: the one every scenario has. */
export const PARTNER_VOICE = 'partner';

/** Limits that name a kind of audience rather than one of them. */
export const AUDIENCE_KINDS = ['private', 'public'] as const;

/** Where a reply goes unless the learner chooses: the first audience; none in a one-thread scenario. */
export function defaultAudience(scenario: Scenario): Audience | undefined {
	return scenario.audiences?.[0];
}

export function findAudience(scenario: Scenario, id: string | undefined): Audience | undefined {
	return id === undefined ? undefined : scenario.audiences?.find(audience => audience.id === id);
}

/** Whether a limit ("private", "public" or an audience id) takes in an audience. */
export function refIncludes(ref: string, audience: Audience): boolean {
	if (ref === 'public') return audience.public;
	if (ref === 'private') return !audience.public;
	return ref === audience.id;
}

/** Whether something limited to `limit` counts in `audience` (no limit: anywhere; no audience: one thread, so anywhere). */
export function countsIn(limit: readonly string[] | undefined, audience: Audience | undefined): boolean {
	if (limit === undefined || audience === undefined) return true;
	return limit.some(ref => refIncludes(ref, audience));
}

/** The name a voice goes by: the partner's, or one of the scenario's other voices. */
export function voiceName(scenario: Scenario, voice: string | undefined): string {
	if (voice === undefined || voice === PARTNER_VOICE) return scenario.partner.name;
	return scenario.voices.find(other => other.id === voice)?.name ?? voice;
}

/** "to the group (40)", "to the review page, in public", "to Ellie, privately": the input line's words. */
export function audienceLine(audience: Audience): string {
	if (!audience.public) return `to ${audience.label}, privately`;
	return audience.size === undefined ? `to ${audience.label}, in public` : `to ${audience.label} (${audience.size})`;
}

/** "the group", "Ellie, private": how a message is labelled with where it was said. */
export function audienceTag(audience: Pick<Audience, 'label' | 'public'>): string {
	return audience.public ? audience.label : `${audience.label}, private`;
}

/** "in the group", "in private with Ellie": where a message was said, in a sentence. */
export function audiencePhrase(audience: Pick<Audience, 'label' | 'public'>): string {
	return audience.public ? `in ${audience.label}` : `in private with ${audience.label}`;
}

/** A message's speaker with where they said it, "[the group] Josh Whitfield", in a scenario with audiences. */
export function placedName(scenario: Scenario, name: string, audience: string | undefined): string {
	const where = findAudience(scenario, audience);
	return where ? `[${audienceTag(where)}] ${name}` : name;
}

/** Where a beat is said: its own audience, else where the learner wrote if its voice answers there, else the voice's first audience. */
export function audienceFor(scenario: Scenario, voice: string, own: string | undefined, learnerAudience: string | undefined): string | undefined {
	if (!scenario.audiences) return undefined;
	if (own !== undefined) return own;
	const heard = findAudience(scenario, learnerAudience);
	if (heard?.voices.includes(voice)) return heard.id;
	return scenario.audiences.find(audience => audience.voices.includes(voice))?.id ?? defaultAudience(scenario)!.id;
}

/** The audience `step` tabs along from `current` (Tab, →: 1; Shift+Tab, ←: -1), wrapping round. */
export function stepAudience(scenario: Scenario, current: string | undefined, step: 1 | -1): string | undefined {
	const audiences = scenario.audiences;
	if (!audiences) return undefined;
	const at = Math.max(
		0,
		audiences.findIndex(audience => audience.id === current),
	);
	return audiences[(at + step + audiences.length) % audiences.length]!.id;
}

/** An audience's tab: "the group (40)", "Ellie (private)". */
export function tabLabel(audience: Audience): string {
	if (!audience.public) return `${audience.label} (private)`;
	return audience.size === undefined ? `${audience.label} (public)` : `${audience.label} (${audience.size})`;
}

export type Addressed =
	{ readonly kind: 'reply'; readonly text: string; readonly audience: string | undefined } | { readonly kind: 'unknown'; readonly name: string };

// Where a learner says in words where a line goes, as people do when no @ is to hand:
// "(private to Ellie) …", "[DM] …", "Privately: …", "(in the group) …".
const PRIVATE_MARK =
	/^\s*(?:[([]\s*(?:sent\s+)?(?:private(?:ly)?|in private|pm|dm|direct message)\b([^)\]]{0,40})[)\]]|(?:privately|in private)((?:\s+to\s+[\w ]{1,25})?)\s*:|(?:dm|pm|private message|direct message)(\s+to\s+[\w ]{1,25}):)\s*/i;
const PUBLIC_MARK =
	/^\s*(?:[([]\s*(?:in|to|reply in|posted in|on)?\s*(?:the\s+)?(?:group|thread|comments|public|replies)\b[^)\]]{0,30}[)\]]|(?:in the group|in public|publicly)\s*:)\s*/i;

function markedLine(audiences: readonly Audience[], line: string): Addressed | undefined {
	const privately = PRIVATE_MARK.exec(line);
	const publicly = privately ? null : PUBLIC_MARK.exec(line);
	const mark = privately ?? publicly;
	if (!mark) return undefined;
	const candidates = audiences.filter(audience => audience.public === !privately);
	if (candidates.length === 0) return undefined;
	const named = (privately?.[1] ?? privately?.[2] ?? privately?.[3] ?? '').toLowerCase();
	const audience =
		candidates.find(candidate => named !== '' && [candidate.label, ...candidate.members].some(name => named.includes(name.split(' ')[0]!.toLowerCase()))) ??
		candidates[0]!;
	return { kind: 'reply', text: line.slice(mark[0].length).trim(), audience: audience.id };
}

/**
 * A line of plain input, addressed: "@ellie sorry…" goes to the audience "ellie", any other line to
 * the default one unless it says where in words ("(private to Ellie) …"). "@someone …" naming no audience is refused rather than sent to the group by mistake.
 * In a one-thread scenario every line is a reply as typed.
 */
export function addressedLine(scenario: Scenario, line: string): Addressed {
	const audiences = scenario.audiences;
	if (!audiences) return { kind: 'reply', text: line, audience: undefined };
	const match = /^@([a-z0-9-]+)(?:\s+([\s\S]*))?$/i.exec(line);
	if (!match) return markedLine(audiences, line) ?? { kind: 'reply', text: line, audience: audiences[0]!.id };
	const audience = audiences.find(candidate => candidate.id === match[1]!.toLowerCase());
	if (!audience) return { kind: 'unknown', name: match[1]! };
	return { kind: 'reply', text: (match[2] ?? '').trim(), audience: audience.id };
}

/** "A model reply", or where the scenario lets the learner choose, where it is written: "A model reply, to Ellie, privately". */
export function modelReplyHeading(scenario: Scenario): string {
	const audience = findAudience(scenario, scenario.debrief.modelAudience) ?? defaultAudience(scenario);
	return audience ? `${DEBRIEF_HEADINGS.modelReply}, written ${audienceLine(audience)}` : DEBRIEF_HEADINGS.modelReply;
}

/** A reply typed in the chat: "@ellie …" typed out goes there, as in plain mode; anything else where the tabs say. */
export function chatReply(scenario: Scenario, typed: string, chosen: string | undefined): { readonly text: string; readonly audience: string | undefined } {
	const addressed = addressedLine(scenario, typed);
	return addressed.kind === 'reply' && typed.startsWith('@') ? addressed : { text: typed, audience: chosen };
}

/** "@group (the group, 40), @ellie (Ellie, privately)": what plain mode tells the learner they can write to. */
export function addressHelp(scenario: Scenario): string | undefined {
	const audiences = scenario.audiences;
	if (!audiences) return undefined;
	const each = audiences.map(audience => `@${audience.id} ${audienceLine(audience)}`).join('; ');
	return `Where you write matters. Start a line with ${each}. A line without one goes ${audienceLine(audiences[0]!)}.`;
}
