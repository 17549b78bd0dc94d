import type { Lexicon } from '../scenario/schema.js';
import { SENTENCE_ACTS, type SentenceAct } from './clinical-acts.js';
import { NEGATION_CUES } from './negation.js';
import { tokenise } from './normalise.js';

export const DEFAULT_WINDOW = 12;
const MAX_WINDOW = 40;
// People put more words between a verb and its object than a pattern's author does ("send me the
// wording and I'll put it up"): a written window of six or more words is read with two words of slack.
const SLACK_FROM = 6;
const SLACK = 2;
/** The matcher tracks slots as bits of a 32-bit integer. */
const MAX_SLOTS = 30;

/** One way of filling a slot: a word or phrase, as normalised words and their stems. */
export type Alternative = { readonly words: readonly string[]; readonly stems: readonly string[] };

export type CompiledPattern = {
	readonly source: string;
	/** For each slot, whether it must fall inside a negation ("not @advise", "whatsapp !secure"). */
	readonly negatedSlots: readonly boolean[];
	/** Most words the matched slots may span. */
	readonly window: number;
	readonly slots: readonly (readonly Alternative[])[];
	/** "=treatment-advice", "=reassurance": a red flag's pattern that is a clinical act, whatever the words (see clinical-acts). */
	readonly act?: SentenceAct;
};

export type PatternResult = { ok: true; pattern: CompiledPattern } | { ok: false; error: string };

/** Lexicons searched in order for @concepts: the scenario's own, then the library's. */
export type Lexicons = readonly Lexicon[];

function phrase(text: string): Alternative | string {
	const tokens = tokenise(text.replaceAll('_', ' ')).tokens;
	if (tokens.length === 0) return `"${text}" has no words in it`;
	const cue = tokens.find(token => NEGATION_CUES.has(token.word));
	if (cue) {
		return `"${text}" contains the negation word "${cue.word}": start the pattern with "not" instead`;
	}
	return { words: tokens.map(token => token.word), stems: tokens.map(token => token.stem) };
}

/** Expands one concept into its phrases, following @references; reports unknown names and cycles. */
export function expandConcept(name: string, lexicons: Lexicons, seen: readonly string[] = []): Alternative[] | string {
	if (seen.includes(name)) return `concept @${name} refers to itself (${[...seen, name].join(' → ')})`;
	const members = lexicons.find(lexicon => Object.hasOwn(lexicon, name))?.[name];
	if (!members) return `unknown concept @${name}`;
	const alternatives: Alternative[] = [];
	for (const member of members) {
		const expanded = member.startsWith('@') ? expandConcept(member.slice(1), lexicons, [...seen, name]) : phrase(member);
		if (typeof expanded === 'string') return expanded;
		alternatives.push(...(Array.isArray(expanded) ? expanded : [expanded]));
	}
	return alternatives;
}

/**
 * Parses and compiles a pattern such as "not @advise here|on_instagram ~8" (every slot negated) or
 * "whatsapp|group !secure|approved" (only the marked slot negated: "WhatsApp isn't secure").
 */
export function compilePattern(source: string, lexicons: Lexicons): PatternResult {
	if (source.trim().startsWith('=')) {
		const act = source.trim().slice(1) as SentenceAct;
		if (!SENTENCE_ACTS.includes(act)) return { ok: false, error: `unknown act "${source.trim()}": use ${SENTENCE_ACTS.map(name => `=${name}`).join(' or ')}` };
		return { ok: true, pattern: { source, negatedSlots: [], window: 0, slots: [], act } };
	}
	const parts = source.trim().split(/\s+/);
	const allNegated = parts[0] === 'not';
	if (allNegated) parts.shift();
	let window = DEFAULT_WINDOW;
	const last = parts.at(-1);
	if (last?.startsWith('~')) {
		window = Number(last.slice(1));
		if (!Number.isInteger(window) || window < 1 || window > MAX_WINDOW) {
			return { ok: false, error: `window "${last}" must be ~1 to ~${MAX_WINDOW}` };
		}
		parts.pop();
	}
	if (parts.length === 0) return { ok: false, error: 'pattern has no words to look for' };
	const slots: Alternative[][] = [];
	const negatedSlots: boolean[] = [];
	for (const part of parts) {
		if (part === 'not') return { ok: false, error: '"not" may only start a pattern; mark a single negated slot with "!"' };
		const slotNegated = part.startsWith('!');
		if (slotNegated && allNegated) return { ok: false, error: `"${part}": a pattern starting with "not" already negates every slot` };
		negatedSlots.push(allNegated || slotNegated);
		const alternatives: Alternative[] = [];
		for (const option of (slotNegated ? part.slice(1) : part).split('|')) {
			if (option === '') return { ok: false, error: `empty alternative in "${part}"` };
			const expanded = option.startsWith('@') ? expandConcept(option.slice(1), lexicons) : phrase(option);
			if (typeof expanded === 'string') return { ok: false, error: expanded };
			alternatives.push(...(Array.isArray(expanded) ? expanded : [expanded]));
		}
		slots.push(alternatives);
	}
	if (slots.length > MAX_SLOTS) return { ok: false, error: `${slots.length} slots is more than a pattern can hold (${MAX_SLOTS})` };
	if (slots.length > window) {
		return { ok: false, error: `${slots.length} slots cannot fit in a window of ${window} words` };
	}
	return { ok: true, pattern: { source, negatedSlots, window: window >= SLACK_FROM ? window + SLACK : window, slots } };
}
