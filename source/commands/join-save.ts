import { join } from 'node:path';
import type { ServerMessage } from '../room/protocol.js';
import { newTranscriptId, prepareTranscriptDirectory, savePrivateText } from '../transcript/store.js';
import { usableTranscriptDirectory } from './transcript-folder.js';

/**
 * `join --save`: the learner's own copy of the room session, as Markdown in their transcripts folder
 * (or the file given): the partner's messages, their own replies, and each round as it was revealed.
 * The facilitator's transcript is the record; this is what the learner saw. Returns the file.
 */
export function saveOwnCopy(file: string | undefined, name: string, title: string, partner: string, seen: readonly ServerMessage[]): string {
	const lines = [`# ${title}`, '', `Room session, as ${name} saw it. The facilitator holds the full transcript.`, ''];
	for (const message of seen) {
		if (message.type === 'partner') lines.push(`**${partner}:** ${message.text}`, '');
		if (message.type === 'committed') lines.push(`**${name} (round ${message.round}):** ${message.text}`, '');
		if (message.type === 'sjt-item')
			lines.push(`## Item ${message.item}: ${message.title}`, '', message.stem, '', ...message.options.map(option => `${option.id}. ${option.text}`), '');
		if (message.type === 'answered') lines.push(`**${name}:** ${message.letters.join(', ') || '(not answered)'}`, '');
		if (message.type === 'sjt-reveal')
			lines.push(
				`Ideal: ${message.ideal.join(', ')}`,
				'',
				...message.marks.map(mark => `- **${mark.learner}**: ${mark.answer.join(', ') || '(none)'} (${mark.points}/${mark.max})`),
				'',
			);
		if (message.type === 'reveal') {
			lines.push(`## Round ${message.round}, revealed`, '');
			for (const reply of message.replies) lines.push(`- **${reply.learner}** (${reply.score}/${reply.max}): ${reply.text}`);
			lines.push('');
		}
		if (message.type === 'end') {
			lines.push(
				'## Scores',
				'',
				...message.scores.map(score => `- ${score.learner}: ${score.score}/${score.max}`),
				'',
				...(message.modelReply ? [`Model reply: “${message.modelReply}”`, ''] : []),
			);
		}
	}
	let target = file;
	if (!target) {
		const directory = usableTranscriptDirectory(undefined);
		prepareTranscriptDirectory(directory);
		target = join(directory, `${newTranscriptId('room', name, new Date())}.md`);
	}
	savePrivateText(target, `${lines.join('\n')}\n`);
	return target;
}
