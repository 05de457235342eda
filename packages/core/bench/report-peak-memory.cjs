// Preloaded into the exporting child process (node -r): reports its peak resident memory on exit,
// on file descriptor 3 so it never mixes with the NDJSON on stdout.
const { writeSync } = require('node:fs');
process.on('exit', () => {
  try {
    writeSync(3, JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS, heapUsed: process.memoryUsage().heapUsed }));
  } catch {
    // fd 3 not open: run outside the benchmark, nothing to report.
  }
});
