import { style } from '../cli/style.js';
import { formatTable } from '../cli/table.js';
import { CHANNEL_NAMES, whoMessages } from '../scenario/labels.js';
import { searchScenarios } from '../scenario/search.js';
import { openLibrary } from './open-library.js';

export type ListOptions = { readonly json?: boolean; readonly scenarios?: string };

export async function runList(query: string | undefined, options: ListOptions, write = (text: string) => void process.stdout.write(text)): Promise<number> {
	const library = await openLibrary(options.scenarios);
	const found = searchScenarios(library.scenarios, query ?? '');
	if (options.json) {
		const rows = found.map(({ scenario, file }) => ({
			id: scenario.id,
			title: scenario.title,
			summary: scenario.summary,
			mode: scenario.mode,
			channel: scenario.channel,
			difficulty: scenario.difficulty,
			topics: scenario.topics,
			partner: { role: scenario.partner.role, name: scenario.partner.name },
			criteria: scenario.rubric.criteria.map(criterion => ({ id: criterion.id, points: criterion.points })),
			file,
		}));
		write(`${JSON.stringify(rows, null, 2)}\n`);
		return 0;
	}
	if (found.length === 0) {
		write(query ? `No scenario matches "${query}". Run \`postsafe list\` to see them all.\n` : 'No scenarios found. Run `postsafe validate` to see why.\n');
		return 1;
	}
	const rows = [
		['ID', 'Scenario'].map(style.heading),
		...found.map(({ scenario }) => [
			scenario.id,
			`${scenario.title}\n${style.dim(`${whoMessages(scenario)} · ${CHANNEL_NAMES[scenario.channel]} · ${scenario.difficulty} · ${scenario.topics.join(', ')}`)}`,
		]),
	];
	const count = query ? `${found.length} of ${library.scenarios.length} scenarios match "${query}"` : `${found.length} scenarios`;
	write(`${formatTable(rows)}\n\n${style.dim(`${count}. Practise one with \`postsafe play <id>\`; details with \`postsafe show <id>\`.`)}\n`);
	return 0;
}
