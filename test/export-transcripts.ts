import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transcript, type Review } from '../source/transcript/schema.js';
import { runCli } from './helpers/cli.js';

export const GOOD_REPLY = "Sorry Jade, I can't give medical advice on Instagram. Please use the practice's online consultation form.";
export const RED_FLAG_REPLY = "It's probably eczema, try some hydrocortisone cream.";

export type Played = { readonly file: string; readonly transcript: Transcript };

/** A real transcript: the built CLI plays the scenario offline in plain mode with these replies. */
export function playTranscript(replies: readonly string[], command: readonly string[] = ['play', 'patient-dm-rash']): Played {
	const directory = mkdtempSync(join(tmpdir(), 'postsafe-export-'));
	const result = runCli([...command, '--learner', 'Asha', '--offline', '--transcripts', directory], { input: `${replies.join('\n')}\n` });
	if (result.code !== 0) throw new Error(`playing ${command.join(' ')} failed (${result.code}): ${result.stderr}`);
	const [name] = readdirSync(directory);
	const file = join(directory, name!);
	return { file, transcript: Transcript.parse(JSON.parse(readFileSync(file, 'utf8'))) };
}

/** The index in `turns` of the learner's nth reply (from 0). */
export function replyIndex(transcript: Transcript, reply: number): number {
	return transcript.turns.map((turn, index) => (turn.role === 'learner' ? index : -1)).filter(index => index >= 0)[reply]!;
}

/** A signed review with a comment on the learner's second reply, as `postsafe review` would write it. */
export function reviewFor(transcript: Transcript): Review {
	return {
		comments: [
			{
				turn: replyIndex(transcript, 1),
				text: 'You diagnosed from a photo here: talk this one through with me.',
				by: 'Dr Sam Okafor',
				at: '2026-11-23T10:00:00.000Z',
			},
		],
		summary: 'A clear boundary at first, then advice under pressure.',
		outcome: 'needs development',
		reviewer: 'Dr Sam Okafor',
		signedAt: '2026-11-23T10:05:00.000Z',
	};
}

/** Writes fields into a transcript file, the rest of its JSON untouched. */
export function amendTranscript(played: Played, fields: Partial<Transcript>): Played {
	const raw = JSON.parse(readFileSync(played.file, 'utf8')) as Record<string, unknown>;
	writeFileSync(played.file, JSON.stringify({ ...raw, ...fields }, null, 2));
	return { file: played.file, transcript: Transcript.parse(JSON.parse(readFileSync(played.file, 'utf8'))) };
}
