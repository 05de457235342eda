#!/usr/bin/env bash
# Fills a folder with what Zapier's CLI packs: dist/ (core and openapi-fetch are bundled in), a
# package.json without the workspace-only devDependencies and scripts, zapier-platform-core
# installed by npm, and a .zapierapprc. Usage: stage-app.sh <empty folder>
#
# Why a staged copy: the CLI installs the app's dependencies with npm, which cannot resolve the
# workspace:* devDependencies of apps/zapier/package.json.
set -euo pipefail
STAGE="$1"
cd "$(dirname "$0")/.."
[ -f dist/index.cjs ] || { echo "dist/ missing: run the build first" >&2; exit 1; }

cp -R dist "$STAGE/dist"
# The app's registration (`zapier-platform register` or `link` writes .zapierapprc here, untracked)
# travels with it; includeInBuild names files the CLI's esbuild scan misses: async-function's and
# generator-function's require.mjs, which Node 22's require(esm) loads (a few KB in all).
node -e '
  const fs = require("fs");
  const [pkgPath, rcPath, stage] = process.argv.slice(1);
  const pkg = JSON.parse(fs.readFileSync(pkgPath, "utf8"));
  delete pkg.devDependencies; delete pkg.scripts;
  fs.writeFileSync(stage + "/package.json", JSON.stringify(pkg, null, 2) + "\n");
  const rc = fs.existsSync(rcPath) ? JSON.parse(fs.readFileSync(rcPath, "utf8")) : {};
  rc.includeInBuild = [...new Set([...(rc.includeInBuild || []), "node_modules/.*\\.mjs$"])];
  fs.writeFileSync(stage + "/.zapierapprc", JSON.stringify(rc, null, 2) + "\n");
' "$PWD/package.json" "$PWD/.zapierapprc" "$STAGE"
printf 'node_modules/\nbuild/\n' > "$STAGE/.gitignore"
(cd "$STAGE" && npm install --omit=dev --no-package-lock --no-audit --no-fund --loglevel=error >&2)
