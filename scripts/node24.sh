#!/bin/sh
# Installs Node 24 (the runtime action.yml declares) from the npm registry into .cache/node24
# and prints the path of its binary, so the e2e suite can run the bundle on it:
#   ACTION_NODE=$(scripts/node24.sh) NODE_OPTIONS=--experimental-vm-modules npx jest __tests__/e2e
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
prefix="$root/.cache/node24"
case "$(uname -m)" in
  x86_64 | amd64) arch=x64 ;;
  aarch64 | arm64) arch=arm64 ;;
  *) echo "node24.sh: unsupported machine $(uname -m)" >&2; exit 1 ;;
esac
package="node-linux-$arch"
binary="$prefix/node_modules/$package/bin/node"
if [ ! -x "$binary" ]; then
  mkdir -p "$prefix"
  # Its own prefix and no package.json of ours: the project's dependencies stay untouched.
  npm install --no-save --no-audit --no-fund --no-package-lock --prefix "$prefix" "$package@24" >&2
fi
"$binary" --version >&2
echo "$binary"
