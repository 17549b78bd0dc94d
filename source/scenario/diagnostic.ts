/** A problem in a file, at a line and column (both from 1). */
export type Diagnostic = { readonly file: string; readonly line: number; readonly column: number; readonly message: string };

export function formatDiagnostic({ file, line, column, message }: Diagnostic): string {
	return `${file}:${line}:${column}: ${message}`;
}
