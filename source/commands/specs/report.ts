import { personName, transcriptsOption, type CommandSpec } from './options.js';

export const report: CommandSpec = {
	name: 'report',
	description: 'progress across transcripts: criteria met, score trend, red flags, what to practise next',
	define: command =>
		command
			.option('--learner <name>', "only this learner's sessions", personName)
			.option('--since <date>', 'only sessions on or after this date (YYYY-MM-DD)')
			.option('--json', 'print JSON')
			.option('--csv', 'print CSV, one row per session')
			.addOption(transcriptsOption()),
	run: async ([], options) => (await import('../report.js')).runReport(options),
};
