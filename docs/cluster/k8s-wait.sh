#!/usr/bin/env bash
# Waits for job/negotiate-shards to complete OR fail (`kubectl wait` on one condition alone waits out its whole
# timeout when an index fails), then applies the merge, or names the failed indexes and how to re-run them.
set -euo pipefail
JOB=${JOB:-negotiate-shards}
TIMEOUT=${TIMEOUT:-7200}
for _ in $(seq 1 $((TIMEOUT / 10))); do
  complete=$(kubectl get job "$JOB" -o jsonpath='{.status.conditions[?(@.type=="Complete")].status}')
  failed=$(kubectl get job "$JOB" -o jsonpath='{.status.conditions[?(@.type=="Failed")].status}')
  if [ "$complete" = "True" ]; then
    kubectl apply -f "$(dirname "$0")/k8s-merge-job.yaml"
    echo "shards complete; merge job applied (kubectl logs job/negotiate-merge)"
    exit 0
  fi
  if [ "$failed" = "True" ]; then
    indexes=$(kubectl get job "$JOB" -o jsonpath='{.status.failedIndexes}')
    echo "job $JOB failed; failed indexes (0-based): ${indexes:-unknown}" >&2
    echo "re-run each as shard K = index + 1 (the finished shards stay on the volume):" >&2
    echo "  sed 's/__K__/K/g' docs/cluster/k8s-shard-job.yaml | kubectl apply -f -" >&2
    echo "  kubectl wait --for=condition=complete job/negotiate-shard-K --timeout=1h && kubectl apply -f docs/cluster/k8s-merge-job.yaml" >&2
    exit 1
  fi
  sleep 10
done
echo "job $JOB neither complete nor failed after ${TIMEOUT}s" >&2
exit 1
