// A supervisor signing off a transcript again and again, in a process of its own, while a session
// writes the same file: `node --import tsx review-writer.ts FILE MILLISECONDS`. Prints "ready", then
// when done the number of sign-offs it wrote.
import { saveReview } from '../../source/transcript/review-store.js';

const [file, duration] = [process.argv[2]!, Number(process.argv[3])];
process.stdout.write('ready\n');
const until = Date.now() + duration;
let count = 0;
const pause = new Int32Array(new SharedArrayBuffer(4));
while (Date.now() < until) {
	// Far faster than a supervisor signs off, but not a tight loop that would hold the lock all the time.
	Atomics.wait(pause, 0, 0, 15);
	count++;
	saveReview(file, {
		comments: [{ turn: 0, text: `comment ${count}`, by: 'Dr Shah', at: '2026-12-03T09:00:00.000Z' }],
		summary: `sign-off ${count}`,
		outcome: 'meets expectations',
		reviewer: 'Dr Shah',
		signedAt: '2026-12-03T09:00:00.000Z',
	});
}
process.stdout.write(`${count}\n`);
