import { style } from '../../cli/style.js';
import { audienceTag, findAudience, voiceName } from '../../scenario/audiences.js';
import type { Scenario } from '../../scenario/schema.js';
import type { Message } from '../../session/types.js';
import { paragraphLines } from '../../wrap.js';
import { drawBubble } from './draw-bubble.js';
import { drawChatHeader } from './draw-chat-header.js';

/** Something finished in a conversation, printed once above the live area and never drawn again. */
export type PrintedItem =
	| { readonly kind: 'header'; readonly scenario: Scenario; readonly learner: string; readonly turns: number }
	| { readonly kind: 'message'; readonly scenario: Scenario; readonly message: Message; /** On the scenario's clock. */ readonly time?: string }
	| { readonly kind: 'hint'; readonly text: string }
	| { readonly kind: 'notice'; readonly text: string }
	/** A reflection question answered, kept on screen as the next is asked. */
	| { readonly kind: 'answer'; readonly question: string; readonly answer: string };

/** Who said a message and where: the voice's name, and the audience's tab in a scenario with audiences. */
export function whoAndWhere(scenario: Scenario, message: Message): { partnerName: string; where?: string } {
	const audience = findAudience(scenario, message.audience);
	return { partnerName: voiceName(scenario, message.kind === 'partner' ? message.voice : undefined), ...(audience ? { where: audienceTag(audience) } : {}) };
}

/** An item as the lines printed for it, each ending in a newline; the conversation is at most 100 columns wide. */
export function printedText(item: PrintedItem, terminalWidth: number): string {
	const width = Math.min(terminalWidth, 100);
	const lines = (text: string) => paragraphLines(text, width);
	switch (item.kind) {
		case 'header':
			return `${drawChatHeader(item.scenario, item.learner, width, item.turns)}\n${style.heading('Setting')}\n${lines(item.scenario.setting).join('\n')}\n\n`;
		case 'message':
			return `${drawBubble(item.message, { ...whoAndWhere(item.scenario, item.message), channel: item.scenario.channel, width, ...(item.time === undefined ? {} : { time: item.time }) })}\n`;
		case 'hint':
			return `${paragraphLines(item.text, width, { lead: 'Coach: ' })
				.map(line => style.hint(line))
				.join('\n')}\n`;
		case 'answer':
			return `${lines(item.question)
				.map(line => style.heading(line))
				.join('\n')}\n${paragraphLines(item.answer || '(no answer)', width, { lead: '› ' }).join('\n')}\n`;
		case 'notice':
			return `${lines(item.text)
				.map(line => style.dim(line))
				.join('\n')}\n`;
	}
}
