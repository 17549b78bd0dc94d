import type { CommandSpec } from './options.js';

export const show: CommandSpec = {
	name: 'show',
	description: 'show a scenario: setting, who messages, criteria and points',
	define: command => command.argument('<id>', 'scenario id (see `postsafe list`)').option('--json', 'print JSON'),
	run: async ([id], options) => (await import('../show.js')).runShow(id, options),
};
