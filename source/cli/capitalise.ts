/** A sentence's first letter in capitals: a reason that ends a line after "postsafe:" starts a line on its own. */
export function capitalise(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}
