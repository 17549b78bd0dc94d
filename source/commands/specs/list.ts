import type { CommandSpec } from './options.js';

export const list: CommandSpec = {
	name: 'list',
	description: 'list the scenarios, or search them (fuzzy) by id, title and topic',
	define: command => command.argument('[query]', 'words to search for').option('--json', 'print JSON'),
	run: async ([query], options) => (await import('../list.js')).runList(query, options),
};
