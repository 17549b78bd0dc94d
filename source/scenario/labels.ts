import type { Anchor, Channel, PartnerRole, Scenario } from './schema.js';

/** How each channel is named on screen. */
export const CHANNEL_NAMES: Readonly<Record<Channel, string>> = {
	'instagram-dm': 'Instagram DM',
	whatsapp: 'WhatsApp',
	facebook: 'Facebook',
	'x-thread': 'X thread',
	tiktok: 'TikTok',
	linkedin: 'LinkedIn',
	reddit: 'Reddit',
	'dating-app': 'Dating app',
	email: 'Email',
	sms: 'Text message',
	portal: 'Patient portal',
	'review-site': 'Review site',
	forum: 'Online forum',
	'in-person': 'In person',
	'video-call': 'Video call',
};

export const ROLE_NAMES: Readonly<Record<PartnerRole, string>> = {
	patient: 'patient',
	relative: "patient's relative",
	colleague: 'colleague',
	student: 'medical student',
	company: 'company',
	public: 'member of the public',
	interviewer: 'interviewer',
};

/** "Jade Holloway, patient" — who is on the other side of the conversation. */
export function whoMessages(scenario: Scenario): string {
	return `${scenario.partner.name}, ${ROLE_NAMES[scenario.partner.role]}`;
}

/** A GMC (or other) anchor as one line: the document's title, the paragraph, and what it asks. */
export function anchorLine(anchor: Anchor, sources: Readonly<Record<string, string>>): string {
	return `${sources[anchor.source] ?? anchor.source}${anchor.paragraph ? `, paragraph ${anchor.paragraph}` : ''}: ${anchor.point}`;
}
