#!/usr/bin/env bash
# Regenerates the generated blocks of docs/segments.md (run from anywhere):
#   docs/regenerate-accuracy.sh
# Each block between the lines <!-- accuracy:begin --> and <!-- accuracy:end --> is replaced by the output of the
# bin/segmentlab command written in the code block just above it (continuation lines ending in \ joined), run
# from the project root. DocsAccuracyTableTest (cli) runs the same commands and fails when a block is stale.
set -euo pipefail

root="$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
doc="$root/docs/segments.md"
begin='<!-- accuracy:begin -->'
end='<!-- accuracy:end -->'
tmp="$(mktemp "${TMPDIR:-/tmp}/segments.md.XXXXXX")"
trap 'rm -f "$tmp"' EXIT
cd "$root"

command=""
continued=0
skipping=0
while IFS= read -r line || [ -n "$line" ]; do
  if [ "$skipping" = 1 ]; then
    if [ "$line" = "$end" ]; then
      skipping=0
      printf '%s\n' "$line" >>"$tmp"
    fi
    continue
  fi
  printf '%s\n' "$line" >>"$tmp"
  if [ "$continued" = 1 ]; then
    command="$command ${line%\\}"
    [[ "$line" == *\\ ]] || continued=0
  elif [[ "$line" == "bin/segmentlab "* ]]; then
    command="${line%\\}"
    [[ "$line" == *\\ ]] && continued=1
  elif [ "$line" = "$begin" ]; then
    if [ -z "$command" ]; then
      echo "regenerate-accuracy: no bin/segmentlab command above '$begin' in $doc" >&2
      exit 1
    fi
    echo "regenerate-accuracy: $command" >&2
    eval "$command" >>"$tmp"
    command=""
    skipping=1
  fi
done <"$doc"
if [ "$skipping" = 1 ]; then
  echo "regenerate-accuracy: '$begin' without '$end' in $doc" >&2
  exit 1
fi
cat "$tmp" >"$doc"
