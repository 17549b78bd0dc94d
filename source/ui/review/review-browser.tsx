import { Box, Text } from 'ink';
import React, { useMemo, useRef, useState } from 'react';
import { transcriptSearch } from '../../review/search.js';
import type { CatalogEntry } from '../../transcript/catalog.js';
import { useKeys } from '../input/key-router.js';
import { TextBox } from '../input/text-box.js';
import { KeyHelp } from '../key-help.js';
import { HELP } from '../keys.js';
import { windowAround, type ListScreenProps } from '../list-window.js';
import { useStateRef } from '../use-state-ref.js';
import { cell } from '../cell.js';
import { visibleLine } from '../../terminal-text.js';

type ReviewBrowserProps = ListScreenProps & {
	readonly entries: readonly CatalogEntry[];
	readonly onOpen: (entry: CatalogEntry) => void;
	readonly notice?: string;
};

const COLUMNS = { date: 16, learner: 12, score: 5, status: 9, reviewed: 8 } as const;
// Before the scenario: the date, learner, score, status and reviewed columns and their gaps.
const FIXED_WIDTH = 2 + Object.values(COLUMNS).reduce((sum, width) => sum + width + 1, 0);

function row(entry: CatalogEntry, width: number): string {
	const scenarioWidth = Math.max(10, width - FIXED_WIDTH);
	if (entry.kind === 'unreadable')
		return visibleLine(`${cell(entry.file.split('/').at(-1) ?? entry.file, COLUMNS.date + COLUMNS.learner + 1)} ✗ unreadable: ${entry.reason}`);
	const date = entry.startedAt.slice(0, 16).replace('T', ' ');
	const scenario = entry.kind === 'transcript' ? entry.scenarioTitle : `SJT practice, ${entry.items} item${entry.items === 1 ? '' : 's'}`;
	const score = entry.score ? `${entry.score.points}/${entry.score.max}` : '–';
	const reviewed = entry.kind === 'transcript' && entry.reviewed ? '✓ yes' : '';
	return [
		cell(date, COLUMNS.date),
		cell(visibleLine(entry.learner), COLUMNS.learner),
		cell(score, COLUMNS.score),
		cell(entry.status, COLUMNS.status),
		cell(reviewed, COLUMNS.reviewed),
		cell(visibleLine(scenario), scenarioWidth),
	].join(' ');
}

/** The transcripts folder as a table to search and open; broken files listed with why, never opened. */
export function ReviewBrowser({ entries, width, height, onOpen, onQuit, notice }: ReviewBrowserProps) {
	const search = useMemo(() => transcriptSearch(entries), [entries]);
	const [query, setQuery] = useState('');
	const found = useMemo(() => search(query), [search, query]);
	const [cursor, setCursor, currentCursor] = useStateRef(0);
	// The keys read the list as drawn, not as it was when the handler was made.
	const shown = useRef(found);
	shown.current = found;
	const visible = Math.max(3, height - 8);
	const { start: first, items: rows } = windowAround(found, cursor, visible);

	useKeys((_, key) => {
		const list = shown.current;
		if (key.upArrow) setCursor(Math.max(0, currentCursor.current - 1));
		else if (key.downArrow) setCursor(Math.min(list.length - 1, currentCursor.current + 1));
		else if (key.pageDown) setCursor(Math.min(list.length - 1, currentCursor.current + visible));
		else if (key.pageUp) setCursor(Math.max(0, currentCursor.current - visible));
		else if (key.escape) onQuit();
	});

	const reviewed = entries.filter(entry => entry.kind === 'transcript' && entry.reviewed).length;
	const unreadable = entries.filter(entry => entry.kind === 'unreadable').length;
	return (
		<Box flexDirection="column" width={width}>
			<Text bold>
				Transcripts: {entries.length}
				{reviewed > 0 ? ` · ${reviewed} reviewed` : ''}
				{unreadable > 0 ? ` · ${unreadable} unreadable` : ''}
				{query ? ` · ${found.length} match` : ''}
			</Text>
			<Box>
				<Text>Search: </Text>
				<TextBox
					prompt=""
					width={Math.max(20, width - 8)}
					placeholder="learner, scenario or date"
					onChange={value => {
						setQuery(value);
						setCursor(0);
					}}
					onSubmit={() => {
						const entry = shown.current[currentCursor.current];
						if (entry) onOpen(entry);
						return false;
					}}
				/>
			</Box>
			<Text
				dimColor
				wrap="truncate-end"
			>{`  ${[cell('Date', COLUMNS.date), cell('Learner', COLUMNS.learner), cell('Score', COLUMNS.score), cell('Status', COLUMNS.status), cell('Reviewed', COLUMNS.reviewed), 'Scenario'].join(' ')}`}</Text>
			{found.length === 0 ? (
				<Text>{entries.length === 0 ? '  No transcripts here yet: practise with `postsafe play`, then come back.' : '  Nothing matches.'}</Text>
			) : null}
			{rows.map((entry, index) => {
				const here = first + index === cursor;
				return (
					<Text key={entry.file} bold={here} inverse={here} dimColor={!here && entry.kind === 'unreadable'} wrap="truncate-end">
						{here ? '❯ ' : '  '}
						{row(entry, width)}
					</Text>
				);
			})}
			{notice ? <Text color="yellow">{notice}</Text> : null}
			<KeyHelp keys={HELP.browser} />
		</Box>
	);
}
