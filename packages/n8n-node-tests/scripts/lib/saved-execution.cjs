// Prints the last saved run of a workflow from an n8n SQLite database: its status and its data as
// n8n stored it (flatted JSON). Run by the n8n runtime's own Node (argv: runtime folder, database
// file, workflow ID), because its sqlite3 is built for that Node and not for the tests' one.
const { join } = require('node:path');

const [runtime, database, workflowId] = process.argv.slice(2);
const sqlite3 = require(join(runtime, 'node_modules/sqlite3'));

const db = new sqlite3.Database(database, sqlite3.OPEN_READONLY, (error) => {
	if (error) fail(error);
});
db.get(
	`SELECT e.id AS id, e.status AS status, d.data AS data
     FROM execution_entity e JOIN execution_data d ON d.executionId = e.id
    WHERE e.workflowId = ? ORDER BY e.id DESC LIMIT 1`,
	[workflowId],
	(error, row) => {
		if (error) fail(error);
		process.stdout.write(JSON.stringify(row ?? null));
		db.close();
	},
);

function fail(error) {
	process.stderr.write(String(error?.stack ?? error));
	process.exit(1);
}
