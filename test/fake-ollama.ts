import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How the fake answers one /api/chat request. */
export type ChatScript = {
	/** The reply, streamed piece by piece. */
	readonly pieces: readonly string[];
	/** Wait between pieces. @default 0 */
	readonly delayMs?: number;
	/** After this many pieces, cut the connection (a crashed server, a dropped socket). */
	readonly dropAfter?: number;
	/** After this many pieces, send an {"error": …} line, as Ollama does when generation fails. */
	readonly errorAfter?: number;
	/** After this many pieces, go silent with the connection open. */
	readonly stallAfter?: number;
};

export type RecordedRequest = { readonly method: string; readonly path: string; readonly body: any };

/** A fault on one path (/api/version, /api/tags, /api/show, /api/chat), for its first `times` requests (all when not given). */
export type RouteFault = {
	/** Wait this long before answering (a slow or loaded server). */
	readonly delayMs?: number;
	/** Answer with this status instead (503 busy, 500 server error, 200 with an HTML page…). */
	readonly status?: number;
	/** The body sent with `status`. @default an Ollama error object */
	readonly body?: string;
	/** @default 'application/json; charset=utf-8' */
	readonly contentType?: string;
	readonly times?: number;
};

export type FakeOllamaOptions = {
	/** Misbehaviour by path. */
	readonly faults?: Readonly<Record<string, RouteFault>>;
	/** Installed models, as /api/tags names them. @default ['llama3.2:latest'] */
	readonly models?: string[];
	/** The answer to each /api/chat request, in turn; the last one repeats. */
	readonly chats?: readonly ChatScript[];
	/** Steps of a pull's progress. @default 4 */
	readonly pullSteps?: number;
};

export type FakeOllama = {
	readonly url: string;
	readonly requests: RecordedRequest[];
	readonly models: string[];
	/** Chat replies the client closed before their end (a cancel, or the partner stopping the model). */
	readonly stoppedChats: number;
	close(): Promise<void>;
};

const sleep = (milliseconds: number) => new Promise(resolve => setTimeout(resolve, milliseconds));

function readBody(request: IncomingMessage): Promise<any> {
	return new Promise((resolve, reject) => {
		let data = '';
		request.setEncoding('utf8');
		request.on('data', chunk => (data += chunk));
		request.on('end', () => {
			try {
				resolve(data === '' ? undefined : JSON.parse(data));
			} catch (error) {
				reject(error);
			}
		});
		request.on('error', reject);
	});
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
	response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
	response.end(JSON.stringify(body));
}

/** "llama3.2" means "llama3.2:latest", as in Ollama. */
function fullName(model: string): string {
	return model.includes(':') ? model : `${model}:latest`;
}

/** Splits a reply into token-sized pieces: words with their leading space, as a model streams them. */
export function piecesOf(text: string): string[] {
	return text.match(/\s*\S+/g) ?? [];
}

/**
 * A stand-in for Ollama on 127.0.0.1: real HTTP, the real wire format (NDJSON streaming for chat and
 * pull; tags, show and version as JSON), so tests drive the real `ollama` client against it.
 */
export async function startFakeOllama(options: FakeOllamaOptions = {}): Promise<FakeOllama> {
	const models = [...(options.models ?? ['llama3.2:latest'])];
	const chats = options.chats ?? [{ pieces: piecesOf('ok fair enough, thanks for getting back to me') }];
	const requests: RecordedRequest[] = [];
	let chatCount = 0;
	let stoppedChats = 0;
	const sockets = new Set<import('node:net').Socket>();

	const server = createServer(async (request, response) => {
		const path = new URL(request.url ?? '/', 'http://localhost').pathname;
		const body = request.method === 'POST' ? await readBody(request) : undefined;
		requests.push({ method: request.method ?? 'GET', path, body });
		const fault = options.faults?.[path];
		const seen = requests.filter(earlier => earlier.path === path).length;
		if (fault && (fault.times === undefined || seen <= fault.times)) {
			if (fault.delayMs) await sleep(fault.delayMs);
			if (fault.status !== undefined) {
				response.writeHead(fault.status, { 'Content-Type': fault.contentType ?? 'application/json; charset=utf-8' });
				return response.end(
					fault.body ??
						JSON.stringify({
							error:
								fault.status === 503
									? 'server busy, please try again.  maximum pending requests exceeded'
									: 'llama runner process has terminated: signal: killed',
						}),
				);
			}
		}
		const installed = (model: string) => models.includes(fullName(model));
		// Ollama takes "model", and still "name" (which the client sends for pull and show).
		const model: string | undefined = body?.model ?? body?.name;

		if (path === '/api/version') return sendJson(response, 200, { version: '0.12.6' });
		if (path === '/api/tags') {
			return sendJson(response, 200, {
				models: models.map(name => ({
					name,
					model: name,
					modified_at: '2026-11-01T09:30:00.000000000Z',
					size: 2_019_393_189,
					digest: 'a80c4f17acd55265feec403c7aef86be0c25983ab279d83f3bcd3abbcb5b8b72',
					details: { parent_model: '', format: 'gguf', family: 'llama', families: ['llama'], parameter_size: '3.2B', quantization_level: 'Q4_K_M' },
				})),
			});
		}
		if (path === '/api/show') {
			if (!model || !installed(model)) return sendJson(response, 404, { error: `model '${model}' not found` });
			return sendJson(response, 200, {
				modelfile: `FROM ${fullName(model)}`,
				parameters: 'stop "<|eot_id|>"',
				template: '{{ .Prompt }}',
				details: { format: 'gguf', family: 'llama', parameter_size: '3.2B', quantization_level: 'Q4_K_M' },
				model_info: { 'general.architecture': 'llama' },
				capabilities: ['completion'],
			});
		}
		if (path === '/api/pull') {
			response.writeHead(200, { 'Content-Type': 'application/x-ndjson' });
			const total = 2_019_393_189;
			const steps = options.pullSteps ?? 4;
			response.write(`${JSON.stringify({ status: 'pulling manifest' })}\n`);
			for (let step = 1; step <= steps; step++) {
				await sleep(10);
				response.write(
					`${JSON.stringify({ status: 'pulling dde5aa3fc5ff', digest: 'sha256:dde5aa3fc5ff', total, completed: Math.round((total * step) / steps) })}\n`,
				);
			}
			for (const status of ['verifying sha256 digest', 'writing manifest', 'success']) response.write(`${JSON.stringify({ status })}\n`);
			if (model && !models.includes(fullName(model))) models.push(fullName(model));
			return response.end();
		}
		if (path === '/api/chat') {
			if (!model || !installed(model)) return sendJson(response, 404, { error: `model "${model}" not found, try pulling it first` });
			const script = chats[Math.min(chatCount++, chats.length - 1)]!;
			response.writeHead(200, { 'Content-Type': 'application/x-ndjson' });
			let stopped = false;
			response.on('close', () => {
				if (response.writableFinished) return;
				stopped = true;
				stoppedChats++;
			});
			const line = (content: string, done = false) =>
				`${JSON.stringify({ model: fullName(model), created_at: new Date().toISOString(), message: { role: 'assistant', content }, done, ...(done ? { done_reason: 'stop', total_duration: 1_200_000, load_duration: 100_000, prompt_eval_count: 26, prompt_eval_duration: 200_000, eval_count: script.pieces.length, eval_duration: 900_000 } : {}) })}\n`;
			// A drop cuts the socket once what was sent has left, as when the server process dies.
			const drop = async () => {
				await sleep(30);
				response.socket?.destroy();
			};
			for (const [index, piece] of script.pieces.entries()) {
				if (index === script.dropAfter) return drop();
				if (index === script.errorAfter)
					return response.end(`${JSON.stringify({ error: 'an error was encountered while running the model: unexpected EOF' })}\n`);
				if (index === script.stallAfter) return;
				if (script.delayMs) await sleep(script.delayMs);
				if (stopped) return;
				if (!response.write(line(piece))) await new Promise(resolve => response.once('drain', resolve));
			}
			if (script.dropAfter === script.pieces.length) return drop();
			if (script.stallAfter === script.pieces.length) return;
			return response.end(line('', true));
		}
		sendJson(response, 404, { error: 'not found' });
	});
	server.on('connection', socket => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		requests,
		models,
		get stoppedChats() {
			return stoppedChats;
		},
		close: () =>
			new Promise(resolve => {
				for (const socket of sockets) socket.destroy();
				server.close(() => resolve());
			}),
	};
}

/** An address nothing listens on: connections to it are refused at once. */
export async function deadHost(): Promise<string> {
	const server = createServer();
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	await new Promise<void>(resolve => server.close(() => resolve()));
	return `http://127.0.0.1:${port}`;
}

/** Some other web server (a web app, a proxy): every path is an HTML "404 Not Found" page. */
export async function notOllama(): Promise<{ url: string; close(): Promise<void> }> {
	const server = createServer((_request, response) => {
		response.writeHead(404, { 'content-type': 'text/html' });
		response.end('<!doctype html><title>404 Not Found</title><h1>Not Found</h1>');
	});
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return { url: `http://127.0.0.1:${port}`, close: () => new Promise(resolve => server.close(() => resolve())) };
}
