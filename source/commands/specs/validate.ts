import type { CommandSpec } from './options.js';

export const validate: CommandSpec = {
	name: 'validate',
	description: 'check scenario files or folders; every problem as file:line:col',
	define: command => command.argument('[paths...]', 'scenario files, folders, or criteria.yaml (default: the library)'),
	run: async ([paths], options) => (await import('../validate.js')).runValidate(paths, options),
};
