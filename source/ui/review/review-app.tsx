import { ThemeProvider } from '@inkjs/ui';
import { useApp, useStdout } from 'ink';
import React, { useState } from 'react';
import type { ScoreChange } from '../../review/rescore.js';
import type { CatalogEntry } from '../../transcript/catalog.js';
import type { OpenedTranscript } from '../../transcript/open.js';
import type { Review } from '../../transcript/schema.js';
import { SJT_RECORD_REASON } from '../../transcript/version.js';
import { postsafeTheme } from '../theme.js';
import { useTerminalWidth } from '../use-terminal-width.js';
import { ReviewBrowser } from './review-browser.js';
import { TranscriptReview } from './transcript-review.js';

/** What the review screens need from files and the scenario library, given by the command. */
export type ReviewServices = {
	readonly catalog: () => readonly CatalogEntry[];
	readonly open: (file: string) => OpenedTranscript | { readonly reason: string };
	readonly rescore: (opened: OpenedTranscript) => ScoreChange;
	readonly partnerName: (opened: OpenedTranscript) => string;
	readonly save: (file: string, review: Review) => void;
};

export type ReviewAppProps = {
	readonly services: ReviewServices;
	/** A transcript to open straight away (`postsafe review FILE`); leaving it quits. */
	readonly file?: string;
	readonly reviewer?: string;
	readonly now?: () => Date;
};

type Screen =
	| { readonly name: 'browser'; readonly notice?: string; readonly reason?: string }
	| { readonly name: 'transcript'; readonly opened: OpenedTranscript; readonly change: ScoreChange };

/** `postsafe review`: the browser of transcripts, and one transcript under review. */
export function ReviewApp({ services, file, reviewer, now }: ReviewAppProps) {
	const { exit } = useApp();
	const width = Math.min(useTerminalWidth(), 120);
	const height = useStdout().stdout.rows || 24;
	const [entries, setEntries] = useState(() => (file ? [] : services.catalog()));
	const openScreen = (path: string): Screen => {
		const opened = services.open(path);
		if ('reason' in opened) return { name: 'browser', notice: `✗ ${path.split('/').at(-1)}: ${opened.reason}`, reason: opened.reason };
		return { name: 'transcript', opened, change: services.rescore(opened) };
	};
	const [screen, setScreen] = useState<Screen>(() => (file ? openScreen(file) : { name: 'browser' }));
	const [reviewerName, setReviewerName] = useState(reviewer);

	const onOpen = (entry: CatalogEntry) => {
		if (entry.kind === 'unreadable')
			return setScreen({ name: 'browser', notice: `✗ ${entry.file.split('/').at(-1)} can't be opened: ${entry.reason}. It is left as it is.` });
		if (entry.kind === 'sjt')
			return setScreen({ name: 'browser', notice: `${entry.file.split('/').at(-1)} is ${SJT_RECORD_REASON}: its score is the one listed here.` });
		const next = openScreen(entry.file);
		// A file that only fails when read in full is listed from now on as what it is.
		if (next.name === 'browser' && next.reason)
			setEntries(current => current.map(item => (item === entry ? { kind: 'unreadable', file: entry.file, reason: next.reason! } : item)));
		setScreen(next);
	};
	const leave = () => {
		if (file) return exit();
		setEntries(services.catalog());
		setScreen({ name: 'browser' });
	};

	return (
		<ThemeProvider theme={postsafeTheme}>
			{screen.name === 'browser' ? (
				<ReviewBrowser entries={entries} width={width} height={height} onOpen={onOpen} onQuit={exit} {...(screen.notice ? { notice: screen.notice } : {})} />
			) : (
				<TranscriptReview
					key={screen.opened.file}
					opened={screen.opened}
					change={screen.change}
					partnerName={services.partnerName(screen.opened)}
					width={width}
					height={height}
					onSave={review => {
						services.save(screen.opened.file, review);
						setReviewerName(review.reviewer);
					}}
					onLeave={leave}
					{...(reviewerName ? { reviewer: reviewerName } : {})}
					{...(now ? { now } : {})}
				/>
			)}
		</ThemeProvider>
	);
}
