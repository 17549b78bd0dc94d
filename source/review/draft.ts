import type { Review, SignOff } from '../transcript/schema.js';

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

/**
 * The finished review: every comment, the summary, the outcome, who signed it and when. A sign-off
 * before it is not lost: it goes into the history, with every one before that.
 */
export function signOff(
	draft: ReviewDraft,
	{ summary, outcome, reviewer, at }: { summary: string; outcome: Outcome; reviewer: string; at: string },
	previous: Review | null = null,
): Review {
	const history = previous ? signOffs(previous) : [];
	return { comments: [...draft.comments], summary, outcome, reviewer, signedAt: at, ...(history.length > 0 ? { history } : {}) };
}

/** Every sign-off of a review, oldest first: the history, then the one in force. */
export function signOffs(review: Review): SignOff[] {
	const { reviewer, signedAt, outcome, summary } = review;
	return [...(review.history ?? []), { reviewer, signedAt, outcome, summary }];
}

export function commentsOn(draft: ReviewDraft, turn: number): readonly ReviewComment[] {
	return draft.comments.filter(comment => comment.turn === turn);
}
