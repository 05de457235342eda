# Sourced by the ensure-*.sh scripts: installs a tool (Node, n8n, the Zapier CLI) into a cache
# folder outside the workspace.
#
#   install_runtime <dir> <package> <version> <manifest json> [npm flags...]
#
# When scripts/runtimes/<package>-<version>/ holds a lockfile, the install is `npm ci` of exactly
# that tree. Resolving afresh (`npm i`) takes whatever the registry lists that day, and a registry
# mirror may list a new release of one package before the release it depends on: a cold run once
# failed on "No matching version found for @babel/helper-replace-supers@^7.29.16" that way. Without
# a lockfile (another version), or with NO_RUNTIME_LOCK=1 (other overrides than the lockfile's), it
# resolves afresh, with the manifest given.

# Nothing in these installs is actionable for the user of the kit.
export npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false

RUNTIME_LOCKS="$(cd "$(dirname "${BASH_SOURCE[0]}")/../runtimes" && pwd)"
# The Node this was started with, before a script puts a cached one first on PATH.
SYSTEM_NODE="$(command -v node)"

install_runtime() {
  local dir="$1" package="$2" version="$3" manifest="$4"
  shift 4
  local lock="$RUNTIME_LOCKS/$package-$version"
  # npm finds its global npmrc beside the Node that runs it, so under a cached Node it misses the
  # machine's (a proxy's CA in `cafile`, say). pnpm passes it on to scripts; run directly, ask the
  # machine's own npm for it.
  if [ -z "${npm_config_cafile:-}" ]; then
    local cafile
    cafile="$("$SYSTEM_NODE" "$(command -v npm)" config get cafile 2>/dev/null || true)"
    case "$cafile" in "" | null | undefined) ;; *) export npm_config_cafile="$cafile" ;; esac
  fi
  if [ -z "${NO_RUNTIME_LOCK:-}" ] && [ -f "$lock/package-lock.json" ]; then
    cp "$lock/package.json" "$lock/package-lock.json" "$dir/"
    (cd "$dir" && npm ci "$@" --loglevel=error >&2)
  else
    echo "$manifest" > "$dir/package.json"
    (cd "$dir" && npm i "$package@$version" --save-exact "$@" --loglevel=error >&2)
  fi
}
