const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for HTML content or a double-quoted attribute: nothing in it can become markup. */
export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, character => ENTITIES[character]!);
}
