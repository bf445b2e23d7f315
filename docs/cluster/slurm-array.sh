#!/usr/bin/env bash
# Ten million futures of the NATO–Russia scenario as a Slurm job array of 8 shards, then a dependent merge.
# Install the tool once first (bash docs/cluster/install-tool.sh), then submit from the repository root:
#   bash docs/cluster/slurm-array.sh
# Each array task runs shard K/N ($SLURM_ARRAY_TASK_ID + 1) into shards/K; the merge job starts only when every
# task has succeeded (afterok) and writes out/<scenario>/, identical to a single-machine run. The job ids are saved
# in shards/jobs.env so that a failed index can be re-run and the merge released (docs/cluster/slurm-rerun.sh).
set -euo pipefail

SCENARIO=${SCENARIO:-scenarios/nato-russia-2022.yaml}
RUNS=${RUNS:-10000000}
SEED=${SEED:-1}
SHARDS=${SHARDS:-8}
CPUS=${CPUS:-2}
TIME=${TIME:-00:30:00}
if [ -z "${NEGOTIATE:-}" ]; then
  if [ -x tools/negotiate/negotiate ]; then NEGOTIATE=$PWD/tools/negotiate/negotiate
  elif command -v negotiate >/dev/null 2>&1; then NEGOTIATE=$(command -v negotiate)
  else
    echo "slurm-array.sh: negotiate is not installed; run 'bash docs/cluster/install-tool.sh' once first (building in every task races on the build's file locks)" >&2
    exit 2
  fi
fi
"$NEGOTIATE" validate "$SCENARIO" >/dev/null   # a scenario error is found now, not in 8 failed tasks

mkdir -p shards logs
array_id=$(sbatch --parsable \
  --job-name=negotiate-shard \
  --array=0-$((SHARDS - 1)) \
  --cpus-per-task="$CPUS" --mem=1G --time="$TIME" \
  --output=logs/shard-%a.out \
  --wrap="'$NEGOTIATE' run '$SCENARIO' --runs $RUNS --seed $SEED --threads \$SLURM_CPUS_PER_TASK --quiet \
          --shard \$((SLURM_ARRAY_TASK_ID + 1))/$SHARDS --out shards/\$((SLURM_ARRAY_TASK_ID + 1))")

# afterok: the merge waits for every task. If one fails, the merge stays pending (reason DependencyNeverSatisfied)
# until that index is re-run and the merge's dependency is pointed at the re-run (slurm-rerun.sh does both).
merge_id=$(sbatch --parsable \
  --job-name=negotiate-merge \
  --dependency=afterok:"$array_id" \
  --cpus-per-task=1 --mem=1G --time=00:10:00 \
  --output=logs/merge.out \
  --wrap="'$NEGOTIATE' merge \$(ls -d shards/*/ | sort -V) --quiet --out out/$(basename "$SCENARIO" .yaml)")

cat > shards/jobs.env <<ENV
ARRAY_ID=$array_id
MERGE_ID=$merge_id
SCENARIO=$SCENARIO
RUNS=$RUNS
SEED=$SEED
SHARDS=$SHARDS
CPUS=$CPUS
TIME=$TIME
NEGOTIATE=$NEGOTIATE
ENV
echo "submitted array $array_id and its merge $merge_id (ids in shards/jobs.env)"
