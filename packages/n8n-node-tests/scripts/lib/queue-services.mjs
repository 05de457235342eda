// Redis and PostgreSQL for n8n's queue mode, from Debian's packages, run as this script's own
// children on loopback ports with their data in temp folders: no systemd, no system cluster, and
// nothing left behind (stop() kills them and removes the folders).
import { execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { freePort } from './n8n-harness.mjs';

const INSTALL_HINT = 'apt-get install -y redis-server postgresql';

function which(command) {
	try {
		return execFileSync('bash', ['-c', `command -v ${command}`], { encoding: 'utf8' }).trim() || undefined;
	} catch {
		return undefined;
	}
}

/** Debian puts PostgreSQL's server programs in /usr/lib/postgresql/<major>/bin, off PATH. */
function postgresBin() {
	const onPath = which('initdb');
	if (onPath) return onPath.replace(/\/initdb$/, '');
	const root = '/usr/lib/postgresql';
	const majors = existsSync(root) ? readdirSync(root).filter((d) => existsSync(join(root, d, 'bin/postgres'))) : [];
	return majors.length ? join(root, majors.sort((a, b) => Number(b) - Number(a))[0], 'bin') : undefined;
}

/** Resolves when something accepts TCP connections on 127.0.0.1:port. */
async function waitForPort(port, child, name, timeoutMs = 60_000) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}`);
		const open = await new Promise((resolve) => {
			const socket = connect(port, '127.0.0.1', () => {
				socket.end();
				resolve(true);
			});
			socket.on('error', () => resolve(false));
		});
		if (open) return;
		await new Promise((r) => setTimeout(r, 200));
	}
	throw new Error(`${name} did not listen on ${port} in time`);
}

async function stopChild(child) {
	if (!child || child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise((r) => child.once('exit', r));
	child.kill('SIGTERM');
	const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
	await exited;
	clearTimeout(timer);
}

/**
 * PostgreSQL refuses to run as root. As root, the cluster runs as the `postgres` user the Debian
 * package creates (its folder is handed to it); otherwise as whoever runs this.
 */
function clusterOwner() {
	if (process.getuid?.() !== 0) return {};
	const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }));
	const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }));
	return { uid, gid };
}

export async function startQueueServices({ log = () => {} } = {}) {
	const redisServer = which('redis-server');
	const pgBin = postgresBin();
	if (!redisServer || !pgBin) throw new Error(`queue mode needs redis-server and PostgreSQL: ${INSTALL_HINT}`);

	const children = [];
	const folders = [];
	const stop = async () => {
		for (const child of children.reverse()) await stopChild(child);
		for (const folder of folders) rmSync(folder, { recursive: true, force: true });
	};
	try {
		const redisDir = mkdtempSync(join(tmpdir(), 'n8n-queue-redis-'));
		folders.push(redisDir);
		const redisPort = await freePort();
		// No persistence: the queue lives as long as this run.
		const redis = spawn(
			redisServer,
			['--bind', '127.0.0.1', '--port', String(redisPort), '--dir', redisDir, '--save', '', '--appendonly', 'no'],
			{
				stdio: ['ignore', 'pipe', 'pipe'],
			},
		);
		children.push(redis);
		redis.stdout.on('data', (d) => log(`[redis] ${d}`));
		await waitForPort(redisPort, redis, 'redis-server');

		const pgDir = mkdtempSync(join(tmpdir(), 'n8n-queue-postgres-'));
		folders.push(pgDir);
		const owner = clusterOwner();
		const data = join(pgDir, 'data');
		const sockets = join(pgDir, 'sockets');
		mkdirSync(sockets);
		if (owner.uid !== undefined) for (const dir of [pgDir, sockets]) chownSync(dir, owner.uid, owner.gid);
		execFileSync(join(pgBin, 'initdb'), ['-D', data, '-U', 'n8n', '--auth=trust', '-E', 'UTF8', '--no-instructions'], {
			...owner,
			cwd: pgDir,
			stdio: ['ignore', 'ignore', 'pipe'],
		});
		const pgPort = await freePort();
		// fsync off: a throwaway cluster; trust auth: it listens on loopback only, for this run.
		const postgres = spawn(
			join(pgBin, 'postgres'),
			['-D', data, '-p', String(pgPort), '-c', 'listen_addresses=127.0.0.1', '-k', sockets, '-c', 'fsync=off', '-c', 'max_connections=200'],
			{ ...owner, cwd: pgDir, stdio: ['ignore', 'pipe', 'pipe'] },
		);
		children.push(postgres);
		postgres.stderr.on('data', (d) => log(`[postgres] ${d}`));
		await waitForPort(pgPort, postgres, 'postgres');
		// Accepting connections comes a moment before accepting logins.
		await new Promise((r) => setTimeout(r, 1000));

		return {
			redis: { host: '127.0.0.1', port: redisPort, pid: redis.pid },
			postgres: { host: '127.0.0.1', port: pgPort, user: 'n8n', database: 'postgres', pid: postgres.pid },
			/** What n8n needs to use both, in queue mode. */
			n8nEnv: {
				EXECUTIONS_MODE: 'queue',
				QUEUE_BULL_REDIS_HOST: '127.0.0.1',
				QUEUE_BULL_REDIS_PORT: String(redisPort),
				DB_TYPE: 'postgresdb',
				DB_POSTGRESDB_HOST: '127.0.0.1',
				DB_POSTGRESDB_PORT: String(pgPort),
				DB_POSTGRESDB_DATABASE: 'postgres',
				DB_POSTGRESDB_USER: 'n8n',
				DB_POSTGRESDB_PASSWORD: '',
			},
			stop,
		};
	} catch (error) {
		await stop();
		throw error;
	}
}
