#!/usr/bin/env bash
# Installs (once per machine) Node <major> from the npm registry's `node` package into the kit's
# cache, then prints the folder that holds its `node` and `npm`. The workspace runs on Node 20;
# n8n 2.x wants 24, n8n 1.x and the Zapier CLI want 22, and the registry is all there is here.
#
#   bash scripts/ensure-node.sh 22
set -euo pipefail
major="${1:?usage: ensure-node.sh <major>}"
cache="$(bash "$(dirname "$0")/cache-dir.sh")"
# shellcheck source=lib/install-runtime.sh
. "$(dirname "$0")/lib/install-runtime.sh"
dir="$cache/node-$major"

# One lock for every caller: n8n's and the Zapier CLI's installs may both want Node 22 at once.
exec 8>"$cache/.node-$major.lock"
flock 8

if [ ! -x "$dir/node_modules/.bin/node" ]; then
  echo "installing node@$major into $dir (first run only)" >&2
  rm -rf "$dir" && mkdir -p "$dir"
  install_runtime "$dir" node "$major" '{"name":"node-runtime","private":true}'
fi
echo "$dir/node_modules/.bin"
