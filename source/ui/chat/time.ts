/** A message time as the chat shows it: 20:41. */
export function clockTime(iso: string): string {
	const date = new Date(iso);
	return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

/** The time of day the setting gives ("It is 8.40 pm on a Thursday"), as minutes after midnight; the first one named. */
export function settingMinutes(setting: string): number | undefined {
	const match = /\b(\d{1,2})(?:[.:](\d{2}))?\s*([ap])\.?m\b/i.exec(setting);
	if (!match) return undefined;
	const hours = Number(match[1]);
	const minutes = Number(match[2] ?? 0);
	if (hours < 1 || hours > 12 || minutes > 59) return undefined;
	return ((hours % 12) + (match[3]!.toLowerCase() === 'p' ? 12 : 0)) * 60 + minutes;
}

/**
 * A message's time on the scenario's clock: the setting's time when the session started, and as much
 * later as the message really came. A setting with no time keeps the real clock.
 */
export function sceneTime(setting: string, startedAt: string, at: string): string {
	const start = settingMinutes(setting);
	if (start === undefined) return clockTime(at);
	const elapsed = Math.max(0, Math.floor((Date.parse(at) - Date.parse(startedAt)) / 60_000));
	const minutes = (start + (Number.isNaN(elapsed) ? 0 : elapsed)) % (24 * 60);
	return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
