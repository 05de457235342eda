#!/usr/bin/env bash
# Builds the deployable zip with Zapier's own CLI (Node 22), then proves it: unzipped in a scratch
# folder, the zip's app (its zapierwrapper.js and its own node_modules) runs its auth test and a
# search against a local sandbox. Leaves build/build.zip and build/source.zip for
# `zapier-platform upload`.
#
# `--skip-dep-install`: stage-app.sh already ran the npm install the CLI would repeat.
# `--skip-validation`: the CLI's pre-build validation ends in a call to zapier.com (style
# checks); the same schema validation runs offline in scripts/validate.sh and the unit tests.
set -euo pipefail
cd "$(dirname "$0")/.."
APP_DIR="$PWD"
CLI_DIR="$(bash scripts/ensure-zapier-cli.sh)"
NODE_BIN="$(bash ../../scripts/ensure-node.sh "${ZAPIER_NODE_MAJOR:-22}")"

STAGE="$(mktemp -d "${TMPDIR:-/tmp}/zapier-stage-XXXXXX")"
UNZIPPED="$(mktemp -d "${TMPDIR:-/tmp}/zapier-unzipped-XXXXXX")"
trap 'rm -rf "$STAGE" "$UNZIPPED"' EXIT

export PATH="$NODE_BIN:$PATH" DISABLE_ZAPIER_ANALYTICS=1 NO_UPDATE_NOTIFIER=1
bash scripts/stage-app.sh "$STAGE"
(cd "$STAGE" && node "$CLI_DIR/node_modules/zapier-platform-cli/src/bin/run" build --skip-dep-install --skip-validation)
mkdir -p build && cp "$STAGE/build/build.zip" "$STAGE/build/source.zip" build/
echo "build/build.zip: $(wc -c < build/build.zip) bytes"

node scripts/run-zip-auth-test.mjs "$APP_DIR/build/build.zip" "$UNZIPPED" "$CLI_DIR"
