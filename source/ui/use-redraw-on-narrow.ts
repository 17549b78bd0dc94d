import { useStdout } from 'ink';
import { useEffect, useRef, useState } from 'react';
import { columnsOf } from '../terminal-width.js';

/** Clears the screen and its scrollback, and puts the cursor top left. */
const CLEAR_ALL = '\u001B[2J\u001B[3J\u001B[H';

/**
 * A key for a screen's printed history (`<Static key={…}>`) that changes when the terminal gets
 * narrower. The terminal re-flows what is already on screen into more rows than Ink knows of, so
 * erasing the last frame leaves a ghost copy of it (an SJT item's options) above the new one. On a
 * narrower terminal the screen is cleared and the history printed again, wrapped to the new width.
 */
export function useRedrawOnNarrow(): number {
	const { stdout } = useStdout();
	const [generation, setGeneration] = useState(0);
	const width = useRef(columnsOf(stdout));
	useEffect(() => {
		const onResize = () => {
			const now = columnsOf(stdout);
			if (now < width.current && stdout.isTTY) {
				stdout.write(CLEAR_ALL);
				setGeneration(previous => previous + 1);
			}
			width.current = now;
		};
		stdout.on('resize', onResize);
		return () => {
			stdout.off('resize', onResize);
		};
	}, [stdout]);
	return generation;
}
