import { UserError } from '../cli/user-error.js';

export type ExportOptions = { readonly format: 'md' | 'html'; readonly out?: string; readonly scenarios?: string };

/** `postsafe export`: to be built (issue 6). */
export async function runExport(_files: readonly string[], _options: ExportOptions): Promise<number> {
	throw new UserError('postsafe export is not built yet');
}
