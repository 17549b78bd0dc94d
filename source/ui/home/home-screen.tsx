import { useComponentTheme, type ComponentTheme } from '@inkjs/ui';
import { Box, Text } from 'ink';
import React, { useMemo, useState } from 'react';
import type { LoadedScenario } from '../../library/scenario-files.js';
import { CHANNEL_NAMES, whoMessages } from '../../scenario/labels.js';
import { useKeys } from '../input/key-router.js';
import { TextBox } from '../input/text-box.js';
import { KeyHelp } from '../key-help.js';
import { HELP } from '../keys.js';
import type { ListScreenProps } from '../list-window.js';
import { wrapText } from '../../wrap.js';
import { useReducerRef } from '../use-state-ref.js';
import { initialPicker, reducePicker, visibleWindow } from './picker-state.js';

/** `height`: each scenario takes two rows. */
type HomeScreenProps = ListScreenProps & {
	readonly scenarios: readonly LoadedScenario[];
	readonly onChoose: (loaded: LoadedScenario) => void;
};

const NAME = 'postsafe';
const TITLE = `${NAME} · practise the online situations GMC guidance and the MSRA SJT are about`;

/** Pick a situation to practise: type to search (fuzzy), arrows to move, Enter to start. */
export function HomeScreen({ scenarios, width, height, onChoose, onQuit }: HomeScreenProps) {
	const reducer = useMemo(() => reducePicker(scenarios), [scenarios]);
	const [initial] = useState(() => initialPicker(scenarios));
	const [state, dispatch, latest] = useReducerRef(reducer, initial);
	const { styles } = useComponentTheme<ComponentTheme>('Picker');
	useKeys((_input, key) => {
		if (key.upArrow) dispatch({ type: 'up' });
		else if (key.downArrow) dispatch({ type: 'down' });
		else if (key.escape) onQuit();
	});
	const columns = Math.min(width, 100);
	// Two lines a scenario, in what the title, search box, gap, count and keys leave, a line spare:
	// a screen that fills the terminal makes Ink clear it, scrollback and all.
	const rows = Math.max(2, Math.floor((height - 1 - wrapText(TITLE, columns).length - 4) / 2));
	const { start, items } = visibleWindow(state, rows);
	const choose = () => {
		const chosen = latest.current.results[latest.current.selected];
		if (chosen) onChoose(chosen);
		return chosen !== undefined;
	};
	return (
		<Box flexDirection="column" width={columns}>
			<Text>
				<Text bold>{TITLE.slice(0, NAME.length)}</Text>
				<Text dimColor>{TITLE.slice(NAME.length)}</Text>
			</Text>
			<TextBox
				prompt="Search: "
				width={columns}
				maxLines={1}
				onSubmit={choose}
				onChange={query => dispatch({ type: 'search', query })}
				placeholder="title, topic or who messages"
			/>
			<Box flexDirection="column" marginTop={1}>
				{items.length === 0 ? <Text>No scenario matches “{state.query}”.</Text> : null}
				{items.map((loaded, index) => {
					const { scenario } = loaded;
					const isSelected = start + index === state.selected;
					return (
						<Box key={scenario.id} flexDirection="column">
							<Text wrap="truncate-end" {...(isSelected ? styles!.selected!() : {})}>
								{isSelected ? '❯ ' : '  '}
								{scenario.title}
								{scenario.mode === 'interview' ? ' (interview)' : ''}
							</Text>
							<Text wrap="truncate-end" {...styles!.detail!()}>
								{'    '}
								{whoMessages(scenario)} · {CHANNEL_NAMES[scenario.channel]} · {scenario.difficulty} · {scenario.topics.join(', ')}
							</Text>
						</Box>
					);
				})}
			</Box>
			<Text dimColor>{state.results.length === 0 ? '' : `${state.selected + 1} of ${state.results.length}`}</Text>
			<KeyHelp keys={HELP.home} />
		</Box>
	);
}
