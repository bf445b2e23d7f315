#!/usr/bin/env bash
# The same split on one machine, to check a cluster set-up before paying for it: 4 shards in sequence, a merge,
# and a single run with the same seed; the two summary.json files are identical.
set -euo pipefail
NEGOTIATE=${NEGOTIATE:-"dotnet run --project src/Negotiation.Cli -c Release --"}
SCENARIO=${SCENARIO:-scenarios/syria-coh-2016.yaml}
RUNS=${RUNS:-20000}
tmp=$(mktemp -d)
for k in 1 2 3 4; do
  $NEGOTIATE run "$SCENARIO" --runs "$RUNS" --seed 7 --quiet --no-charts --shard "$k/4" --out "$tmp/shards/$k"
done
$NEGOTIATE merge "$tmp"/shards/* --quiet --out "$tmp/merged"
$NEGOTIATE run "$SCENARIO" --runs "$RUNS" --seed 7 --quiet --no-charts --out "$tmp/single"
cmp "$tmp/merged/summary.json" "$tmp/single/summary.json" && echo "merged shards == single run"
