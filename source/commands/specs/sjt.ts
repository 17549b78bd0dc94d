import { Option } from 'commander';
import { examples, personName, transcriptsOption, wholeNumber, type CommandSpec } from './options.js';

const sjtType = () => new Option('--type <type>', 'only rank (rank 4 or 5) or best3 (best 3 of 8) items').choices(['rank', 'best3']);

const sjtScore: CommandSpec = {
	name: 'score',
	description: 'score one answer to one item: --item ID --answer "A,D,B,C,E" (rank) or "C,D,F" (best 3)',
	define: command =>
		command
			.requiredOption('--item <id>', 'SJT item id (see `postsafe sjt list`)')
			.requiredOption('--answer <letters>', 'the order, most appropriate first, or the three chosen')
			.option('--json', 'print {item, type, points, max, perOption}'),
	run: async ([], options) => (await import('../sjt.js')).runSjtScore(options),
};

const sjtList: CommandSpec = {
	name: 'list',
	description: 'list the SJT items',
	define: command => command.option('--topic <topic>', 'only items on this topic').addOption(sjtType()).option('--json', 'print JSON'),
	run: async ([], options) => (await import('../sjt.js')).runSjtList(options),
};

export const sjt: CommandSpec = {
	name: 'sjt',
	description: 'SJT practice, MSRA style: rank 4 or 5 responses, or choose the best 3 of 8; scored as the exam does',
	define: command =>
		command
			.option('--count <n>', 'how many items', wholeNumber(1, 500))
			.option('--topic <topic>', 'only items on this topic (e.g. confidentiality)')
			.addOption(sjtType())
			.option('--timed', 'exam pace: a countdown per item; when it runs out, what you entered is scored')
			.option('--learner <name>', 'your name, for the saved session', personName)
			.option('--seed <n>', 'choose and order the items as a session with this seed did', wholeNumber(0, 2 ** 31 - 1))
			.option('--plain', 'plain text: each item printed, one answer line read for each (automatic when stdin is not a terminal)')
			.option('--json', 'plain mode, printing the session summary as JSON')
			.addOption(transcriptsOption())
			.addHelpText(
				'after',
				examples(
					'postsafe sjt --count 10 --timed',
					'postsafe sjt --topic confidentiality --type best3',
					'printf "A,D,B,C,E\\n" | postsafe sjt --count 1 --type rank --learner Asha',
				),
			),
	run: async ([], options) => (await import('../sjt.js')).runSjt(options),
	subcommands: [sjtScore, sjtList],
};
