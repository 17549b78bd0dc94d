import { audienceFor, PARTNER_VOICE } from '../scenario/audiences.js';
import type { Beat } from '../scenario/schema.js';
import type { AlsoSaid, Message, Partner, PartnerInfo, PartnerRequest, PartnerTurn } from '../session/types.js';

/**
 * A model partner that plays every voice of a turn: after the turn's own message, each other voice
 * the beat has answering (Josh, then Priya, in the group) is asked for in turn, in its own character,
 * with its scripted line as the guidance and what was just said in the conversation. A voice whose
 * message cannot be had keeps its scripted line, so the turn is never lost. The scripted partner
 * needs none of this: its turns already carry every voice's words.
 */
export class VoicesPartner implements Partner {
	constructor(private readonly inner: Partner) {}

	get info(): PartnerInfo {
		return this.inner.info;
	}

	async respond(request: PartnerRequest, options: { readonly signal: AbortSignal; readonly onText?: (textSoFar: string) => void }): Promise<PartnerTurn> {
		const turn = await this.inner.respond(request, options);
		if (!turn.also || turn.also.length === 0 || turn.source !== 'model') return turn;
		const heard = request.lastReply.audience;
		const where = (voice: string, audience: string | undefined) => audienceFor(request.scenario, voice, audience, heard);
		const conversation: Message[] = [...request.conversation, said(turn.text, turn.voice, where(turn.voice ?? PARTNER_VOICE, turn.audience))];
		const also: AlsoSaid[] = [];
		for (const line of turn.also) {
			options.signal.throwIfAborted();
			// The beat narrowed to this voice's line: the guidance the model is given, and the only one it can choose.
			const beat: Beat = {
				id: turn.beat ?? 'also',
				say: line.text,
				voice: line.voice,
				end: false,
				...(line.audience === undefined ? {} : { audience: line.audience }),
			};
			let text = line.text;
			try {
				const answer = await this.inner.respond(
					{ ...request, scenario: { ...request.scenario, beats: [beat] }, conversation, usedBeats: [] },
					{ signal: options.signal },
				);
				if (answer.source === 'model' && answer.text.trim() !== '') text = answer.text;
			} catch (error) {
				if (options.signal.aborted) throw error;
			}
			also.push({ ...line, text });
			conversation.push(said(text, line.voice, where(line.voice, line.audience ?? turn.audience)));
		}
		return { ...turn, also };
	}
}

function said(text: string, voice: string | undefined, audience: string | undefined): Message {
	return {
		kind: 'partner',
		id: -1,
		text,
		time: new Date(0).toISOString(),
		source: 'model',
		...(voice === undefined ? {} : { voice }),
		...(audience === undefined ? {} : { audience }),
	};
}
