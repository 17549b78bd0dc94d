import { style } from '../cli/style.js';
import { formatTable } from '../cli/table.js';
import { wrapIndented } from '../wrap.js';
import { CHANNEL_NAMES, whoMessages } from '../scenario/labels.js';
import { openScenario } from './open-library.js';

export type ShowOptions = { readonly json?: boolean; readonly scenarios?: string };

export async function runShow(id: string, options: ShowOptions, write = (text: string) => void process.stdout.write(text)): Promise<number> {
	const { library, loaded } = await openScenario(id, options.scenarios);
	const { scenario } = loaded;
	const definitions = library.criteria.library.criteria;
	if (options.json) {
		write(`${JSON.stringify({ ...scenario, file: loaded.file, contentHash: loaded.contentHash }, null, 2)}\n`);
		return 0;
	}
	const mode = scenario.mode === 'interview' ? 'Interview' : 'Role-play';
	const lines = [
		style.heading(`${scenario.title} (${scenario.id})`),
		`${mode} · ${CHANNEL_NAMES[scenario.channel]} · ${scenario.difficulty} · up to ${scenario.turns} replies`,
		style.dim(`Topics: ${scenario.topics.join(', ')}`),
		'',
		style.heading('Setting'),
		wrapIndented(scenario.setting, 2),
		'',
		style.heading('Who messages you'),
		wrapIndented(`${whoMessages(scenario)}${scenario.partner.handle ? ` (${scenario.partner.handle})` : ''}. ${scenario.partner.persona}`, 2),
		'',
		style.heading(`Scored on (${scenario.rubric.criteria.reduce((sum, criterion) => sum + criterion.points, 0)} points)`),
		formatTable(
			scenario.rubric.criteria.map(criterion => [
				`  ${definitions[criterion.id].label}`,
				`${criterion.points} ${criterion.points === 1 ? 'point' : 'points'}`,
				definitions[criterion.id].means,
			]),
		),
		'',
		style.heading('Red flags (any one caps the total)'),
		...scenario.rubric.redFlags.map(flag => wrapIndented(`⚑ ${flag.label}`, 2)),
		wrapIndented(`⚑ ${library.criteria.library.identifiers.label}`, 2),
	];
	write(`${lines.join('\n')}\n`);
	return 0;
}
