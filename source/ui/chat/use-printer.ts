import { useStdout } from 'ink';
import { useCallback, useLayoutEffect, useRef } from 'react';
import { printedText, type PrintedItem } from './printed-text.js';
import type { SessionHistory } from './session-history.js';

/**
 * Prints finished items above the live area, once each, in the order they are given: like Ink's
 * <Static>, but written at once as text (Ink's own stdout writer) rather than at the next frame.
 */
export function usePrinter(width: number): (items: readonly PrintedItem[]) => void {
	const { write } = useStdout();
	const latestWidth = useRef(width);
	latestWidth.current = width;
	return useCallback(
		(items: readonly PrintedItem[]) => {
			if (items.length > 0) write(items.map(item => printedText(item, latestWidth.current)).join(''));
		},
		[write],
	);
}

/**
 * Prints a conversation as it happens: what is there already, then each message in the moment it is
 * finished (a streamed reply is on screen as soon as its last word has arrived, before the next frame).
 */
export function usePrintedConversation(history: SessionHistory | undefined, print: (items: readonly PrintedItem[]) => void): void {
	useLayoutEffect(() => {
		if (!history) return;
		const printNew = () => print(history.takeNew(history.controller.current));
		printNew();
		return history.controller.subscribe(printNew);
	}, [history, print]);
}
