import { UserError } from '../cli/user-error.js';

export type ReviewOptions = { readonly reviewer?: string; readonly transcripts?: string; readonly scenarios?: string };

/** `postsafe review`: to be built (issue 6). */
export async function runReview(_file: string | undefined, _options: ReviewOptions): Promise<number> {
	throw new UserError('postsafe review is not built yet');
}
