#!/usr/bin/env node
import './cli/no-color.js';
import './cli/production.js';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import packageJson from '../package.json' with { type: 'json' };
import { holdConsole } from './cli/hold-console.js';
import { fileErrorLine, UserError } from './cli/user-error.js';
import { isPrintableLine, visibleLine } from './terminal-text.js';

// Commands are imported when run, so `postsafe score` loads only the scorer (and never Ink).

function collect(value: string, previous: string[]): string[] {
	return [...previous, value];
}

/** A person's name as given, trimmed: a blank one would name a transcript and its replies "  ". */
function personName(value: string): string {
	const name = value.trim();
	if (name === '') throw new InvalidArgumentError('must be a name, not blank');
	if (!isPrintableLine(name)) throw new InvalidArgumentError('must be one line of printable characters (no line breaks or control codes)');
	return name;
}

function wholeNumber(low: number, high: number) {
	return (value: string): number => {
		const number = Number(value);
		if (!Number.isInteger(number) || number < low || number > high) throw new InvalidArgumentError(`must be a whole number from ${low} to ${high}`);
		return number;
	};
}

type PartnerFlags = {
	offline?: boolean;
	model?: string;
	host?: string;
	seed?: number;
	timeout?: number;
	provider?: 'ollama' | 'openai';
	baseUrl?: string;
	apiKeyEnv?: string;
};
type PlayFlags = PartnerFlags & { learner?: string; turns?: number; coach?: boolean; plain?: boolean; json?: boolean; transcripts?: string };

/** Where the LLM partner is: Ollama's host and model, and how long to wait for it. */
function addPartnerOptions(command: Command): Command {
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

function addPlayOptions(command: Command): Command {
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
		.addOption(
			new Option('--transcripts <dir>', 'where transcripts are saved')
				.env('POSTSAFE_TRANSCRIPTS')
				.default(undefined, 'your data folder, see `postsafe doctor`'),
		);
}

/** A conversation with an end: `play` and `interview`. */
function addSessionOptions(command: Command): Command {
	return addPlayOptions(command)
		.option('--turns <n>', "most replies you give (overrides the scenario's limit)", wholeNumber(1, 50))
		.option('--plain', 'plain text, one reply per line (automatic when stdin is not a terminal)')
		.option('--json', 'plain mode, printing the score JSON and the transcript path');
}

function buildProgram(setExitCode: (code: number) => void): Command {
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
	const scenariosOption = () => program.opts<{ scenarios?: string }>().scenarios;
	// `postsafe help play`, as well as `postsafe play --help` (the program's own action would hide it).
	program.helpCommand('help [command]', 'show the help for a command');

	// With no command: the scenario picker. A word that is not a command is an unknown command.
	addPlayOptions(program)
		.argument('[command]')
		.action(async (command: string | undefined, options: PlayFlags) => {
			if (command !== undefined) throw await unknownCommand(command, program);
			const { runPlay } = await import('./commands/play.js');
			setExitCode(await runPlay(undefined, { ...options, scenarios: scenariosOption() }));
		});

	addSessionOptions(program.command('play'))
		.description('role-play a scenario: someone messages you, you reply, then a debrief')
		.argument('<id>', 'scenario id (see `postsafe list`)')
		.addHelpText(
			'after',
			'\nExamples:\n  postsafe play patient-dm-rash --learner Asha --coach\n  printf "reply one\\nreply two\\n" | postsafe play patient-dm-rash --learner Asha --json',
		)
		.action(async (id: string, options: PlayFlags) => {
			const { runPlay } = await import('./commands/play.js');
			setExitCode(await runPlay(id, { ...options, scenarios: scenariosOption() }));
		});

	addSessionOptions(program.command('interview'))
		.description('interview practice: the panel asks, follows up on what you leave out, and the debrief scores structure as well as content')
		.argument('[id]', 'interview scenario id (the picker of interviews without it)')
		.addHelpText(
			'after',
			'\nExamples:\n  postsafe interview\n  printf "answer one\\nanswer two\\n" | postsafe interview interview-colleague-post --learner Asha',
		)
		.action(async (id: string | undefined, options: PlayFlags) => {
			const { runPlay } = await import('./commands/play.js');
			setExitCode(await runPlay(id, { ...options, scenarios: scenariosOption(), mode: 'interview' }));
		});

	addPartnerOptions(program.command('doctor'))
		.description('check Node, the transcripts folder, Ollama and the model: each OK or the command that fixes it')
		.addOption(new Option('--transcripts <dir>', 'the transcripts folder to check').env('POSTSAFE_TRANSCRIPTS'))
		.action(async (options: PartnerFlags & { transcripts?: string }) => {
			const { runDoctor } = await import('./commands/doctor.js');
			setExitCode(await runDoctor(options));
		});

	addPartnerOptions(program.command('models'))
		.description('list the models installed in Ollama, and which one postsafe uses')
		.option('--json', 'print JSON: [{name, size (bytes), modified, used}]')
		.action(async (options: PartnerFlags & { json?: boolean }) => {
			const { runModels } = await import('./commands/doctor.js');
			setExitCode(await runModels(options));
		});

	program
		.command('list')
		.description('list the scenarios, or search them (fuzzy) by id, title and topic')
		.argument('[query]', 'words to search for')
		.option('--json', 'print JSON')
		.action(async (query: string | undefined, options: { json?: boolean }) => {
			const { runList } = await import('./commands/list.js');
			setExitCode(await runList(query, { ...options, scenarios: scenariosOption() }));
		});

	program
		.command('show')
		.description('show a scenario: setting, who messages, criteria and points')
		.argument('<id>', 'scenario id (see `postsafe list`)')
		.option('--json', 'print JSON')
		.action(async (id: string, options: { json?: boolean }) => {
			const { runShow } = await import('./commands/show.js');
			setExitCode(await runShow(id, { ...options, scenarios: scenariosOption() }));
		});

	program
		.command('validate')
		.description('check scenario files or folders; every problem as file:line:col')
		.argument('[paths...]', 'scenario files, folders, or criteria.yaml (default: the library)')
		.action(async (paths: string[]) => {
			const { runValidate } = await import('./commands/validate.js');
			setExitCode(await runValidate(paths, { scenarios: scenariosOption() }));
		});

	program
		.command('score')
		.description("score a learner's replies against a scenario's rubric")
		.option('--scenario <id>', 'scenario id')
		.option('--reply <text>', "the learner's reply; repeat for each turn, in order", collect, [])
		.option('--batch <file>', 'JSONL file ("-" for stdin) of {"scenario": id, "replies": [...]} lines')
		.option('--json', 'print the score JSON')
		.addHelpText(
			'after',
			'\nExamples:\n  postsafe score --scenario patient-dm-rash --reply "I can\'t advise on here; please call 111."\n  postsafe score --batch replies.jsonl --json',
		)
		.action(async (options: { scenario?: string; reply: string[]; batch?: string; json?: boolean }) => {
			const { runScore } = await import('./commands/score.js');
			setExitCode(await runScore({ ...options, scenarios: scenariosOption() }));
		});

	addPartnerOptions(program.command('group'))
		.description('small-group teaching round one screen: each learner replies in turn, unseen, then all side by side')
		.argument('[id]', 'scenario id (the picker without it; not with --sjt)')
		.option('--learners <names>', 'the learners, in reply order, separated by commas (asked at the start if not given)')
		.option('--sjt', 'SJT items instead of a scenario: everyone answers, then the spread of answers against the ideal')
		.option('--count <n>', 'with --sjt: how many items', wholeNumber(1, 100))
		.option('--topic <topic>', 'with --sjt: only items on this topic')
		.addOption(new Option('--type <type>', 'with --sjt: only rank or best3 items').choices(['rank', 'best3']))
		.option('--anonymous', 'show learners as Learner A, B, C… on screen (the transcript keeps their names)')
		.option('--offline', 'the scripted partner, with no model')
		.option('--turns <n>', "most replies each learner gives (overrides the scenario's limit)", wholeNumber(1, 50))
		.option('--plain', 'plain text: replies read one per line in learner order (automatic when stdin is not a terminal)')
		.addOption(
			new Option('--transcripts <dir>', 'where the transcript is saved')
				.env('POSTSAFE_TRANSCRIPTS')
				.default(undefined, 'your data folder, see `postsafe doctor`'),
		)
		.option(
			'--serve',
			'a room of laptops: learners join with `postsafe join` and reply on their own screens (listens on the local network: a trusted room network only)',
		)
		.option('--port <n>', 'with --serve: the port to listen on (default 4791)', wholeNumber(0, 65535))
		.option('--expect <n>', 'with --serve: start the first round once this many learners have joined', wholeNumber(2, 30))
		.option('--listen <address>', 'with --serve: the address to listen on (default every interface, 0.0.0.0; 127.0.0.1 for this machine only)')
		.addHelpText(
			'after',
			'\nExamples:\n  postsafe group patient-dm-rash --learners "Asha,Ben,Chloe"\n  postsafe group --sjt --count 5 --learners "Asha,Ben,Chloe" --anonymous\n  postsafe group patient-dm-rash --serve --expect 3',
		)
		.action(async (id: string | undefined, options: import('./commands/group-serve.js').ServeFlags & { serve?: boolean }) => {
			if (options.serve) {
				const { runGroupServe } = await import('./commands/group-serve.js');
				return setExitCode(await runGroupServe(id, { ...options, scenarios: scenariosOption() }));
			}
			const { runGroup } = await import('./commands/group.js');
			setExitCode(await runGroup(id, { ...options, scenarios: scenariosOption() }));
		});

	program
		.command('join')
		.description('join a room the facilitator opened with `group --serve`: reply on your own screen, hidden until the round is revealed')
		.argument('<address>', "the room's HOST:PORT, from the facilitator's join line")
		.requiredOption('--code <code>', 'the six-digit code from the join line')
		.requiredOption('--learner <name>', 'your name, as the group knows you (the same name rejoins after a drop)', personName)
		.option('--save [file]', 'save your own copy of the session (Markdown; in the transcripts folder unless a file is given)')
		.addHelpText('after', '\nExamples:\n  postsafe join 192.168.1.20:4791 --code 123456 --learner Asha')
		.action(async (address: string, options: import('./commands/join.js').JoinFlags) => {
			const { runJoin } = await import('./commands/join.js');
			setExitCode(await runJoin(address, options));
		});

	program
		.command('review')
		.description('go through saved transcripts with a learner: comments by turn, a summary, an outcome and sign-off')
		.argument('[transcript]', 'a transcript file (a browser of the transcripts folder without it)')
		.option('--reviewer <name>', "the supervisor's name, for the sign-off (asked if not given)")
		.addOption(
			new Option('--transcripts <dir>', 'the transcripts folder').env('POSTSAFE_TRANSCRIPTS').default(undefined, 'your data folder, see `postsafe doctor`'),
		)
		.action(async (file: string | undefined, options: { reviewer?: string; transcripts?: string }) => {
			const { runReview } = await import('./commands/review.js');
			setExitCode(await runReview(file, { ...options, scenarios: scenariosOption() }));
		});

	program
		.command('export')
		.description('transcripts and SJT records as portfolio entries: Markdown, or one self-contained HTML file each that prints on A4')
		.argument('<transcripts...>', "transcript and SJT record files (e.g. a folder's *.json)")
		.addOption(new Option('--format <format>', 'md or html (default: from --out, x.html is HTML; else md)').choices(['md', 'html']))
		.option('--out <path>', 'where to write (a file for one transcript, a folder for several; stdout without it)')
		.action(async (files: string[], options: { format?: 'md' | 'html'; out?: string }) => {
			const { runExport } = await import('./commands/export.js');
			setExitCode(await runExport(files, { ...options, scenarios: scenariosOption() }));
		});

	program
		.command('report')
		.description('progress across transcripts: criteria met, score trend, red flags, what to practise next')
		.option('--learner <name>', "only this learner's sessions", personName)
		.option('--since <date>', 'only sessions on or after this date (YYYY-MM-DD)')
		.option('--json', 'print JSON')
		.option('--csv', 'print CSV, one row per session')
		.addOption(
			new Option('--transcripts <dir>', 'the transcripts folder').env('POSTSAFE_TRANSCRIPTS').default(undefined, 'your data folder, see `postsafe doctor`'),
		)
		.action(async (options: { learner?: string; since?: string; json?: boolean; csv?: boolean; transcripts?: string }) => {
			const { runReport } = await import('./commands/report.js');
			setExitCode(await runReport({ ...options, scenarios: scenariosOption() }));
		});

	const sjtType = () => new Option('--type <type>', 'only rank (rank 4 or 5) or best3 (best 3 of 8) items').choices(['rank', 'best3']);
	const sjt = program
		.command('sjt')
		.description('SJT practice, MSRA style: rank 4 or 5 responses, or choose the best 3 of 8; scored as the exam does')
		.option('--count <n>', 'how many items', wholeNumber(1, 500))
		.option('--topic <topic>', 'only items on this topic (e.g. confidentiality)')
		.addOption(sjtType())
		.option('--timed', 'exam pace: a countdown per item; when it runs out, what you entered is scored')
		.option('--learner <name>', 'your name, for the saved session', personName)
		.option('--seed <n>', 'choose and order the items as a session with this seed did', wholeNumber(0, 2 ** 31 - 1))
		.option('--plain', 'plain text: each item printed, one answer line read for each (automatic when stdin is not a terminal)')
		.option('--json', 'plain mode, printing the session summary as JSON')
		.addOption(
			new Option('--transcripts <dir>', 'where the session is saved').env('POSTSAFE_TRANSCRIPTS').default(undefined, 'your data folder, see `postsafe doctor`'),
		)
		.addHelpText(
			'after',
			'\nExamples:\n  postsafe sjt --count 10 --timed\n  postsafe sjt --topic confidentiality --type best3\n  printf "A,D,B,C,E\\n" | postsafe sjt --count 1 --type rank --learner Asha',
		)
		.action(async (options: import('./commands/sjt.js').SjtFlags) => {
			const { runSjt } = await import('./commands/sjt.js');
			setExitCode(await runSjt({ ...options, scenarios: scenariosOption() }));
		});
	sjt
		.command('score')
		.description('score one answer to one item: --item ID --answer "A,D,B,C,E" (rank) or "C,D,F" (best 3)')
		.requiredOption('--item <id>', 'SJT item id (see `postsafe sjt list`)')
		.requiredOption('--answer <letters>', 'the order, most appropriate first, or the three chosen')
		.option('--json', 'print {item, type, points, max, perOption}')
		.action(async (options: { item: string; answer: string; json?: boolean }) => {
			const { runSjtScore } = await import('./commands/sjt.js');
			setExitCode(await runSjtScore({ ...options, scenarios: scenariosOption() }));
		});
	sjt
		.command('list')
		.description('list the SJT items')
		.option('--topic <topic>', 'only items on this topic')
		.addOption(sjtType())
		.option('--json', 'print JSON')
		.action(async (options: { topic?: string; type?: 'rank' | 'best3'; json?: boolean }) => {
			const { runSjtList } = await import('./commands/sjt.js');
			setExitCode(await runSjtList({ ...options, scenarios: scenariosOption() }));
		});

	// "Every command takes --scenarios DIR": after the command's name as well as before it.
	const everyCommand = (parent: Command): Command[] => parent.commands.flatMap(command => [command, ...everyCommand(command)]);
	for (const command of everyCommand(program))
		command.option('--scenarios <dir>', 'scenario library folder (default POSTSAFE_SCENARIOS, else the bundled one)');
	program.hook('preAction', (_, action) => {
		for (let command: Command | null = action; command && command !== program; command = command.parent) {
			const own = command.opts<{ scenarios?: string }>().scenarios;
			if (own !== undefined) return void program.setOptionValue('scenarios', own);
		}
	});

	// After the commands are made (they would inherit it): `postsafe plya patient-dm-rash` reaches the
	// action above and is told "unknown command", not "too many arguments".
	program.allowExcessArguments();
	return program;
}

async function unknownCommand(command: string, program: Command): Promise<UserError> {
	const { editDistance } = await import('./rubric/fuzzy.js');
	const names = program.commands.map(candidate => candidate.name());
	const closest = names.map(name => ({ name, distance: editDistance(command, name, 3) })).sort((a, b) => a.distance - b.distance)[0];
	const hint = closest && closest.distance <= 3 ? ` (did you mean ${closest.name}?)` : '';
	return new UserError(`unknown command '${command}'${hint}. Run \`postsafe --help\` to see the commands.`, 2);
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
		if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
		if (error instanceof UserError) {
			process.stderr.write(`postsafe: ${error.message}\n`);
			return error.exitCode;
		}
		// A full, read-only or forbidden disk is the user's to fix, not a bug: one line, no stack trace.
		const fileProblem = fileErrorLine(error);
		if (fileProblem) {
			process.stderr.write(`postsafe: ${fileProblem}\n`);
			return 1;
		}
		const detail = process.env.POSTSAFE_DEBUG ? (error as Error).stack : (error as Error).message;
		process.stderr.write(`postsafe: unexpected error: ${detail}\n(set POSTSAFE_DEBUG=1 for details and report it)\n`);
		return 70;
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
