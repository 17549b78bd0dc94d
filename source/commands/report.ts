import { UserError } from '../cli/user-error.js';

export type ReportOptions = { readonly learner?: string; readonly since?: string; readonly json?: boolean; readonly csv?: boolean; readonly transcripts?: string; readonly scenarios?: string };

/** `postsafe report`: to be built (issue 6). */
export async function runReport(_options: ReportOptions): Promise<number> {
	throw new UserError('postsafe report is not built yet');
}
