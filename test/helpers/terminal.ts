/**
 * A program in a real pseudo-terminal, typed into and read back as a person would: node-pty gives the
 * pseudo-terminal and @xterm/headless turns its bytes into the screen a person would see (rows,
 * cursor, wrapping), so the tests need nothing on the machine but Node and run wherever `npm install` does.
 *
 *   const terminal = spawnTerminal({ args: ['play', 'patient-dm-rash', '--offline'] }); // the built CLI, 80×24
 *   await terminal.waitForScreen('Reply to Jade Holloway');   // waits for the screen to change, never sleeps
 *   terminal.type('Please call 111.');
 *   terminal.press('Enter');                                   // Enter, Escape, Tab, Backspace, Up, Down, Left, Right, C-c, C-e, ...
 *   terminal.resize(60, 20);
 *   terminal.kill('SIGINT');
 *   const { exitCode, signal } = await terminal.exited;
 *
 * - `screen()` is the visible rows, trailing spaces trimmed, joined by newlines; `screen({ scrollback: true })`
 *   puts the lines scrolled off the top before them.
 * - `text()` is the same as running text: a row the terminal wrapped joined to the next, box borders gone
 *   and every run of white space one space, so a sentence wrapped across rows reads whole.
 * - `waitForScreen(text)` waits until `text()` holds `text` (its own white space collapsed too);
 *   `waitForScreen(predicate)` until `predicate(screen())` is true. Both take `{ timeout, scrollback }`
 *   and resolve to the screen; on a timeout the error shows the screen.
 * - The child's environment is this process's, with TERM=xterm-256color, NO_COLOR=1 and CI=true (as CI
 *   sets it: Ink reads CI when it is imported, so the tests prove postsafe's handling of it), then `env`
 *   (a value of undefined removes a variable).
 * - `program` is the command line before `args`: by default node and the built CLI (dist/cli.js).
 */
import { join } from 'node:path';
import { spawn, type IPty } from '@lydell/node-pty';
import xterm from '@xterm/headless';

export type Key =
	'Enter' | 'Escape' | 'Tab' | 'Backspace' | 'Up' | 'Down' | 'Left' | 'Right' | 'Home' | 'End' | 'PageUp' | 'PageDown' | 'Space' | `C-${string}`;

const KEYS: Record<string, string> = {
	Enter: '\r',
	Escape: '\x1b',
	Tab: '\t',
	Backspace: '\x7f',
	Up: '\x1b[A',
	Down: '\x1b[B',
	Right: '\x1b[C',
	Left: '\x1b[D',
	Home: '\x1b[H',
	End: '\x1b[F',
	PageUp: '\x1b[5~',
	PageDown: '\x1b[6~',
	Space: ' ',
};

function keyBytes(key: Key): string {
	const named = KEYS[key];
	if (named !== undefined) return named;
	const control = /^C-([a-z])$/i.exec(key);
	if (control) return String.fromCharCode(control[1]!.toLowerCase().charCodeAt(0) - 96);
	throw new Error(`no such key: ${key}`);
}

/** Text as running text: box borders gone and every run of white space one space. */
export function runningText(text: string): string {
	return text.replace(/[│╭╮╰╯─┌┐└┘║═╔╗╚╝]/g, ' ').replace(/\s+/g, ' ');
}

export type TerminalOptions = {
	/** @default 80 */
	readonly cols?: number;
	/** @default 24 */
	readonly rows?: number;
	/** Added to (or, as undefined, removed from) the child's environment. */
	readonly env?: Readonly<Record<string, string | undefined>>;
	/** The arguments after `program`. @default [] */
	readonly args?: readonly string[];
	/** The command line before `args`. @default [node, dist/cli.js] */
	readonly program?: readonly string[];
	readonly cwd?: string;
};

export type ScreenOptions = { readonly scrollback?: boolean };
export type WaitOptions = ScreenOptions & { /** Milliseconds. @default 15000 */ readonly timeout?: number };
export type Exit = { readonly exitCode: number; readonly signal: number | undefined };

export type Terminal = {
	readonly pid: number;
	/** Types text literally, as one burst. */
	type(text: string): void;
	press(key: Key): void;
	screen(options?: ScreenOptions): string;
	text(options?: ScreenOptions): string;
	waitForScreen(match: string | ((screen: string) => boolean), options?: WaitOptions): Promise<string>;
	resize(cols: number, rows: number): void;
	/** Sends a signal to the program; nothing once it has exited. @default 'SIGTERM' */
	kill(signal?: NodeJS.Signals): void;
	/** Settles when the program has exited and everything it wrote is on the screen. */
	readonly exited: Promise<Exit>;
};

/** The built CLI, found from this file rather than through ./cli.js, which loads the scenario library: the bench bundles this file. */
const builtCli = () => [process.execPath, join(import.meta.dirname, '..', '..', 'dist', 'cli.js')];

export function spawnTerminal({ cols = 80, rows = 24, env = {}, args = [], program = builtCli(), cwd }: TerminalOptions = {}): Terminal {
	const childEnv: Record<string, string> = {};
	for (const [name, value] of Object.entries({ ...process.env, TERM: 'xterm-256color', NO_COLOR: '1', CI: 'true', ...env }))
		if (value !== undefined) childEnv[name] = value;
	const [file, ...before] = program;
	if (file === undefined) throw new Error('spawnTerminal: program is empty');
	const emulator = new xterm.Terminal({ cols, rows, scrollback: 10_000, allowProposedApi: true });
	const pty: IPty = spawn(file, [...before, ...args], { name: 'xterm-256color', cols, rows, env: childEnv, ...(cwd === undefined ? {} : { cwd }) });

	let done = false;
	// Every check waits on the screen changing: each chunk the program writes, once the emulator has drawn it.
	const listeners = new Set<() => void>();
	const changed = () => {
		for (const listener of [...listeners]) listener();
	};
	let drawn: Promise<void> = Promise.resolve();
	pty.onData(data => {
		drawn = new Promise(resolve =>
			emulator.write(data, () => {
				changed();
				resolve();
			}),
		);
	});
	// A reply the emulator owes the program (a cursor-position report) goes back to it.
	emulator.onData(data => {
		if (!done) pty.write(data);
	});

	const exited = new Promise<Exit>(resolve => {
		pty.onExit(({ exitCode, signal }) => {
			done = true;
			// The last bytes can follow the exit event: draw them before saying the program has gone.
			setImmediate(
				() =>
					void drawn.then(() => {
						resolve({ exitCode, signal: signal || undefined });
						changed();
					}),
			);
		});
	});

	/** The rows on screen (after those scrolled off, with scrollback), each joined to the rows it wrapped onto when `joinWrapped`. */
	const lines = ({ scrollback = false }: ScreenOptions, joinWrapped: boolean): string[] => {
		const buffer = emulator.buffer.active;
		const found: string[] = [];
		for (let row = scrollback ? 0 : buffer.baseY; row < buffer.baseY + emulator.rows; row++) {
			const line = buffer.getLine(row);
			const continued = joinWrapped && row > 0 && line?.isWrapped === true && found.length > 0;
			const next = buffer.getLine(row + 1);
			const content = line?.translateToString(!(joinWrapped && next?.isWrapped)) ?? '';
			if (continued) found[found.length - 1] += content;
			else found.push(content);
		}
		return found;
	};
	const screen = (options: ScreenOptions = {}) => lines(options, false).join('\n').replace(/\n+$/, '');
	const text = (options: ScreenOptions = {}) => runningText(lines(options, true).join('\n'));

	return {
		pid: pty.pid,
		type(typed) {
			pty.write(typed);
		},
		press(key) {
			pty.write(keyBytes(key));
		},
		screen,
		text,
		waitForScreen(match, { timeout = 15_000, scrollback = false } = {}) {
			const wanted = typeof match === 'string' ? runningText(match) : undefined;
			const passes = () => (typeof match === 'string' ? text({ scrollback }).includes(wanted!) : match(screen({ scrollback })));
			const what = typeof match === 'string' ? JSON.stringify(match) : 'the screen to pass the check';
			return new Promise((resolve, reject) => {
				const finish = (error?: Error) => {
					listeners.delete(check);
					clearTimeout(timer);
					if (error) reject(error);
					else resolve(screen({ scrollback }));
				};
				const check = () => {
					if (passes()) finish();
					else if (done) void exited.then(() => !passes() && finish(new Error(`the program exited before showing ${what}; the terminal showed:\n${screen()}`)));
				};
				const timer = setTimeout(() => finish(new Error(`timed out after ${timeout} ms waiting for ${what}; the terminal showed:\n${screen()}`)), timeout);
				listeners.add(check);
				check();
			});
		},
		resize(newCols, newRows) {
			emulator.resize(newCols, newRows);
			if (!done) pty.resize(newCols, newRows);
		},
		kill(signal = 'SIGTERM') {
			if (!done) pty.kill(signal);
		},
		exited,
	};
}
