// The fixed vocabularies of the scenario format, apart from the zod schema so that code that only
// needs a list (the prompt loader, the report) does not load zod.

/** The criteria every scenario draws from; their texts live in scenarios/criteria.yaml. */
export const CRITERION_IDS = ['boundaries', 'signposting', 'documentation', 'confidentiality', 'transparency', 'escalation', 'respect'] as const;
export const CHANNELS = [
	'instagram-dm',
	'whatsapp',
	'facebook',
	'x-thread',
	'tiktok',
	'linkedin',
	'reddit',
	'dating-app',
	'email',
	'sms',
	'portal',
	'review-site',
	'forum',
	'in-person',
	'video-call',
] as const;
export const PARTNER_ROLES = ['patient', 'relative', 'colleague', 'student', 'company', 'public', 'interviewer'] as const;
export const DIFFICULTIES = ['easy', 'moderate', 'hard'] as const;
