import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { bundledLibrary, ROOT } from './helpers/library.js';

const GOOD_REPLY =
	"I can't give personal medical advice on here. Please use the practice's online consultation, or call 111 if it gets worse. I'll note this in your record.";

type ScoreJson = {
	scenario: string;
	score: number;
	max: number;
	criteria: { id: string; met: boolean; points: number; max: number; evidence: string[]; against: string[]; undoneBy: string[] }[];
	redFlags: { id: string; label: string; evidence: string[] }[];
};

function scoreJson(...replies: string[]): ScoreJson {
	const result = runCli(['score', '--scenario', 'patient-dm-rash', ...replies.flatMap(reply => ['--reply', reply]), '--json']);
	expect(result.stderr).toBe('');
	expect(result.code).toBe(0);
	return JSON.parse(result.stdout) as ScoreJson;
}

/** A user error: one line on stderr naming the problem, no stack trace, a non-zero exit. */
function expectOneLineError(result: ReturnType<typeof runCli>, pattern: RegExp, code = 1): void {
	expect(result.code).toBe(code);
	expect(result.stderr.trim().split('\n')).toHaveLength(1);
	expect(result.stderr).toMatch(pattern);
	expect(result.stderr).not.toMatch(/\n\s+at /);
}

describe('postsafe list', () => {
	it('lists every scenario in a table', () => {
		const result = runCli(['list']);
		expect(result.code).toBe(0);
		for (const { scenario } of bundledLibrary().scenarios) expect(result.stdout).toContain(scenario.id);
		expect(result.stdout).toMatch(/ID\s+Scenario/);
	});

	it('searches fuzzily by title and topic, even misspelt', () => {
		expect(runCli(['list', 'rash']).stdout.split('\n')[1]).toMatch(/^patient-dm-rash /);
		expect(runCli(['list', 'endorsment']).stdout).toContain('undeclared-endorsement');
		const result = runCli(['list', 'whatsapp', '--json']);
		const ids = (JSON.parse(result.stdout) as { id: string }[]).map(row => row.id);
		expect(ids).toContain('whatsapp-clinical-image');
	});
});

describe('--scenarios DIR', () => {
	it('is taken after the command as well as before it, by every command', () => {
		const library = mkdtempSync(join(tmpdir(), 'postsafe-library-'));
		for (const name of ['criteria.yaml', 'patient-dm-rash.yaml']) writeFileSync(join(library, name), readFileSync(join(ROOT, 'scenarios', name)));
		for (const args of [
			['--scenarios', library, 'list'],
			['list', '--scenarios', library],
		]) {
			const result = runCli([...args, '--json']);
			expect(result.stderr).toBe('');
			expect((JSON.parse(result.stdout) as { id: string }[]).map(row => row.id)).toEqual(['patient-dm-rash']);
		}
		// Not in that library: a wrong command line, exit 2.
		const score = runCli(['score', '--scenario', 'ward-selfie-whiteboard', '--reply', 'Please take it down.', '--scenarios', library]);
		expect(score.code).toBe(2);
		expect(score.stderr).toMatch(/ward-selfie-whiteboard/);
		const sjt = runCli(['sjt', 'list', '--scenarios', library]);
		expect(sjt.stderr).not.toMatch(/unknown option/);
	});
});

describe('postsafe show', () => {
	it('shows the setting, who messages, and the criteria with their points', () => {
		const result = runCli(['show', 'patient-dm-rash']);
		expect(result.code).toBe(0);
		expect(result.stdout).toContain('Jade Holloway, patient');
		expect(result.stdout).toMatch(/Professional boundaries\s+2 points/);
		expect(result.stdout).toMatch(/Documentation\s+2 points/);
		expect(result.stdout).toContain('Individual clinical advice through a personal account');
	});

	it('names the closest id when the id is unknown', () => {
		expectOneLineError(runCli(['show', 'patient-dm-rush']), /unknown scenario "patient-dm-rush"\. Did you mean "patient-dm-rash"\?/, 2);
	});
});

describe('postsafe validate', () => {
	it('passes the bundled library', () => {
		const result = runCli(['validate']);
		expect(result.stdout).toMatch(/all valid/);
		expect(result.code).toBe(0);
	});

	it('prints file:line:col for a bad indent and for a missing required field, and exits 1', () => {
		const result = runCli(['validate', 'test/fixtures/invalid/bad-indent.yaml', 'test/fixtures/invalid/missing-field.yaml']);
		expect(result.code).toBe(1);
		expect(result.stdout.split('\n').slice(0, 2)).toEqual([
			'test/fixtures/invalid/bad-indent.yaml:12:4: bad indentation: this key is indented further than the keys above it',
			'test/fixtures/invalid/missing-field.yaml:15:1: partner: missing required field "persona"',
		]);
		// Both files were read, though neither loaded.
		expect(result.stdout).toContain('2 problems found (checked 2 scenarios and criteria.yaml)');
	});

	it('refuses a clinical act in criterion evidence, where it would never be read, at its line and column', () => {
		const folder = mkdtempSync(join(tmpdir(), 'postsafe-act-'));
		const file = join(folder, 'patient-dm-rash.yaml');
		const lines = readFileSync(join(ROOT, 'scenarios', 'patient-dm-rash.yaml'), 'utf8').split('\n');
		const evidence = lines.findIndex(line => line.trim() === 'evidence:');
		lines.splice(evidence + 1, 0, '        - "=reassurance"');
		writeFileSync(file, lines.join('\n'));
		const result = runCli(['validate', file]);
		expect(result.code).toBe(1);
		expect(result.stdout).toContain(`${file}:${evidence + 2}:11: rubric.criteria[0].evidence[0]: "=reassurance" is a clinical act`);
	});

	it('reports a missing file as a problem', () => {
		const result = runCli(['validate', 'nope.yaml']);
		expect(result.code).toBe(1);
		expect(result.stdout).toContain('nope.yaml:1:1: no such file or folder');
	});
});

describe('postsafe score', () => {
	it('meets boundaries, signposting and documentation for a good reply, with no red flag', () => {
		const score = scoreJson(GOOD_REPLY);
		expect(score.criteria.map(criterion => [criterion.id, criterion.met])).toEqual([
			['boundaries', true],
			['signposting', true],
			['documentation', true],
		]);
		expect(score.redFlags).toEqual([]);
		expect(score).toMatchObject({ scenario: 'patient-dm-rash', score: 6, max: 6 });
		expect(score.criteria[0]!.evidence).toEqual(["I can't give personal medical advice on here."]);
	});

	it('raises a red flag for a diagnosis and a treatment in a DM, quoting the words', () => {
		const score = scoreJson('Sounds like eczema, try hydrocortisone');
		expect(score.redFlags.map(flag => [flag.id, flag.evidence])).toEqual([['individual-advice', ['Sounds like eczema, try hydrocortisone']]]);
	});

	it('is not fooled by negation: "I won\'t be documenting this" leaves documentation unmet', () => {
		const documentation = scoreJson("I won't be documenting this").criteria.find(criterion => criterion.id === 'documentation')!;
		expect(documentation).toMatchObject({ met: false, points: 0, against: ["I won't be documenting this"] });
	});

	it('caps the total below full marks when a red flag is raised, keeping the other evidence', () => {
		const score = scoreJson(`${GOOD_REPLY} Sounds like eczema though, try hydrocortisone.`);
		// The advice undoes the boundary (its red flag breaches it); the words that drew it are still shown.
		expect(score.criteria.map(criterion => [criterion.id, criterion.met, criterion.evidence.length > 0, criterion.undoneBy])).toEqual([
			['boundaries', false, true, ['individual-advice']],
			['signposting', true, true, []],
			['documentation', true, true, []],
		]);
		expect(score.score).toBe(3);
		expect(score.max).toBe(6);
	});

	it('prints a readable table with the quoted evidence', () => {
		const result = runCli(['score', '--scenario', 'patient-dm-rash', '--reply', GOOD_REPLY, '--reply', "I won't be documenting this"]);
		expect(result.code).toBe(0);
		expect(result.stdout).toContain('Score 6/6');
		expect(result.stdout).toMatch(/✓ met\s+Professional boundaries\s+2\/2\s+reply 1: “I can't give personal/);
		expect(result.stdout).toContain('Red flags: none');
	});

	it('scores a JSONL batch line by line, in order, reporting bad lines and going on', () => {
		const directory = mkdtempSync(join(tmpdir(), 'postsafe-batch-'));
		const file = join(directory, 'batch.jsonl');
		writeFileSync(
			file,
			[
				JSON.stringify({ scenario: 'patient-dm-rash', replies: [GOOD_REPLY] }),
				'{not json',
				JSON.stringify({ scenario: 'no-such-scenario', replies: ['hi'] }),
				JSON.stringify({ scenario: 'student-advice-request', replies: ["I'm only a student, please ask a pharmacist"] }),
				JSON.stringify({ scenario: 'patient-dm-rash' }),
			].join('\n'),
		);
		const result = runCli(['score', '--batch', file, '--json']);
		expect(result.code).toBe(1);
		const lines = result.stdout
			.trim()
			.split('\n')
			.map(line => JSON.parse(line) as Partial<ScoreJson> & { error?: string });
		expect(lines.map(line => line.error ?? `${line.scenario} ${line.score}/${line.max}`)).toEqual([
			'patient-dm-rash 6/6',
			expect.stringMatching(/^line 2: not valid JSON/),
			'line 3: unknown scenario "no-such-scenario". Run `postsafe list` to see them all.',
			'student-advice-request 6/6',
			expect.stringMatching(/^line 5: "replies": .*expected \{"scenario"/),
		]);
	});

	it('reads a batch from stdin with "-"', () => {
		const result = runCli(['score', '--batch', '-', '--json'], { input: `${JSON.stringify({ scenario: 'patient-dm-rash', replies: ['call 111'] })}\n` });
		expect(result.code).toBe(0);
		expect(JSON.parse(result.stdout)).toMatchObject({ scenario: 'patient-dm-rash', max: 6 });
	});

	it.each([
		[['score', '--scenario', 'nope', '--reply', 'x'], /^postsafe: unknown scenario "nope"/, 2],
		[['play', 'patient-dm-rush', '--offline'], /^postsafe: unknown scenario "patient-dm-rush"\. Did you mean "patient-dm-rash"\?/, 2],
		[
			['interview', 'interveiw-colleague-post', '--offline'],
			/^postsafe: unknown scenario "interveiw-colleague-post"\. Did you mean "interview-colleague-post"\?/,
			2,
		],
		[['play', '', '--offline'], /^postsafe: no scenario id given: run `postsafe list` to see them all\.\n$/, 2],
		[['show', ' '], /^postsafe: no scenario id given/, 2],
		[['plya', 'patient-dm-rash'], /^postsafe: unknown command 'plya' \(did you mean play\?\)\. Run `postsafe --help`/, 2],
		[['score', '--scenario', 'patient-dm-rash', '--replyy', 'x'], /^postsafe: unknown option '--replyy'/, 2],
		[['score', '--batch', 'missing.jsonl', '--json'], /^postsafe: no such file: missing\.jsonl/, 1],
		[['score', '--scenario', 'patient-dm-rash'], /^postsafe: score needs --scenario ID and at least one --reply TEXT/, 2],
		[['frobnicate'], /^postsafe: unknown command 'frobnicate'\. Run/, 2],
		[['scor'], /^postsafe: unknown command 'scor' \(did you mean score\?\)/, 2],
		[['sjt', '--timed', '--plain'], /^postsafe: --timed needs the terminal screen, where the countdown shows/, 2],
		[
			['play', 'patient-dm-rash', '--offline', '--learner', '  '],
			/^postsafe: option '--learner <name>' argument '  ' is invalid\. must be a name, not blank/,
			2,
		],
		[
			['list', '--scenarios', 'no-such-folder'],
			/^postsafe: no scenario library at \S+no-such-folder: give --scenarios \(or POSTSAFE_SCENARIOS\) a folder of scenario files, or leave it out for the built-in library\n$/,
			2,
		],
		[['sjt', 'list', '--scenarios', 'no-such-folder'], /^postsafe: no scenario library at /, 2],
		[
			['list', '--scenarios', join(ROOT, 'test', 'fixtures')],
			/^postsafe: \S+fixtures has no criteria\.yaml: a scenario library needs one \(the criteria its scenarios score\); start from the built-in library's: cp \S+scenarios\/criteria\.yaml \S+fixtures\/\n$/,
			2,
		],
		[
			['play', 'patient-dm-rash', '--offline', '--transcripts', '/sys/nope'],
			/^postsafe: the transcripts folder \/sys\/nope can't be written \(permission denied\): choose another/,
			1,
		],
		[
			['play', 'patient-dm-rash', '--offline', '--transcripts', '/proc/nope'],
			/^postsafe: the transcripts folder \/proc\/nope can't be written \(its folder can't hold folders\): choose another/,
			1,
		],
		[['sjt', 'score', '--item', 'nope', '--answer', 'A,B,C,D,E'], /^postsafe: unknown SJT item "nope"\. Run `postsafe sjt list`/, 2],
		[['show', 'nope'], /^postsafe: unknown scenario "nope"\. Run `postsafe list` to see them all\.\n$/, 2],
		[['show', 'patient-dm-rahs'], /^postsafe: unknown scenario "patient-dm-rahs"\. Did you mean "patient-dm-rash"\?/, 2],
		[['help', 'plya'], /^postsafe: unknown command 'plya' \(did you mean play\?\)/, 2],
		[['group', '--offline', '--learners', 'Asha,Ben'], /^postsafe: choosing a scenario needs a terminal: name one \(`postsafe group patient-dm-rash`\)/, 2],
	])('%j fails with one clear line', (args, pattern, code) => {
		expectOneLineError(runCli(args), pattern, code);
	});

	it('`postsafe help play` shows the help for play, as `postsafe play --help` does', () => {
		const help = runCli(['help', 'play']);
		expect(help.code).toBe(0);
		expect(help.stdout).toBe(runCli(['play', '--help']).stdout);
		expect(help.stdout).toMatch(/^Usage: postsafe play \[options\] <id>/);
		expect(runCli(['help', 'sjt', 'score']).stdout).toMatch(/^Usage: postsafe sjt score/);
	});

	it('doctor says a transcripts folder under /proc cannot be made, rather than that it will be', () => {
		const result = runCli(['doctor', '--transcripts', '/proc/nope', '--host', '127.0.0.1:9']);
		expect(result.stdout).toContain("✗ fix  The transcripts folder /proc/nope can't be written (its folder can't hold folders)");
		expect(result.code).toBe(1);
	});

	it('never loads Ink or React (nor anything from node_modules: the core is bundled)', () => {
		const result = runCli(['score', '--scenario', 'patient-dm-rash', '--reply', GOOD_REPLY], {
			nodeArgs: ['--import', join(ROOT, 'test/fixtures/trace-imports.mjs')],
		});
		expect(result.code).toBe(0);
		const imports = result.stderr.split('\n').filter(line => line.startsWith('IMPORT '));
		expect(imports.length).toBeGreaterThan(3);
		expect(imports.filter(line => /node_modules|\bink\b|react/.test(line))).toEqual([]);
	});

	it('plays a bundled scenario without loading the YAML parser or zod: the library comes parsed from the build', () => {
		const result = runCli(['play', 'patient-dm-rash', '--offline', '--learner', 'T', '--json', '--transcripts', mkdtempSync(join(tmpdir(), 'postsafe-'))], {
			nodeArgs: ['--import', join(ROOT, 'test/fixtures/trace-imports.mjs')],
			input: 'Please call 111.\n',
		});
		expect(result.code).toBe(0);
		const loaded = result.stderr
			.split('\n')
			.filter(line => line.startsWith('IMPORT file:'))
			.map(line => fileURLToPath(line.slice('IMPORT '.length)));
		expect(loaded.length).toBeGreaterThan(3);
		const heavy = loaded.filter(file => /ZodType|YAMLParseError/.test(readFileSync(file, 'utf8')));
		expect(heavy).toEqual([]);
	});
});
