import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How the fake answers one /v1/chat/completions request. */
export type OpenAiChatScript = {
	/** The reply, streamed one SSE `data:` event per piece. */
	readonly pieces?: readonly string[];
	/** Wait between pieces. @default 0 */
	readonly delayMs?: number;
	/** Answer with this status and an OpenAI-style JSON error body instead of a stream (429, 503, 401…). */
	readonly status?: number;
	/** With `status`: the Retry-After header, in seconds. */
	readonly retryAfter?: number;
};

export type FakeOpenAiOptions = {
	/** What GET /v1/models lists. @default ['llama3.2'] */
	readonly models?: readonly string[];
	/** The answer to each chat request, in turn; the last one repeats. @default one short message */
	readonly chats?: readonly OpenAiChatScript[];
	/**
	 * At most this many replies stream at once, as a GPU server with that many slots; a request beyond
	 * them is refused with `busyStatus` and Retry-After, as vLLM behind a queue limit or a proxy does.
	 */
	readonly capacity?: number;
	/** The status of each refusal in turn (a queue that is full says 503, a rate limiter 429). @default [503] */
	readonly busyStatuses?: readonly (429 | 503)[];
	/** Retry-After on a refusal, in seconds (fractions allowed, as some proxies send). @default 1 */
	readonly busyRetryAfter?: number;
	/** Require this bearer token. */
	readonly apiKey?: string;
};

export type FakeOpenAi = {
	/** The base URL, ending in /v1. */
	readonly url: string;
	readonly requests: { readonly method: string; readonly path: string; readonly body: any; readonly authorization?: string }[];
	/** Requests refused because every slot was busy. */
	readonly refused: number;
	/** Chat replies streamed to the end. */
	readonly served: number;
	/** The most replies that streamed at the same moment. */
	readonly mostAtOnce: number;
	close(): Promise<void>;
};

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

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

function sendError(response: ServerResponse, status: number, message: string, retryAfter?: number): void {
	response.writeHead(status, { 'Content-Type': 'application/json', ...(retryAfter === undefined ? {} : { 'Retry-After': String(retryAfter) }) });
	response.end(JSON.stringify({ error: { message, type: status === 429 ? 'rate_limit_exceeded' : 'server_error', param: null, code: null } }));
}

/** A reply as a model streams it: a word and its space per token. */
export function tokensOf(text: string): string[] {
	return text.match(/\S+\s*/g) ?? [];
}

/**
 * An OpenAI-compatible server on 127.0.0.1 speaking the real wire format: /v1/models, and
 * /v1/chat/completions streaming `data: {chat.completion.chunk}` events ending in `data: [DONE]`,
 * errors as `{"error": {...}}` bodies, 429 and 503 with Retry-After.
 */
export async function startFakeOpenAi(options: FakeOpenAiOptions = {}): Promise<FakeOpenAi> {
	const models = options.models ?? ['llama3.2'];
	const chats = options.chats ?? [{ pieces: tokensOf('ok so what do i do then') }];
	const state = { refused: 0, served: 0, mostAtOnce: 0, streaming: 0, chatCount: 0 };
	const requests: FakeOpenAi['requests'] = [];
	const server = createServer(async (request, response) => {
		const path = (request.url ?? '/').split('?')[0]!;
		const body = await readBody(request).catch(() => undefined);
		requests.push({ method: request.method ?? 'GET', path, body, ...(request.headers.authorization ? { authorization: request.headers.authorization } : {}) });
		if (options.apiKey && request.headers.authorization !== `Bearer ${options.apiKey}`) return sendError(response, 401, 'Incorrect API key provided');
		if (request.method === 'GET' && path === '/v1/models') {
			response.writeHead(200, { 'Content-Type': 'application/json' });
			return void response.end(JSON.stringify({ object: 'list', data: models.map(id => ({ id, object: 'model', created: 1_700_000_000, owned_by: 'fake' })) }));
		}
		if (request.method !== 'POST' || path !== '/v1/chat/completions') return sendError(response, 404, `no route ${request.method} ${path}`);
		if (!body || typeof body.model !== 'string' || !Array.isArray(body.messages)) return sendError(response, 400, 'model and messages are required');
		if (!models.includes(body.model)) return sendError(response, 404, `The model \`${body.model}\` does not exist.`);
		if (options.capacity !== undefined && state.streaming >= options.capacity) {
			const statuses = options.busyStatuses ?? [503];
			const status = statuses[state.refused++ % statuses.length]!;
			return sendError(response, status, status === 429 ? 'rate limit reached, slow down' : 'all slots are busy, try again later', options.busyRetryAfter ?? 1);
		}
		const script = chats[Math.min(state.chatCount++, chats.length - 1)]!;
		if (script.status !== undefined)
			return sendError(response, script.status, script.status === 503 ? 'the server is overloaded' : `error ${script.status}`, script.retryAfter);
		state.streaming++;
		state.mostAtOnce = Math.max(state.mostAtOnce, state.streaming);
		let closed = false;
		response.on('close', () => (closed = true));
		try {
			response.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', Connection: 'keep-alive' });
			const id = `chatcmpl-${state.chatCount}`;
			const chunk = (delta: object, finish: string | null) =>
				`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created: 1_700_000_000, model: body.model, choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
			response.write(chunk({ role: 'assistant', content: '' }, null));
			for (const piece of script.pieces ?? []) {
				if (closed) return;
				if (script.delayMs) await sleep(script.delayMs);
				response.write(chunk({ content: piece }, null));
			}
			response.write(chunk({}, 'stop'));
			response.end('data: [DONE]\n\n');
			state.served++;
		} finally {
			state.streaming--;
		}
	});
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}/v1`,
		requests,
		get refused() {
			return state.refused;
		},
		get served() {
			return state.served;
		},
		get mostAtOnce() {
			return state.mostAtOnce;
		},
		close: () =>
			new Promise<void>(resolve => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}
