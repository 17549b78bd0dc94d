import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { transcriptToHtml } from '../source/export/html.js';
import { transcriptToMarkdown } from '../source/export/markdown.js';
import { OllamaPartner } from '../source/partner/ollama.js';
import { OpenAiPartner } from '../source/partner/openai.js';
import { loadPromptTemplates } from '../source/partner/prompt-files.js';
import { chooseBeat } from '../source/partner/scripted.js';
import { compileScenarioRubric, scorePlaced } from '../source/rubric/audience.js';
import { isEnglishWord } from '../source/dictionary/english.js';
import { VoicesPartner } from '../source/partner/voices.js';
import { SessionController } from '../source/session/controller.js';
import { readCatalog } from '../source/transcript/catalog.js';
import { openTranscript } from '../source/transcript/open.js';
import { Transcript } from '../source/transcript/schema.js';
import { startFakeOllama, type FakeOllama } from './fake-ollama.js';
import { startFakeOpenAi, type FakeOpenAi } from './fake-openai.js';
import { runCli } from './helpers/cli.js';
import { bundledLibrary, ROOT, rubricFor } from './helpers/library.js';

const SCENARIO = 'group-chat-patient-joke';
const CHALLENGE = 'Ellie please delete that photo, ward 7 bay 3 bed 4 makes him identifiable to anyone on the ward';
const V1_FIXTURE = join(ROOT, 'test', 'fixtures', 'transcripts', 'v1-group-chat-patient-joke.json');
const EXAMPLE = join(ROOT, 'examples', 'example.json');

function transcriptIn(directory: string): Transcript {
	const [name] = readdirSync(directory).filter(file => file.endsWith('.json'));
	return Transcript.parse(JSON.parse(readFileSync(join(directory, name!), 'utf8')));
}

type ReplyJson = { reply: number; met: string[]; redFlags: string[]; audience?: string };

describe('where the learner writes, in plain mode', () => {
	const directory = mkdtempSync(join(tmpdir(), 'postsafe-audiences-'));
	const played = runCli(['play', SCENARIO, '--learner', 'Asha', '--offline', '--json', '--transcripts', directory], {
		input: `@group ${CHALLENGE}\n@ellie ${CHALLENGE}\n`,
	});
	const output = JSON.parse(played.stdout) as { score: { replies: ReplyJson[] } };

	it('a challenge naming the ward and bed, in the group, is the public call-out; the same words to Ellie are not, and meet respect', () => {
		expect(played.code).toBe(0);
		const [inGroup, toEllie] = output.score.replies;
		expect(inGroup).toEqual({ reply: 1, met: ['confidentiality'], redFlags: ['public-callout'], audience: 'group' });
		expect(toEllie).toEqual({ reply: 2, met: ['confidentiality', 'respect'], redFlags: [], audience: 'ellie' });
	});

	it('a line that says where it goes in words, "(private to Ellie) …" or "(in the group) …", goes there without the @', () => {
		const words = runCli(['play', SCENARIO, '--learner', 'Asha', '--offline', '--json', '--transcripts', mkdtempSync(join(tmpdir(), 'postsafe-audiences-'))], {
			input: `(in the group) ${CHALLENGE}\n(private to Ellie) ${CHALLENGE}\n`,
		});
		expect(words.code).toBe(0);
		const [inGroup, toEllie] = (JSON.parse(words.stdout) as { score: { replies: ReplyJson[] } }).score.replies;
		expect(inGroup).toEqual({ reply: 1, met: ['confidentiality'], redFlags: ['public-callout'], audience: 'group' });
		expect(toEllie).toEqual({ reply: 2, met: ['confidentiality', 'respect'], redFlags: [], audience: 'ellie' });
		expect(words.stderr).toContain(`[Ellie, private] Asha: ${CHALLENGE}`);
	});

	it('"DM me: …" is a reply in the default audience, kept whole, not a mark of where it goes', () => {
		const directory = mkdtempSync(join(tmpdir(), 'postsafe-audiences-'));
		const words = runCli(['play', SCENARIO, '--learner', 'Asha', '--offline', '--json', '--transcripts', directory], { input: 'DM me: I will explain why\n' });
		expect(words.code).toBe(0);
		expect(words.stderr).toContain('[the group] Asha: DM me: I will explain why');
		expect(transcriptIn(directory).turns.find(turn => turn.role === 'learner')?.text).toBe('DM me: I will explain why');
	});

	it('tells the learner where they can write, and labels every message with where it was said', () => {
		expect(played.stderr.replace(/\s+/g, ' ')).toContain(
			'Start a line with @group to the group (40); @ellie to Ellie, privately. A line without one goes to the group (40).',
		);
		expect(played.stderr).toContain(`[the group] Asha: ${CHALLENGE}`);
		expect(played.stderr).toContain(`[Ellie, private] Asha: ${CHALLENGE}`);
	});

	it('two voices of the group answer the call-out in a scripted run, and Ellie answers in private', () => {
		const lines = played.stderr.split('\n');
		const after = lines.indexOf(`[the group] Asha: ${CHALLENGE}`);
		expect(lines.slice(after + 1, after + 4)).toEqual([
			'[the group] Josh Whitfield: oof 😬 bit harsh mate, it was a joke',
			"[the group] Priya Shah: ok let's keep it friendly in here please 🙏 Ellie's had a rough week",
			expect.stringMatching(/^\[Ellie, private\] Ellie Marsh: seriously\? in front of 40 people\?/),
		]);
	});

	it('the transcript records each message’s audience and voice, and the export shows them', () => {
		const transcript = transcriptIn(directory);
		expect(transcript.version).toBe(2);
		expect(transcript.turns.filter(turn => turn.role === 'learner').map(turn => [turn.audience, turn.score?.redFlags])).toEqual([
			['group', ['public-callout']],
			['ellie', []],
		]);
		expect(transcript.turns.map(turn => turn.voice ?? 'partner')).toContain('priya');
		expect(transcript.audiences?.map(audience => [audience.id, audience.public])).toEqual([
			['group', true],
			['ellie', false],
		]);
		const file = join(directory, readdirSync(directory)[0]!);
		const markdown = runCli(['export', file]).stdout;
		expect(markdown).toMatch(/### Turn 4 · Asha · in the group · \d\d:\d\d/);
		expect(markdown).toMatch(/### Turn 8 · Asha · in private with Ellie · \d\d:\d\d/);
		expect(markdown).toMatch(/### Turn 6 · Priya Shah · in the group/);
		expect(markdown).toContain('- **Where:** the group (public, 40: Ellie Marsh, Josh Whitfield');
		const html = runCli(['export', file, '--format', 'html']).stdout;
		expect(html).toContain('<strong>Asha</strong> · <span class="audience">in the group</span> · turn 4');
		expect(html).toContain('<strong>Asha</strong> · <span class="audience">in private with Ellie</span> · turn 8');
	});

	it('refuses a line addressed to nowhere it knows, rather than sending it to the group', () => {
		const elsewhere = mkdtempSync(join(tmpdir(), 'postsafe-audiences-'));
		const result = runCli(['play', SCENARIO, '--learner', 'Asha', '--offline', '--json', '--transcripts', elsewhere], { input: `@elie ${CHALLENGE}\n` });
		expect(result.stderr).toContain('(nothing sent: @elie is not somewhere you can write here;');
		expect(transcriptIn(elsewhere).turns.filter(turn => turn.role === 'learner')).toEqual([]);
	});

	it('the debrief says where the model reply is written', () => {
		const result = runCli(['play', SCENARIO, '--learner', 'Asha', '--offline', '--transcripts', mkdtempSync(join(tmpdir(), 'postsafe-audiences-'))], {
			input: `@ellie ${CHALLENGE}\n`,
		});
		expect(result.stdout).toContain('A model reply, written to Ellie, privately');
	});

	it('postsafe score reads the same addresses', () => {
		const score = (reply: string) => JSON.parse(runCli(['score', '--scenario', SCENARIO, '--reply', reply, '--json']).stdout) as { redFlags: { id: string }[] };
		expect(score(`@group ${CHALLENGE}`).redFlags.map(flag => flag.id)).toEqual(['public-callout']);
		expect(score(`@ellie ${CHALLENGE}`).redFlags).toEqual([]);
		const nowhere = runCli(['score', '--scenario', SCENARIO, '--reply', `@elie ${CHALLENGE}`]);
		expect(nowhere).toMatchObject({
			code: 2,
			stderr: expect.stringContaining('"@elie" is not an audience of group-chat-patient-joke (it has @group, @ellie)'),
		});
	});
});

describe('where each learner writes, in plain group mode', () => {
	it('reads @group and @ellie per reply, and the round shows where each went and what it raised', () => {
		const directory = mkdtempSync(join(tmpdir(), 'postsafe-audiences-'));
		const result = runCli(['group', SCENARIO, '--offline', '--plain', '--learners', 'Asha,Ben', '--turns', '1', '--transcripts', directory], {
			input: `@group ${CHALLENGE}\n@ellie ${CHALLENGE}\n`,
		});
		expect(result.code).toBe(0);
		const round = runningRound(result.stdout);
		expect(round).toContain('Asha ✓ – – 2/5 ⚑ [the group] Ellie please delete that photo');
		expect(round).toContain('→ Ben ✓ ✓ – 4/5 [Ellie, private] Ellie please delete that photo');
		expect(
			transcriptIn(directory)
				.turns.filter(turn => turn.role === 'learner')
				.map(turn => [turn.learner, turn.audience]),
		).toEqual([
			['Asha', 'group'],
			['Ben', 'ellie'],
		]);
	});
});

/** The round's table as running text: every run of white space one space. */
const runningRound = (text: string) => text.replace(/\s+/g, ' ');

describe('the scripted partner', () => {
	it('picks a beat by where the last reply was written (when: {in: …})', () => {
		const { scenario } = bundledLibrary().scenarios.find(entry => entry.scenario.id === SCENARIO)!;
		const beats = [
			{ id: 'in-public', when: { in: ['public'] }, say: 'everyone saw that', end: false },
			{ id: 'anywhere', say: 'ok', end: false },
		];
		const withBeats = { ...scenario, beats };
		const after = (audience: string) =>
			chooseBeat(withBeats, { lastOutcome: { met: [], redFlags: [], audience }, metSoFar: [], stepsSoFar: [], usedBeats: [] })?.id;
		expect([after('group'), after('ellie')]).toEqual(['in-public', 'anywhere']);
	});
});

describe('validate', () => {
	it('names an unknown audience or voice at its file:line:col', () => {
		const folder = mkdtempSync(join(tmpdir(), 'postsafe-audiences-'));
		cpSync(join(ROOT, 'scenarios', 'criteria.yaml'), join(folder, 'criteria.yaml'));
		const text = readFileSync(join(ROOT, 'scenarios', `${SCENARIO}.yaml`), 'utf8')
			.replace('    voice: josh\n  - text: ward 7', '    voice: jsoh\n  - text: ward 7')
			.replace('    audience: ellie\n    say: sorry, he', '    audience: elie\n    say: sorry, he')
			.replace('      in: [public]', '      in: [publick]');
		const file = join(folder, `${SCENARIO}.yaml`);
		writeFileSync(file, text);
		const lines = text.split('\n');
		/** Where the word is in the file, as line:col. */
		const at = (word: string) => {
			const line = lines.findIndex(candidate => candidate.includes(word));
			return `${file}:${line + 1}:${lines[line]!.indexOf(word) + 1}`;
		};
		const result = runCli(['validate', file, '--scenarios', folder]);
		expect(result.code).toBe(1);
		expect(result.stdout).toContain(`${at('jsoh')}: opening[1].voice: unknown voice "jsoh"; this scenario's voices are: partner, josh, priya`);
		expect(result.stdout).toMatch(
			new RegExp(`${at('elie')}: beats\\[\\d+\\]\\.audience: unknown audience "elie"; this scenario's audiences are: group, ellie`),
		);
		expect(result.stdout).toContain(`${at('publick')}: rubric.redFlags[2].in[0]: unknown audience "publick"`);
	});

	it('names an unknown audience in a where: block, and a red flag with no patterns anywhere', () => {
		const folder = mkdtempSync(join(tmpdir(), 'postsafe-audiences-'));
		cpSync(join(ROOT, 'scenarios', 'criteria.yaml'), join(folder, 'criteria.yaml'));
		const source = readFileSync(join(ROOT, 'scenarios', `${SCENARIO}.yaml`), 'utf8');
		const text = source
			.replace(
				'    - id: escalation\n      points: 1\n',
				'    - id: escalation\n      points: 1\n      where:\n        - in: [privat]\n          evidence: [rota lead]\n',
			)
			.replace(
				/    - id: spreads-it\n      breaches: \[[^\]\n]*\]\n      label: Copied or forwarded the post\n      why: >-\n(        .*\n)+?      patterns:\n(        - .*\n)+/,
				match => match.replace(/      patterns:\n(        - .*\n)+/, ''),
			);
		expect(text).not.toBe(source);
		const file = join(folder, `${SCENARIO}.yaml`);
		writeFileSync(file, text);
		const lines = text.split('\n');
		const result = runCli(['validate', file, '--scenarios', folder]);
		expect(result.code).toBe(1);
		const privat = lines.findIndex(line => line.includes('privat]'));
		expect(result.stdout).toContain(
			`${file}:${privat + 1}:${lines[privat]!.indexOf('privat') + 1}: rubric.criteria[2].where[0].in[0]: unknown audience "privat"`,
		);
		expect(result.stdout).toMatch(/rubric\.redFlags\[1\]\.patterns: a red flag needs patterns \(or "where" blocks of them\)/);
	});
});

describe('patterns that count only in some audiences (where: blocks)', () => {
	const { scenario } = bundledLibrary().scenarios.find(entry => entry.scenario.id === SCENARIO)!;
	const { rubric } = scenario;
	const withBlocks = {
		...scenario,
		rubric: {
			...rubric,
			criteria: rubric.criteria.map(criterion =>
				criterion.id === 'escalation' ? { ...criterion, where: [{ in: ['private'], evidence: ['word with the rota lead'] }] } : criterion,
			),
			redFlags: rubric.redFlags.map(flag => (flag.id === 'spreads-it' ? { ...flag, where: [{ in: ['public'], patterns: ['everyone save it'] }] } : flag)),
		},
	};
	const compiled = compileScenarioRubric(withBlocks, bundledLibrary().criteria.library, isEnglishWord);
	const verdict = (text: string, audience: string) => {
		const score = scorePlaced(compiled, [{ text, audience }]);
		return { met: score.criteria.filter(criterion => criterion.met).map(criterion => criterion.id), redFlags: score.redFlags.map(flag => flag.id) };
	};

	it("a red flag's block raises it only where the block says; its other patterns still raise it everywhere", () => {
		expect(verdict('everyone save it before she deletes', 'group').redFlags).toContain('spreads-it');
		expect(verdict('everyone save it before she deletes', 'ellie').redFlags).toEqual([]);
		expect(verdict("I've screenshotted it", 'ellie').redFlags).toEqual(['spreads-it']);
	});

	it("a criterion's block is evidence only where the block says", () => {
		expect(verdict("I'll have a word with the rota lead", 'ellie').met).toContain('escalation');
		expect(verdict("I'll have a word with the rota lead", 'group').met).not.toContain('escalation');
	});
});

describe('the partner in a scenario with audiences', () => {
	const fakes: FakeOllama[] = [];
	const openAiFakes: FakeOpenAi[] = [];
	afterEach(async () => {
		for (const server of fakes.splice(0)) await server.close();
		for (const server of openAiFakes.splice(0)) await server.close();
	});

	it('the model is told where the learner wrote and who is there, plays the voice the beat gives the words to, and the others answer too', async () => {
		const server = await startFakeOllama({
			chats: [{ pieces: ['[in the group] ', 'oof ', 'harsh'] }, { pieces: ['be ', 'kind ', 'all'] }, { pieces: ['why ', 'in ', 'public'] }],
		});
		fakes.push(server);
		const loaded = bundledLibrary().scenarios.find(entry => entry.scenario.id === SCENARIO)!;
		const partner = new VoicesPartner(
			new OllamaPartner({
				host: server.url,
				model: 'llama3.2',
				seed: 7,
				timeoutMs: 5000,
				templates: loadPromptTemplates(join(ROOT, 'prompts')),
				emitEveryMs: 0,
			}),
		);
		const controller = new SessionController({ scenario: loaded.scenario, rubric: rubricFor(SCENARIO), learners: ['Asha'] }, partner);
		await controller.reply('Asha', CHALLENGE, 'group');
		const [request, priya, ellie] = server.requests.filter(entry => entry.path === '/api/chat');
		const messages = request!.body.messages as { role: string; content: string }[];
		// Josh answers the call-out, in his own character; the rubric is never in the request.
		expect(messages[0]!.content).toContain('You are playing Josh Whitfield');
		expect(messages[0]!.content).toContain("the group's self-appointed comedian");
		expect(messages.at(-2)!.content).toBe(`[in the group] ${CHALLENGE}`);
		expect(messages.at(-1)!.content).toContain(
			'"Asha" wrote their last message in the group (public, 40 people: Ellie Marsh, Josh Whitfield, Priya Shah (FY2 rep), 36 other FY1s and FY2s). Answer there.',
		);
		expect(JSON.stringify(messages)).not.toMatch(/public-callout|Called a colleague out|rubric|Respect and tone|evidence/i);
		// Then Priya, who has read Josh's answer, and Ellie, answering in private: each in her own character.
		const priyaSees = priya!.body.messages as { role: string; content: string }[];
		expect(priyaSees[0]!.content).toContain('You are playing Priya Shah');
		expect(priyaSees.at(-2)!.content).toBe('[Josh Whitfield, in the group] oof harsh');
		expect(priyaSees.at(-1)!.content).toContain('close to this, in your own words: "ok let\'s keep it friendly in here please 🙏 Ellie\'s had a rough week"');
		const ellieSees = ellie!.body.messages as { role: string; content: string }[];
		expect(ellieSees[0]!.content).toContain('You are playing Ellie Marsh');
		expect(ellieSees.at(-1)!.content).toContain('Answer in Ellie (a private chat: Ellie Marsh).');
		const said = controller.current.messages.slice(-3);
		expect(said.map(message => [message.kind === 'partner' ? (message.voice ?? 'partner') : 'learner', message.audience, message.text])).toEqual([
			['josh', 'group', 'oof harsh'],
			['priya', 'group', 'be kind all'],
			['partner', 'ellie', 'why in public'],
		]);
	});

	it('an OpenAI-compatible server is told the same, and plays every voice of the turn', async () => {
		const server = await startFakeOpenAi({
			chats: [{ pieces: ['oof ', 'harsh'] }, { pieces: ['be ', 'kind ', 'all'] }, { pieces: ['why ', 'in ', 'public'] }],
		});
		openAiFakes.push(server);
		const loaded = bundledLibrary().scenarios.find(entry => entry.scenario.id === SCENARIO)!;
		const partner = new VoicesPartner(
			new OpenAiPartner({
				baseUrl: server.url,
				model: 'llama3.2',
				seed: 7,
				timeoutMs: 5000,
				templates: loadPromptTemplates(join(ROOT, 'prompts')),
				emitEveryMs: 0,
			}),
		);
		const controller = new SessionController({ scenario: loaded.scenario, rubric: rubricFor(SCENARIO), learners: ['Asha'] }, partner);
		await controller.reply('Asha', CHALLENGE, 'group');
		const chats = server.requests.filter(entry => entry.path.endsWith('/chat/completions'));
		expect(chats).toHaveLength(3);
		const messages = chats[0]!.body.messages as { role: string; content: string }[];
		expect(messages[0]!.content).toContain('You are playing Josh Whitfield');
		expect(messages.at(-1)!.content).toContain(
			'"Asha" wrote their last message in the group (public, 40 people: Ellie Marsh, Josh Whitfield, Priya Shah (FY2 rep)',
		);
		expect(
			controller.current.messages
				.slice(-3)
				.map(message => [message.kind === 'partner' ? (message.voice ?? 'partner') : 'learner', message.audience, message.text]),
		).toEqual([
			['josh', 'group', 'oof harsh'],
			['priya', 'group', 'be kind all'],
			['partner', 'ellie', 'why in public'],
		]);
	});
});

describe('transcripts written before audiences', () => {
	it.each([
		['the committed example', EXAMPLE],
		['a version 1 group-chat transcript', V1_FIXTURE],
	])('%s opens, lists, exports and reports as before: no audience anywhere', (_, file) => {
		const opened = openTranscript(file);
		expect('transcript' in opened && opened.transcript.version).toBe(1);
		if (!('transcript' in opened)) return;
		const context = { partnerName: 'Ellie Marsh' };
		const markdown = transcriptToMarkdown(opened.transcript, context);
		expect(markdown).not.toMatch(/Where:|in the group|in private with/);
		expect(markdown.match(/^### Turn \d+ · [^·]+ · \d\d:\d\d$/gm)).toHaveLength(opened.transcript.turns.length);
		expect(transcriptToHtml(opened.transcript, context)).not.toContain('class="audience"');
		const folder = mkdtempSync(join(tmpdir(), 'postsafe-audiences-'));
		cpSync(file, join(folder, 'old.json'));
		expect(readCatalog(folder)).toMatchObject([{ kind: 'transcript' }]);
		const report = JSON.parse(runCli(['report', '--transcripts', folder, '--json']).stdout) as Record<string, unknown>;
		expect(report).toMatchObject({ sessions: 1 });
		expect(report).not.toHaveProperty('where');
	});

	// Written by the postsafe of main before audiences (export md and html, report), from the same files:
	// regenerate them only when the export or report is meant to change for every transcript.
	it.each([
		['the committed example', EXAMPLE, 'example'],
		['a version 1 group-chat transcript', V1_FIXTURE, 'v1-group-chat-patient-joke'],
	])('%s exports and reports byte for byte as the postsafe before audiences did', (_, file, name) => {
		const golden = (ending: string) => readFileSync(join(ROOT, 'test', 'fixtures', 'transcripts', 'before-audiences', `${name}.${ending}`), 'utf8');
		expect(runCli(['export', file]).stdout).toBe(golden('md'));
		expect(runCli(['export', file, '--format', 'html']).stdout).toBe(golden('html'));
		const folder = mkdtempSync(join(tmpdir(), 'postsafe-audiences-'));
		cpSync(file, join(folder, `${name}.json`));
		expect(runCli(['report', '--transcripts', folder]).stdout).toBe(golden('report.txt'));
	});
});
