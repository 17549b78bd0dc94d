import { type Command, InvalidArgumentError, Option } from 'commander';
import { isPrintableLine } from '../../terminal-text.js';

/**
 * A command as the argument table knows it: its words and help, and how it runs. This module and the
 * specs beside it import only commander and small helpers, as every command loads them: the command's
 * own module (and so Ink, for the screens) is imported only when it runs.
 */
export type CommandSpec = {
	readonly name: string;
	readonly description?: string;
	/** Its arguments, options and help, on the command commander made for it. */
	readonly define: (command: Command) => Command;
	/**
	 * Imports the command's module and runs it, with commander's arguments in order and its options
	 * (with --scenarios, wherever it was given): the exit code. The types of the options are written
	 * once, by the module that takes them (`PlayOptions` in play.ts); commander's values are untyped.
	 */
	readonly run: (args: any[], options: any, command: Command) => Promise<number>;
	readonly subcommands?: readonly CommandSpec[];
};

/** The lines after `Examples:` at the end of a command's help. */
export function examples(...lines: string[]): string {
	return `\nExamples:\n${lines.map(line => `  ${line}`).join('\n')}`;
}

export function collect(value: string, previous: string[]): string[] {
	return [...previous, value];
}

/** A person's name as given, trimmed: a blank one would name a transcript and its replies "  ". */
export function personName(value: string): string {
	const name = value.trim();
	if (name === '') throw new InvalidArgumentError('must be a name, not blank');
	if (!isPrintableLine(name)) throw new InvalidArgumentError('must be one line of printable characters (no line breaks or control codes)');
	return name;
}

export function wholeNumber(low: number, high: number) {
	return (value: string): number => {
		const number = Number(value);
		if (!Number.isInteger(number) || number < low || number > high) throw new InvalidArgumentError(`must be a whole number from ${low} to ${high}`);
		return number;
	};
}

/** --transcripts, for every command that saves or reads sessions. */
export function transcriptsOption(): Option {
	return new Option('--transcripts <dir>', 'the transcripts folder').env('POSTSAFE_TRANSCRIPTS').default(undefined, 'your data folder, see `postsafe doctor`');
}

/** Where the LLM partner is: Ollama's host and model, or an OpenAI-compatible server. */
export function addPartnerOptions(command: Command): Command {
	return command
		.option('--host <host>', 'Ollama address: host, host:port or http://host:port (default OLLAMA_HOST, else 127.0.0.1:11434)')
		.addOption(new Option('--model <name>', 'the model to play the other party').env('POSTSAFE_MODEL').default(undefined, 'llama3.2'))
		.addOption(
			new Option('--provider <kind>', 'the model server: ollama, or openai for any OpenAI-compatible one (vLLM, llama.cpp, LM Studio)')
				.choices(['ollama', 'openai'])
				.default(undefined, 'ollama'),
		)
		.option('--base-url <url>', 'with --provider openai: the API address, e.g. http://gpu-server:8000/v1 (default POSTSAFE_BASE_URL)')
		.option('--api-key-env <name>', 'with --provider openai: the environment variable that holds the API key, if the server wants one');
}

/** A conversation with the partner, saved: `postsafe` alone (the picker), `play` and `interview`. */
export function addPlayOptions(command: Command): Command {
	return addPartnerOptions(command)
		.option('--learner <name>', 'your name, for the transcript (asked once if not given)', personName)
		.option('--coach', 'after each reply, a one-line hint on what to work on')
		.option('--offline', 'the scripted partner, with no model (also when Ollama is not running)')
		.option('--seed <n>', 'the model’s seed, to replay a session (recorded in the transcript)', wholeNumber(0, 2 ** 31 - 1))
		.option(
			'--timeout <seconds>',
			"how long to wait for the model's next words before offering a retry (a whole message may take three times that)",
			wholeNumber(1, 3600),
			60,
		)
		.addOption(transcriptsOption());
}

/** A conversation with an end: `play` and `interview`. */
export function addSessionOptions(command: Command): Command {
	return addPlayOptions(command)
		.option('--turns <n>', "most replies you give (overrides the scenario's limit)", wholeNumber(1, 50))
		.option('--plain', 'plain text, one reply per line (automatic when stdin is not a terminal)')
		.option('--json', 'plain mode, printing the score JSON and the transcript path');
}
