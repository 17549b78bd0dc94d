/** What a text input holds: its text and where the cursor is (an index into the text, in code units). */
export type InputState = { readonly value: string; readonly cursor: number };

export type InputAction =
	| { readonly type: 'insert'; readonly text: string }
	| { readonly type: 'backspace' }
	| { readonly type: 'delete' }
	| { readonly type: 'delete-word-before' }
	| { readonly type: 'left' }
	| { readonly type: 'right' }
	| { readonly type: 'word-left' }
	| { readonly type: 'word-right' }
	| { readonly type: 'home' }
	| { readonly type: 'end' }
	| { readonly type: 'clear' };

export const EMPTY_INPUT: InputState = { value: '', cursor: 0 };

function isSurrogatePair(text: string, index: number): boolean {
	const code = text.charCodeAt(index);
	return code >= 0xdc00 && code <= 0xdfff && index > 0 && text.charCodeAt(index - 1) >= 0xd800 && text.charCodeAt(index - 1) <= 0xdbff;
}

/** One character back (an emoji is one character, two code units). */
function previousIndex(text: string, index: number): number {
	if (index <= 0) return 0;
	return isSurrogatePair(text, index - 1) ? index - 2 : index - 1;
}

function nextIndex(text: string, index: number): number {
	if (index >= text.length) return text.length;
	return isSurrogatePair(text, index + 1) ? index + 2 : index + 1;
}

function wordStartBefore(text: string, index: number): number {
	let at = index;
	while (at > 0 && /\s/.test(text[at - 1]!)) at--;
	while (at > 0 && !/\s/.test(text[at - 1]!)) at--;
	return at;
}

function wordEndAfter(text: string, index: number): number {
	let at = index;
	while (at < text.length && /\s/.test(text[at]!)) at++;
	while (at < text.length && !/\s/.test(text[at]!)) at++;
	return at;
}

/** The input's one way of changing. Pasted line breaks become spaces: a reply is one message. */
export function reduceInput(state: InputState, action: InputAction): InputState {
	const { value, cursor } = state;
	switch (action.type) {
		case 'insert': {
			const text = action.text.replace(/\r\n|[\r\n]/g, ' ').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
			if (text === '') return state;
			return { value: value.slice(0, cursor) + text + value.slice(cursor), cursor: cursor + text.length };
		}
		case 'backspace': {
			const at = previousIndex(value, cursor);
			return at === cursor ? state : { value: value.slice(0, at) + value.slice(cursor), cursor: at };
		}
		case 'delete': {
			const at = nextIndex(value, cursor);
			return at === cursor ? state : { value: value.slice(0, cursor) + value.slice(at), cursor };
		}
		case 'delete-word-before': {
			const at = wordStartBefore(value, cursor);
			return { value: value.slice(0, at) + value.slice(cursor), cursor: at };
		}
		case 'left':
			return { value, cursor: previousIndex(value, cursor) };
		case 'right':
			return { value, cursor: nextIndex(value, cursor) };
		case 'word-left':
			return { value, cursor: wordStartBefore(value, cursor) };
		case 'word-right':
			return { value, cursor: wordEndAfter(value, cursor) };
		case 'home':
			return { value, cursor: 0 };
		case 'end':
			return { value, cursor: value.length };
		case 'clear':
			return EMPTY_INPUT;
	}
}
