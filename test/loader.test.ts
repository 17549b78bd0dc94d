import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../source/scenario/diagnostic.js';
import { loadScenarios, type ScenarioLibrary } from '../source/library/scenario-files.js';
import { jsonSchemas, serialiseSchema } from '../source/scenario/json-schema.js';
import { bundledLibrary, ROOT, SCENARIO_DIR } from './helpers/library.js';

const VALID = readFileSync(join(SCENARIO_DIR, 'patient-dm-rash.yaml'), 'utf8');

/** The line (from 1) that `text` first has `needle` on, so positions follow edits to the scenario. */
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

/** A scratch library: the real criteria.yaml plus the given scenario files. */
type LoadResult = Awaited<ReturnType<typeof loadScenarios>>;

async function scratchLibrary(files: Record<string, string>): Promise<{ directory: string; result: LoadResult }> {
	const directory = mkdtempSync(join(tmpdir(), 'postsafe-lib-'));
	copyFileSync(join(SCENARIO_DIR, 'criteria.yaml'), join(directory, 'criteria.yaml'));
	for (const [name, text] of Object.entries(files)) writeFileSync(join(directory, name), text);
	return { directory, result: await loadScenarios(directory) };
}

/** The diagnostics as printed, with the scratch folder taken out of file names. */
function messages(result: LoadResult): string[] {
	return result.errors.map(error => formatDiagnostic(error).replace(/\/\S*\/postsafe-lib-[^/]+\//g, ''));
}

describe('the bundled library', () => {
	it('loads without a single error', () => {
		const library: ScenarioLibrary = bundledLibrary();
		expect(library.errors).toEqual([]);
	});

	it('has at least 14 role-plays and 2 interviews', () => {
		const modes = bundledLibrary().scenarios.map(loaded => loaded.scenario.mode);
		expect(modes.filter(mode => mode === 'roleplay').length).toBeGreaterThanOrEqual(14);
		expect(modes.filter(mode => mode === 'interview').length).toBeGreaterThanOrEqual(2);
	});

	it.each([
		['patient-dm-rash', ['boundaries', 'signposting', 'documentation']],
		['ward-selfie-whiteboard', ['confidentiality', 'escalation', 'respect']],
		['patient-friend-request', ['boundaries', 'signposting', 'respect']],
		['whatsapp-clinical-image', ['confidentiality', 'signposting', 'documentation']],
		['anonymised-case-post', ['confidentiality']],
		['undeclared-endorsement', ['transparency']],
		['online-argument', ['respect']],
		['student-advice-request', ['boundaries', 'signposting']],
	])('%s scores at least %j', (id, criteria) => {
		const loaded = bundledLibrary().scenarios.find(item => item.scenario.id === id);
		expect(loaded?.scenario.rubric.criteria.map(criterion => criterion.id)).toEqual(expect.arrayContaining(criteria));
	});

	it('starts every YAML file with the yaml-language-server $schema comment', () => {
		const files = readdirSync(SCENARIO_DIR).filter(name => name.endsWith('.yaml'));
		for (const name of files) {
			const schema = name === 'criteria.yaml' ? 'criteria.schema.json' : 'scenario.schema.json';
			expect(readFileSync(join(SCENARIO_DIR, name), 'utf8').split('\n')[0], name).toBe(`# yaml-language-server: $schema=./${schema}`);
		}
	});

	it('has committed JSON Schemas that match the zod schemas (run `npm run schema` if this fails)', () => {
		for (const [file, schema] of Object.entries(jsonSchemas())) {
			expect(readFileSync(join(ROOT, file), 'utf8'), `${file} is stale: run npm run schema`).toBe(serialiseSchema(schema));
		}
		expect(jsonSchemas()['scenarios/scenario.schema.json']).toMatchObject({ $schema: 'http://json-schema.org/draft-07/schema#' });
	});
});

describe('loading scenario files', () => {
	it('points a bad indent at the over-indented key', async () => {
		const { result } = await scratchLibrary({ 'bad-indent.yaml': readFileSync(join(ROOT, 'test/fixtures/invalid/bad-indent.yaml'), 'utf8') });
		expect(messages(result)).toEqual(['bad-indent.yaml:12:4: bad indentation: this key is indented further than the keys above it']);
	});

	it('points a missing required field at the mapping that lacks it', async () => {
		const { result } = await scratchLibrary({ 'missing-field.yaml': readFileSync(join(ROOT, 'test/fixtures/invalid/missing-field.yaml'), 'utf8') });
		expect(messages(result)).toEqual(['missing-field.yaml:15:1: partner: missing required field "persona"']);
	});

	it('points a wrong value at the value, and an unknown field at the key', async () => {
		const text = VALID.replace('difficulty: easy', 'difficulty: trivial').replace('turns: 4', 'turns: 4\nturn_limit: 5');
		const { result } = await scratchLibrary({ 'x.yaml': text });
		expect(messages(result)).toEqual([
			'x.yaml:6:13: difficulty: must be one of: easy, moderate, hard',
			`x.yaml:${lineOf(text, 'turn_limit')}:1: turn_limit: unknown field`,
		]);
	});

	it('reports a pattern that names an unknown concept, at the pattern', async () => {
		const text = VALID.replace('- not look|see|check|assess @photo', '- not look @fotos');
		const { result } = await scratchLibrary({ 'x.yaml': text });
		expect(messages(result)).toEqual([`x.yaml:${lineOf(text, '@fotos')}:11: rubric.criteria[0].evidence[0]: unknown concept @fotos`]);
	});

	it("reports a scenario's spoiltBy pattern that names an unknown concept, at the pattern", async () => {
		const text = VALID.replace(
			'      points: 2\n      evidence:\n        - not look',
			'      points: 2\n      spoiltBy:\n        - "@their-cal"\n      evidence:\n        - not look',
		);
		const { result } = await scratchLibrary({ 'x.yaml': text });
		expect(messages(result)).toEqual([`x.yaml:${lineOf(text, '@their-cal')}:11: rubric.criteria[0].spoiltBy[0]: unknown concept @their-cal`]);
	});

	it('reports a beat that refers to a red flag the scenario does not have', async () => {
		const text = VALID.replace('redFlags: [individual-advice]', 'redFlags: [individual-advise]');
		const { result } = await scratchLibrary({ 'x.yaml': text });
		expect(messages(result)).toEqual([`x.yaml:39:18: beats[0].when.redFlags[0]: red flag "individual-advise" is not in this scenario's rubric`]);
	});

	it('refuses a role-play whose ending beat has no "when", or that has no fallback beat', async () => {
		const text = VALID.replace('    when:\n      metAny: [boundaries, signposting]\n      metSoFar: [boundaries, signposting]\n', '').replace(
			/  - id: asks-again\n    say: .*\n/,
			'',
		);
		const { result } = await scratchLibrary({ 'x.yaml': text });
		expect(messages(result)).toEqual([
			`x.yaml:${lineOf(text, 'id: accepts-the-route')}:5: beats[8].when: an ending beat needs "when" (e.g. metSoFar: [the criteria that earn it]): without it the partner gives in whatever the learner says`,
			`x.yaml:${lineOf(text, '- id: wants-the-prescription')}:3: beats: add a beat without "when" that does not end: the partner says it when nothing else fits`,
		]);
	});

	it('rejects a duplicate id where the second file defines it, and keeps loading the rest', async () => {
		const other = VALID.replace('id: patient-dm-rash', 'id: another-one');
		const { result } = await scratchLibrary({ 'a.yaml': VALID, 'b.yaml': VALID, 'c.yaml': other, 'd.yaml': 'id: [unclosed' });
		expect(messages(result)).toEqual([
			'd.yaml:1:14: Flow sequence in block collection must be sufficiently indented and end with a ]',
			'b.yaml:2:5: id: duplicate id "patient-dm-rash" (first defined at a.yaml:2:5)',
		]);
		expect('criteria' in result && result.scenarios.map(loaded => loaded.scenario.id)).toEqual(['patient-dm-rash', 'another-one']);
	});
});
