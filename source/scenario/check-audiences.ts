import { AUDIENCE_KINDS, PARTNER_VOICE } from './audiences.js';
import type { Finding, PathSegment } from './yaml-source.js';
import type { Scenario } from './schema.js';

/**
 * Checks what a scenario says about where things are said: every audience, voice and limit it names
 * exists, and each message is said by a voice that answers in its audience.
 */
export function checkAudiences(scenario: Scenario): Finding[] {
	const findings: Finding[] = [];
	const audiences = scenario.audiences ?? [];
	const audienceIds = audiences.map(audience => audience.id);
	const voiceIds = [PARTNER_VOICE, ...scenario.voices.map(voice => voice.id)];
	const listed = (ids: readonly string[]) => ids.join(', ');
	const unknownAudience = (path: readonly PathSegment[], id: string) =>
		findings.push({
			path,
			message:
				audiences.length === 0
					? `audience "${id}": this scenario declares no audiences`
					: `unknown audience "${id}"; this scenario's audiences are: ${listed(audienceIds)}`,
		});
	const unknownVoice = (path: readonly PathSegment[], id: string) =>
		findings.push({ path, message: `unknown voice "${id}"; this scenario's voices are: ${listed(voiceIds)}` });
	const checkAudience = (path: readonly PathSegment[], id: string | undefined) => {
		if (id !== undefined && !audienceIds.includes(id)) unknownAudience(path, id);
	};
	const checkVoice = (path: readonly PathSegment[], id: string | undefined) => {
		if (id !== undefined && !voiceIds.includes(id)) unknownVoice(path, id);
	};
	/** A voice said to speak in an audience it does not answer in. */
	const checkVoiceIn = (path: readonly PathSegment[], voice: string, audience: string | undefined) => {
		const where = audiences.find(candidate => candidate.id === audience);
		if (where && voiceIds.includes(voice) && !where.voices.includes(voice)) {
			findings.push({ path, message: `voice "${voice}" does not answer in audience "${where.id}" (its voices: ${listed(where.voices)})` });
		}
	};
	const checkLimit = (path: readonly PathSegment[], limit: readonly string[] | undefined) =>
		(limit ?? []).forEach((ref, index) => {
			if (!(AUDIENCE_KINDS as readonly string[]).includes(ref)) checkAudience([...path, index], ref);
		});

	audiences.forEach((audience, index) => {
		if ((AUDIENCE_KINDS as readonly string[]).includes(audience.id))
			findings.push({ path: ['audiences', index, 'id'], message: `"${audience.id}" means every ${audience.id} audience in a limit; choose another id` });
		if (audienceIds.indexOf(audience.id) !== index) findings.push({ path: ['audiences', index, 'id'], message: `duplicate audience "${audience.id}"` });
		audience.voices.forEach((voice, position) => checkVoice(['audiences', index, 'voices', position], voice));
	});
	scenario.voices.forEach((voice, index) => {
		if (voiceIds.indexOf(voice.id) !== index + 1)
			findings.push({
				path: ['voices', index, 'id'],
				message: voice.id === PARTNER_VOICE ? '"partner" is the main voice; choose another id' : `duplicate voice "${voice.id}"`,
			});
		if (audiences.length > 0 && !audiences.some(audience => audience.voices.includes(voice.id)))
			findings.push({ path: ['voices', index, 'id'], message: `voice "${voice.id}" answers in no audience: add it to an audience's voices` });
	});
	if (scenario.voices.length > 0 && audiences.length === 0)
		findings.push({ path: ['voices'], message: 'other voices need audiences to speak in: add "audiences"' });

	scenario.opening.forEach((message, index) => {
		checkAudience(['opening', index, 'audience'], message.audience);
		checkVoice(['opening', index, 'voice'], message.voice);
		if (audiences.length > 0) checkVoiceIn(['opening', index], message.voice ?? PARTNER_VOICE, message.audience ?? audienceIds[0]);
	});
	scenario.beats.forEach((beat, index) => {
		checkAudience(['beats', index, 'audience'], beat.audience);
		checkVoice(['beats', index, 'voice'], beat.voice);
		checkVoiceIn(['beats', index], beat.voice ?? PARTNER_VOICE, beat.audience);
		checkLimit(['beats', index, 'when', 'in'], beat.when?.in);
		(beat.also ?? []).forEach((also, position) => {
			checkAudience(['beats', index, 'also', position, 'audience'], also.audience);
			checkVoice(['beats', index, 'also', position, 'voice'], also.voice);
			checkVoiceIn(['beats', index, 'also', position], also.voice, also.audience ?? beat.audience);
		});
	});
	checkAudience(['debrief', 'modelAudience'], scenario.debrief.modelAudience);
	scenario.rubric.criteria.forEach((criterion, index) => {
		checkLimit(['rubric', 'criteria', index, 'in'], criterion.in);
		(criterion.where ?? []).forEach((block, position) => checkLimit(['rubric', 'criteria', index, 'where', position, 'in'], block.in));
	});
	scenario.rubric.redFlags.forEach((flag, index) => {
		checkLimit(['rubric', 'redFlags', index, 'in'], flag.in);
		(flag.where ?? []).forEach((block, position) => checkLimit(['rubric', 'redFlags', index, 'where', position, 'in'], block.in));
		if (flag.patterns.length === 0 && (flag.where ?? []).length === 0)
			findings.push({ path: ['rubric', 'redFlags', index, 'patterns'], message: 'a red flag needs patterns (or "where" blocks of them)' });
	});
	return findings;
}
