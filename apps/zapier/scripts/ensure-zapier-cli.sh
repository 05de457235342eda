#!/usr/bin/env bash
# Installs (once per machine) Node 22 and zapier-platform-cli into a cache folder outside any
# clone, then prints the CLI folder. zapier-platform-cli 19 wants Node 22 (Zapier's runtime), the
# workspace runs Node 20, so the CLI is never a workspace dependency.
set -euo pipefail
CLI_VERSION="${ZAPIER_CLI_VERSION:-19.1.0}"
NODE_MAJOR="${ZAPIER_NODE_MAJOR:-22}"
REPO_SCRIPTS="$(cd "$(dirname "$0")/../../../scripts" && pwd)"
CACHE="$(bash "$REPO_SCRIPTS/cache-dir.sh")"
# shellcheck source=../../../scripts/lib/install-runtime.sh
. "$REPO_SCRIPTS/lib/install-runtime.sh"
NODE_BIN="$(bash "$REPO_SCRIPTS/ensure-node.sh" "$NODE_MAJOR")"
CLI_DIR="$CACHE/zapier-platform-cli-$CLI_VERSION"

exec 9>"$CACHE/.zapier-install.lock"
flock 9

if [ ! -f "$CLI_DIR/.ready" ]; then
  echo "installing zapier-platform-cli@$CLI_VERSION into $CLI_DIR (first run only)" >&2
  rm -rf "$CLI_DIR" && mkdir -p "$CLI_DIR"
  export PATH="$NODE_BIN:$PATH"
  install_runtime "$CLI_DIR" zapier-platform-cli "$CLI_VERSION" '{"name":"zapier-cli-runtime","private":true}'
  touch "$CLI_DIR/.ready"
fi
echo "$CLI_DIR"
