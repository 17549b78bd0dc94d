import { readdirSync, statSync } from 'node:fs';
import { transcriptDirectory } from '../transcript/location.js';
import { outputWidth } from '../terminal-width.js';
import { UserError } from '../cli/user-error.js';
import { aggregateReport, type LibraryScenario, type ReportFilter, type ReportSource } from '../report/aggregate.js';
import { reportCsv } from '../report/csv.js';
import { formatReport } from '../report/format.js';
import { reportJson } from '../report/json.js';
import { parseSinceDate } from '../report/since.js';
import { CRITERION_IDS } from '../scenario/constants.js';
import { readCatalog, type CatalogEntry } from '../transcript/catalog.js';
import { openTranscript } from '../transcript/open.js';
import { openLibrary } from './open-library.js';

export type ReportOptions = {
	readonly learner?: string;
	readonly since?: string;
	readonly json?: boolean;
	readonly csv?: boolean;
	readonly transcripts?: string;
	readonly scenarios?: string;
};

function filterOf(options: ReportOptions): ReportFilter {
	if (options.since === undefined) return options.learner === undefined ? {} : { learner: options.learner };
	const from = parseSinceDate(options.since);
	if (!from) throw new UserError(`--since takes a date as YYYY-MM-DD, such as 2026-09-01 (not "${options.since}")`, 2);
	return { ...(options.learner === undefined ? {} : { learner: options.learner }), since: { date: options.since.trim(), from } };
}

/** Fails with one line unless the folder is there and can be listed. */
function checkFolder(directory: string): void {
	try {
		if (!statSync(directory).isDirectory()) throw new UserError(`${directory} is a file, not a transcripts folder: give --transcripts DIR`);
		readdirSync(directory);
	} catch (error) {
		if (error instanceof UserError) throw error;
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'ENOENT') throw new UserError(`no transcripts folder at ${directory}: practise with \`postsafe play\` first, or give --transcripts DIR`);
		throw new UserError(`can't read the transcripts folder ${directory} (${code ?? (error as Error).message})`);
	}
}

function sourceOf(entry: CatalogEntry): ReportSource {
	if (entry.kind !== 'transcript') return entry;
	const opened = openTranscript(entry.file);
	return 'reason' in opened
		? { kind: 'unreadable', file: entry.file, reason: opened.reason }
		: { kind: 'transcript', file: entry.file, transcript: opened.transcript };
}

/** `postsafe report`: progress across the transcripts folder, as text, JSON or CSV. Reads files, never writes them. */
export async function runReport(
	options: ReportOptions,
	write = (text: string) => void process.stdout.write(text),
	warn = (text: string) => void process.stderr.write(text),
): Promise<number> {
	if (options.json && options.csv) throw new UserError('choose one of --json and --csv', 2);
	const filter = filterOf(options);
	const directory = transcriptDirectory(options.transcripts);
	checkFolder(directory);
	const catalog = readCatalog(directory);
	const library = await openLibrary(options.scenarios, line => {
		warn(`${line}\n`);
		return true;
	});
	const scenarios: LibraryScenario[] = library.scenarios.map(({ scenario }) => ({
		id: scenario.id,
		title: scenario.title,
		criteria: scenario.rubric.criteria.map(criterion => criterion.id),
	}));
	const labels = Object.fromEntries(CRITERION_IDS.map(id => [id, library.criteria.library.criteria[id].label]));
	const report = aggregateReport({ sources: catalog.map(sourceOf), filter, scenarios, labels });

	const empty = catalog.length === 0 ? `No transcripts in ${directory} yet: practise with \`postsafe play\` and each session is saved there.\n` : undefined;
	if (options.json || options.csv) {
		// Scripts still get a well-formed (empty) report; the person running them gets the reason.
		if (empty) warn(empty);
		write(options.json ? `${JSON.stringify(reportJson(report), null, 2)}\n` : reportCsv(report));
		return 0;
	}
	write(empty ?? formatReport(report, { folder: directory, width: outputWidth() }));
	return 0;
}
