#!/usr/bin/env bash
# Regenerates the table of docs/model.md between <!-- mechanisms:begin --> and <!-- mechanisms:end -->: which
# mechanism carries each shipped lesson. LessonMechanismsTest (simulator) computes it and fails when it is stale;
# run with segmentlab.regenerate=true it rewrites the block instead.
set -euo pipefail
root="$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
mvn -q -B -pl simulator -am test -Dtest=LessonMechanismsTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dsegmentlab.regenerate=true "$@"
