import { existsSync, mkdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UserError } from '../cli/user-error.js';
import { transcriptToHtml } from '../export/html.js';
import { transcriptToMarkdown } from '../export/markdown.js';
import type { ExportContext } from '../export/view.js';
import { openTranscript, type OpenedTranscript } from '../transcript/open.js';
import type { Transcript } from '../transcript/schema.js';
import { fileErrorReason } from '../transcript/durable-write.js';
import { savePrivateText } from '../transcript/store.js';
import { visible } from '../terminal-text.js';
import { isDirectory } from './is-directory.js';
import { openLibrary } from './open-library.js';

export type ExportOptions = { readonly format: 'md' | 'html'; readonly out?: string; readonly scenarios?: string };

const BUILDERS: Record<ExportOptions['format'], (transcript: Transcript, context: ExportContext) => string> = {
	md: transcriptToMarkdown,
	html: transcriptToHtml,
};

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

function open(file: string): OpenedTranscript {
	const opened = openTranscript(resolve(file));
	if ('reason' in opened) throw new UserError(`${file}: ${opened.reason}`);
	return opened;
}

/** The export's file name: the transcript id, unless the id could name a path outside the folder. */
function exportName(opened: OpenedTranscript, format: ExportOptions['format']): string {
	const id = /^[\w-][\w.-]*$/.test(opened.transcript.id) ? opened.transcript.id : basename(opened.file).replace(/\.json$/i, '');
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
function targets(opened: readonly OpenedTranscript[], options: ExportOptions, files: readonly string[]): (string | undefined)[] {
	const { out, format } = options;
	if (out === undefined) return [undefined];
	if (opened.length === 1 && !isDirectory(out) && !/[/\\]$/.test(out)) {
		// A file in a folder that isn't there yet: the folder is made, as it is for --out DIR/.
		makeFolder(dirname(resolve(out)));
		return [resolve(out)];
	}
	if (existsSync(out) && !isDirectory(out)) throw new UserError(`--out ${out} is a file: several transcripts need a folder`, 2);
	const paths = opened.map(item => join(resolve(out), exportName(item, format)));
	const clash = paths.findIndex((path, index) => paths.indexOf(path) !== index);
	if (clash >= 0) throw new UserError(`${files[paths.indexOf(paths[clash]!)]} and ${files[clash]} are the same transcript (id ${opened[clash]!.transcript.id}): export one of them`);
	makeFolder(resolve(out));
	return paths;
}

/** Creates a folder for exports (and any above it), readable by its owner alone. */
function makeFolder(folder: string): void {
	try {
		mkdirSync(folder, { recursive: true, mode: 0o700 });
	} catch (error) {
		throw new UserError(`${folder}: can't create the folder (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
	}
}

/** `postsafe export <transcript…>`: Markdown or HTML for a portfolio, to stdout, a file or a folder. */
export async function runExport(files: readonly string[], options: ExportOptions): Promise<number> {
	if (files.length > 1 && options.out === undefined) throw new UserError(`${files.length} transcripts need --out DIR (one ${options.format} file each)`, 2);
	const opened = files.map(open);
	const destinations = targets(opened, options, files);
	const partnerName = await partnerNames(options.scenarios);
	const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
	const build = BUILDERS[options.format];
	opened.forEach((item, index) => {
		const text = build(item.transcript, { partnerName: partnerName(item.transcript.scenario.id), timeZone });
		const destination = destinations[index];
		// To a terminal, the learner's words can't act as escape sequences; to a pipe, they go exactly as stored.
		if (destination === undefined) process.stdout.write(process.stdout.isTTY ? visible(text) : text);
		else {
			write(destination, text);
			process.stdout.write(`Exported ${files[index]} to ${destination}\n`);
		}
	});
	return 0;
}
