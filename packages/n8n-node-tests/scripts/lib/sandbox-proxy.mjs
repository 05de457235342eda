// A loopback HTTP proxy in front of a sandbox that says, of every request it forwards, which
// credential sent it and from which process. The sandbox counts token requests per app (client
// ID), but several n8n credentials may share an app and several n8n processes share every
// credential: here each credential gets its own path prefix (`/c/<name>` in its base and token
// URLs), and the sending process is the owner of the connection's client socket, looked up in
// /proc (Linux only). n8n is not touched: what it sends is what the sandbox gets, minus the prefix.
import { readFileSync, readdirSync, readlinkSync } from 'node:fs';
import { createServer, request } from 'node:http';

/** `127.0.0.1:port` as /proc/net/tcp writes it: little-endian hex address, big-endian hex port. */
const procAddress = (port) => `0100007F:${port.toString(16).toUpperCase().padStart(4, '0')}`;

/** The inode of the socket whose local end is 127.0.0.1:localPort and remote end 127.0.0.1:remotePort. */
function socketInode(localPort, remotePort) {
	const local = procAddress(localPort);
	const remote = procAddress(remotePort);
	for (const line of readFileSync('/proc/net/tcp', 'utf8').split('\n').slice(1)) {
		const fields = line.trim().split(/\s+/);
		if (fields[1] === local && fields[2] === remote) return fields[9];
	}
	return undefined;
}

function holdsSocket(pid, inode) {
	const target = `socket:[${inode}]`;
	try {
		for (const fd of readdirSync(`/proc/${pid}/fd`)) {
			try {
				if (readlinkSync(`/proc/${pid}/fd/${fd}`) === target) return true;
			} catch {
				// closed meanwhile
			}
		}
	} catch {
		// the process is gone
	}
	return false;
}

/**
 * @param {{ target: { host: string, port: number }, processes: () => Record<string, number | undefined> }} options
 * processes: name -> pid of the processes a request may come from (asked at each new connection).
 */
export async function startSandboxProxy({ target, processes }) {
	/** One entry per forwarded request: credential, endpoint, path, sender, time, status. */
	const log = [];
	const senders = new WeakMap();
	const server = createServer((req, res) => {
		const match = /^\/c\/([^/]+)(\/.*)$/.exec(req.url ?? '');
		if (!match) {
			res.writeHead(404).end('no credential prefix');
			return;
		}
		const [, credential, path] = match;
		const entry = {
			credential,
			endpoint: path.startsWith('/connect/token') ? 'token' : 'users',
			path: path.split('?')[0],
			sender: senders.get(req.socket) ?? 'unknown',
			at: Date.now(),
			status: undefined,
		};
		log.push(entry);
		const upstream = request(
			{
				host: target.host,
				port: target.port,
				method: req.method,
				path,
				headers: { ...req.headers, host: `${target.host}:${target.port}` },
			},
			(answer) => {
				entry.status = answer.statusCode;
				res.writeHead(answer.statusCode ?? 502, answer.headers);
				answer.pipe(res);
			},
		);
		upstream.on('error', () => res.destroy());
		req.pipe(upstream);
	});
	// Looked up as the connection opens, while the client still holds its end.
	server.on('connection', (socket) => {
		const inode = socketInode(socket.remotePort, server.address().port);
		const sender = inode && Object.entries(processes()).find(([, pid]) => pid && holdsSocket(pid, inode));
		senders.set(socket, sender ? sender[0] : 'unknown');
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address();
	return {
		url: (credential) => `http://127.0.0.1:${port}/c/${credential}`,
		log,
		clear: () => log.splice(0),
		async close() {
			server.closeAllConnections();
			await new Promise((resolve) => server.close(resolve));
		},
	};
}
