import { z } from 'zod';
import { CHANNELS, CRITERION_IDS, DIFFICULTIES, PARTNER_ROLES } from './constants.js';

export { CHANNELS, CRITERION_IDS, DIFFICULTIES, PARTNER_ROLES } from './constants.js';

export const CriterionId = z.enum(CRITERION_IDS);
export type CriterionId = z.infer<typeof CriterionId>;

export const Channel = z.enum(CHANNELS);
export type Channel = z.infer<typeof Channel>;

export const PartnerRole = z.enum(PARTNER_ROLES);
export type PartnerRole = z.infer<typeof PartnerRole>;

export const Slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use lower-case words and digits joined by hyphens');

export const Text = z.string().trim().min(1, 'must not be empty');

/** The only place the pattern syntax is described; the editor shows it on hover. */
export const Pattern = Text.describe(
	'Evidence pattern. Space-separated slots that must all occur in one sentence, in any order, within ' +
		'12 words (end with "~N" to change the window). A slot is alternatives joined by "|": a word ' +
		'(matched by its stem, tolerant of typos), words_joined_by_underscores for a phrase, or @concept ' +
		'from a lexicon. By default every slot must be affirmed; start with "not" to require them all negated ' +
		'("not @advise" matches "I can\'t give advice here"), or mark one slot with "!" to require just that ' +
		'one negated ("whatsapp !secure" matches "WhatsApp isn\'t secure"). Negation words are not slots.',
);
export type Pattern = z.infer<typeof Pattern>;

export const Lexicon = z
	.record(z.string().regex(/^[a-z][a-z0-9-]*$/, 'concept names are lower-case words joined by hyphens'), z.array(Text).min(1))
	.describe('Named concepts: each a list of words or phrases (or @other-concept) that mean the same here.');
export type Lexicon = z.infer<typeof Lexicon>;

export const Anchor = z
	.strictObject({
		source: Slug.describe('A source id from the "sources" map in scenarios/criteria.yaml.'),
		paragraph: Text.optional().describe('Paragraph or section, as the source numbers it.'),
		point: Text.describe('What the paragraph asks of you, in your own words.'),
	})
	.describe('A GMC (or other) reference behind a criterion or a debrief.');
export type Anchor = z.infer<typeof Anchor>;

/** Where a reply was written, as a rubric limit or a beat's condition: "private", "public", or an audience id. */
export const AudienceRef = Slug.describe('"private", "public", or the id of one of the scenario\'s audiences.');

const AudienceLimit = z
	.array(AudienceRef)
	.min(1)
	.optional()
	.describe('Counts only in replies written in these audiences ("private", "public", or audience ids); anywhere when absent.');

const ScenarioCriterion = z.strictObject({
	id: CriterionId,
	points: z.number().int().min(1).max(5).describe('What meeting this criterion is worth.'),
	evidence: z.array(Pattern).default([]).describe("Patterns that count as evidence here, on top of the library's default evidence."),
	spoiltBy: z
		.array(Pattern)
		.default([])
		.describe(
			'Words that undo this criterion here, on top of the library\'s spoiltBy: leaving a colleague\'s breach to them ("your call") undoes confidentiality.',
		),
	in: AudienceLimit.describe("The criterion is met only by replies written in these audiences: all its evidence, the library's included."),
	where: z
		.array(z.strictObject({ in: z.array(AudienceRef).min(1), evidence: z.array(Pattern).min(1) }))
		.optional()
		.describe('More evidence that counts only in some audiences: a challenge written privately is respect.'),
});

const RedFlag = z.strictObject({
	id: Slug,
	label: Text.describe('Short name of the unsafe move, shown to the learner.'),
	why: Text.describe('Why it is unsafe, shown in the debrief.'),
	patterns: z
		.array(Pattern)
		.default([])
		.describe(
			'What raises it, wherever it is written. Besides word patterns, "=treatment-advice" (telling someone what to take, apply or do for their symptoms, whatever the remedy), ' +
				'"=reassurance" (a verdict that all is well: it will settle, nothing to worry about), "=asks-for-detail" (taking a history or asking for another photo: ' +
				'how long have you had it, any fever, pop me a closer one), "=mockery" (an eye-roll or upside-down emoji, sarcastic praise: really professional, ' +
				"I'm sure he's thrilled), \"=offers-contact\" (promising to get in touch or inviting them to: I'll give you a shout, ping me if it gets worse) " +
				'and "=plays-it-down" (keeping a breach from those who must hear of it: no need to tell IG, we\'ll leave it there) ' +
				'raise it as acts, whatever words carry them.',
		),
	breaches: z
		.array(CriterionId)
		.min(1)
		.describe(
			'The criteria this unsafe move undoes: when the flag is raised they are not met, whatever else the reply said ' +
				'(the debrief shows the words that met them beside the words that undid them). Each must be scored by this scenario.',
		),
	in: AudienceLimit.describe('Raised only by replies written in these audiences ("public": a call-out in front of the group).'),
	where: z
		.array(z.strictObject({ in: z.array(AudienceRef).min(1), patterns: z.array(Pattern).min(1) }))
		.optional()
		.describe('More patterns that raise it only in some audiences: a challenge written in front of the group.'),
});
export type RedFlag = z.infer<typeof RedFlag>;

const Request = z
	.strictObject({
		asks: Text.describe('What the other party asks for, in plain words: "accept my friend request", "send the wound photo here".'),
		agreeing: Slug.describe('The red flag that agreeing raises: a bare "sure", "on it", "yes please" or "go for it" in reply raises it.'),
	})
	.describe('Something the other party asks the learner to do (in the opening or any beat) that would be unsafe to agree to.');
export type Request = z.infer<typeof Request>;

const StructureStep = z
	.strictObject({
		id: Slug,
		label: Text.describe('The step, as the debrief names it: "Names the risk to the patient".'),
		evidence: z.array(Pattern).min(1).describe('Patterns that show the answer took this step.'),
		missed: Text.describe('What the answer should have done here, shown when it did not.'),
	})
	.describe('One step of a well-structured interview answer, scored apart from the criteria.');
export type StructureStep = z.infer<typeof StructureStep>;

const BeatCondition = z
	.strictObject({
		redFlags: z.array(Slug).min(1).optional().describe('Any of these red flags was raised by the last reply.'),
		met: z.array(CriterionId).min(1).optional().describe('All of these were met in the last reply.'),
		missed: z
			.array(CriterionId)
			.min(1)
			.optional()
			.describe('None of these has been met yet, in any reply so far (so nobody is asked again for what they already said).'),
		metAny: z
			.array(CriterionId)
			.min(1)
			.optional()
			.describe('At least one of these was met in the last reply (the learner held to what they had said, in some way).'),
		metSoFar: z
			.array(CriterionId)
			.min(1)
			.optional()
			.describe('All of these have been met, in this reply or an earlier one (so the other party gives in only once the learner has earned it).'),
		missedSteps: z.array(Slug).min(1).optional().describe('Interviews: none of these structure steps has been taken yet, in any answer so far.'),
		in: z.array(AudienceRef).min(1).optional().describe('The last reply was written in one of these audiences ("private", "public", or audience ids).'),
	})
	.describe('When the scripted partner may say this beat; no condition means any time.');
export type BeatCondition = z.infer<typeof BeatCondition>;

const VoiceId = Slug.describe('Who says it: "partner", or the id of one of the scenario\'s voices.');
const AudienceId = Slug.describe("The id of one of the scenario's audiences.");

const AlsoSaid = z
	.strictObject({
		voice: VoiceId,
		say: Text,
		audience: AudienceId.optional().describe("Where it is said; the beat's audience when absent."),
	})
	.describe('Another voice answering in the same turn.');

const Beat = z.strictObject({
	id: Slug,
	when: BeatCondition.optional(),
	say: Text,
	end: z.boolean().default(false).describe('The conversation ends after this message.'),
	voice: VoiceId.optional().describe('Who says it; "partner" when absent.'),
	audience: AudienceId.optional().describe(
		'Where it is said; when absent, where the learner last wrote if the voice answers there, else the first audience it answers in.',
	),
	also: z.array(AlsoSaid).min(1).optional().describe('Other voices answering in the same turn, in order.'),
});
export type Beat = z.infer<typeof Beat>;

const Message = z.strictObject({
	text: Text,
	attachment: Text.optional().describe('Description of an image or file sent with the message.'),
	audience: AudienceId.optional().describe('Where it is posted; the first audience when absent.'),
	voice: VoiceId.optional().describe('Who posts it; "partner" when absent.'),
});
export type OpeningMessage = z.infer<typeof Message>;

const Voice = z
	.strictObject({
		id: Slug.describe('How audiences, opening messages and beats name this voice ("partner" is the main one).'),
		name: Text,
		handle: Text.optional().describe('Account name shown on the channel.'),
		persona: Text.describe('Who they are and how they write.'),
	})
	.describe('Another person who may answer, beside the partner: a third member of a group chat.');
export type Voice = z.infer<typeof Voice>;

const Audience = z
	.strictObject({
		id: Slug.describe('What the learner types to write here: "@group", "@ellie". Not "private" or "public".'),
		label: Text.describe('Its name after "to": "the group" reads "to the group (40)"; "Ellie" reads "to Ellie, privately".'),
		members: z.array(Text).min(1).describe('Who is in it besides the learner, by name or description: "Ellie Marsh", "37 other FY1s".'),
		size: z.number().int().min(2).optional().describe('How many people are in it, the learner included: shown as "(40)".'),
		public: z.boolean().describe('Others see it (a group, the comments under a post, a public reply): what "in: [public]" means.'),
		voices: z
			.array(VoiceId)
			.default(['partner'])
			.describe('Which partner voices answer here: "partner" or ids from "voices"; none for a place nobody answers (a public reply).'),
	})
	.describe('One place the learner may write: a group, a thread under a post, a private chat.');
export type Audience = z.infer<typeof Audience>;

const Partner = z.strictObject({
	role: PartnerRole,
	name: Text,
	handle: Text.optional().describe('Account name shown on the channel, e.g. @jade.h'),
	persona: Text.describe('Who they are and how they write.'),
	knows: Text.optional().describe(
		'The situation as this person knows it, written to them ("You are messaging Dr Patel, the FY2 who saw you…"): what the model playing them is told, instead of the learner\'s setting.',
	),
	wants: Text.describe('What they want from the learner.'),
	pushes: Text.describe('How they push when the learner says no.'),
});

export const Scenario = z
	.strictObject({
		id: Slug,
		title: Text,
		summary: Text.describe('One line for the scenario picker.'),
		topics: z.array(Text).min(1),
		difficulty: z.enum(DIFFICULTIES),
		mode: z.enum(['roleplay', 'interview']),
		channel: Channel,
		thread: Text.optional().describe('Group, thread or subject name shown in the chat header.'),
		setting: Text.describe('What the learner is told before the first message.'),
		partner: Partner,
		voices: z.array(Voice).default([]).describe('Other people who may answer beside the partner, each in their own character.'),
		audiences: z
			.array(Audience)
			.min(2)
			.optional()
			.describe('Where the learner may write, the first being where a reply goes unless they choose; one thread when absent.'),
		opening: z.array(Message).min(1).describe('The first message(s) the partner sends.'),
		beats: z.array(Beat).min(1).describe('Scripted replies, chosen by what the last reply did.'),
		turns: z.number().int().min(1).max(20).describe('Most replies the learner gives before the debrief.'),
		rubric: z.strictObject({
			criteria: z.array(ScenarioCriterion).min(1),
			redFlags: z.array(RedFlag).default([]),
			requests: z
				.array(Request)
				.default([])
				.describe(
					'What the other party asks for. A reply that only agrees (no refusal, nothing that meets a criterion but respect) ' +
						"raises the request's red flag; the reply alone decides, never what a model said.",
				),
			redFlagCap: z.number().min(0).max(0.9).default(0.5).describe('With any red flag the total is at most this fraction of the maximum.'),
			lexicon: Lexicon.default({}).describe("Concepts for this scenario's patterns, beside the library's."),
			structure: z.array(StructureStep).default([]).describe('Interviews: the steps of a well-structured answer, in order, scored apart from the criteria.'),
		}),
		debrief: z.strictObject({
			modelReply: Text.describe('A reply that meets every criterion.'),
			modelAudience: Slug.optional().describe('Where the model reply is written, in a scenario with audiences; the first audience when absent.'),
			why: Text,
			anchors: z.array(Anchor).min(1),
			keyPoints: z.array(Text).min(1),
		}),
	})
	.describe('A postsafe role-play or interview scenario.');
export type Scenario = z.infer<typeof Scenario>;

const CriterionDefinition = z.strictObject({
	label: Text,
	means: Text.describe('What the criterion asks of a reply.'),
	evidence: z.array(Pattern).min(1).describe('Default evidence, used in every scenario that scores it.'),
	spoiltBy: z
		.array(Pattern)
		.default([])
		.describe('Words that undo this criterion wherever they appear in the conversation ("idiot" undoes respect), without raising a red flag.'),
	tone: z
		.strictObject({
			words: z.number().int().min(1).describe('Fewest words a reply needs.'),
		})
		.optional()
		.describe(
			'A matter of tone: in a role-play, any reply of at least `words` words (outside any sentence that raises a red flag) ' +
				'meets it unless something undoes it: a red flag that breaches it, or a spoiltBy pattern.',
		),
	feedback: z.strictObject({ met: Text, missed: Text }),
	anchors: z.array(Anchor).min(1),
});
export type CriterionDefinition = z.infer<typeof CriterionDefinition>;

export const CriteriaLibrary = z
	.strictObject({
		sources: z.record(Slug, Text).describe('Documents cited by anchors: id to full title.'),
		lexicon: Lexicon,
		criteria: z.strictObject(Object.fromEntries(CRITERION_IDS.map(id => [id, CriterionDefinition])) as Record<CriterionId, typeof CriterionDefinition>),
		identifiers: z
			.strictObject({
				label: Text,
				why: Text,
				kinds: z.strictObject({
					'nhs-number': Text,
					phone: Text,
					email: Text,
					postcode: Text,
					'date-of-birth': Text,
					'name-and-location': Text.describe("A person's name with their bed, bay or cubicle number."),
					'hospital-number': Text.describe("A person's name with their hospital number (MRN)."),
				}),
				breaches: z.array(CriterionId).default([]).describe('The criteria an identifier in the reply undoes, in every scenario that scores them.'),
			})
			.describe('The built-in red flag for patient identifiers in the learner’s own words.'),
	})
	.describe('The shared criteria library for postsafe scenarios.');
export type CriteriaLibrary = z.infer<typeof CriteriaLibrary>;
export type IdentifierKind = keyof CriteriaLibrary['identifiers']['kinds'];
