import { Text } from 'ink';
import React, { useEffect, useRef, useState } from 'react';

/** Time left for this item, counting down each second; calls onTimeout once when it reaches zero. */
export function Countdown({ seconds, onTimeout }: { readonly seconds: number; readonly onTimeout: () => void }) {
	const [left, setLeft] = useState(seconds);
	const timedOut = useRef(onTimeout);
	timedOut.current = onTimeout;
	useEffect(() => {
		const started = Date.now();
		const timer = setInterval(() => {
			const remaining = Math.max(0, seconds - Math.floor((Date.now() - started) / 1000));
			setLeft(remaining);
			if (remaining === 0) {
				clearInterval(timer);
				timedOut.current();
			}
		}, 250);
		return () => clearInterval(timer);
	}, [seconds]);
	const clock = `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`;
	return (
		<Text bold={left <= 15} color={left <= 15 ? 'yellow' : undefined}>
			⏱ {clock} left{left <= 15 ? ' — what you have entered will be scored' : ''}
		</Text>
	);
}
