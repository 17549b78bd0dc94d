import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import type { Diagnostic } from './diagnostic.js';

export type PathSegment = string | number;

/** A problem found by a check, located by its path in the document. */
export type Finding = {
	readonly path: readonly PathSegment[];
	readonly message: string;
	/** Point at the key itself (an unknown or duplicate name) rather than its value. */
	readonly at?: 'key' | 'value';
};

/** A YAML document with what is needed to turn paths into line:col. */
export type SourceDocument = {
	readonly file: string;
	readonly text: string;
	readonly document: Document.Parsed;
	readonly lineCounter: LineCounter;
};

function displayPath(path: readonly PathSegment[]): string {
	return path.reduce<string>((shown, segment) => (typeof segment === 'number' ? `${shown}[${segment}]` : shown ? `${shown}.${segment}` : segment), '');
}

/** Finds the node a path points at; when the path runs out early, the nearest key above the gap. */
function locate(document: Document.Parsed, path: readonly PathSegment[], at: 'key' | 'value'): Node | undefined {
	let node: unknown = document.contents;
	let keyNode: Node | undefined;
	for (const [position, segment] of path.entries()) {
		const isLast = position === path.length - 1;
		if (isMap(node)) {
			const pair = node.items.find(item => isScalar(item.key) && String(item.key.value) === String(segment));
			if (!pair) return keyNode ?? (node as Node);
			keyNode = pair.key as Node;
			if (isLast && at === 'key') return keyNode;
			node = pair.value ?? pair.key;
		} else if (isSeq(node) && typeof segment === 'number' && node.items[segment]) {
			node = node.items[segment];
			keyNode = node as Node;
		} else {
			return keyNode ?? (node as Node | undefined);
		}
	}
	return node as Node;
}

export function diagnosticAt(source: SourceDocument, finding: Finding): Diagnostic {
	const node = locate(source.document, finding.path, finding.at ?? 'value');
	const offset = node?.range?.[0] ?? 0;
	const { line, col } = source.lineCounter.linePos(offset);
	const where = displayPath(finding.path);
	return { file: source.file, line, column: col, message: where ? `${where}: ${finding.message}` : finding.message };
}

/** Parses YAML, reporting syntax errors (bad indentation, duplicate keys…) with their position. */
export function parseYamlSource(file: string, text: string): { source: SourceDocument; errors: Diagnostic[] } {
	const lineCounter = new LineCounter();
	const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
	const errors: Diagnostic[] = [];
	for (const error of document.errors) {
		const [start, end] = error.pos;
		const spanned = text.slice(start, end);
		let offset = start;
		let message = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
		// A key indented past its siblings makes yaml read it as part of the value above; point at the key.
		if (error.code === 'MULTILINE_IMPLICIT_KEY' && spanned.includes('\n')) {
			const lineStart = start + spanned.lastIndexOf('\n') + 1;
			offset = lineStart + (text.slice(lineStart).match(/^[ \t]*/)?.[0].length ?? 0);
			message = 'bad indentation: this key is indented further than the keys above it';
		} else if (error.code === 'BLOCK_AS_IMPLICIT_KEY' && document.errors.some(other => other.code === 'MULTILINE_IMPLICIT_KEY' && other.pos[0] === start)) {
			continue;
		}
		const { line, col } = lineCounter.linePos(offset);
		errors.push({ file, line, column: col, message });
	}
	return { source: { file, text, document, lineCounter }, errors };
}

/** Aliases a scenario may expand to: plenty for sharing a beat, far too few for a billion laughs. */
const MAX_ALIAS_COUNT = 100;

/**
 * An alias that can't be expanded, at its line:col: one naming an anchor not set before it (a typo'd
 * `*nope`), or too many expansions (a billion-laughs file or a key bomb), which would exhaust memory.
 */
function aliasDiagnostic(source: SourceDocument, error: Error): Diagnostic {
	const unresolved = /^Unresolved alias.*: (.*)$/.exec(error.message)?.[1];
	let offset = 0;
	let found = false;
	const anchors = new Set<string>();
	visit(source.document, {
		Node(_, node) {
			if (found) return visit.BREAK;
			if (isAlias(node)) {
				if (unresolved === undefined || (node.source === unresolved && !anchors.has(node.source))) {
					offset = node.range?.[0] ?? 0;
					found = true;
					return visit.BREAK;
				}
			} else if (node.anchor) anchors.add(node.anchor);
			return undefined;
		},
	});
	const { line, col } = source.lineCounter.linePos(offset);
	const message =
		unresolved === undefined
			? `aliases expand too far (over ${MAX_ALIAS_COUNT}): a file built to exhaust memory, or a mistake`
			: `alias *${unresolved} names no anchor set above it (&${unresolved})`;
	return { file: source.file, line, column: col, message };
}

function describeReceived(input: unknown): string {
	if (input === null) return 'nothing';
	if (Array.isArray(input)) return 'a list';
	return typeof input === 'object' ? 'a mapping' : `${typeof input} ${JSON.stringify(input)}`;
}

/** Turns zod's issues into findings that read well next to a line number. */
export function schemaFindings(error: z.ZodError): Finding[] {
	return error.issues.flatMap((issue): Finding[] => {
		const path = issue.path.filter((segment): segment is PathSegment => typeof segment !== 'symbol');
		switch (issue.code) {
			case 'unrecognized_keys':
				return issue.keys.map(key => ({ path: [...path, key], message: 'unknown field', at: 'key' as const }));
			case 'invalid_type': {
				if (issue.input === undefined) {
					const field = path.at(-1);
					return [{ path: path.slice(0, -1), message: `missing required field "${String(field)}"`, at: 'key' }];
				}
				return [{ path, message: `expected ${issue.expected}, got ${describeReceived(issue.input)}` }];
			}
			case 'invalid_value':
				return [{ path, message: `must be one of: ${issue.values.map(value => String(value)).join(', ')}` }];
			default:
				return [{ path, message: issue.message }];
		}
	});
}

/** Validates a parsed document against a schema; every problem comes back located. */
export function validateDocument<Schema extends z.ZodType>(source: SourceDocument, schema: Schema): { value?: z.infer<Schema>; errors: Diagnostic[] } {
	let input: unknown;
	try {
		input = source.document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
	} catch (error) {
		return { errors: [aliasDiagnostic(source, error as Error)] };
	}
	const result = schema.safeParse(input, { reportInput: true });
	if (result.success) return { value: result.data, errors: [] };
	return { errors: schemaFindings(result.error).map(finding => diagnosticAt(source, finding)) };
}
