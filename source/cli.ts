#!/usr/bin/env node
import './cli/no-color.js';
import './cli/production.js';
import type { Command } from 'commander';
import { failureCode } from './cli/failure.js';
import { holdConsole } from './cli/hold-console.js';
import { doctor, models } from './commands/specs/doctor.js';
import { exportEntries } from './commands/specs/export.js';
import { group } from './commands/specs/group.js';
import { join } from './commands/specs/join.js';
import { list } from './commands/specs/list.js';
import type { CommandSpec } from './commands/specs/options.js';
import { interview, picker, play } from './commands/specs/play.js';
import { postsafeProgram, takeScenariosAnywhere, unknownCommand } from './commands/specs/program.js';
import { report } from './commands/specs/report.js';
import { review } from './commands/specs/review.js';
import { score } from './commands/specs/score.js';
import { show } from './commands/specs/show.js';
import { sjt } from './commands/specs/sjt.js';
import { validate } from './commands/specs/validate.js';

/** The commands, in the order `postsafe --help` lists them. Each owns its flags, in commands/specs/. */
const COMMANDS: readonly CommandSpec[] = [play, interview, doctor, models, list, show, validate, score, group, join, review, exportEntries, report, sjt];

function buildProgram(setExitCode: (code: number) => void): Command {
	const program = postsafeProgram();
	const scenarios = () => program.opts<{ scenarios?: string }>().scenarios;
	// Each command's module is imported only when it runs, so `postsafe score` loads only the scorer (and never Ink).
	const wire = (command: Command, spec: CommandSpec): void => {
		if (spec.description !== undefined) command.description(spec.description);
		// commander calls an action with the command's arguments, then its options, then the command.
		spec.define(command).action(async (...words: unknown[]) => {
			const options = { ...(words.at(-2) as object), scenarios: scenarios() };
			setExitCode(await spec.run(words.slice(0, -2), options, command));
		});
		for (const subcommand of spec.subcommands ?? []) wire(command.command(subcommand.name), subcommand);
	};
	wire(program, picker);
	for (const spec of COMMANDS) wire(program.command(spec.name), spec);
	takeScenariosAnywhere(program);
	// After the commands are made (they would inherit it): `postsafe plya patient-dm-rash` reaches the
	// picker's action and is told "unknown command", not "too many arguments".
	return program.allowExcessArguments();
}

async function main(argv: readonly string[]): Promise<number> {
	let exitCode = 0;
	const program = buildProgram(code => {
		exitCode = code;
	});
	// Every command's output is its own: the terminal UI's screen, --json, doctor's lines.
	const releaseConsole = holdConsole();
	try {
		// `postsafe help nope`: one line, as `postsafe nope` gets, not the whole help on stderr.
		const [first, topic, ...more] = argv.slice(2);
		if (first === 'help' && topic !== undefined) {
			if (!program.commands.some(command => command.name() === topic)) throw await unknownCommand(topic, program);
			// `postsafe help sjt score` is `postsafe sjt score --help`.
			argv = [...argv.slice(0, 2), topic, ...more.filter(word => !word.startsWith('-')), '--help'];
		}
		await program.parseAsync([...argv]);
		return exitCode;
	} catch (error) {
		return failureCode(error);
	} finally {
		releaseConsole();
	}
}

// `postsafe list | head` closes the pipe early; that is not an error.
process.stdout.on('error', error => {
	if ((error as NodeJS.ErrnoException).code === 'EPIPE') process.exit(0);
	throw error;
});

process.exitCode = await main(process.argv);
