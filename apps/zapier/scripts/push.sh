#!/usr/bin/env bash
# Deploys the app: `zapier-platform push` (build, Zapier's remote validation, upload) from a
# staged copy. Needs a Zapier login (`zapier-platform login`, ~/.zapierrc) and the app's
# registration in apps/zapier/.zapierapprc (`zapier-platform register` or `link`, run once).
# Extra arguments go to `push`. Not run by any test: it talks to zapier.com.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f .zapierapprc ] || { echo "apps/zapier/.zapierapprc missing: run 'zapier-platform register' or 'link' here first" >&2; exit 1; }
CLI_DIR="$(bash scripts/ensure-zapier-cli.sh)"
NODE_BIN="$(bash ../../scripts/ensure-node.sh "${ZAPIER_NODE_MAJOR:-22}")"
STAGE="$(mktemp -d "${TMPDIR:-/tmp}/zapier-stage-XXXXXX")"
trap 'rm -rf "$STAGE"' EXIT
export PATH="$NODE_BIN:$PATH"
bash scripts/stage-app.sh "$STAGE"
(cd "$STAGE" && node "$CLI_DIR/node_modules/zapier-platform-cli/src/bin/run" push --skip-dep-install "$@")
