#!/usr/bin/env bash
# Regenerates every number docs/workshop.md quotes from a run: the blocks between <!-- numbers:SCENARIO:begin --> and
# <!-- numbers:SCENARIO:end --> and the inline marks <!--n:SCENARIO.NAME-->…<!--/n-->. WorkshopNumbersTest (simulator)
# runs each shipped scenario at its shipped size and seed and fails when the page is stale; run with
# segmentlab.regenerate=true it rewrites the page instead. Numbers in prose outside the marks are not rewritten: the
# test names their lines. Takes a few minutes (every shipped scenario at full size).
set -euo pipefail
root="$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
mvn -q -B -pl simulator -am test -Dtest=WorkshopNumbersTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dsegmentlab.regenerate=true "$@"
