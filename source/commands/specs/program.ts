import { Command, Option } from 'commander';
import packageJson from '../../../package.json' with { type: 'json' };
import { UserError } from '../../cli/user-error.js';
import { visibleLine } from '../../terminal-text.js';

/** `postsafe` before its commands: the name, version, --scenarios, and errors as one line each. */
export function postsafeProgram(): Command {
	const program = new Command('postsafe')
		.description('Rehearse the online situations of GMC social-media guidance and the MSRA SJT, in the terminal.')
		.version(packageJson.version, '-v, --version')
		.addOption(new Option('--scenarios <dir>', 'scenario library folder').env('POSTSAFE_SCENARIOS'))
		.usage('[options] [command]')
		.enablePositionalOptions()
		.showSuggestionAfterError(true)
		.exitOverride()
		.configureOutput({
			// One line per error: commander's "(Did you mean …?)" suggestion joins the message.
			// The argument is quoted back as given: a name with control codes in it is shown, not obeyed.
			outputError: (text, write) =>
				write(
					`postsafe: ${visibleLine(
						text
							.trimEnd()
							.replace(/^error: /, '')
							.replace(/\n\(Did you mean/, ' (did you mean'),
					)}\n`,
				),
		});
	// `postsafe help play`, as well as `postsafe play --help` (the program's own action would hide it).
	return program.helpCommand('help [command]', 'show the help for a command');
}

/** "Every command takes --scenarios DIR": after the command's name as well as before it. */
export function takeScenariosAnywhere(program: Command): void {
	const everyCommand = (parent: Command): Command[] => parent.commands.flatMap(command => [command, ...everyCommand(command)]);
	for (const command of everyCommand(program))
		command.option('--scenarios <dir>', 'scenario library folder (default POSTSAFE_SCENARIOS, else the bundled one)');
	program.hook('preAction', (_, action) => {
		for (let command: Command | null = action; command && command !== program; command = command.parent) {
			const own = command.opts<{ scenarios?: string }>().scenarios;
			if (own !== undefined) return void program.setOptionValue('scenarios', own);
		}
	});
}

export async function unknownCommand(command: string, program: Command): Promise<UserError> {
	const { editDistance } = await import('../../rubric/fuzzy.js');
	const names = program.commands.map(candidate => candidate.name());
	const closest = names.map(name => ({ name, distance: editDistance(command, name, 3) })).sort((a, b) => a.distance - b.distance)[0];
	const hint = closest && closest.distance <= 3 ? ` (did you mean ${closest.name}?)` : '';
	return new UserError(`unknown command '${command}'${hint}. Run \`postsafe --help\` to see the commands.`, 2);
}
