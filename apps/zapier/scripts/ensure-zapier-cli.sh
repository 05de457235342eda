#!/usr/bin/env bash
# Installs (once per machine) Node 22 and zapier-platform-cli into a cache folder outside any
# clone, then prints the CLI folder. zapier-platform-cli 19 wants Node 22 (Zapier's runtime), the
# workspace runs Node 20, so the CLI is never a workspace dependency.
set -euo pipefail
CLI_VERSION="${ZAPIER_CLI_VERSION:-19.1.0}"
NODE_MAJOR="${ZAPIER_NODE_MAJOR:-22}"
CACHE="${AVEPOINT_KIT_CACHE:-$HOME/.cache/avepoint-graph-kit}"
NODE_DIR="$CACHE/node-$NODE_MAJOR"
CLI_DIR="$CACHE/zapier-platform-cli-$CLI_VERSION"
mkdir -p "$CACHE"

exec 9>"$CACHE/.zapier-install.lock"
flock 9

if [ ! -x "$NODE_DIR/node_modules/.bin/node" ]; then
  echo "installing node@$NODE_MAJOR into $NODE_DIR" >&2
  rm -rf "$NODE_DIR" && mkdir -p "$NODE_DIR"
  (cd "$NODE_DIR" && echo '{"name":"node-runtime","private":true}' > package.json &&
    npm i "node@$NODE_MAJOR" --no-audit --no-fund --loglevel=error >&2)
fi

if [ ! -f "$CLI_DIR/.ready" ]; then
  echo "installing zapier-platform-cli@$CLI_VERSION into $CLI_DIR (first run only)" >&2
  rm -rf "$CLI_DIR" && mkdir -p "$CLI_DIR"
  export PATH="$NODE_DIR/node_modules/.bin:$PATH"
  (cd "$CLI_DIR" && echo '{"name":"zapier-cli-runtime","private":true}' > package.json &&
    npm i "zapier-platform-cli@$CLI_VERSION" --save-exact --no-audit --no-fund --loglevel=error >&2)
  touch "$CLI_DIR/.ready"
fi
echo "$CLI_DIR"
