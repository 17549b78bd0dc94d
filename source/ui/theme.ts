import { defaultTheme, extendTheme, type ComponentTheme } from '@inkjs/ui';
import type { Channel } from '../scenario/schema.js';

/** Each channel's accent, so a WhatsApp group looks unlike an Instagram DM. Never the only signal. */
export const CHANNEL_COLOURS: Readonly<Record<Channel, string>> = {
	'instagram-dm': 'magenta',
	whatsapp: 'green',
	facebook: 'blue',
	'x-thread': 'white',
	tiktok: 'cyan',
	linkedin: 'blue',
	email: 'yellow',
	sms: 'green',
	portal: 'cyan',
	'review-site': 'yellow',
	forum: 'gray',
	'in-person': 'white',
	'video-call': 'white',
};

type Props = { readonly channel?: Channel };

const ChatHeader: ComponentTheme = {
	styles: {
		container: ({ channel }: Props = {}) => ({ borderStyle: 'round', borderColor: channel ? CHANNEL_COLOURS[channel] : 'gray', paddingX: 1, flexDirection: 'column' }),
		channel: ({ channel }: Props = {}) => ({ color: channel ? CHANNEL_COLOURS[channel] : undefined, bold: true }),
		party: () => ({ bold: true }),
		detail: () => ({ dimColor: true }),
	},
};

const ChatBubble: ComponentTheme = {
	styles: {
		partner: ({ channel }: Props = {}) => ({ borderStyle: 'round', borderColor: channel ? CHANNEL_COLOURS[channel] : 'gray', paddingX: 1, flexDirection: 'column' }),
		learner: () => ({ borderStyle: 'round', borderColor: 'cyan', paddingX: 1, flexDirection: 'column' }),
		partnerName: ({ channel }: Props = {}) => ({ color: channel ? CHANNEL_COLOURS[channel] : undefined, bold: true }),
		learnerName: () => ({ color: 'cyan', bold: true }),
		time: () => ({ dimColor: true }),
		attachment: () => ({ italic: true, dimColor: true }),
		interrupted: () => ({ italic: true, color: 'yellow' }),
	},
};

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

const Hint: ComponentTheme = {
	styles: {
		text: () => ({ color: 'yellow' }),
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
	components: { ChatHeader, ChatBubble, Debrief, Hint, KeyHelp, Picker },
});
