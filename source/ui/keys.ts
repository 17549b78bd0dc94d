import type { Key } from 'ink';
import type { InputAction } from './input/input-state.js';

// Every key postsafe answers to is decided here, and the help lines quote these words.

/** Editing keys shared by every text box. */
export function editingAction(input: string, key: Key): InputAction | undefined {
	// Most terminals send the Backspace key as DEL, which Ink reports as `delete`: both erase backwards.
	if (key.backspace || key.delete) return key.ctrl || key.meta ? { type: 'delete-word-before' } : { type: 'backspace' };
	if (key.leftArrow) return key.ctrl || key.meta ? { type: 'word-left' } : { type: 'left' };
	if (key.rightArrow) return key.ctrl || key.meta ? { type: 'word-right' } : { type: 'right' };
	if (key.home || (key.ctrl && input === 'a')) return { type: 'home' };
	if (key.end) return { type: 'end' };
	if (key.ctrl && input === 'u') return { type: 'clear' };
	if (key.ctrl && input === 'w') return { type: 'delete-word-before' };
	if (key.ctrl || key.meta || key.escape || key.return || key.tab || key.upArrow || key.downArrow || key.pageUp || key.pageDown) return undefined;
	return input === '' ? undefined : { type: 'insert', text: input };
}

/**
 * Ink passes a burst of typed or pasted text as one string, Enter included ("hello⏎"). A burst that
 * ends in a line break is text then Enter; line breaks inside it (a paste) become spaces.
 */
export function burstWithEnter(input: string, key: Key): string | undefined {
	if (key.ctrl || key.meta || input.length < 2 || !/[\r\n]$/.test(input)) return undefined;
	return input.replace(/[\r\n]+$/, '');
}

// Control keys other than line breaks and Tab (which bursts keep as text): Ctrl+A … Ctrl+Z, and
// DEL, which most terminals send for Backspace.
const CONTROL_KEY = /[\x01-\x08\x0b\x0c\x0e-\x1a\x7f]/;
const DEL = '\x7f';

/**
 * Splits a burst that holds a control key ("half a reply" then Ctrl+C, run together over a slow link
 * or SSH, or Backspace held down) into the text and the keys, in order, so each key acts rather than
 * being typed as text or lost.
 */
export function splitAtControlKeys(input: string, key: Key): (readonly [string, Key])[] {
	if (input.length < 2 || input.startsWith('\u001B') || !CONTROL_KEY.test(input)) return [[input, key]];
	const parts: (readonly [string, Key])[] = [];
	let text = '';
	for (const character of input) {
		if (!CONTROL_KEY.test(character)) {
			text += character;
			continue;
		}
		if (text) parts.push([text, key]);
		text = '';
		// As Ink reports a lone DEL: the delete key, with no text.
		if (character === DEL) parts.push(['', { ...key, delete: true }]);
		else parts.push([String.fromCharCode(character.charCodeAt(0) + 96), { ...key, ctrl: true }]);
	}
	if (text) parts.push([text, key]);
	return parts;
}

/**
 * For screens that take keys, not text: a burst of keys run together ("  ⏎" over a slow link, or a
 * held Space) as the keys one by one, Enter included. Text boxes keep bursts whole, as pastes.
 */
export function singleKeys(input: string, key: Key): (readonly [string, Key])[] {
	// An Enter typed before the screen took the terminal into raw mode arrives as the line discipline's "\n".
	if (input === '\n') return [['\r', { ...key, return: true }]];
	if (input.length < 2 || key.ctrl || key.meta || input.startsWith('\u001B')) return [[input, key]];
	return Array.from(input, character => (character === '\r' || character === '\n' ? (['\r', { ...key, return: true }] as const) : ([character, key] as const)));
}

export const END_COMMAND = '/end';

/** Ctrl+E ends the conversation and opens the debrief (as does typing /end). */
export function isEndConversation(input: string, key: Key): boolean {
	return key.ctrl && input === 'e';
}

export function isYes(input: string): boolean {
	return input.toLowerCase() === 'y';
}

export function isNo(input: string, key: Key): boolean {
	return input.toLowerCase() === 'n' || key.escape;
}

/** What each screen's help line says, key first. */
export const HELP = {
	chat: [
		['Enter', 'send'],
		['/end or Ctrl+E', 'finish and debrief'],
		['Esc', 'quit'],
	],
	chatAudiences: [
		['Enter', 'send'],
		['Tab', 'where to write'],
		['Ctrl+E', 'debrief'],
		['Esc', 'quit'],
	],
	chatWriting: [
		['Esc', 'stop them writing'],
		['Ctrl+E', 'finish and debrief'],
	],
	confirmQuit: [
		['y', 'quit (your replies are saved)'],
		['n or Esc', 'carry on'],
	],
	confirmQuitUnsaved: [
		['y', 'quit'],
		['n or Esc', 'carry on'],
	],
	failure: [
		['r', 'try again'],
		['s', 'carry on with the scripted partner'],
		['Ctrl+E', 'finish and debrief'],
	],
	/** The scripted partner already plays: there is no other to carry on with. */
	failureScripted: [
		['r', 'ask again'],
		['Ctrl+E', 'finish and debrief'],
	],
	pullOffer: [
		['y', 'pull it'],
		['n or Esc', 'play with the scripted partner'],
	],
	pulling: [['Esc', 'stop and play with the scripted partner']],
	home: [
		['type', 'search'],
		['↑ ↓', 'choose'],
		['Enter', 'start'],
		['Esc', 'quit'],
	],
	name: [
		['Enter', 'continue'],
		['Esc', 'quit'],
	],
	reflection: [
		['Enter', 'next question'],
		['Enter on an empty answer', 'skip'],
	],
	done: [['Enter', 'continue']],
	review: [
		['↑ ↓', 'turn'],
		['c', 'comment on this turn'],
		['s', 'summary and sign-off'],
		['Esc', 'back'],
	],
	reviewText: [
		['Enter', 'save'],
		['Esc', 'cancel'],
	],
	reviewOutcome: [
		['1 2 3 or ↑ ↓', 'choose'],
		['Enter', 'sign off'],
		['Esc', 'cancel'],
	],
	confirmLeaveReview: [
		['y', 'leave without signing off'],
		['n or Esc', 'stay'],
	],
	confirmSupersede: [
		['y', 'sign off again'],
		['n or Esc', 'keep the sign-off as it is'],
	],
	browser: [
		['type', 'search'],
		['↑ ↓', 'choose'],
		['Enter', 'open'],
		['Esc', 'quit'],
	],
	groupReply: [
		['Enter', 'send (hidden until everyone has replied)'],
		['Ctrl+E', 'finish and debrief'],
	],
	groupChoose: [
		['← → or ↑ ↓', 'choose the reply to carry on'],
		['Enter', 'carry it on'],
		['Ctrl+E', 'finish and debrief'],
	],
	groupWriting: [['Ctrl+E', 'finish and debrief']],
	groupNames: [
		['Enter', 'start'],
		['Ctrl+C', 'quit'],
	],
	sjtRank: [
		['↑ ↓', 'move'],
		['Space', 'pick up / put down the option'],
		['Enter', 'submit'],
		['Esc', 'finish'],
	],
	sjtBest3: [
		['↑ ↓', 'move'],
		['Space', 'choose / unchoose'],
		['Enter', 'submit'],
		['Esc', 'finish'],
	],
	sjtNext: [
		['Enter', 'next item'],
		['Esc', 'finish'],
	],
	sjtLast: [['Enter', 'see the summary']],
} as const satisfies Record<string, readonly (readonly [string, string])[]>;
