#!/usr/bin/env bash
# Prints the folder, outside any clone, where the kit keeps what takes minutes to install (a newer
# Node, n8n, the Zapier CLI), shared by every clone on the machine. AVEPOINT_KIT_CACHE moves it.
set -euo pipefail
dir="${AVEPOINT_KIT_CACHE:-$HOME/.cache/avepoint-graph-kit}"
mkdir -p "$dir"
echo "$dir"
