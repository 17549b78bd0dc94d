/** A message time as the chat shows it: 20:41. */
export function clockTime(iso: string): string {
	const date = new Date(iso);
	return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}
