import { existsSync } from 'node:fs';
import { makeFolders } from './make-folder.js';
import { basename, dirname, join, resolve } from 'node:path';
import { UserError } from '../cli/user-error.js';
import { transcriptToHtml } from '../export/html.js';
import { transcriptToMarkdown } from '../export/markdown.js';
import type { ExportContext } from '../export/view.js';
import { sjtRecordToHtml, sjtRecordToMarkdown, type SjtExportContext } from '../export/sjt-record.js';
import { SjtRecord } from '../sjt/record.js';
import type { SjtItem } from '../sjt/schema.js';
import { readJsonFile } from '../transcript/catalog.js';
import { openTranscript } from '../transcript/open.js';
import type { Transcript } from '../transcript/schema.js';
import { fileErrorReason } from '../transcript/durable-write.js';
import { savePrivateText } from '../transcript/store.js';
import { visible } from '../terminal-text.js';
import { isDirectory } from './is-directory.js';
import { openLibrary } from './open-library.js';

export type ExportFormat = 'md' | 'html';
export type ExportOptions = { readonly format?: ExportFormat; readonly out?: string; readonly scenarios?: string };

const BUILDERS: Record<ExportFormat, (transcript: Transcript, context: ExportContext) => string> = {
	md: transcriptToMarkdown,
	html: transcriptToHtml,
};
const SJT_BUILDERS: Record<ExportFormat, (record: SjtRecord, context: SjtExportContext) => string> = {
	md: sjtRecordToMarkdown,
	html: sjtRecordToHtml,
};

/** --format, else what --out's extension says (x.html is HTML), else Markdown. */
export function exportFormat(format: ExportFormat | undefined, out: string | undefined): ExportFormat {
	if (format) return format;
	if (out && /\.html?$/i.test(out)) return 'html';
	return 'md';
}

/** A file to export: a conversation or an SJT practice record, both portfolio entries. */
type Exportable = { readonly file: string; readonly id: string } & (
	{ readonly kind: 'transcript'; readonly transcript: Transcript } | { readonly kind: 'sjt'; readonly record: SjtRecord }
);

/** Who the other party was, by scenario id: the library knows their name, the transcript does not. */
async function partnerNames(scenarios: string | undefined): Promise<(scenarioId: string) => string> {
	try {
		const library = await openLibrary(scenarios, () => true);
		return id => library.scenarios.find(loaded => loaded.scenario.id === id)?.scenario.partner.name ?? 'Partner';
	} catch {
		// A missing or broken library costs only the name: the transcript is the record being exported.
		return () => 'Partner';
	}
}

/** Opens one file as something to export, or says in a few words why it can't be. */
function open(file: string): Exportable | { readonly file: string; readonly reason: string } {
	const path = resolve(file);
	const read = readJsonFile(path);
	if (!('reason' in read) && typeof read.json === 'object' && read.json !== null && (read.json as { kind?: unknown }).kind === 'sjt') {
		const parsed = SjtRecord.safeParse(read.json);
		if (!parsed.success) {
			const issue = parsed.error.issues[0]!;
			return { file, reason: `not a valid SJT practice record (${issue.path.join('.') || 'top level'}: ${issue.message})` };
		}
		return { kind: 'sjt', file: path, id: parsed.data.id, record: parsed.data };
	}
	const opened = openTranscript(path);
	if ('reason' in opened) return { file, reason: opened.reason };
	return { kind: 'transcript', file: path, id: opened.transcript.id, transcript: opened.transcript };
}

/** The export's file name: the record's id, unless the id could name a path outside the folder. */
function exportName(opened: Exportable, format: ExportFormat): string {
	const id = /^[\w-][\w.-]*$/.test(opened.id) ? opened.id : basename(opened.file).replace(/\.json$/i, '');
	return `${id}.${format}`;
}

function write(file: string, text: string): void {
	try {
		savePrivateText(file, text);
	} catch (error) {
		// A link at --out is never followed onto the file it points to (durable writes refuse it).
		throw new UserError(`${file}: can't be written (${fileErrorReason(error) ?? (error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
	}
}

/** Where each export goes: stdout for one without --out, else a file, or one per transcript in a folder. */
function targets(opened: readonly Exportable[], out: string | undefined, format: ExportFormat, files: readonly string[]): (string | undefined)[] {
	if (out === undefined) return [undefined];
	if (opened.length === 1 && !isDirectory(out) && !/[/\\]$/.test(out)) {
		// A file in a folder that isn't there yet: the folder is made, as it is for --out DIR/.
		makeFolder(dirname(resolve(out)));
		return [resolve(out)];
	}
	if (existsSync(out) && !isDirectory(out)) throw new UserError(`--out ${out} is a file: several transcripts need a folder`, 2);
	const paths = opened.map(item => join(resolve(out), exportName(item, format)));
	const clash = paths.findIndex((path, index) => paths.indexOf(path) !== index);
	if (clash >= 0)
		throw new UserError(`${files[paths.indexOf(paths[clash]!)]} and ${files[clash]} are the same transcript (id ${opened[clash]!.id}): export one of them`);
	makeFolder(resolve(out));
	return paths;
}

/** Creates a folder for exports (and any above it), readable by its owner alone. */
function makeFolder(folder: string): void {
	try {
		makeFolders(folder);
	} catch (error) {
		throw new UserError(`${folder}: can't create the folder (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
	}
}

/** The SJT bank's items by id, for the wording an SJT record leaves out; none if the bank can't be read. */
async function sjtContext(scenarios: string | undefined, timeZone: string): Promise<SjtExportContext> {
	try {
		const { openSjtBank } = await import('./open-sjt.js');
		const bank = await openSjtBank(scenarios, () => true);
		return { items: new Map<string, SjtItem>(bank.items.map(loaded => [loaded.item.id, loaded.item])), sourceNames: bank.sourceNames, timeZone };
	} catch {
		return { items: new Map(), sourceNames: {}, timeZone };
	}
}

/**
 * `postsafe export <file…>`: conversations and SJT records as Markdown or HTML for a portfolio, to
 * stdout, a file or a folder. Every file that can be read is exported; each one that can't is named,
 * and then the exit code is 1.
 */
export async function runExport(files: readonly string[], options: ExportOptions): Promise<number> {
	const format = exportFormat(options.format, options.out);
	if (files.length > 1 && options.out === undefined) throw new UserError(`${files.length} transcripts need --out DIR (one ${format} file each)`, 2);
	const all = files.map(open);
	const refused = all.filter((item): item is { file: string; reason: string } => 'reason' in item);
	const opened = all.filter((item): item is Exportable => !('reason' in item));
	if (files.length === 1 && refused.length === 1) throw new UserError(`${refused[0]!.file}: ${refused[0]!.reason}`);
	const kept = files.filter((_, index) => !('reason' in all[index]!));
	const destinations = opened.length > 0 ? targets(opened, options.out, format, kept) : [];
	const partnerName = await partnerNames(options.scenarios);
	const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
	const sjt = opened.some(item => item.kind === 'sjt') ? await sjtContext(options.scenarios, timeZone) : undefined;
	opened.forEach((item, index) => {
		const text =
			item.kind === 'sjt'
				? SJT_BUILDERS[format](item.record, sjt!)
				: BUILDERS[format](item.transcript, { partnerName: partnerName(item.transcript.scenario.id), timeZone });
		const destination = destinations[index];
		// To a terminal, the learner's words can't act as escape sequences; to a pipe, they go exactly as stored.
		if (destination === undefined) process.stdout.write(process.stdout.isTTY ? visible(text) : text);
		else {
			write(destination, text);
			process.stdout.write(`Exported ${kept[index]} to ${destination}\n`);
		}
	});
	for (const item of refused) process.stderr.write(`postsafe: ${item.file}: ${item.reason}; not exported\n`);
	if (refused.length > 0) process.stderr.write(`postsafe: exported ${opened.length} of ${files.length}; ${refused.length} could not be read\n`);
	return refused.length > 0 ? 1 : 0;
}
