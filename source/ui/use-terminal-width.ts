import { useStdout } from 'ink';
import { useEffect, useState } from 'react';

/** The terminal's width, following resizes; 80 when it can't be known. */
export function useTerminalWidth(): number {
	const { stdout } = useStdout();
	const [width, setWidth] = useState(stdout.columns || 80);
	useEffect(() => {
		const onResize = () => setWidth(stdout.columns || 80);
		stdout.on('resize', onResize);
		return () => {
			stdout.off('resize', onResize);
		};
	}, [stdout]);
	return width;
}
