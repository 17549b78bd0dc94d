import { collect, examples, type CommandSpec } from './options.js';

export const score: CommandSpec = {
	name: 'score',
	description: "score a learner's replies against a scenario's rubric",
	define: command =>
		command
			.option('--scenario <id>', 'scenario id')
			.option('--reply <text>', "the learner's reply; repeat for each turn, in order", collect, [])
			.option('--batch <file>', 'JSONL file ("-" for stdin) of {"scenario": id, "replies": [...]} lines')
			.option('--json', 'print the score JSON')
			.addHelpText(
				'after',
				examples(
					'postsafe score --scenario patient-dm-rash --reply "I can\'t advise on here; please call 111."',
					'postsafe score --batch replies.jsonl --json',
				),
			),
	run: async ([], options) => (await import('../score.js')).runScore(options),
};
