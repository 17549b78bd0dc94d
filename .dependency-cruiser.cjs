// The layer rules of ARCHITECTURE.md, checked by `npm run lint:deps` (part of `npm test`).
const CORE = '^source/(scenario|rubric|session|sjt|group|review|report|dictionary)/';
const NODE_IO = ['fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'child_process', 'node:child_process', 'net', 'node:net', 'http', 'node:http'];
module.exports = {
	forbidden: [
		{
			name: 'no-cycles',
			severity: 'error',
			comment: 'An import cycle makes load order matter and layers meaningless.',
			from: {},
			to: { circular: true, dependencyTypesNot: ['type-only'] },
		},
		{
			name: 'core-is-pure',
			severity: 'error',
			comment: 'The core reads no files and draws nothing: it is plain functions.',
			from: { path: CORE },
			to: { path: ['^node_modules/(ink|react|@inkjs|ollama|openai|ws)/'] },
		},
		{
			name: 'core-does-no-io',
			severity: 'error',
			comment: 'Files and network live in adapters.',
			from: { path: CORE },
			to: { dependencyTypes: ['core'], path: NODE_IO.map(name => `^${name}$`) },
		},
		{
			name: 'nothing-imports-commands',
			severity: 'error',
			comment: 'commands/ is the top layer: adapters, renderers and the UI never import it.',
			from: { path: '^source/', pathNot: ['^source/commands/', '^source/cli\\.ts$'] },
			to: { path: '^source/commands/' },
		},
		{ name: 'core-imports-no-ui', severity: 'error', comment: 'The core knows nothing of the screens.', from: { path: CORE }, to: { path: '^source/ui/' } },
		{
			name: 'plain-commands-never-reach-ink',
			severity: 'error',
			comment: 'score, list, show and validate start fast and run anywhere: nothing they load, however indirectly, is the UI.',
			from: { path: '^source/commands/(score|list|show|validate)\\.ts$' },
			to: { path: ['^node_modules/(ink|react|@inkjs)/', '^source/ui/'], reachable: true },
		},
		{
			name: 'command-table-is-light',
			severity: 'error',
			comment:
				'Every command loads cli.ts and the specs in commands/specs/: they import only commander and small helpers, and a command module only with import(), when it runs.',
			from: { path: ['^source/cli\\.ts$', '^source/commands/specs/'] },
			to: {
				dependencyTypesNot: ['dynamic-import', 'type-only'],
				pathNot: [
					'^node_modules/commander/',
					'^source/commands/specs/',
					'^source/cli/(no-color|production|hold-console|failure|user-error)\\.ts$',
					'^source/terminal-text\\.ts$',
					'^package\\.json$',
				],
			},
		},
	],
	options: {
		doNotFollow: { path: 'node_modules' },
		tsPreCompilationDeps: true,
		tsConfig: { fileName: 'tsconfig.json' },
		enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.tsx', '.js'] },
	},
};
