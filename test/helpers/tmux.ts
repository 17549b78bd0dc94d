import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';

function tmux(socket: string, args: readonly string[]): string {
	const result = spawnSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
	if (result.error) throw new Error(`tmux is needed for the terminal tests (apt-get install tmux): ${result.error.message}`);
	if (result.status !== 0) throw new Error(`tmux ${args[0]} failed: ${result.stderr}`);
	return result.stdout;
}

/** A program running in a real pseudo-terminal (a tmux pane of a private tmux server), typed into like a person would. */
export class Terminal {
	private readonly socket = `postsafe-test-${randomBytes(4).toString('hex')}`;

	constructor(command: string, { width = 80, height = 24, env = {} }: { width?: number; height?: number; env?: Record<string, string> } = {}) {
		// CI is set as CI sets it (Ink then draws only a last frame unless postsafe clears it), so this runs the same everywhere.
		const exports = Object.entries({ NO_COLOR: '1', CI: 'true', ...env }).map(([name, value]) => `${name}='${value}'`).join(' ');
		// The shell stays after the program exits, so its last screen (and exit code) can still be read.
		const script = `echo $$ > /dev/null; env ${exports} ${command}; echo "[exit $?]"; sleep 600`;
		tmux(this.socket, ['new-session', '-d', '-s', 'main', '-x', String(width), '-y', String(height), script]);
	}

	/** Types text literally (no key names), as one burst. */
	type(text: string): void {
		tmux(this.socket, ['send-keys', '-t', 'main', '-l', text]);
	}

	/** Presses a key by tmux's name for it: Enter, Escape, C-c, C-e. */
	press(key: string): void {
		tmux(this.socket, ['send-keys', '-t', 'main', key]);
	}

	/** The screen and its scrollback, wrapped lines joined. */
	screen(): string {
		return tmux(this.socket, ['capture-pane', '-p', '-J', '-t', 'main', '-S', '-3000']);
	}

	/** The process ids running in the pane: the shell first, then what it started. */
	programPid(name: string): number {
		const shell = Number(tmux(this.socket, ['display-message', '-p', '-t', 'main', '#{pane_pid}']).trim());
		const children = spawnSync('pgrep', ['-P', String(shell), name], { encoding: 'utf8' }).stdout.trim().split('\n').filter(Boolean);
		if (children.length === 0) throw new Error(`no ${name} process under the pane's shell`);
		return Number(children[0]);
	}

	/** The screen as running text: borders gone and every run of spaces one space, so wrapped text reads whole. */
	text(): string {
		return this.screen().replace(/[│╭╮╰╯─]/g, ' ').replace(/\s+/g, ' ');
	}

	/** Waits until the screen's running text (see text()) passes `check`, and returns it. */
	async waitFor(check: (text: string) => boolean, what: string, timeout = 15_000): Promise<string> {
		const start = Date.now();
		for (;;) {
			const screen = this.text();
			if (check(screen)) return screen;
			if (Date.now() - start > timeout) throw new Error(`timed out waiting for ${what}; the terminal showed:\n${this.screen().split('\n').slice(-40).join('\n')}`);
			await new Promise(resolve => setTimeout(resolve, 50));
		}
	}

	close(): void {
		spawnSync('tmux', ['-L', this.socket, 'kill-server']);
	}
}
