#!/usr/bin/env bash
# Builds the deployable zip with Zapier's own CLI, then proves it: unzipped in a scratch folder,
# the zip's app (its zapierwrapper.js, its own node_modules) runs its auth test and a search
# against a local sandbox.
#
# Staging: `zapier-platform build` installs the app's production dependencies with npm in a temp
# copy. The workspace's package.json names workspace:* devDependencies that npm cannot resolve,
# so the build runs on a staged copy holding only what the zip needs: dist/ (core and
# openapi-fetch are bundled in) and a package.json whose one dependency is zapier-platform-core.
# `--skip-validation`: the CLI's pre-build validation ends in a call to zapier.com (style checks);
# the same schema validation runs offline in scripts/validate.sh and in the unit tests.
set -euo pipefail
cd "$(dirname "$0")/.."
APP_DIR="$PWD"
CLI_DIR="$(bash scripts/ensure-zapier-cli.sh)"
CACHE="${AVEPOINT_KIT_CACHE:-$HOME/.cache/avepoint-graph-kit}"
NODE22_BIN="$CACHE/node-${ZAPIER_NODE_MAJOR:-22}/node_modules/.bin"
[ -f dist/index.cjs ] || { echo "dist/ missing: run the build first" >&2; exit 1; }

STAGE="$(mktemp -d "${TMPDIR:-/tmp}/zapier-stage-XXXXXX")"
UNZIPPED="$(mktemp -d "${TMPDIR:-/tmp}/zapier-unzipped-XXXXXX")"
trap 'rm -rf "$STAGE" "$UNZIPPED"' EXIT

cp -R dist "$STAGE/dist"
node -e '
  const pkg = require(process.argv[1]);
  delete pkg.devDependencies; delete pkg.scripts;
  require("fs").writeFileSync(process.argv[2], JSON.stringify(pkg, null, 2) + "\n");
' "$APP_DIR/package.json" "$STAGE/package.json"

# The CLI's esbuild scan misses files some of zapier-platform-core's dependencies load
# conditionally (async-function's and generator-function's require.mjs, loaded by Node 22's
# require(esm)); every .mjs under node_modules is named here (a few KB).
cat > "$STAGE/.zapierapprc" <<'RC'
{ "includeInBuild": ["node_modules/.*\\.mjs$"] }
RC
printf 'node_modules/\nbuild/\n' > "$STAGE/.gitignore"

export PATH="$NODE22_BIN:$PATH" DISABLE_ZAPIER_ANALYTICS=1 NO_UPDATE_NOTIFIER=1
export npm_config_audit=false npm_config_fund=false npm_config_loglevel=error
# The CLI wants zapier-platform-core installed where it runs; installing it here with npm is the
# step its build would repeat in a temp copy, so the build then skips it (--skip-dep-install).
(cd "$STAGE" && npm install --omit=dev --no-package-lock >&2)
(cd "$STAGE" && node "$CLI_DIR/node_modules/zapier-platform-cli/src/bin/run" build --skip-dep-install --skip-validation)
mkdir -p build && cp "$STAGE/build/build.zip" "$STAGE/build/source.zip" build/
echo "build/build.zip: $(wc -c < build/build.zip) bytes"

node scripts/run-zip-auth-test.mjs "$APP_DIR/build/build.zip" "$UNZIPPED" "$CLI_DIR"
