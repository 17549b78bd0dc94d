import type { Review } from '../transcript/schema.js';

export const OUTCOMES = ['meets expectations', 'needs development', 'cause for concern'] as const satisfies readonly Review['outcome'][];
export type Outcome = (typeof OUTCOMES)[number];

export type ReviewComment = Review['comments'][number];

/** A review in progress: the comments so far (earlier ones kept when a review is reopened). */
export type ReviewDraft = { readonly comments: readonly ReviewComment[] };

export function startDraft(existing: Review | null): ReviewDraft {
	return { comments: existing?.comments ?? [] };
}

export function addComment(draft: ReviewDraft, comment: ReviewComment): ReviewDraft {
	return { comments: [...draft.comments, comment] };
}

/** The finished review: every comment, the summary, the outcome, who signed it and when. */
export function signOff(draft: ReviewDraft, { summary, outcome, reviewer, at }: { summary: string; outcome: Outcome; reviewer: string; at: string }): Review {
	return { comments: [...draft.comments], summary, outcome, reviewer, signedAt: at };
}

export function commentsOn(draft: ReviewDraft, turn: number): readonly ReviewComment[] {
	return draft.comments.filter(comment => comment.turn === turn);
}
