#!/usr/bin/env bash
# Regenerates what is derived from the declarations of treatment parameters (TreatmentParameter, model) and events
# (EventType, EventParameter, simulator): the JSON Schema's $defs.treatment and $defs.event in
# scenarios/schema/scenario.schema.json, and the tables between <!-- declared:…:begin --> and <!-- declared:…:end -->
# in docs/segments.md.
# Market and behaviour values (MarketParameter, BehaviourParameter, simulator): $defs.market, $defs.behaviour and the
# declared:market and declared:behaviour tables of docs/model.md.
# Metrics (Metric, simulator): the declared:metrics table of docs/model.md. GeneratedFromDeclarationsTest (simulator) fails when they are stale; run with
# segmentlab.regenerate=true it rewrites them instead.
set -euo pipefail
root="$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
mvn -q -B -pl simulator -am test -Dtest=GeneratedFromDeclarationsTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dsegmentlab.regenerate=true "$@"
