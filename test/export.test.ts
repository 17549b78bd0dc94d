import { lstatSync, readFileSync, statSync, mkdtempSync, symlinkSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { transcriptToHtml } from '../source/export/html.js';
import { transcriptToMarkdown } from '../source/export/markdown.js';
import type { Transcript, TranscriptTurn } from '../source/transcript/schema.js';
import { amendTranscript, playTranscript, RED_FLAG_REPLY, replyIndex, reviewFor, type Played } from './export-transcripts.js';
import { runCli } from './helpers/cli.js';

// A reply that tries to break out of both formats, and still earns evidence (boundaries).
const HOSTILE_REPLY =
	"Sorry Jade, <script>alert(1)</script></div> I can't give medical advice on Instagram | pipes | # heading. Please use the practice's online consultation form.";
const REFLECTION = {
	whatHappened: '# heading\n| a | b |\n|---|---|\n- not a list\n1. nor this\n<script>alert(1)</script> & [a link](http://example.com) *stars* _under_ `tick`',
	soWhat: 'I gave advice with no record.',
	nowWhat: '> not a quote\nName the route and stop there.',
};
const context = { partnerName: 'Jade Holloway' };

let played: Played;
let transcript: Transcript;

beforeAll(() => {
	const fresh = playTranscript([HOSTILE_REPLY, RED_FLAG_REPLY]);
	played = amendTranscript(fresh, { review: reviewFor(fresh.transcript), reflection: REFLECTION });
	transcript = played.transcript;
});

const learnerTurns = (of: Transcript) =>
	of.turns.filter((turn): turn is TranscriptTurn & { score: NonNullable<TranscriptTurn['score']> } => turn.role === 'learner' && turn.score !== undefined);
/** What CommonMark shows for backslash-escaped punctuation: the character itself. */
const unescapeMarkdown = (markdown: string) => markdown.replace(/\\([!-/:-@[-`{-~])/g, '$1');
const decodeHtml = (html: string) =>
	html
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'")
		.replace(/&amp;/g, '&');
const labelOf = (id: string) => [...transcript.score!.criteria, ...transcript.score!.redFlags].find(item => item.id === id)!.label;

describe('the Markdown export', () => {
	it('keeps every learner reply byte for byte, apart from backslash escapes', () => {
		const markdown = transcriptToMarkdown(transcript, context);
		const shown = unescapeMarkdown(markdown);
		for (const turn of learnerTurns(transcript)) expect(shown).toContain(`> ${turn.text}`);
		for (const line of Object.values(REFLECTION).flatMap(text => text.split('\n'))) expect(shown).toContain(line);
	});

	it("lets no learner's words become a heading, a list, a quote, a table, a link or HTML", () => {
		const markdown = transcriptToMarkdown(transcript, context);
		expect(markdown).not.toContain('<script>');
		expect(markdown).toContain('\\<script\\>alert(1)\\</script\\>\\</div\\>');
		expect(markdown).not.toMatch(/^(> )?#+ heading/m);
		expect(markdown).toMatch(/^\\# heading\\$/m);
		expect(markdown).toMatch(/^\\- not a list\\$/m);
		expect(markdown).toMatch(/^1\\\. nor this\\$/m);
		expect(markdown).toMatch(/^\\> not a quote\\$/m);
		expect(markdown).toContain('\\[a link\\](http://example.com) \\*stars\\* \\_under\\_ \\`tick\\`');
		// Every row of the score table still has its five cell borders, pipes in the evidence or not.
		const rows = markdown.split('\n').filter(line => /^\| (✓ met|✗ missed) \|/.test(line));
		expect(rows).toHaveLength(transcript.score!.criteria.length);
		for (const row of rows) expect(row.match(/(?<!\\)\|/g)).toHaveLength(5);
		expect(rows.join('\n')).toContain('\\| pipes \\|');
	});

	it('shows each reply with what it met and the red flag it raised, quoting the words at its spans', () => {
		const markdown = unescapeMarkdown(transcriptToMarkdown(transcript, context));
		const [good, flagged] = learnerTurns(transcript);
		const signs = { criterion: '✓ met', redFlag: '⚑ red flag', against: '¬ negated' };
		for (const turn of [good!, flagged!]) {
			for (const item of turn.score.evidence) {
				const words = item.spans.map(([start, end]) => `“${turn.text.slice(start, end)}”`).join(', ');
				expect(markdown).toContain(`${signs[item.kind]}: ${labelOf(item.id)} — ${words}`);
			}
		}
		expect(flagged!.score.evidence.map(item => item.kind)).toContain('redFlag');
		expect(good!.score.evidence.map(item => item.kind)).toContain('criterion');
	});

	it('gives the score, each criterion met or missed with its points, and the red flag with why', () => {
		const markdown = transcriptToMarkdown(transcript, context);
		const score = transcript.score!;
		expect(markdown).toContain(`## Score: ${score.score}/${score.max}`);
		for (const criterion of score.criteria) {
			expect(markdown).toMatch(
				new RegExp(`^\\| ${criterion.met ? '✓ met' : '✗ missed'} \\| ${criterion.label} \\| ${criterion.points}/${criterion.max} \\|`, 'm'),
			);
		}
		const flag = score.redFlags[0]!;
		expect(markdown).toContain(`- ⚑ **${flag.label}**`);
		expect(markdown).toContain(`Why it matters: ${String(flag.why)}`);
	});

	it("shows the header, the reflection and the supervisor's review, with each comment under its turn", () => {
		const markdown = transcriptToMarkdown(transcript, context);
		expect(markdown.split('\n')[0]).toBe(`# ${transcript.scenario.title}`);
		expect(markdown).toContain('- **Learner:** Asha');
		expect(markdown).toContain('- **Partner:** Jade Holloway, played by the scripted partner (offline)');
		const started = new Date(transcript.startedAt);
		const month = started.toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' });
		expect(markdown).toMatch(new RegExp(`^- \\*\\*Date:\\*\\* ${started.getUTCDate()} ${month} ${started.getUTCFullYear()} at \\d\\d:\\d\\d UTC$`, 'm'));
		expect(markdown).toMatch(/## Reflection\n\n### What happened\?[\s\S]*### So what\?\n\nI gave advice with no record\.[\s\S]*### Now what\?/);
		const review = transcript.review!;
		expect(markdown).toContain(`- **Outcome:** ${review.outcome}`);
		expect(markdown).toContain(`- **Reviewer:** ${review.reviewer}`);
		expect(markdown).toContain('- **Signed:** 23 November 2026 at 10:05 UTC');
		expect(markdown).toContain(review.summary);
		const turn = replyIndex(transcript, 1);
		const section = markdown.slice(markdown.indexOf(`### Turn ${turn + 1} ·`), markdown.indexOf(`### Turn ${turn + 2} ·`));
		expect(section).toContain(`**Supervisor’s comment** (Dr Sam Okafor, 23 November 2026 at 10:00 UTC): ${review.comments[0]!.text}`);
	});

	it('shows the sign-off in force and every earlier one it superseded, in Markdown and HTML', () => {
		const earlier = {
			reviewer: 'Dr Sam Okafor',
			signedAt: '2026-11-23T10:05:00.000Z',
			outcome: 'needs development',
			summary: 'Advice under pressure.',
		} as const;
		const resigned: Transcript = {
			...transcript,
			review: {
				...transcript.review!,
				reviewer: 'Dr Lee',
				outcome: 'meets expectations',
				signedAt: '2026-11-30T09:00:00.000Z',
				summary: 'Safe now.',
				history: [earlier],
			},
		};
		const markdown = transcriptToMarkdown(resigned, context);
		expect(markdown).toContain('- **Reviewer:** Dr Lee');
		expect(markdown).toContain(
			'### Earlier sign-offs (superseded)\n\n- 23 November 2026 at 10:05 UTC — **Dr Sam Okafor**: needs development. Advice under pressure.\n',
		);
		const html = transcriptToHtml(resigned, context);
		expect(html).toContain(
			'<h3>Earlier sign-offs (superseded)</h3><ul class="history"><li>23 November 2026 at 10:05 UTC — <strong>Dr Sam Okafor</strong>: needs development. Advice under pressure.</li></ul>',
		);
		expect(transcriptToMarkdown(transcript, context)).not.toContain('Earlier sign-offs');
	});

	it("lists an interview's structure steps, taken or missed, as the score JSON has them", () => {
		const interview = playTranscript(
			['I would speak to my colleague privately and explain the concern, then escalate to my supervisor if needed.', 'I would reflect on it.'],
			['interview', 'interview-colleague-post'],
		).transcript;
		const markdown = transcriptToMarkdown(interview, { partnerName: 'Mr Daniel Price' });
		const steps = interview.score!.structure as { label: string; met: boolean }[];
		expect(steps.length).toBeGreaterThan(0);
		expect(markdown).toContain(`### Structure: ${steps.filter(step => step.met).length} of ${steps.length} steps`);
		steps.forEach((step, index) => expect(markdown).toContain(`${index + 1}. ${step.met ? '✓ taken' : '✗ missed'}: ${step.label}`));
	});
});

/** The learner turns' text as the page has it: the words, and which of their characters are marked and how. */
function markedReplies(html: string): { text: string; marks: { start: number; end: number; className: string; title: string }[] }[] {
	return [...html.matchAll(/<li class="turn learner"[^>]*>.*?<p class="text">(.*?)<\/p>/gs)].map(([, inner]) => {
		let text = '';
		const marks: { start: number; end: number; className: string; title: string }[] = [];
		for (const [, open, content] of inner!.matchAll(/(<mark [^>]*>)?([^<]*)(?:<\/mark>)?/g)) {
			const words = decodeHtml(content!);
			if (open)
				marks.push({
					start: text.length,
					end: text.length + words.length,
					className: /class="(\w+)"/.exec(open)![1]!,
					title: decodeHtml(/title="([^"]*)"/.exec(open)![1]!),
				});
			text += words;
		}
		return { text, marks };
	});
}

describe('the HTML export', () => {
	it('escapes every word, so a reply cannot add markup or a script', () => {
		const html = transcriptToHtml(transcript, context);
		expect(html).not.toMatch(/<script/i);
		expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&lt;/div&gt;');
		expect(html.match(/<div\b/g)?.length).toBe(html.match(/<\/div>/g)?.length);
		expect(html.match(/<li\b/g)?.length).toBe(html.match(/<\/li>/g)?.length);
	});

	it('stands alone: nothing fetched, no scripts, A4 print styles', () => {
		const html = transcriptToHtml(transcript, context);
		expect(html).not.toMatch(/<(script|link|img|iframe|object)\b|\bsrc=|\bhref=|@import|url\(|@font-face/i);
		expect(html).toMatch(/@page \{ size: A4; margin: [^}]+\}/);
		expect(html).toMatch(/@media print \{[\s\S]*break-inside: avoid/);
		expect(html).toMatch(/\.turn \{[^}]*break-inside: avoid/);
	});

	it("keeps each reply whole and marks exactly the characters at the evidence's spans, labelled with what they counted for", () => {
		const replies = markedReplies(transcriptToHtml(transcript, context));
		const turns = learnerTurns(transcript);
		expect(replies.map(reply => reply.text)).toEqual(turns.map(turn => turn.text));
		replies.forEach((reply, index) => {
			const { evidence } = turns[index]!.score;
			for (let at = 0; at < reply.text.length; at++) {
				const covering = evidence.filter(item => item.spans.some(([start, end]) => start <= at && at < end));
				const mark = reply.marks.find(candidate => candidate.start <= at && at < candidate.end);
				expect(Boolean(mark), `character ${at} of reply ${index + 1}`).toBe(covering.length > 0);
				if (!mark) continue;
				expect(mark.className).toBe(covering.some(item => item.kind === 'redFlag') ? 'flag' : 'evidence');
				const says = { criterion: 'Met', redFlag: 'Red flag', against: 'Negated' };
				for (const item of covering) expect(mark.title).toContain(`${says[item.kind]}: ${labelOf(item.id)}`);
			}
		});
		expect(replies.flatMap(reply => reply.marks).some(mark => mark.className === 'flag')).toBe(true);
		expect(replies.flatMap(reply => reply.marks).some(mark => mark.className === 'evidence')).toBe(true);
	});

	it('puts the partner on the left and the learner on the right, each named', () => {
		const html = transcriptToHtml(transcript, context);
		const roles = [...html.matchAll(/<li class="turn (\w+)"[^>]*><div class="bubble"><p class="who"><strong>([^<]*)<\/strong>/g)].map(
			([, role, name]) => `${role}:${name}`,
		);
		expect(roles).toEqual(transcript.turns.map(turn => (turn.role === 'learner' ? 'learner:Asha' : 'partner:Jade Holloway')));
	});

	it('shows the score, the reflection and the review in words and marks, not colour alone', () => {
		const html = transcriptToHtml(transcript, context);
		const score = transcript.score!;
		expect(html).toContain(`Score: <span class="total">${score.score}/${score.max}</span>`);
		for (const criterion of score.criteria)
			expect(html).toContain(
				`<td class="result ${criterion.met ? 'met"><span class="sign">✓</span> met' : 'missed"><span class="sign">✗</span> missed'}</td><td>${criterion.label}</td><td class="points">${criterion.points}/${criterion.max}</td>`,
			);
		expect(html).toContain(`<span class="sign">⚑</span> red flag: <strong>${score.redFlags[0]!.label}</strong>`);
		expect(html).toContain('I gave advice with no record.');
		expect(html).toContain('# heading\n| a | b |');
		expect(html).toContain('<span class="outcome">needs development</span>');
		expect(html).toContain('<dt>Reviewer</dt><dd>Dr Sam Okafor</dd>');
		expect(html).toMatch(new RegExp(`id="turn-${replyIndex(transcript, 1) + 1}">.*Supervisor’s comment:</strong> You diagnosed from a photo here`));
	});
});

describe('postsafe export on the command line', () => {
	const tmp = () => mkdtempSync(join(tmpdir(), 'postsafe-export-cli-'));

	it('prints one transcript to stdout, and writes the same text to --out FILE, private to its owner', () => {
		const printed = runCli(['export', played.file, '--format', 'md']);
		expect(printed.code).toBe(0);
		expect(printed.stdout.startsWith(`# ${transcript.scenario.title}\n`)).toBe(true);
		const file = join(tmp(), 'entry.md');
		const written = runCli(['export', played.file, '--out', file]);
		expect(written.code).toBe(0);
		expect(readFileSync(file, 'utf8')).toBe(printed.stdout);
		expect(statSync(file).mode & 0o777).toBe(0o600);
	});

	it('writes --out FILE into a folder that is not there yet, making it private to its owner', () => {
		const folder = join(tmp(), 'portfolio', '2026');
		const written = runCli(['export', played.file, '--format', 'html', '--out', join(folder, 'rash.html')]);
		expect(written.stderr).toBe('');
		expect(written.code).toBe(0);
		expect(readFileSync(join(folder, 'rash.html'), 'utf8')).toMatch(/^<!doctype html>/i);
		expect(statSync(folder).mode & 0o777).toBe(0o700);
	});

	it('writes several transcripts into --out DIR, one file each named after the transcript id', () => {
		const second = playTranscript(['I will not advise here.']);
		const directory = join(tmp(), 'exports');
		const result = runCli(['export', played.file, second.file, '--format', 'html', '--out', directory]);
		expect(result.code).toBe(0);
		expect(readdirSync(directory).sort()).toEqual([`${transcript.id}.html`, `${second.transcript.id}.html`].sort());
		expect(readFileSync(join(directory, `${second.transcript.id}.html`), 'utf8')).toContain('I will not advise here.');
	});

	it('never follows a link at --out onto the file it points to: refused in one line, the target as it was', () => {
		const folder = tmp();
		const target = join(folder, 'bashrc');
		writeFileSync(target, 'export PATH=/usr/bin\n', { mode: 0o644 });
		const link = join(folder, 'entry.md');
		symlinkSync(target, link);
		const result = runCli(['export', played.file, '--out', link]);
		expect(result.code).toBe(1);
		expect(result.stderr).toBe(
			`postsafe: ${link}: can't be written (it is a link, a device or a pipe, not a regular file: postsafe will not write through it)\n`,
		);
		expect(readFileSync(target, 'utf8')).toBe('export PATH=/usr/bin\n');
		expect(statSync(target).mode & 0o777).toBe(0o644);
		expect(lstatSync(link).isSymbolicLink()).toBe(true);
	});

	it('infers HTML from --out x.html when --format is not given', () => {
		const file = join(tmp(), 'entry.html');
		const written = runCli(['export', played.file, '--out', file]);
		expect(written.code).toBe(0);
		expect(readFileSync(file, 'utf8')).toMatch(/^<!doctype html>/i);
	});

	it('exports a folder of conversations and SJT records, names the corrupt file, and exits 1', () => {
		const folder = tmp();
		const second = playTranscript(['I will not advise here.']);
		for (const from of [played.file, second.file]) writeFileSync(join(folder, from.split('/').at(-1)!), readFileSync(from));
		const sjt = runCli(['sjt', '--count', '1', '--type', 'rank', '--seed', '3', '--learner', 'Asha', '--transcripts', folder], { input: 'A,D,B,C,E\n' });
		expect(sjt.code).toBe(0);
		writeFileSync(join(folder, 'corrupt.json'), '{"version": 1, "turns": [');
		const files = readdirSync(folder)
			.map(name => join(folder, name))
			.sort();
		const sjtFile = files.find(file => file.includes('-sjt-'))!;
		const out = join(tmp(), 'exports');
		const result = runCli(['export', ...files, '--format', 'html', '--out', `${out}/`]);
		expect(result.code).toBe(1);
		expect(result.stderr).toBe(
			`postsafe: ${join(folder, 'corrupt.json')}: truncated JSON (the file ends part-way); not exported\npostsafe: exported 3 of 4; 1 could not be read\n`,
		);
		expect(readdirSync(out).sort()).toEqual(
			[`${transcript.id}.html`, `${second.transcript.id}.html`, `${sjtFile.split('/').at(-1)!.replace('.json', '')}.html`].sort(),
		);
		// The SJT record as a portfolio entry: the item, the answer against the ideal, the marks and the rationales.
		const record = JSON.parse(readFileSync(sjtFile, 'utf8'));
		const html = readFileSync(join(out, `${record.id}.html`), 'utf8');
		const item = record.items[0];
		expect(html).toContain('<h1>SJT practice</h1>');
		expect(html).toContain(`Item 1: ${item.title.replace(/'/g, '&#39;')} — ${item.points}/${item.max}`);
		expect(html).toContain(`Your order: ${item.answer.join(' &gt; ')}`);
		expect(html).toContain(`Ideal order: ${item.ideal.join(' &gt; ')}`);
		expect(html).toMatch(/<strong>A<\/strong> · yours \d, ideal \d: \d\/4/);
		expect((html.match(/<p class="why">Why: /g) ?? []).length).toBe(5);
		const markdown = runCli(['export', sjtFile]);
		expect(markdown.code).toBe(0);
		expect(markdown.stdout).toContain(`- Your order: ${item.answer.join(' \\> ')}`);
		expect(markdown.stdout).toMatch(/^ {2}- Why: /m);
	});

	it('refuses several transcripts without --out, in one line, exit 2', () => {
		const result = runCli(['export', played.file, played.file]);
		expect(result.code).toBe(2);
		expect(result.stdout).toBe('');
		expect(result.stderr).toBe('postsafe: 2 transcripts need --out DIR (one md file each)\n');
	});

	it('names a missing, truncated or foreign file and why, in one line, exit 1', () => {
		const directory = tmp();
		const truncated = join(directory, 'truncated.json');
		// Cut part-way through the learner's reply, as a full disk or a killed copy would leave it.
		const json = readFileSync(played.file, 'utf8');
		writeFileSync(truncated, json.slice(0, json.indexOf(RED_FLAG_REPLY) + 10));
		const foreign = join(directory, 'foreign.json');
		writeFileSync(foreign, '{"hello": "world"}');
		const newer = join(directory, 'newer.json');
		writeFileSync(newer, json.replace('"version": 2', '"version": 3'));
		const missing = join(directory, 'missing.json');
		const cases = [
			[missing, 'no such file'],
			[truncated, 'truncated JSON (the file ends part-way)'],
			[foreign, 'not a postsafe transcript (no version or turns)'],
			[newer, 'transcript version 3; this postsafe reads versions 1 and 2'],
			[directory, 'a folder, not a transcript file'],
		] as const;
		for (const [file, reason] of cases) {
			const result = runCli(['export', file, '--format', 'html']);
			expect(result.code).toBe(1);
			expect(result.stdout).toBe('');
			expect(result.stderr.startsWith(`postsafe: ${file}: ${reason}`)).toBe(true);
			expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
		}
	});
});
