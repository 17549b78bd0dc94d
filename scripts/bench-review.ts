// Review figure for the bench: opening the transcript browser on 5,000 transcripts, against a bare read.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { render } from 'ink';
import React from 'react';
import { reviewServices } from '../source/commands/review.js';
import { KeyRouter } from '../source/ui/input/key-router.js';
import { ReviewApp } from '../source/ui/review/review-app.js';
import { FakeKeyboard, FakeTerminal, tick } from './bench-terminal.js';

const LEARNERS = ['Asha Patel', 'Ben Okafor', 'Chloe Wright', 'Dev Sharma', 'Ella Hughes', 'Farah Khan', 'George Lee', 'Hana Ito'];

/** `count` transcripts made from a real one, each with its own id, learner, date and score. */
export function writeTranscripts(example: string, count: number): string {
	const directory = mkdtempSync(join(tmpdir(), 'postsafe-bench-transcripts-'));
	const base = JSON.parse(readFileSync(example, 'utf8'));
	for (let index = 0; index < count; index++) {
		const started = new Date(Date.UTC(2026, 0, 1) + index * 3_600_000).toISOString();
		const id = `${started.replace(/[-:]/g, '').slice(0, 15)}-${base.scenario.id}-${index}`;
		const learner = LEARNERS[index % LEARNERS.length]!;
		const transcript = {
			...base,
			id,
			learner,
			learners: [learner],
			startedAt: started,
			updatedAt: started,
			score: { ...base.score, score: index % (base.score.max + 1) },
			review: index % 7 === 0 ? { comments: [], summary: 'Reviewed.', outcome: 'meets expectations', reviewer: 'Dr Okafor', signedAt: started } : null,
		};
		writeFileSync(join(directory, `${id}.json`), `${JSON.stringify(transcript, null, 2)}\n`);
	}
	return directory;
}

/** The baseline: read every file and parse its JSON, nothing more. */
function bareRead(directory: string): number {
	const start = performance.now();
	let parsed = 0;
	for (const name of readdirSync(directory)) if (JSON.parse(readFileSync(join(directory, name), 'utf8'))) parsed++;
	if (parsed === 0) throw new Error('no transcripts were read');
	return performance.now() - start;
}

/** From asking for the browser to the frame that lists the newest transcripts, through Ink. */
async function openBrowser(directory: string, newestLearner: string): Promise<number> {
	const start = performance.now();
	const services = await reviewServices(directory);
	const stdout = new FakeTerminal();
	const instance = render(React.createElement(KeyRouter, null, React.createElement(ReviewApp, { services })), {
		stdout: stdout as unknown as NodeJS.WriteStream,
		stdin: new FakeKeyboard() as unknown as NodeJS.ReadStream,
		patchConsole: false,
		maxFps: 60,
	});
	while (!stdout.writes.some(write => write.text.includes(newestLearner))) await tick(0);
	const elapsed = stdout.writes.find(write => write.text.includes(newestLearner))!.at - start;
	instance.unmount();
	return elapsed;
}

function median(values: readonly number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)]!;
}

/** Median times of both over alternated runs, after one of each to warm the disk cache. */
export async function reviewBrowserOpen(example: string, count = 5000, runs = 5): Promise<{ ours: number; bare: number; count: number }> {
	const directory = writeTranscripts(example, count);
	const newest = LEARNERS[(count - 1) % LEARNERS.length]!;
	const ours: number[] = [];
	const bare: number[] = [];
	for (let run = 0; run < runs + 1; run++) {
		const a = await openBrowser(directory, newest);
		const b = bareRead(directory);
		if (run > 0) {
			ours.push(a);
			bare.push(b);
		}
	}
	return { ours: median(ours), bare: median(bare), count };
}
