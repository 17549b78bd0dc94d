import { defaultTheme, extendTheme, type ComponentTheme } from '@inkjs/ui';
import type { ChalkInstance } from 'chalk';
import type { Channel } from '../scenario/schema.js';

/** Each channel's accent, so a WhatsApp group looks unlike an Instagram DM (the chat header and bubbles, drawn as text, through channelColour). Never the only signal. */
export const CHANNEL_COLOURS: Readonly<Record<Channel, string>> = {
	'instagram-dm': 'magenta',
	whatsapp: 'green',
	facebook: 'blue',
	'x-thread': 'white',
	tiktok: 'cyan',
	linkedin: 'blue',
	reddit: 'yellow',
	'dating-app': 'magenta',
	email: 'yellow',
	sms: 'green',
	portal: 'cyan',
	'review-site': 'yellow',
	forum: 'gray',
	'in-person': 'white',
	'video-call': 'white',
};

/** `instance` in the channel's accent, for text drawn outside Ink (chat bubbles, the chat header). */
export function channelColour(instance: ChalkInstance, channel: Channel): ChalkInstance {
	return (instance as unknown as Record<string, ChalkInstance>)[CHANNEL_COLOURS[channel]] ?? instance;
}

const Debrief: ComponentTheme = {
	styles: {
		heading: () => ({ bold: true }),
		met: () => ({ color: 'green' }),
		missed: () => ({ color: 'yellow' }),
		flag: () => ({ color: 'red', bold: true }),
		quote: () => ({ italic: true }),
		dim: () => ({ dimColor: true }),
	},
};

const KeyHelp: ComponentTheme = {
	styles: {
		key: () => ({ bold: true }),
		text: () => ({ dimColor: true }),
	},
};

const Picker: ComponentTheme = {
	styles: {
		selected: () => ({ color: 'cyan', bold: true }),
		detail: () => ({ dimColor: true }),
	},
};

export const postsafeTheme = extendTheme(defaultTheme, {
	components: { Debrief, KeyHelp, Picker },
});
