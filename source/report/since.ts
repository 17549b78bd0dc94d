/**
 * The start of a calendar day given as YYYY-MM-DD, in local time (the day the learner means), or
 * undefined for anything else, including days that do not exist (2026-02-30).
 */
export function parseSinceDate(text: string): Date | undefined {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
	if (!match) return undefined;
	const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
	const start = new Date(year, month - 1, day);
	return start.getFullYear() === year && start.getMonth() === month - 1 && start.getDate() === day ? start : undefined;
}
