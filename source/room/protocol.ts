import { z } from 'zod';

/**
 * The room's wire protocol: JSON text frames over a WebSocket, each validated on arrival. Only the
 * session's own text crosses it: the scenario's title, setting and the partner's messages, a learner's
 * own reply, and everyone's replies and marks once the round is revealed. Never a file path, and nothing
 * of the rubric before the reveal. Bump the version on any change a peer would misread.
 */
export const PROTOCOL_VERSION = 1;

/** The largest frame either side accepts; a reply is at most MAX_REPLY characters, so this is ample. */
export const MAX_PAYLOAD = 64 * 1024;
export const MAX_REPLY = 2000;
export const MAX_NAME = 40;

/** A name or reply as shown on another learner's screen: printable text, no control codes. */
const printable = (most: number) =>
	z
		.string()
		.max(most)
		.regex(/^[^\p{Cc}]*$/u, 'control characters are not allowed');

export const JoinCode = z.string().regex(/^\d{6}$/, 'the code is six digits');

export const ClientMessage = z.discriminatedUnion('type', [
	z.strictObject({ type: z.literal('hello'), protocol: z.number().int(), code: z.string().max(16), name: printable(MAX_NAME) }),
	z.strictObject({ type: z.literal('reply'), round: z.number().int().min(1), text: printable(MAX_REPLY) }),
	/** An SJT answer: the letters, in order for a rank item ("A,D,B,C,E"), the three chosen for best 3. */
	z.strictObject({ type: z.literal('answer'), item: z.number().int().min(1), letters: printable(40) }),
]);
export type ClientMessage = z.infer<typeof ClientMessage>;

const RevealedReply = z.strictObject({
	learner: z.string(),
	text: z.string(),
	score: z.number(),
	max: z.number(),
	/** The labels of the criteria this reply met, and of the red flags it raised. */
	met: z.array(z.string()),
	redFlags: z.array(z.string()),
});
export type RevealedReply = z.infer<typeof RevealedReply>;

export const ServerMessage = z.discriminatedUnion('type', [
	z.strictObject({
		type: z.literal('welcome'),
		protocol: z.number().int(),
		name: z.string(),
		title: z.string(),
		channel: z.string(),
		/** The channel's id (instagram-dm, whatsapp…), for drawing the conversation in its look. */
		look: z.string().optional(),
		partner: z.string(),
		setting: z.string(),
		rejoined: z.boolean(),
	}),
	/** Said once, then the connection closes. */
	z.strictObject({ type: z.literal('refused'), reason: z.string() }),
	/** Something to know that does not end the connection (a reply that came too late, say). */
	z.strictObject({ type: z.literal('notice'), text: z.string() }),
	/** Before the first round: who has joined (a count only, when the room is anonymous); `expected` 0 when the facilitator starts by hand. */
	z.strictObject({ type: z.literal('roster'), count: z.number().int(), joined: z.array(z.string()), expected: z.number().int() }),
	z.strictObject({ type: z.literal('partner'), id: z.number().int(), text: z.string(), attachment: z.string().optional() }),
	/** Your reply is wanted for this round. */
	z.strictObject({ type: z.literal('turn'), round: z.number().int() }),
	/** Your own reply, as the facilitator holds it (after a rejoin too). */
	z.strictObject({ type: z.literal('committed'), round: z.number().int(), text: z.string() }),
	/** How many have replied this round: a count, never who or what. */
	z.strictObject({ type: z.literal('progress'), round: z.number().int(), committed: z.number().int(), of: z.number().int() }),
	z.strictObject({ type: z.literal('reveal'), round: z.number().int(), replies: z.array(RevealedReply) }),
	z.strictObject({ type: z.literal('carried'), round: z.number().int(), learner: z.string() }),
	z.strictObject({
		type: z.literal('end'),
		scores: z.array(z.strictObject({ learner: z.string(), score: z.number(), max: z.number() })),
		/** A role-play's model reply; none after SJT items. */
		modelReply: z.string().optional(),
	}),
	/** An SJT item to answer: the situation and the options, never the answer or the rationale. */
	z.strictObject({
		type: z.literal('sjt-item'),
		item: z.number().int(),
		of: z.number().int(),
		title: z.string(),
		kind: z.enum(['rank', 'best3']),
		stem: z.string(),
		options: z.array(z.strictObject({ id: z.string(), text: z.string() })),
	}),
	/** Your own answer, as the facilitator holds it. */
	z.strictObject({ type: z.literal('answered'), item: z.number().int(), letters: z.array(z.string()) }),
	/** Once everyone has answered: how the group answered each option, against the ideal, and each learner's marks. */
	z.strictObject({
		type: z.literal('sjt-reveal'),
		item: z.number().int(),
		ideal: z.array(z.string()),
		/** Per option: for a rank item, how many put it at each place; for best 3, how many chose it. */
		spread: z.array(
			z.strictObject({
				option: z.string(),
				idealPlace: z.number().int().optional(),
				atPlace: z.array(z.number().int()).optional(),
				correct: z.boolean().optional(),
				chosenBy: z.number().int().optional(),
			}),
		),
		marks: z.array(z.strictObject({ learner: z.string(), answer: z.array(z.string()), points: z.number(), max: z.number() })),
		rationale: z.array(z.strictObject({ option: z.string(), text: z.string() })),
	}),
]);
export type ServerMessage = z.infer<typeof ServerMessage>;

/** A frame's text as a message of `schema`, or why not (never throws: a peer's bytes are untrusted). */
export function readMessage<T>(schema: z.ZodType<T>, data: unknown, isBinary: boolean): { ok: true; message: T } | { ok: false; reason: string } {
	if (isBinary) return { ok: false, reason: 'not a postsafe message (binary frame)' };
	let json: unknown;
	try {
		json = JSON.parse(String(data));
	} catch {
		return { ok: false, reason: 'not a postsafe message (not JSON)' };
	}
	const parsed = schema.safeParse(json);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		return { ok: false, reason: `not a postsafe message (${issue ? `${issue.path.join('.') || 'message'}: ${issue.message}` : 'invalid'})` };
	}
	return { ok: true, message: parsed.data };
}
