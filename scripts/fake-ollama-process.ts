// The fake Ollama in a process of its own, as the real one is, so the bench's timings are not its own.
// Usage: node dist/fake-ollama-process.js TOKENS — prints the server's URL, then serves until killed.
import { piecesOf, startFakeOllama } from '../test/fake-ollama.js';

/** `count` tokens of a patient going on and on, as Ollama streams them (a word and its space per token). */
function runawayMessage(count: number): string[] {
	const sentence = piecesOf('i tried the surgery again this morning but nobody answers and the rash is spreading up my arm now so please just have a look.');
	return Array.from({ length: count }, (_, index) => sentence[index % sentence.length]!);
}

const server = await startFakeOllama({ models: ['llama3.2:latest'], chats: [{ pieces: runawayMessage(Number(process.argv[2] ?? 2000)) }] });
process.stdout.write(`${server.url}\n`);
