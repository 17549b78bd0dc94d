import { render } from 'ink';
import React from 'react';
import { parseLearners } from '../../group/learners.js';
import type { GroupSjtFiles } from '../../transcript/sjt-session-file.js';
import type { SjtItem } from '../../sjt/schema.js';
import type { Partner } from '../../session/types.js';
import type { RecordedSession } from '../../transcript/recorder.js';
import { KeyRouter } from '../input/key-router.js';
import { renderSavingSessions } from '../run-tui.js';
import { GroupApp } from './group-app.js';
import { GroupSjtApp } from './group-sjt-app.js';

/** A group conversation in the terminal; a kill or a closed terminal saves it as abandoned. */
export function runGroupTui({
	start,
	learners,
	anonymous,
	scriptedPartner,
}: {
	start: (learners: readonly string[]) => RecordedSession;
	learners?: readonly string[];
	anonymous: boolean;
	scriptedPartner: () => Partner;
}): Promise<number> {
	return renderSavingSessions(onSession => (
		<KeyRouter>
			<GroupApp
				start={start}
				anonymous={anonymous}
				scriptedPartner={scriptedPartner}
				parseNames={parseLearners}
				onSession={onSession}
				{...(learners ? { learners } : {})}
			/>
		</KeyRouter>
	));
}

export async function runGroupSjtTui({
	items,
	learners,
	anonymous,
	startRecords,
}: {
	items: readonly SjtItem[];
	learners?: readonly string[];
	anonymous: boolean;
	startRecords: (learners: readonly string[]) => GroupSjtFiles;
}): Promise<number> {
	const instance = render(
		<KeyRouter>
			<GroupSjtApp items={items} anonymous={anonymous} startRecords={startRecords} parseNames={parseLearners} {...(learners ? { learners } : {})} />
		</KeyRouter>,
		{ maxFps: 60, patchConsole: false },
	);
	await instance.waitUntilExit();
	return 0;
}
