import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Transcript } from '../source/transcript/schema.js';
import { amendTranscript, GOOD_REPLY, playTranscript, RED_FLAG_REPLY, replyIndex, reviewFor } from './export-transcripts.js';
import { launchChromium } from './helpers/browser.js';
import { runCli } from './helpers/cli.js';

// The page's own globals, as the callbacks run in it use them: the project compiles without the DOM library.
type Canvas2d = {
	drawImage(image: unknown, x: number, y: number): void;
	getImageData(x: number, y: number, width: number, height: number): { data: Uint8ClampedArray };
};
declare const document: {
	createElement(tag: 'canvas'): { width: number; height: number; getContext(kind: '2d'): Canvas2d | null };
	documentElement: { scrollWidth: number };
};
declare const Image: new () => { src: string; readonly naturalWidth: number; readonly naturalHeight: number; decode(): Promise<void> };
declare function getComputedStyle(
	element: unknown,
	pseudo?: string,
): { content: string; backgroundColor: string; borderBottomStyle: string; breakInside: string };

let browser: Browser | undefined;
let page: Page;
let transcript: Transcript;
const requested: string[] = [];

beforeAll(async () => {
	const played = playTranscript([GOOD_REPLY, RED_FLAG_REPLY]);
	transcript = amendTranscript(played, { review: reviewFor(played.transcript) }).transcript;
	const html = join(mkdtempSync(join(tmpdir(), 'postsafe-browser-')), 'entry.html');
	const exported = runCli(['export', played.file, '--format', 'html', '--out', html]);
	if (exported.code !== 0) throw new Error(`postsafe export failed (${exported.code}): ${exported.stderr}`);
	browser = await launchChromium();
	page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
	page.on('request', request => requested.push(request.url()));
	await page.goto(pathToFileURL(html).href);
}, 60_000);

afterAll(async () => {
	await browser?.close();
});

const learnerTexts = () => transcript.turns.filter(turn => turn.role === 'learner').map(turn => turn.text);

describe('the HTML export in Chromium', () => {
	it('shows the whole conversation, the partner on the left and the learner on the right, in their own words', async () => {
		const body = await page.innerText('body');
		for (const turn of transcript.turns) expect(body).toContain(turn.text);
		// The evidence marks' letters are drawn by CSS, so the learner's words read exactly as sent.
		expect(await page.locator('.turn.learner .text').allInnerTexts()).toEqual(learnerTexts());
		const partner = (await page.locator('.turn.partner .bubble').first().boundingBox())!;
		const learner = (await page.locator('.turn.learner .bubble').first().boundingBox())!;
		expect(learner.x).toBeGreaterThan(partner.x + 50);
		expect(learner.x + learner.width).toBeGreaterThan(partner.x + partner.width + 50);
		expect(await page.locator('.turn.partner .who strong').first().innerText()).toBe('Jade Holloway');
		expect(await page.locator('.turn.learner .who strong').first().innerText()).toBe('Asha');
	});

	it('marks the words that met a criterion with its letter and name, and the red flag differently', async () => {
		const first = transcript.turns.find(turn => turn.role === 'learner')!;
		const evidence = first.score!.evidence.find(item => item.kind === 'criterion')!;
		const [start, end] = evidence.spans[0]!;
		const label = transcript.score!.criteria.find(criterion => criterion.id === evidence.id)!.label;
		const mark = page.locator('mark.evidence', { hasText: first.text.slice(start, end) }).first();
		expect(await mark.isVisible()).toBe(true);
		expect(await mark.getAttribute('title')).toContain(`Met: ${label}`);
		const letter = await mark.evaluate(element => getComputedStyle(element, '::after').content);
		expect(letter).toMatch(/^"[A-Z]"$/);
		const flagLabel = transcript.score!.redFlags[0]!.label;
		const flagged = page.locator('mark.flag').first();
		expect(await flagged.getAttribute('title')).toBe(`Red flag: ${flagLabel}`);
		expect(await flagged.evaluate(element => getComputedStyle(element, '::after').content)).toBe('"⚑"');
		const looks = (element: unknown) => `${getComputedStyle(element).backgroundColor} ${getComputedStyle(element).borderBottomStyle}`;
		expect(await flagged.evaluate(looks)).not.toBe(await mark.evaluate(looks));
	});

	it('shows the score from the transcript, a met criterion with its mark, and the red flag with why', async () => {
		const score = transcript.score!;
		const body = await page.innerText('body');
		expect(body).toContain(`Score: ${score.score}/${score.max}`);
		const met = score.criteria.find(criterion => criterion.met)!;
		const row = await page.locator('tr', { hasText: met.label }).innerText();
		expect(row.split('\t').map(cell => cell.trim())).toEqual(['✓ met', met.label, `${met.points}/${met.max}`, `“${met.evidence[0]}”`]);
		const missed = score.criteria.find(criterion => !criterion.met)!;
		expect(await page.locator('tr', { hasText: missed.label }).innerText()).toContain('✗ missed');
		const flag = score.redFlags[0]!;
		expect(body).toContain(`⚑ red flag: ${flag.label}`);
		expect(body).toContain(`Why it matters: ${String(flag.why)}`);
	});

	it("shows the supervisor's review: outcome, reviewer, summary, and the comment under its turn", async () => {
		const review = transcript.review!;
		const section = await page.locator('section.review').innerText();
		expect(section).toMatch(new RegExp(`Outcome\\s+${review.outcome}`));
		expect(section).toMatch(new RegExp(`Reviewer\\s+${review.reviewer}`));
		expect(section).toContain(review.summary);
		const commented = page.locator(`#turn-${review.comments[0]!.turn + 1}`);
		expect(await commented.innerText()).toContain(`Supervisor’s comment: ${review.comments[0]!.text}`);
		expect(await commented.locator('.text').innerText()).toBe(RED_FLAG_REPLY);
	});

	it('loads nothing but itself', () => {
		expect(requested).toHaveLength(1);
		expect(requested[0]).toMatch(/^file:\/\/.*entry\.html$/);
	});

	it('makes a real screenshot: page-sized and not blank', async () => {
		const png = await page.screenshot({ fullPage: true });
		const picture = await page.evaluate(
			async dataUrl => {
				const image = new Image();
				image.src = dataUrl;
				await image.decode();
				const canvas = document.createElement('canvas');
				[canvas.width, canvas.height] = [image.naturalWidth, image.naturalHeight];
				const context = canvas.getContext('2d')!;
				context.drawImage(image, 0, 0);
				const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
				let inked = 0;
				for (let index = 0; index < data.length; index += 4) if (data[index]! < 235 || data[index + 1]! < 235 || data[index + 2]! < 235) inked++;
				return { width: canvas.width, height: canvas.height, inked: inked / (canvas.width * canvas.height) };
			},
			`data:image/png;base64,${png.toString('base64')}`,
		);
		expect(picture.width).toBe(1000);
		expect(picture.height).toBeGreaterThan(800);
		expect(picture.inked).toBeGreaterThan(0.03);
		expect(picture.inked).toBeLessThan(0.8);
	});

	it('wraps a long link or unbroken word in a reply, the score table, a comment and the reflection, never widening the page', async () => {
		const long = `https://www.example-practice.nhs.uk/online-consultation/start?ref=${'a'.repeat(120)}`;
		const played = playTranscript([`Please use the online consultation ${long} or call 111.`]);
		const review = {
			...reviewFor(played.transcript),
			comments: [{ turn: replyIndex(played.transcript, 0), text: long, by: 'Dr Sam Okafor', at: '2026-11-23T10:00:00.000Z' }],
		};
		amendTranscript(played, { review, reflection: { whatHappened: long, soWhat: long, nowWhat: long } });
		const html = join(mkdtempSync(join(tmpdir(), 'postsafe-browser-')), 'long.html');
		expect(runCli(['export', played.file, '--format', 'html', '--out', html]).code).toBe(0);
		const narrow = await browser!.newPage({ viewport: { width: 700, height: 800 } });
		await narrow.goto(pathToFileURL(html).href);
		expect(await narrow.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(700);
		await narrow.close();
	});

	it('prints on A4, keeping each message whole', async () => {
		const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
		expect(pdf.startsWith('%PDF-')).toBe(true);
		const boxes = [...pdf.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map(([, width, height]) => [
			Math.floor(Number(width)),
			Math.floor(Number(height)),
		]);
		expect(boxes.length).toBeGreaterThan(0);
		for (const box of boxes) expect(box).toEqual([595, 842]);
		expect(pdf.match(/\/Type\s*\/Page\b(?!s)/g)?.length).toBeGreaterThan(0);
		await page.emulateMedia({ media: 'print' });
		expect(await page.locator('.turn').evaluateAll(turns => turns.map(turn => getComputedStyle(turn).breakInside))).toEqual(
			transcript.turns.map(() => 'avoid'),
		);
		await page.emulateMedia({ media: 'screen' });
	});
});
