import type { WebSocket } from 'ws';
import { MAX_PAYLOAD, PROTOCOL_VERSION, readMessage, ServerMessage, type ClientMessage } from './protocol.js';

export type RoomAddress = { readonly host: string; readonly port: number };

/** "HOST:PORT", "[::1]:PORT" or "ws://HOST:PORT" as a host and a port; throws with a one-line reason. */
export function parseRoomAddress(text: string): RoomAddress {
	const match = /^(?:wss?:\/\/)?(\[[^\]]+\]|[^:/\s]+):(\d{1,5})\/?$/.exec(text.trim());
	const port = Number(match?.[2]);
	if (!match || !Number.isInteger(port) || port < 1 || port > 65535)
		throw new Error(`"${text}" is not a room address: use HOST:PORT, as on the facilitator's join line`);
	return { host: match[1]!, port };
}

export type RoomConnection = {
	send(message: ClientMessage): void;
	close(): void;
	/** Resolves when the connection closes, with how it ended. */
	readonly closed: Promise<{ readonly code: number; readonly reason: string }>;
};

/**
 * Connects to a room and says hello; every message from the facilitator is validated before `onMessage`
 * sees it, and one that is not the protocol's ends the connection.
 */
export async function connectRoom(
	address: RoomAddress,
	hello: { readonly code: string; readonly name: string },
	onMessage: (message: ServerMessage) => void,
): Promise<RoomConnection> {
	const { WebSocket } = await import('ws');
	const socket: WebSocket = new WebSocket(`ws://${address.host}:${address.port}/`, {
		maxPayload: MAX_PAYLOAD,
		perMessageDeflate: false,
		handshakeTimeout: 5000,
	});
	const closed = new Promise<{ code: number; reason: string }>(resolve => {
		let failure = '';
		socket.on('error', error => (failure = (error as NodeJS.ErrnoException).code ?? error.message));
		socket.on('close', (code, reason) => resolve({ code, reason: failure || reason.toString() }));
	});
	socket.on('open', () =>
		socket.send(JSON.stringify({ type: 'hello', protocol: PROTOCOL_VERSION, code: hello.code, name: hello.name } satisfies ClientMessage)),
	);
	socket.on('message', (data, isBinary) => {
		const read = readMessage(ServerMessage, data, isBinary);
		if (!read.ok) return socket.close(1002, 'not a postsafe room');
		onMessage(read.message);
	});
	return {
		send: message => {
			if (socket.readyState === 1) socket.send(JSON.stringify(message));
		},
		close: () => socket.close(1000),
		closed,
	};
}
