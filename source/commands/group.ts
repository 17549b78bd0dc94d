import { randomInt } from 'node:crypto';
import { UserError } from '../cli/user-error.js';
import { displayNames } from '../group/round.js';
import { parseLearners } from '../group/learners.js';
import { chooseItems, describeFilter, type ItemFilter } from '../sjt/practice.js';
import type { SjtItem, SjtType } from '../sjt/schema.js';
import { openLibrary, openScenario } from './open-library.js';
import { openSjtBank } from './open-sjt.js';
import { readyModel } from './model-choice.js';
import type { ProviderFlags } from './openai-setup.js';
import { createPartner, type PartnerFlags } from './partner-setup.js';
import { saveOnSignals, startRecordedSession } from '../transcript/start-session.js';
import { loadScreen } from './load-screen.js';
import { noticeLine } from '../cli/said-line.js';
import { terminalWidth } from '../terminal-width.js';
import { usableTranscriptDirectory } from './transcript-folder.js';
import { startGroupSjtFiles } from '../transcript/sjt-session-file.js';

export type GroupFlags = PartnerFlags &
	ProviderFlags & {
		readonly learners?: string;
		readonly sjt?: boolean;
		readonly count?: number;
		readonly topic?: string;
		readonly type?: SjtType;
		readonly anonymous?: boolean;
		readonly turns?: number;
		readonly plain?: boolean;
		readonly transcripts?: string;
		readonly scenarios?: string;
	};

/** The SJT items for a group session (--count, --topic, --type), in a fresh order, with the seed and filter that chose them. */
export async function groupSjtItems(flags: GroupFlags): Promise<{ items: SjtItem[]; seed: number; filter: ItemFilter }> {
	const bank = await openSjtBank(flags.scenarios);
	const filter = { count: flags.count ?? 5, ...(flags.topic ? { topic: flags.topic } : {}), ...(flags.type ? { type: flags.type } : {}) };
	const seed = randomInt(2 ** 31 - 1);
	const items = chooseItems(
		bank.items.map(loaded => loaded.item),
		filter,
		seed,
	);
	if (items.length === 0) throw new UserError(`no SJT items match${describeFilter(filter)}: run \`postsafe sjt list\` to see them`);
	return { items, seed, filter };
}

/** `postsafe group`: one screen, several learners; a scenario, or SJT items with --sjt. */
export async function runGroup(id: string | undefined, flags: GroupFlags): Promise<number> {
	const plain = flags.plain === true || !process.stdin.isTTY || !process.stdout.isTTY;
	const learners = flags.learners === undefined ? undefined : parseLearners(flags.learners);
	if (plain && !learners) throw new UserError('plain mode reads replies in learner order: give the names with --learners "Asha,Ben,Chloe"', 2);
	if (flags.sjt && id !== undefined) throw new UserError('--sjt practises SJT items, not a scenario: leave out the scenario id, or leave out --sjt', 2);
	const sjtOptions = (['count', 'topic', 'type'] as const).filter(option => flags[option] !== undefined);
	if (!flags.sjt && sjtOptions.length > 0)
		throw new UserError(
			`${sjtOptions.map(option => `--${option}`).join(', ')} ${sjtOptions.length > 1 ? 'choose' : 'chooses'} SJT items: add --sjt (and leave out the scenario id), or leave ${sjtOptions.length > 1 ? 'them' : 'it'} out`,
			2,
		);
	if (flags.sjt && flags.turns !== undefined) throw new UserError('--turns is for a scenario, not SJT items: leave it out with --sjt', 2);
	if (!flags.sjt && id === undefined && plain)
		throw new UserError('choosing a scenario needs a terminal: name one (`postsafe group patient-dm-rash`), or practise SJT items with --sjt', 2);

	if (flags.sjt) {
		const { items, seed, filter } = await groupSjtItems(flags);
		const directory = usableTranscriptDirectory(flags.transcripts);
		const startRecords = (names: readonly string[]) => startGroupSjtFiles({ directory, learners: names, seed, filter });
		if (plain) {
			const { groupSjtPlain } = await import('./group-plain.js');
			return groupSjtPlain({
				items,
				learners: learners!,
				records: startRecords(learners!),
				names: displayNames(learners!, flags.anonymous === true),
				input: process.stdin,
				isTTY: process.stdin.isTTY === true,
				...terminalWidth(process.stdout),
				stdout: text => void process.stdout.write(text),
			});
		}
		const { runGroupSjtTui } = await loadScreen(() => import('../ui/group/run-group.js'));
		return runGroupSjtTui({ items, anonymous: flags.anonymous === true, startRecords, ...(learners ? { learners } : {}) });
	}

	if (id === undefined) {
		// As `postsafe` and `postsafe interview` do: the picker, then the group round on the one chosen.
		const { scenarios } = await openLibrary(flags.scenarios);
		const { pickScenario } = await loadScreen(() => import('../ui/home/pick-scenario.js'));
		const picked = await pickScenario(scenarios.filter(loaded => loaded.scenario.mode === 'roleplay'));
		if (!picked) return 0;
		id = picked.scenario.id;
	}
	const { library, loaded } = await openScenario(id, flags.scenarios);
	const transcripts = usableTranscriptDirectory(flags.transcripts);
	const model = await readyModel(flags);
	const start = (names: readonly string[]) =>
		startRecordedSession({
			loaded,
			criteria: library.criteria.library,
			learners: names,
			partner: createPartner(model, !plain),
			transcripts,
			// The file name is printed at the end, on the shared screen.
			...(flags.anonymous ? { fileLabel: 'group' } : {}),
			...(flags.turns === undefined ? {} : { turns: flags.turns }),
		});
	if (plain) {
		const session = start(learners!);
		const removeHandlers = saveOnSignals(() => session);
		try {
			const { groupPlain } = await import('./group-plain.js');
			return await groupPlain({
				session,
				names: displayNames(learners!, flags.anonymous === true),
				input: process.stdin,
				isTTY: process.stdin.isTTY === true,
				stdout: text => void process.stdout.write(text),
				scriptedPartner: () => createPartner(undefined, false),
			});
		} finally {
			removeHandlers();
		}
	}
	const { runGroupTui } = await loadScreen(() => import('../ui/group/run-group.js'));
	return runGroupTui({ start, anonymous: flags.anonymous === true, scriptedPartner: () => createPartner(undefined, true), ...(learners ? { learners } : {}) });
}
