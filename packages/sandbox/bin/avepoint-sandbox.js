#!/usr/bin/env node
// The installed command. A file of its own (not dist/cli.js itself) so that it exists before the
// first build: pnpm links workspace bins at install time and warns about every missing one.
import '../dist/cli.js';
