import { transcriptsOption, type CommandSpec } from './options.js';

export const review: CommandSpec = {
	name: 'review',
	description: 'go through saved transcripts with a learner: comments by turn, a summary, an outcome and sign-off',
	define: command =>
		command
			.argument('[transcript]', 'a transcript file (a browser of the transcripts folder without it)')
			.option('--reviewer <name>', "the supervisor's name, for the sign-off (asked if not given)")
			.addOption(transcriptsOption()),
	run: async ([file], options) => (await import('../review.js')).runReview(file, options),
};
