import { useSpinner } from '@inkjs/ui';
import { Text } from 'ink';
import React from 'react';

/**
 * "Jade is typing..." with the dots filling in, as messaging apps show it. The dots move a few times a
 * second, not at a spinner's 12: each step redraws the screen while the partner's reply is arriving.
 */
export function TypingIndicator({ name }: { readonly name: string }) {
	const { frame } = useSpinner({ type: 'simpleDots' });
	return (
		<Text dimColor>
			{name} is typing{frame}
		</Text>
	);
}
