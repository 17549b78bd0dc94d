import { randomInt, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WebSocket, WebSocketServer } from 'ws';
import { ClientMessage, MAX_PAYLOAD, PROTOCOL_VERSION, readMessage, type ServerMessage } from './protocol.js';

/** What the session side hears from the room. */
export type RoomEvents = {
	/** A learner joined, or came back (`rejoined`) after dropping; send them what they missed. */
	readonly joined: (name: string, rejoined: boolean) => void;
	readonly left: (name: string) => void;
	/** A learner's reply; returns a notice for them when it can't be taken (a round that is over). */
	readonly replied: (name: string, round: number, text: string) => string | undefined;
	/** An SJT answer (SJT rooms only); returns a notice when it can't be taken. */
	readonly answered?: (name: string, item: number, letters: string) => string | undefined;
	/** A learner was put out for breaking the rules (a flood of messages): their place is an empty reply from now on. */
	readonly putOut: (name: string) => void;
};

export type RoomOptions = {
	/** The address to listen on: 0.0.0.0 (every interface: the room's network) or 127.0.0.1. */
	readonly listen: string;
	/** 0 for any free port. */
	readonly port: number;
	/** Most learners the room takes. */
	readonly capacity: number;
	/** The session's own words for the welcome. */
	readonly welcome: { readonly title: string; readonly channel: string; readonly look?: string; readonly partner: string; readonly setting: string };
	readonly events: RoomEvents;
	/** @default a random six-digit code */
	readonly code?: string;
	/** Messages a client may send in a burst, and per second after it. @default 20, 10 */
	readonly burst?: number;
	readonly perSecond?: number;
	/** How long a connection may wait before saying hello. @default 10 s */
	readonly helloMs?: number;
};

type Learner = { readonly name: string; socket: WebSocket | undefined; removed: boolean };

/** A six-digit join code, leading zeros kept. */
export function newJoinCode(): string {
	return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

const WRONG_CODES_PER_MINUTE = 10;
const HEARTBEAT_MS = 10_000;

/**
 * The room's WebSocket server: learners join with the code and a name, each socket is held to a size
 * cap and a rate limit, and every frame is validated. A client that breaks the rules gets one
 * `refused` line and is disconnected; the others are never affected. What a learner may see is decided
 * by the session side (room-session.ts); this only carries it.
 */
export class RoomServer {
	readonly code: string;
	private readonly learners = new Map<string, Learner>();
	private started = false;
	private readonly wrongCodes = new Map<string, { count: number; since: number }>();
	private http!: Server;
	private wss!: WebSocketServer;
	private heartbeat: NodeJS.Timeout | undefined;
	private readonly answered = new WeakSet<WebSocket>();

	private constructor(private readonly options: RoomOptions) {
		this.code = options.code ?? newJoinCode();
	}

	static async open(options: RoomOptions): Promise<RoomServer> {
		const room = new RoomServer(options);
		await room.listen();
		return room;
	}

	get port(): number {
		return (this.http.address() as AddressInfo).port;
	}

	/** Who has joined, in the order they joined (removed learners left out). */
	get joined(): string[] {
		return [...this.learners.values()].filter(learner => !learner.removed).map(learner => learner.name);
	}

	isConnected(name: string): boolean {
		return this.find(name)?.socket !== undefined;
	}

	/** From now on only those who have joined may come back; nobody new. */
	start(): void {
		this.started = true;
	}

	send(name: string, message: ServerMessage): void {
		const socket = this.find(name)?.socket;
		if (socket?.readyState === 1) socket.send(JSON.stringify(message));
	}

	broadcast(message: ServerMessage): void {
		for (const learner of this.learners.values()) if (!learner.removed) this.send(learner.name, message);
	}

	/** The facilitator takes a learner out: told so, disconnected, and not let back in. */
	remove(name: string): boolean {
		const learner = this.find(name);
		if (!learner || learner.removed) return false;
		if (learner.socket) refuse(learner.socket, 'the facilitator removed you from this session');
		learner.socket = undefined;
		learner.removed = true;
		return true;
	}

	isRemoved(name: string): boolean {
		return this.find(name)?.removed === true;
	}

	async close(): Promise<void> {
		clearInterval(this.heartbeat);
		for (const client of this.wss.clients) client.close(1001, 'the session is over');
		await new Promise<void>(resolve => this.wss.close(() => resolve()));
		this.http.closeAllConnections();
		await new Promise<void>(resolve => this.http.close(() => resolve()));
	}

	private find(name: string): Learner | undefined {
		return this.learners.get(name.toLowerCase());
	}

	private async listen(): Promise<void> {
		const { WebSocketServer } = await import('ws');
		this.http = createServer((_, response) => {
			response.writeHead(426, { 'Content-Type': 'text/plain' });
			response.end('postsafe room: join with `postsafe join HOST:PORT --code NNNNNN`\n');
		});
		// Bytes that are not HTTP at all: answered 400 and dropped by Node; nothing reaches the room.
		this.http.on('clientError', (_, socket) => socket.destroy());
		this.wss = new WebSocketServer({ server: this.http, maxPayload: MAX_PAYLOAD, perMessageDeflate: false });
		this.wss.on('connection', (socket, request) => this.connection(socket, request.socket.remoteAddress ?? ''));
		// A laptop closed mid-session sends no goodbye: a socket that misses a ping is closed, so its
		// learner can rejoin under the same name.
		this.heartbeat = setInterval(() => {
			for (const client of this.wss.clients) {
				if (!this.answered.has(client)) client.terminate();
				this.answered.delete(client);
				client.ping();
			}
		}, HEARTBEAT_MS);
		this.heartbeat.unref();
		await new Promise<void>((resolve, reject) => {
			this.http.once('error', reject);
			this.http.listen(this.options.port, this.options.listen, () => {
				this.http.off('error', reject);
				resolve();
			});
		});
	}

	private connection(socket: WebSocket, address: string): void {
		const burst = this.options.burst ?? 20;
		const perSecond = this.options.perSecond ?? 10;
		let tokens = burst;
		let filled = Date.now();
		let learner: Learner | undefined;
		const hello = setTimeout(() => refuse(socket, 'no hello in time: join with `postsafe join`'), this.options.helloMs ?? 10_000);
		this.answered.add(socket);
		socket.on('pong', () => this.answered.add(socket));
		socket.on('error', () => socket.terminate());
		socket.on('close', () => {
			clearTimeout(hello);
			if (learner && learner.socket === socket) {
				learner.socket = undefined;
				if (!learner.removed) this.options.events.left(learner.name);
			}
		});
		socket.on('message', (data, isBinary) => {
			if (socket.readyState !== 1) return;
			const now = Date.now();
			tokens = Math.min(burst, tokens + ((now - filled) / 1000) * perSecond);
			filled = now;
			if (tokens < 1) {
				refuse(socket, `too many messages: at most ${perSecond} a second; you are out of this session`);
				if (learner && !learner.removed) {
					learner.removed = true;
					this.options.events.putOut(learner.name);
				}
				return;
			}
			tokens -= 1;
			const read = readMessage(ClientMessage, data, isBinary);
			if (!read.ok) return refuse(socket, read.reason);
			const message = read.message;
			if (message.type === 'hello') {
				if (learner) return refuse(socket, 'said hello twice');
				clearTimeout(hello);
				const reason = this.hello(message, address);
				if (typeof reason === 'string') return refuse(socket, reason);
				learner = reason.learner;
				const rejoined = reason.rejoined;
				learner.socket = socket;
				socket.send(
					JSON.stringify({ type: 'welcome', protocol: PROTOCOL_VERSION, name: learner.name, ...this.options.welcome, rejoined } satisfies ServerMessage),
				);
				this.options.events.joined(learner.name, rejoined);
				return;
			}
			if (!learner) return refuse(socket, 'say hello first: join with `postsafe join`');
			const { answered, replied } = this.options.events;
			const notice =
				message.type === 'reply'
					? replied(learner.name, message.round, message.text.trim())
					: answered
						? answered(learner.name, message.item, message.letters)
						: 'this room is not answering SJT items: send a reply';
			if (notice) socket.send(JSON.stringify({ type: 'notice', text: notice } satisfies ServerMessage));
		});
	}

	/** Lets a learner in, or says why not. */
	private hello(message: Extract<ClientMessage, { type: 'hello' }>, address: string): { learner: Learner; rejoined: boolean } | string {
		if (message.protocol !== PROTOCOL_VERSION)
			return `this room speaks protocol ${PROTOCOL_VERSION}, your postsafe speaks ${message.protocol}: use the same postsafe version as the facilitator`;
		const tries = this.wrongCodes.get(address);
		if (tries && Date.now() - tries.since < 60_000 && tries.count >= WRONG_CODES_PER_MINUTE) return 'too many wrong codes from this address: wait a minute';
		if (!sameCode(message.code, this.code)) {
			const fresh = !tries || Date.now() - tries.since >= 60_000;
			this.wrongCodes.set(address, fresh ? { count: 1, since: Date.now() } : { count: tries.count + 1, since: tries.since });
			return 'wrong code: check the join line on the facilitator’s screen';
		}
		const name = message.name.trim();
		if (name === '') return 'give your name with --learner';
		const known = this.find(name);
		if (known?.removed) return 'the facilitator removed you from this session';
		if (known?.socket)
			return `the name ${known.name} is taken in this room: choose another with --learner (after a drop, the old connection is let go within ${(2 * HEARTBEAT_MS) / 1000} s)`;
		if (known) return { learner: known, rejoined: true };
		if (this.started) return 'the session has started: only learners who joined before it began can rejoin';
		if (this.joined.length >= this.options.capacity) return `the room is full (${this.options.capacity} learners)`;
		const learner: Learner = { name, socket: undefined, removed: false };
		this.learners.set(name.toLowerCase(), learner);
		return { learner, rejoined: false };
	}
}

function sameCode(given: string, code: string): boolean {
	return /^\d{6}$/.test(given) && timingSafeEqual(Buffer.from(given), Buffer.from(code));
}

/** One `refused` line, then the connection closes (and is cut if the client does not finish closing). */
function refuse(socket: WebSocket, reason: string): void {
	if (socket.readyState !== 1) return;
	socket.send(JSON.stringify({ type: 'refused', reason } satisfies ServerMessage));
	socket.close(1008, reason.slice(0, 100));
	setTimeout(() => socket.terminate(), 1000).unref();
}
