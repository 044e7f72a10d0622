#!/usr/bin/env bash
# Downloads the SARIF 2.1.0 JSON schema (shipped in the npm package @microsoft/jest-sarif) into
# .artifacts/sarif-2.1.0.json, where the CLI's SARIF test reads it. Third-party file: never committed.
set -euo pipefail
cd "$(dirname "$0")/.."
target=.artifacts/sarif-2.1.0.json
[ -s "$target" ] && exit 0
mkdir -p .artifacts
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent @microsoft/jest-sarif@1.0.0-beta.0 >/dev/null && tar xzf ./*.tgz)
cp "$work"/package/lib/schemas/sarif-2.1.0-rtm.5.json "$target"
echo "SARIF schema written to $target"
