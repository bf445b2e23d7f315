#!/usr/bin/env bash
# Re-run one failed or cancelled shard of slurm-array.sh and release the merge that waits for it.
#   bash docs/cluster/slurm-rerun.sh 3        # re-runs shard 3/N (array index 2) into shards/3
# The merge job (afterok on the array) can never start once a task failed; this points its dependency at the new
# job instead, so it starts when the re-run succeeds. If the merge was cancelled meanwhile, a new one is submitted.
set -euo pipefail
K=${1:?usage: slurm-rerun.sh K   (the 1-based shard to re-run)}
# shellcheck disable=SC1091
. shards/jobs.env
rm -rf "shards/$K"
rerun_id=$(sbatch --parsable \
  --job-name=negotiate-shard-rerun \
  --cpus-per-task="$CPUS" --mem=1G --time="$TIME" \
  --output="logs/shard-rerun-$K.out" \
  --wrap="'$NEGOTIATE' run '$SCENARIO' --runs $RUNS --seed $SEED --threads \$SLURM_CPUS_PER_TASK --quiet --shard $K/$SHARDS --out shards/$K")
# The other tasks already succeeded; the merge now waits for the re-run alone.
if scontrol update JobId="$MERGE_ID" Dependency=afterok:"$rerun_id" 2>/dev/null; then
  echo "re-running shard $K/$SHARDS as job $rerun_id; merge $MERGE_ID now waits for it"
else
  MERGE_ID=$(sbatch --parsable --job-name=negotiate-merge --dependency=afterok:"$rerun_id" \
    --cpus-per-task=1 --mem=1G --time=00:10:00 --output=logs/merge.out \
    --wrap="'$NEGOTIATE' merge \$(ls -d shards/*/ | sort -V) --quiet --out out/$(basename "$SCENARIO" .yaml)")
  sed -i "s/^MERGE_ID=.*/MERGE_ID=$MERGE_ID/" shards/jobs.env
  echo "re-running shard $K/$SHARDS as job $rerun_id; submitted a new merge $MERGE_ID after it"
fi
