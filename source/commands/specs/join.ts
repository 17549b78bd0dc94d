import { examples, personName, type CommandSpec } from './options.js';

export const join: CommandSpec = {
	name: 'join',
	description: 'join a room the facilitator opened with `group --serve`: reply on your own screen, hidden until the round is revealed',
	define: command =>
		command
			.argument('<address>', "the room's HOST:PORT, from the facilitator's join line")
			.requiredOption('--code <code>', 'the six-digit code from the join line')
			.requiredOption('--learner <name>', 'your name, as the group knows you (the same name rejoins after a drop)', personName)
			.option('--save [file]', 'save your own copy of the session (Markdown; in the transcripts folder unless a file is given)')
			.addHelpText('after', examples('postsafe join 192.168.1.20:4791 --code 123456 --learner Asha')),
	run: async ([address], options) => (await import('../join.js')).runJoin(address, options),
};
