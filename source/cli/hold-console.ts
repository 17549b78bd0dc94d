/**
 * Holds what libraries write to the console (the Ollama client logs responses it can't read, on
 * stdout) until released: nothing is printed over the chat, or into `--json` output. postsafe itself
 * never writes with console. With POSTSAFE_DEBUG what was held is shown on stderr after.
 */
export function holdConsole(): () => void {
	const held: string[] = [];
	const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
	const originals = methods.map(method => console[method]);
	for (const method of methods) console[method] = (...parts: unknown[]) => void held.push(`${method}: ${parts.map(String).join(' ')}`);
	return () => {
		methods.forEach((method, index) => (console[method] = originals[index]!));
		if (process.env.POSTSAFE_DEBUG && held.length > 0) process.stderr.write(`${held.join('\n')}\n`);
	};
}
