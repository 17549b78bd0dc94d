// npm run bench:load: a year group on one GPU server. 30 learners play plain-mode sessions at once, each
// through the OpenAI-compatible partner, against a fake server that streams 4 replies at a time and
// refuses the rest with 503 or 429 and Retry-After. Every session must complete with every reply and
// every model message; the figures are the wait per turn and the throughput against the server's own.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { playPlain } from '../source/commands/play-plain.js';
import { startRecordedSession } from '../source/transcript/start-session.js';
import { OpenAiPartner } from '../source/partner/openai.js';
import { loadPromptTemplates } from '../source/partner/prompt-files.js';
import { ScriptedPartner } from '../source/partner/scripted.js';
import { loadScenarios, packageRoot } from '../source/library/scenario-files.js';
import { Transcript } from '../source/transcript/schema.js';
import { startFakeOpenAi, tokensOf } from '../test/fake-openai.js';
import '../source/cli/production.js';

const LEARNERS = 30;
const SLOTS = 4;
const TOKENS = 20;
// 20 tokens at 50 ms: a one-second reply, as a 7B model on a shared GPU streams a short DM.
const TOKEN_MS = 50;
const REPLIES = 4;
const RETRY_AFTER_S = 1;

const ROOT = packageRoot();
const library = await loadScenarios(join(ROOT, 'scenarios'));
if (!('criteria' in library)) throw new Error('the bundled scenarios have errors');
const loaded = library.scenarios.find(item => item.scenario.id === 'patient-dm-rash')!;
const templates = loadPromptTemplates(join(ROOT, 'prompts'));
const message = tokensOf('ok i get it, i will send it through the online form tonight and ring 111 if it gets worse thanks');
const server = await startFakeOpenAi({
	chats: [{ pieces: message.slice(0, TOKENS), delayMs: TOKEN_MS }],
	capacity: SLOTS,
	busyStatuses: [503, 429],
	busyRetryAfter: RETRY_AFTER_S,
});
const transcripts = mkdtempSync(join(tmpdir(), 'postsafe-bench-load-'));
// Replies that earn no early ending, so every session runs to its turn limit and asks the model each time.
const replies = ['Oh no, sorry to hear that.', 'That sounds really uncomfortable.', 'Hmm, let me think about it.', 'I hope it settles down soon.'];

const waits: number[] = [];
const backoffs: number[] = [];
const started = Date.now();
const sessions = Array.from({ length: LEARNERS }, async (_, index) => {
	const learner = `Learner${String(index + 1).padStart(2, '0')}`;
	const partner = new OpenAiPartner({
		baseUrl: server.url,
		model: 'llama3.2',
		seed: index,
		timeoutMs: 60_000,
		templates,
		emitEveryMs: 50,
		onBusy: wait => backoffs.push(wait),
	});
	const session = startRecordedSession({ loaded, criteria: library.criteria.library, learners: [learner], partner, transcripts, turns: REPLIES });
	let asked: number | undefined;
	session.controller.subscribe(state => {
		const last = state.messages.at(-1);
		if (last?.kind === 'learner' && state.phase === 'partner' && asked === undefined) asked = Date.now();
		if (last?.kind === 'partner' && asked !== undefined) {
			waits.push(Date.now() - asked);
			asked = undefined;
		}
	});
	await playPlain({
		session,
		learner,
		sources: library.criteria.library.sources,
		json: true,
		input: Readable.from(replies.map(reply => `${reply}\n`)),
		stdout: () => {},
		stderr: () => {},
		scriptedPartner: () => new ScriptedPartner(),
	});
});
await Promise.all(sessions);
const seconds = (Date.now() - started) / 1000;
await server.close();

const files = readdirSync(transcripts).map(file => Transcript.parse(JSON.parse(readFileSync(join(transcripts, file), 'utf8'))));
rmSync(transcripts, { recursive: true, force: true });
const complete = files.filter(file => file.status === 'complete').length;
const learnerTurns = files.reduce((sum, file) => sum + file.turns.filter(turn => turn.role === 'learner').length, 0);
const modelTurns = files.reduce((sum, file) => sum + file.turns.filter(turn => turn.role === 'partner' && turn.source === 'model').length, 0);
const expectedModel = LEARNERS * (REPLIES - 1);

const sorted = [...waits].sort((a, b) => a - b);
const at = (fraction: number) => sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? 0;
const replySeconds = (TOKENS * TOKEN_MS) / 1000;
const capacity = SLOTS / replySeconds;
const throughput = modelTurns / seconds;
console.log(
	`Load: ${LEARNERS} learners, ${REPLIES} replies each, against a fake OpenAI-compatible server streaming ${SLOTS} replies at a time (${TOKENS} tokens, ${replySeconds.toFixed(1)} s a reply) and refusing the rest with 503/429, Retry-After ${RETRY_AFTER_S} s`,
);
console.log(`  sessions complete        ${complete}/${LEARNERS}`);
console.log(`  learner replies saved    ${learnerTurns}/${LEARNERS * REPLIES}`);
console.log(`  model messages           ${modelTurns}/${expectedModel} (none fell back to the script)`);
console.log(
	`  refusals (503/429)       ${server.refused}; retries waited ${backoffs.length} times, each ≥ ${Math.min(...backoffs) / 1000} s (Retry-After with up to 25% jitter), at most ${Math.max(...backoffs) / 1000} s`,
);
console.log(
	`  wait per turn            p50 ${(at(0.5) / 1000).toFixed(2)} s · p95 ${(at(0.95) / 1000).toFixed(2)} s (one reply alone: ${replySeconds.toFixed(2)} s)`,
);
console.log(
	`  throughput               ${throughput.toFixed(1)} replies/s = ${(throughput / capacity).toFixed(2)}× the server's capacity of ${capacity.toFixed(0)} replies/s (most at once: ${server.mostAtOnce})`,
);
console.log(`  wall time                ${seconds.toFixed(1)} s`);
const ok =
	complete === LEARNERS &&
	learnerTurns === LEARNERS * REPLIES &&
	modelTurns === expectedModel &&
	server.mostAtOnce <= SLOTS &&
	Math.min(...backoffs) >= RETRY_AFTER_S * 1000;
console.log(ok ? '  ok: every session completed, no reply lost, every retry waited as Retry-After said' : '  FAILED: see above');
process.exitCode = ok ? 0 : 1;
