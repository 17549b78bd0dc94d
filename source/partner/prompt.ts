import { CHANNEL_NAMES, ROLE_NAMES } from '../scenario/labels.js';
import type { Beat, PartnerRole } from '../scenario/schema.js';
import type { Message, PartnerRequest } from '../session/types.js';

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
	const { partner } = scenario;
	const learner = lastReply.learner;
	const system = fillTemplate(templates.system, {
		name: partner.name,
		persona: partner.persona,
		wants: partner.wants,
		pushes: partner.pushes,
		learner,
		channel: CHANNEL_NAMES[scenario.channel],
		thread: scenario.thread ? ` (${scenario.thread})` : '',
		situation: situation(scenario, learner),
	});
	const history = conversation.filter((message, index) => !isFailedAttempt(message, conversation[index + 1])).map((message): ChatMessage =>
		message.kind === 'partner'
			? { role: 'assistant', content: message.attachment ? `${message.text}\n[sent with an attachment: ${message.attachment}]` : message.text }
			: { role: 'user', content: message.text },
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
	return [{ role: 'system', content: system }, ...history, { role: 'system', content: reminder }];
}
