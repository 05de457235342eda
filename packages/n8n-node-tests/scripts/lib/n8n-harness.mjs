// A real n8n (the runtime cached by ensure-n8n.sh) with the node package's dist loaded, driven
// from Node: import credentials and workflows, `n8n execute` them, or run the editor. Used by the
// end-to-end tests, the benchmark and the demo. Every child is spawned asynchronously, so a
// sandbox served from the same process keeps answering (see docs/real-n8n.md).
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** This package: the harness, its scripts and docs. */
export const TESTS_ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The node package under test: the workspace's n8n-nodes-avepoint-graph, or another build of it
 * (the standalone export) named by N8N_NODE_PACKAGE_DIR.
 */
export const NODE_PACKAGE_ROOT = process.env.N8N_NODE_PACKAGE_DIR
	? resolve(process.env.N8N_NODE_PACKAGE_DIR)
	: dirname(createRequire(import.meta.url).resolve('n8n-nodes-avepoint-graph/package.json'));

/**
 * The n8n under test: N8N_VERSION (2.40.7 by default, what CI runs), installed by ensure-n8n.sh on
 * first use (minutes), then reused. `nodeBin` is the Node that runtime was installed for.
 */
export function ensureN8nRuntime() {
	const runtime = execFileSync('bash', [join(TESTS_ROOT, 'scripts/ensure-n8n.sh')], {
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'inherit'],
	})
		.trim()
		.split('\n')
		.pop();
	const { version } = JSON.parse(readFileSync(join(runtime, 'node_modules/n8n/package.json'), 'utf8'));
	return { runtime, version, nodeBin: join(runtime, '.node-bin'), n8nBin: join(runtime, 'node_modules/.bin/n8n') };
}

export async function freePort() {
	return await new Promise((resolve, reject) => {
		const server = createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

/** Runs a child to its end without blocking the event loop; kills it after `timeoutMs`. */
function run(command, args, { env, timeoutMs }) {
	return new Promise((resolve) => {
		const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (d) => (stdout += d));
		child.stderr.on('data', (d) => (stderr += d));
		const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			resolve({ exitCode: code, signal, stdout, stderr });
		});
	});
}

/** The run printed by `n8n execute --rawOutput`: pretty JSON from a line `{` to a line `}`. */
export function parseExecuteOutput(stdout) {
	const lines = stdout.split('\n');
	const start = lines.indexOf('{');
	const end = lines.lastIndexOf('}');
	if (start === -1 || end < start) return undefined;
	return JSON.parse(lines.slice(start, end + 1).join('\n'));
}

/** The items (json and pairedItem) a node output in a run. */
export function nodeItems(run, nodeName) {
	const data = run?.data?.resultData?.runData?.[nodeName]?.[0]?.data?.main?.[0] ?? [];
	return data.map((item) => ({ json: item.json, pairedItem: item.pairedItem }));
}

export class N8nInstance {
	/**
	 * @param {{ port?: number, userFolder?: string, customExtensions?: string | null, env?: Record<string, string> }} [options]
	 * customExtensions: the folder n8n loads custom nodes from (by default a copy of the node
	 * package's dist, see below); null loads none, for a package installed into the user folder as
	 * the Community Nodes panel does. env: variables over the harness's own (another database, queue
	 * mode).
	 */
	static async create(options = {}) {
		const instance = new N8nInstance();
		instance.runtime = ensureN8nRuntime();
		// One folder per run, named by version: runs of two versions never share a database.
		instance.userFolder = options.userFolder ?? mkdtempSync(join(tmpdir(), `n8n-${instance.runtime.version}-avepoint-e2e-`));
		instance.customExtensions = options.customExtensions === undefined ? instance.#copyOfDist() : options.customExtensions;
		instance.extraEnv = options.env ?? {};
		instance.port = options.port ?? (await freePort());
		instance.brokerPort = await freePort();
		return instance;
	}

	/**
	 * The node package's dist, copied where no node_modules is above it. Loaded from the package
	 * itself, its `require('n8n-workflow')` would find the package's own devDependency before the
	 * copy n8n puts on NODE_PATH: classes n8n does not share (instanceof NodeApiError fails), and
	 * on another n8n version another n8n-workflow altogether. A user's n8n always gives the node its
	 * own copy (the package only peer-depends on it), so the copy is what the tests give it too.
	 */
	#copyOfDist() {
		const copy = join(this.userFolder, 'custom-extensions');
		cpSync(join(NODE_PACKAGE_ROOT, 'dist'), copy, { recursive: true });
		return copy;
	}

	env() {
		return {
			...process.env,
			PATH: `${this.runtime.nodeBin}:${join(this.runtime.runtime, 'node_modules/.bin')}:${process.env.PATH}`,
			N8N_USER_FOLDER: this.userFolder,
			N8N_ENCRYPTION_KEY: 'avepoint-graph-kit-e2e-key',
			DB_TYPE: 'sqlite',
			...(this.customExtensions ? { N8N_CUSTOM_EXTENSIONS: this.customExtensions } : {}),
			N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE: 'true',
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_HOST: '127.0.0.1',
			N8N_PORT: String(this.port),
			N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
			N8N_RUNNERS_BROKER_PORT: String(this.brokerPort),
			N8N_SECURE_COOKIE: 'false',
			NODE_ENV: 'production',
			...this.extraEnv,
		};
	}

	/**
	 * Puts an unpacked package where the Community Nodes panel installs packages
	 * (<user folder>/.n8n/nodes/node_modules/<name>), stripped of the dependency fields the panel
	 * strips, so that n8n loads it as an installed community package.
	 */
	installCommunityPackage(unpackedDir) {
		const nodesDir = join(this.userFolder, '.n8n', 'nodes');
		const manifest = JSON.parse(readFileSync(join(unpackedDir, 'package.json'), 'utf8'));
		const target = join(nodesDir, 'node_modules', manifest.name);
		mkdirSync(dirname(target), { recursive: true });
		cpSync(unpackedDir, target, { recursive: true });
		const { devDependencies, peerDependencies, optionalDependencies, ...installed } = manifest;
		writeFileSync(join(target, 'package.json'), JSON.stringify(installed, null, 2));
		writeFileSync(
			join(nodesDir, 'package.json'),
			JSON.stringify({ name: 'installed-nodes', private: true, dependencies: { [manifest.name]: manifest.version } }, null, 2),
		);
		return manifest.name;
	}

	async n8n(args, timeoutMs = 180_000) {
		return await run(this.runtime.n8nBin, args, { env: this.env(), timeoutMs });
	}

	async #importFile(kind, data) {
		const dir = join(this.userFolder, 'imports');
		mkdirSync(dir, { recursive: true });
		const file = join(dir, `${kind}-${Date.now()}-${Math.random().toString(36).slice(2)}.json`);
		writeFileSync(file, JSON.stringify(data));
		const result = await this.n8n([`import:${kind}`, `--input=${file}`]);
		rmSync(file, { force: true }); // it may hold a secret
		if (result.exitCode !== 0) throw new Error(`n8n import:${kind} failed (${result.exitCode}): ${result.stderr.slice(-2000)}`);
	}

	async importCredentials(credentials) {
		await this.#importFile('credentials', credentials);
	}

	/** All in one `n8n import:workflow --separate` (each n8n start costs seconds). */
	async importWorkflows(workflows, { args = [] } = {}) {
		const dir = mkdtempSync(join(this.userFolder, 'workflows-'));
		workflows.forEach((workflow, i) => writeFileSync(join(dir, `${i}.json`), JSON.stringify(workflow)));
		const result = await this.n8n(['import:workflow', '--separate', `--input=${dir}`, ...args]);
		rmSync(dir, { recursive: true, force: true });
		if (result.exitCode !== 0) throw new Error(`n8n import:workflow failed (${result.exitCode}): ${result.stderr.slice(-2000)}`);
		return result;
	}

	/**
	 * `n8n execute`: exit code, the parsed run, and the raw output for diagnostics. n8n 2.40 can
	 * still crash on its way out (SIGSEGV in the expression engine's teardown, seen under load)
	 * after printing the whole run; then the exit code is read from the run it printed.
	 */
	async execute(workflowId) {
		const result = await this.n8n(['execute', `--id=${workflowId}`, '--rawOutput']);
		const run = parseExecuteOutput(result.stdout);
		if (result.exitCode === null && result.signal !== 'SIGKILL' && run) {
			return { ...result, exitCode: run.data?.resultData?.error ? 1 : 0, crashedAtExit: result.signal, run };
		}
		if (!run && /Converting circular structure to JSON/.test(result.stdout + result.stderr)) {
			// n8n 1.x prints a failed run with a plain JSON.stringify, which throws when the error holds
			// the HTTP response (a stream's IncomingMessage is circular); 2.x errors serialize bounded.
			// The run itself was saved, with flatted: read it from the database.
			const saved = await this.savedRun(workflowId);
			if (saved) {
				const exitCode = result.exitCode ?? (saved.data?.resultData?.error ? 1 : 0);
				return { ...result, exitCode, ...(result.signal ? { crashedAtExit: result.signal } : {}), run: saved, fromDatabase: true };
			}
		}
		return { ...result, run };
	}

	/** The last saved run of a workflow, shaped like `n8n execute`'s output (`{ status, data }`). */
	async savedRun(workflowId) {
		const read = await run(
			join(this.runtime.nodeBin, 'node'),
			[
				join(TESTS_ROOT, 'scripts/lib/saved-execution.cjs'),
				this.runtime.runtime,
				join(this.userFolder, '.n8n/database.sqlite'),
				workflowId,
			],
			{ env: process.env, timeoutMs: 60_000 },
		);
		if (read.exitCode !== 0) throw new Error(`could not read the saved run of ${workflowId}: ${read.stderr.slice(-2000)}`);
		const row = JSON.parse(read.stdout);
		if (!row) return undefined;
		const { parse } = createRequire(join(this.runtime.runtime, 'node_modules/'))('flatted');
		return { id: String(row.id), status: row.status, data: parse(row.data) };
	}

	/**
	 * `n8n start` (the editor), or another long-running command (`args`, e.g. `worker`); resolves
	 * once `readyUrl` answers (by default the REST API, which comes a few seconds after /healthz).
	 */
	async start({ timeoutMs = 120_000, log, args = ['start'], readyUrl = `${this.url()}/rest/settings` } = {}) {
		this.server = spawn(this.runtime.n8nBin, args, { env: this.env(), stdio: ['ignore', 'pipe', 'pipe'] });
		this.server.stdout.on('data', (d) => log?.(String(d)));
		this.server.stderr.on('data', (d) => log?.(String(d)));
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			if (this.server.exitCode !== null) throw new Error(`n8n ${args[0]} exited with ${this.server.exitCode}`);
			try {
				const res = await fetch(readyUrl);
				if (res.ok) return;
			} catch {
				// not listening yet
			}
			await new Promise((r) => setTimeout(r, 500));
		}
		throw new Error(`n8n ${args[0]} did not become healthy in time`);
	}

	url() {
		return `http://127.0.0.1:${this.port}`;
	}

	async stop() {
		const server = this.server;
		if (!server || server.exitCode !== null) return;
		const exited = new Promise((r) => server.once('exit', r));
		server.kill('SIGTERM');
		const timer = setTimeout(() => server.kill('SIGKILL'), 15_000);
		await exited;
		clearTimeout(timer);
	}

	dispose() {
		rmSync(this.userFolder, { recursive: true, force: true });
	}
}
