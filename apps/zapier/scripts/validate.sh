#!/usr/bin/env bash
# Zapier's own CLI validates the built app offline: `zapier-platform validate --without-style`
# loads dist/ through the package's entry point and checks it against the platform schema.
# (The style checks are a call to zapier.com, so they are left out.) Runs on Node 22 from the
# registry's `node` package, which the CLI wants; the workspace itself stays on Node 20.
set -euo pipefail
cd "$(dirname "$0")/.."
CLI_DIR="$(bash scripts/ensure-zapier-cli.sh)"
NODE_BIN="$(bash ../../scripts/ensure-node.sh "${ZAPIER_NODE_MAJOR:-22}")"
NODE22="$NODE_BIN/node"
[ -f dist/index.cjs ] || { echo "dist/ missing: run the build first" >&2; exit 1; }
export DISABLE_ZAPIER_ANALYTICS=1 NO_UPDATE_NOTIFIER=1
# The CLI's output is its table; the exit code is what counts (1 on any structural error).
"$NODE22" "$CLI_DIR/node_modules/zapier-platform-cli/src/bin/run" validate --without-style --skip-build
echo "zapier-platform validate (Node $("$NODE22" -v)): passed"
