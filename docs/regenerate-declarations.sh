#!/usr/bin/env bash
# Regenerates what is derived from the declarations of treatment parameters (TreatmentParameter, model), events
# (EventType, EventParameter, simulator), archetype traits (Trait), market and behaviour values (MarketParameter,
# BehaviourParameter) and metrics (Metric): the JSON Schema's $defs.archetype, $defs.treatment, $defs.event,
# $defs.market and $defs.behaviour in scenarios/schema/scenario.schema.json, and the tables between
# <!-- declared:…:begin --> and <!-- declared:…:end --> in docs/segments.md and docs/model.md.
# GeneratedFromDeclarationsTest (simulator) fails when they are stale; run with segmentlab.regenerate=true it rewrites
# them instead.
set -euo pipefail
root="$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
mvn -q -B -pl simulator -am test -Dtest=GeneratedFromDeclarationsTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dsegmentlab.regenerate=true "$@"
