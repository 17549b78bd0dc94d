// Checks for JSON read from files postsafe did not necessarily write (or wrote in another version).

export const isText = (value: unknown): value is string => typeof value === 'string';
export const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
export const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
/** The strings in a value that should be a list of them; none when it is not a list. */
export const texts = (value: unknown): string[] => (Array.isArray(value) ? value.filter(isText) : []);
