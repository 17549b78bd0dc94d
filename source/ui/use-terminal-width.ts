import { useStdout } from 'ink';
import { useEffect, useState } from 'react';
import { columnsOf } from '../terminal-width.js';

/** The terminal's width, following resizes; 80 when it can't be known. */
export function useTerminalWidth(): number {
	const { stdout } = useStdout();
	const [width, setWidth] = useState(columnsOf(stdout));
	useEffect(() => {
		const onResize = () => setWidth(columnsOf(stdout));
		stdout.on('resize', onResize);
		return () => {
			stdout.off('resize', onResize);
		};
	}, [stdout]);
	return width;
}
