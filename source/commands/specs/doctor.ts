import { addPartnerOptions, transcriptsOption, type CommandSpec } from './options.js';

export const doctor: CommandSpec = {
	name: 'doctor',
	description: 'check Node, the transcripts folder, Ollama and the model: each OK or the command that fixes it',
	define: command => addPartnerOptions(command).addOption(transcriptsOption()),
	run: async ([], options) => (await import('../doctor.js')).runDoctor(options),
};

export const models: CommandSpec = {
	name: 'models',
	description: 'list the models installed in Ollama, and which one postsafe uses',
	define: command => addPartnerOptions(command).option('--json', 'print JSON: [{name, size (bytes), modified, used}]'),
	run: async ([], options) => (await import('../doctor.js')).runModels(options),
};
