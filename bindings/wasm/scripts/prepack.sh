#!/usr/bin/env bash
# npm's `prepack` (run by `npm pack` and `npm publish`): builds pkg/ and dist/ afresh and runs the
# Node tests against them, so no tarball ships without its generated files or untested.
# Needs what scripts/build.sh needs (test.sh installs it).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# All output to stderr: `npm pack --json` prints its answer on stdout.
exec 1>&2

bash scripts/build.sh
for file in LICENSE-MIT LICENSE-APACHE; do
  if ! cmp -s "$file" "../../$file"; then
    echo "prepack.sh: $file differs from the repository's ../../$file; copy it here" >&2
    exit 1
  fi
done
node --test test/api.test.mjs test/vectors.test.mjs test/reception.test.mjs test/junk.test.mjs \
  test/size.test.mjs test/entries.test.mjs
