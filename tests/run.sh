#!/usr/bin/env bash
# The test command (npm test, and CI): type-check everything, then every spec on SQLite and,
# when reachable, PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."
npx tsc --noEmit -p .
npm run build --silent
npx jest --maxWorkers=2 "$@"
