import { audienceFor, findAudience, PARTNER_VOICE, voiceName } from '../scenario/audiences.js';
import { CHANNEL_NAMES, ROLE_NAMES } from '../scenario/labels.js';
import type { Audience, Beat, PartnerRole, Scenario } from '../scenario/schema.js';
import type { Message, PartnerRequest } from '../session/types.js';
import { promptName } from '../terminal-text.js';

/** The instructions for one partner role: who they are (sent first), and the reminder restated every turn. */
export type PromptTemplates = { readonly system: string; readonly reminder: string };

export type ChatMessage = { readonly role: 'system' | 'user' | 'assistant'; readonly content: string };

const PLACEHOLDER = /\{\{\s*([a-zA-Z]+)\s*\}\}/g;

/** The placeholders a template uses. */
export function placeholders(template: string): string[] {
	return [...template.matchAll(PLACEHOLDER)].map(match => match[1]!);
}

/** Fills {{name}} placeholders; a placeholder without a value is an error, never left in a prompt. */
export function fillTemplate(template: string, values: Readonly<Record<string, string>>): string {
	return template.replace(PLACEHOLDER, (_, key: string) => {
		const value = values[key];
		if (value === undefined) throw new Error(`prompt template uses {{${key}}}, which postsafe does not fill`);
		return value;
	});
}

/** The placeholders postsafe fills in a role's system prompt, and in the reminder. */
export const SYSTEM_PLACEHOLDERS = ['name', 'persona', 'wants', 'pushes', 'learner', 'channel', 'thread', 'situation'] as const;
export const REMINDER_PLACEHOLDERS = ['name', 'role', 'persona', 'turn', 'turnLimit', 'learner', 'guidance'] as const;

/** Roles whose own lines may sound clinical (a registrar, an interviewer); the rest must never advise. */
export function isClinicianRole(role: PartnerRole): boolean {
	return role === 'colleague' || role === 'interviewer';
}

/**
 * A message that stopped part-way and was written again: the partial of a failed attempt, which a
 * retry (or the scripted partner) replaces. One the learner stopped, and then answered, was the
 * partner's turn and stays.
 */
function isFailedAttempt(message: Message, next: Message | undefined): boolean {
	return message.kind === 'partner' && message.interrupted === true && next?.kind !== 'learner';
}

/**
 * Who the model plays this turn: the partner, or the other voice the beat gives the words to, in their
 * own character. What the partner knows is theirs: another voice is told the learner's setting instead.
 */
function playedVoice(scenario: Scenario, voice: string): Scenario['partner'] {
	const other = voice === PARTNER_VOICE ? undefined : scenario.voices.find(candidate => candidate.id === voice);
	if (!other) return scenario.partner;
	const { knows: _theirs, ...partner } = scenario.partner;
	return {
		...partner,
		name: other.name,
		persona: other.persona,
		wants: `To have your say in the conversation, as yourself; ${scenario.partner.name} is the one it is about.`,
		pushes: 'You react in character to what others write, and back down if you are challenged fairly.',
	};
}

/** "the group (public: 40 people: Ellie Marsh, Josh Whitfield, …)": an audience and who is in it, for the model. */
function audienceFact(audience: Audience): string {
	const size = audience.size === undefined ? '' : `, ${audience.size} people`;
	return `${audience.label} (${audience.public ? 'public' : 'a private chat'}${size}: ${audience.members.join(', ')})`;
}

/** Where a message in the history was said, and by whom when it was not the voice being played: "[Josh Whitfield, in the group] ". */
function placeTag(scenario: Scenario, message: Message, played: string): string {
	const audience = findAudience(scenario, message.audience);
	if (!audience) return '';
	const speaker = message.kind === 'partner' && voiceName(scenario, message.voice) !== played ? `${voiceName(scenario, message.voice)}, ` : '';
	return `[${speaker}${audience.public ? `in ${audience.label}` : `private chat: ${audience.label}`}] `;
}

/** What the model is told about where the conversation is happening: never the rubric, only who can read what. */
function whereNote(scenario: Scenario, learner: string, heard: Audience, answerIn: Audience): string {
	const places = scenario.audiences!.map(audienceFact).join('; ');
	const answer = answerIn.id === heard.id ? `Answer there.` : `Answer in ${audienceFact(answerIn)}.`;
	return `Where this happens: ${places}. ${learner} wrote their last message in ${audienceFact(heard)}. ${answer} Messages are tagged with where they were said; do not write the tag yourself.`;
}

/**
 * The situation as the partner knows it, told to them ("You are messaging the FY2 who saw you…"). A
 * scenario without `partner.knows` gives the learner's setting, marked as what the learner was told, so
 * the model never reads "You are an FY2" as its own part.
 */
function situation(scenario: PartnerRequest['scenario'], learner: string): string {
	const { partner } = scenario;
	return partner.knows ?? `What ${learner} was told about the situation ("you" in it means ${learner}, never ${partner.name}): ${scenario.setting}`;
}

/**
 * The messages for the model: the role's instructions (the persona and the situation as the partner
 * knows it: never the rubric, and of the scripted beats only the one that fits, in the reminder), the conversation so far with the learner's words only as user messages, and the persona
 * restated after them, since a model loses its part over a long conversation.
 */
export function chatMessages(request: PartnerRequest, templates: PromptTemplates, guidance: Beat | undefined): ChatMessage[] {
	const { scenario, conversation, lastReply } = request;
	const voice = guidance?.voice ?? PARTNER_VOICE;
	const partner = playedVoice(scenario, voice);
	// The name is the learner's to choose: it goes in quoted, on one line, never as words of the instructions.
	const learner = promptName(lastReply.learner);
	const heard = findAudience(scenario, lastReply.audience);
	const answerIn = findAudience(scenario, audienceFor(scenario, voice, guidance?.audience, lastReply.audience));
	const system = fillTemplate(templates.system, {
		name: partner.name,
		persona: partner.persona,
		wants: partner.wants,
		pushes: partner.pushes,
		learner,
		channel: CHANNEL_NAMES[scenario.channel],
		thread: scenario.thread ? ` (${scenario.thread})` : '',
		situation: situation({ ...scenario, partner }, learner),
	});
	const history = conversation
		.filter((message, index) => !isFailedAttempt(message, conversation[index + 1]))
		.map((message): ChatMessage =>
			message.kind === 'partner'
				? {
						role: 'assistant',
						content: `${placeTag(scenario, message, partner.name)}${message.attachment ? `${message.text}\n[sent with an attachment: ${message.attachment}]` : message.text}`,
					}
				: { role: 'user', content: `${placeTag(scenario, message, partner.name)}${message.text}` },
		);
	// The partner answers each round's reply but the last, which ends the conversation.
	const reminder = fillTemplate(templates.reminder, {
		name: partner.name,
		role: `the ${ROLE_NAMES[partner.role]}`,
		persona: partner.persona,
		turn: String(scenario.opening.length + request.round),
		turnLimit: String(scenario.opening.length + request.turnLimit - 1),
		learner,
		guidance: guidance
			? `A natural next message here would be close to this, in your own words: "${guidance.say}"${guidance.end ? ' It is your last message: wrap the conversation up.' : ''} `
			: '',
	});
	const where = heard && answerIn ? `\n\n${whereNote(scenario, learner, heard, answerIn)}` : '';
	return [{ role: 'system', content: system }, ...history, { role: 'system', content: `${reminder}${where}` }];
}
