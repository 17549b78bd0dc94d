import { Option } from 'commander';
import type { CommandSpec } from './options.js';

export const exportEntries: CommandSpec = {
	name: 'export',
	description: 'transcripts and SJT records as portfolio entries: Markdown, or one self-contained HTML file each that prints on A4',
	define: command =>
		command
			.argument('<transcripts...>', "transcript and SJT record files (e.g. a folder's *.json)")
			.addOption(new Option('--format <format>', 'md or html (default: from --out, x.html is HTML; else md)').choices(['md', 'html']))
			.option('--out <path>', 'where to write (a file for one transcript, a folder for several; stdout without it)'),
	run: async ([files], options) => (await import('../export.js')).runExport(files, options),
};
