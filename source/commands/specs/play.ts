import type { Command } from 'commander';
import { addPlayOptions, addSessionOptions, examples, type CommandSpec } from './options.js';
import { unknownCommand } from './program.js';

/** `postsafe` with no command: the scenario picker. A word that is not a command is an unknown command. */
export const picker: CommandSpec = {
	name: 'postsafe',
	define: program => addPlayOptions(program).argument('[command]'),
	run: async ([word], options, program) => {
		if (word !== undefined) throw await unknownCommand(word, program);
		return (await import('../play.js')).runPlay(undefined, options);
	},
};

/** `play` and `interview`: a conversation with an end, about one scenario. */
const conversation =
	(argument: string, about: string, ...lines: string[]) =>
	(command: Command): Command =>
		addSessionOptions(command)
			.argument(argument, about)
			.addHelpText('after', examples(...lines));

export const play: CommandSpec = {
	name: 'play',
	description: 'role-play a scenario: someone messages you, you reply, then a debrief',
	define: conversation(
		'<id>',
		'scenario id (see `postsafe list`)',
		'postsafe play patient-dm-rash --learner Asha --coach',
		'printf "reply one\\nreply two\\n" | postsafe play patient-dm-rash --learner Asha --json',
	),
	run: async ([id], options) => (await import('../play.js')).runPlay(id, options),
};

export const interview: CommandSpec = {
	name: 'interview',
	description: 'interview practice: the panel asks, follows up on what you leave out, and the debrief scores structure as well as content',
	define: conversation(
		'[id]',
		'interview scenario id (the picker of interviews without it)',
		'postsafe interview',
		'printf "answer one\\nanswer two\\n" | postsafe interview interview-colleague-post --learner Asha',
	),
	run: async ([id], options) => (await import('../play.js')).runPlay(id, { ...options, mode: 'interview' }),
};
