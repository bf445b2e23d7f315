#!/usr/bin/env bash
# Ten million futures of the NATO–Russia scenario as a Slurm job array of 8 shards, then a dependent merge.
# Submit from the repository root:   bash docs/cluster/slurm-array.sh
# Each array task runs shard K/8 ($SLURM_ARRAY_TASK_ID + 1) into shards/K; the merge job starts only when every
# task has succeeded (afterok) and writes out/nato-russia-2022/, identical to a single-machine run.
set -euo pipefail

SCENARIO=${SCENARIO:-scenarios/nato-russia-2022.yaml}
RUNS=${RUNS:-10000000}
SEED=${SEED:-1}
SHARDS=${SHARDS:-8}
NEGOTIATE=${NEGOTIATE:-"dotnet run --project src/Negotiation.Cli -c Release --"}

mkdir -p shards logs
array_id=$(sbatch --parsable \
  --job-name=negotiate-shard \
  --array=0-$((SHARDS - 1)) \
  --cpus-per-task=2 --mem=1G --time=00:30:00 \
  --output=logs/shard-%a.out \
  --wrap="$NEGOTIATE run $SCENARIO --runs $RUNS --seed $SEED --threads \$SLURM_CPUS_PER_TASK --quiet \
          --shard \$((SLURM_ARRAY_TASK_ID + 1))/$SHARDS --out shards/\$((SLURM_ARRAY_TASK_ID + 1))")

sbatch --job-name=negotiate-merge \
  --dependency=afterok:"$array_id" \
  --cpus-per-task=1 --mem=1G --time=00:10:00 \
  --output=logs/merge.out \
  --wrap="$NEGOTIATE merge shards/* --out out/$(basename "$SCENARIO" .yaml)"
echo "submitted array $array_id and its merge"
