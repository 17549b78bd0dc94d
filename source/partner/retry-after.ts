/**
 * How long a busy server asks to be left alone, in milliseconds, from its `Retry-After` (seconds, or an
 * HTTP date) or `retry-after-ms`; undefined when it does not say.
 */
export function retryAfterMs(headers: { get(name: string): string | null } | undefined, now = Date.now()): number | undefined {
	const ms = Number(headers?.get('retry-after-ms') ?? Number.NaN);
	if (Number.isFinite(ms) && ms >= 0) return ms;
	const value = headers?.get('retry-after')?.trim();
	if (!value) return undefined;
	if (/^\d+(\.\d+)?$/.test(value)) return Number(value) * 1000;
	const date = Date.parse(value);
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * The wait before retry `attempt` (from 0): what the server asked for, else doubling from 250 ms to 8 s;
 * with up to a quarter more at random either way, so a room of clients told the same thing do not all
 * come back in the same instant.
 */
export function backoffMs(attempt: number, asked: number | undefined, random = Math.random): number {
	const base = asked ?? Math.min(8000, 250 * 2 ** attempt);
	return Math.round(base * (1 + random() * 0.25));
}

/** Waits `ms`, or rejects with the signal's reason as soon as it is aborted. */
export function pause(ms: number, signal: AbortSignal): Promise<void> {
	return new Promise((resolve, reject) => {
		if (signal.aborted) return reject(signal.reason);
		const timer = setTimeout(() => {
			signal.removeEventListener('abort', stop);
			resolve();
		}, ms);
		const stop = () => {
			clearTimeout(timer);
			reject(signal.reason);
		};
		signal.addEventListener('abort', stop, { once: true });
	});
}
