// Bundles source/ into dist/. The core is bundled (one file loads far faster than hundreds of
// modules: `postsafe score` starts in about half the time); the UI and LLM libraries stay external
// and are only loaded, from node_modules, when a screen or model is used.
import { execFileSync } from 'node:child_process';
import { chmodSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

// write-file-atomic is CommonJS that reads __filename, which an ES module bundle does not have.
// The bench's pseudo-terminal: node-pty loads a native binary of its own, found beside it in node_modules.
const LOADED_AT_RUNTIME = [
	'ink',
	'react',
	'react-dom',
	'@inkjs/ui',
	'ollama',
	'openai',
	'ws',
	'yoga-layout',
	'react-reconciler',
	'ink-testing-library',
	'@lydell/node-pty',
	'@xterm/headless',
];

const keepExternal = {
	name: 'keep-ui-external',
	setup(builder) {
		builder.onResolve({ filter: /^[^./]/ }, args => {
			const name = args.path.startsWith('@') ? args.path.split('/').slice(0, 2).join('/') : args.path.split('/')[0];
			return LOADED_AT_RUNTIME.includes(name) ? { path: args.path, external: true } : undefined;
		});
	},
};

rmSync('dist', { recursive: true, force: true });
await build({
	// The bench is bundled like the CLI so it measures the code that ships, not a dev transform of it.
	entryPoints: {
		cli: 'source/cli.ts',
		'write-scenario-cache': 'scripts/write-scenario-cache.ts',
		bench: 'scripts/bench.ts',
		'fake-ollama-process': 'scripts/fake-ollama-process.ts',
	},
	outdir: 'dist',
	bundle: true,
	splitting: true,
	format: 'esm',
	platform: 'node',
	target: 'node20',
	chunkNames: 'chunks/[name]-[hash]',
	jsx: 'automatic',
	sourcemap: 'linked',
	legalComments: 'none',
	logLevel: 'warning',
	plugins: [keepExternal],
	// Some bundled CommonJS dependencies call require() for Node built-ins.
	banner: { js: "import { createRequire as __postsafeRequire } from 'node:module'; const require = __postsafeRequire(import.meta.url);" },
});
chmodSync('dist/cli.js', 0o755);
// The parsed bundled library, so the CLI skips YAML and schema work for files it has already checked.
execFileSync(process.execPath, ['dist/write-scenario-cache.js'], { stdio: 'inherit' });
