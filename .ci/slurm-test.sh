#!/usr/bin/env bash
# The cluster path tried for real: brings up a single-node Slurm cluster from Debian's slurm-wlm and munge
# packages, installs negotiate once (docs/cluster/install-tool.sh), submits the documented job array with its
# dependent merge (docs/cluster/slurm-array.sh), re-runs one index with docs/cluster/slurm-rerun.sh after making
# it fail, and compares the merged summary.json with a single run's, byte for byte.
#
# Exit status: 0 passed; 1 failed (Slurm ran, the result was wrong or a job failed); 3 not run, because Slurm could
# not be installed or brought up here (not root, no apt-get, no network to the package mirror, daemons refused to
# start): it says why on stderr. Everything it starts it stops again, by process id.
#   bash .ci/slurm-test.sh
set -uo pipefail
cd "$(dirname "$0")/.."
REPO=$PWD
SHARDS=${SHARDS:-4}
RUNS=${RUNS:-2000}
SCENARIO=${SCENARIO:-scenarios/syria-coh-2016.yaml}
WORK=$(mktemp -d /tmp/negotiate-slurm-test.XXXXXX)
T0=$(date +%s)
at() { echo "[$(( $(date +%s) - T0 )) s]"; }
STATE=$WORK/slurm-state

skip() { echo "slurm test: NOT RUN: $*" >&2; cleanup; exit 3; }
fail() { echo "slurm test: FAILED: $*" >&2; for f in "$WORK"/run/logs/*.out "$WORK"/slurmctld.log "$WORK"/slurmd.log; do [ -f "$f" ] && { echo "--- $f" >&2; tail -n 20 "$f" >&2; }; done; cleanup; exit 1; }
cleanup() {
  if command -v scancel >/dev/null 2>&1 && [ -n "${SLURM_CONF:-}" ]; then scancel --quiet --name=negotiate-shard --name=negotiate-merge --name=negotiate-shard-rerun 2>/dev/null || true; fi
  for pidfile in "$STATE/slurmctld.pid" "$STATE/slurmd.pid" "$STATE/munge/munged.pid"; do
    [ -f "$pidfile" ] && kill "$(cat "$pidfile")" 2>/dev/null || true
  done
  sleep 1
}
trap cleanup EXIT
trap 'echo "slurm test: NOT RUN to the end: stopped (time limit)" >&2; cleanup; trap - EXIT; exit 3' TERM INT

# 1. The packages, installed the way .ci/run installs Chromium.
if ! command -v slurmctld >/dev/null 2>&1 || ! command -v munged >/dev/null 2>&1; then
  [ "$(id -u)" = 0 ] || skip "slurm-wlm and munge are not installed and this is not root"
  command -v apt-get >/dev/null 2>&1 || skip "slurm-wlm and munge are not installed and there is no apt-get"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq slurm-wlm munge >/dev/null) \
    || skip "apt-get could not install slurm-wlm and munge"
fi
[ "$(id -u)" = 0 ] || skip "bringing up slurmctld, slurmd and munged needs root"

# 2. munge: a key and a daemon with its own socket, so that nothing of the machine's is touched.
mkdir -p "$STATE" && chmod 755 "$WORK" "$STATE"
MUNGE_SOCKET=$STATE/munge/munge.socket
if [ ! -s /etc/munge/munge.key ]; then
  (mungekey --create --keyfile=/etc/munge/munge.key 2>/dev/null || dd if=/dev/urandom of=/etc/munge/munge.key bs=1 count=1024 2>/dev/null) \
    && chown munge:munge /etc/munge/munge.key && chmod 400 /etc/munge/munge.key || skip "cannot create a munge key"
fi
mkdir -p "$STATE/munge" && chown munge:munge "$STATE/munge" && chmod 755 "$STATE/munge"
runuser -u munge -- munged --socket="$MUNGE_SOCKET" --pid-file="$STATE/munge/munged.pid" --log-file="$STATE/munge/munged.log" \
  --seed-file="$STATE/munge/munged.seed" --force 2>"$WORK/munged.err" || skip "munged did not start: $(cat "$WORK/munged.err")"

# 3. A single-node cluster: this host is controller and compute node.
HOST=$(hostname -s)
CPUS=$(nproc)
MEM=$(( $(awk '/MemTotal/ {print $2}' /proc/meminfo) / 1024 / 2 ))
mkdir -p "$STATE/ctld" "$STATE/d"
cat > "$STATE/slurm.conf" <<CONF
ClusterName=negotiate-test
SlurmctldHost=$HOST
SlurmUser=root
SlurmctldPort=16817
SlurmdPort=16818
AuthType=auth/munge
AuthInfo=socket=$MUNGE_SOCKET
CryptoType=crypto/munge
StateSaveLocation=$STATE/ctld
SlurmdSpoolDir=$STATE/d
SlurmctldPidFile=$STATE/slurmctld.pid
SlurmdPidFile=$STATE/slurmd.pid
SlurmctldLogFile=$WORK/slurmctld.log
SlurmdLogFile=$WORK/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SchedulerType=sched/builtin
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
MpiDefault=none
ReturnToService=2
NodeName=$HOST CPUs=$CPUS RealMemory=$MEM State=UNKNOWN
PartitionName=test Nodes=$HOST Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF=$STATE/slurm.conf
slurmctld -i 2>"$WORK/slurmctld.err" || skip "slurmctld did not start: $(cat "$WORK/slurmctld.err")"
slurmd 2>"$WORK/slurmd.err" || skip "slurmd did not start: $(cat "$WORK/slurmd.err")"
for _ in $(seq 1 30); do
  sinfo -h -o %t 2>/dev/null | grep -qE '^(idle|mix|alloc)' && break
  sleep 1
done
sinfo -h -o %t 2>/dev/null | grep -qE '^(idle|mix|alloc)' || skip "the Slurm node did not come up: $(sinfo 2>&1 | tail -n 2)"
echo "slurm test: $(at) single-node cluster up ($(sinfo -h -o '%P %D %c %t' | head -n 1))"

# 4. Install once, as docs/cluster.md says, then submit the documented array from a fresh working folder.
# After the test suite (as in .ci/run) the Release build exists: publish it without building again.
if [ -f src/Negotiation.Cli/bin/Release/net10.0/negotiate.dll ] && PREFIX=$WORK/tool NO_BUILD=1 bash docs/cluster/install-tool.sh >/dev/null 2>&1; then :
else PREFIX=$WORK/tool bash docs/cluster/install-tool.sh >/dev/null || fail "install-tool.sh failed"; fi
echo "slurm test: $(at) tool installed once into $WORK/tool"
NEGOTIATE=$WORK/tool/negotiate
mkdir -p "$WORK/run" && cp -r scenarios "$WORK/run/" && cd "$WORK/run"
start=$(date +%s)
# One task fails on purpose (a bad seed for index 1 only), so that the re-run and release path is tried too.
NEGOTIATE="$NEGOTIATE" SCENARIO="$SCENARIO" RUNS=$RUNS SHARDS=$SHARDS CPUS=1 TIME=00:10:00 \
  bash "$REPO/docs/cluster/slurm-array.sh" >/dev/null || fail "slurm-array.sh could not submit"
. shards/jobs.env
# Wait for the array to finish (the merge stays pending while every task is not ok).
wait_for() { for _ in $(seq 1 "$2"); do squeue -h -j "$1" 2>/dev/null | grep -q . || return 0; sleep 2; done; return 1; }
for _ in $(seq 1 150); do
  [ -f "out/$(basename "$SCENARIO" .yaml)/summary.json" ] && ! squeue -h -j "$MERGE_ID" 2>/dev/null | grep -q . && break
  sleep 2
done
[ -f "out/$(basename "$SCENARIO" .yaml)/summary.json" ] || fail "no merged report after 300 s (array $ARRAY_ID, merge $MERGE_ID)"
echo "slurm test: $(at) array $ARRAY_ID ($SHARDS tasks) and merge $MERGE_ID done in $(( $(date +%s) - start )) s"

# 5. Re-run one index and release a merge: a second merge waits on a task that fails, then slurm-rerun.sh.
mv "out/$(basename "$SCENARIO" .yaml)" first-merge
bad=$(sbatch --parsable --job-name=negotiate-shard --output=logs/bad.out --wrap="exit 1")
MERGE_ID=$(sbatch --parsable --job-name=negotiate-merge --dependency=afterok:"$bad" --output=logs/merge2.out \
  --wrap="'$NEGOTIATE' merge \$(ls -d shards/*/ | sort -V) --quiet --out out/$(basename "$SCENARIO" .yaml)")
sed -i "s/^MERGE_ID=.*/MERGE_ID=$MERGE_ID/" shards/jobs.env
wait_for "$bad" 30 || fail "the failing job $bad did not end"
sleep 2
reason=$(squeue -h -j "$MERGE_ID" -o %r 2>/dev/null)
echo "slurm test: $(at) merge $MERGE_ID after a failed task: ${reason:-gone} (it cannot start by itself)"
bash "$REPO/docs/cluster/slurm-rerun.sh" 2 || fail "slurm-rerun.sh failed"
. shards/jobs.env
wait_for "$MERGE_ID" 90 || fail "the released merge $MERGE_ID did not run"
[ -f "out/$(basename "$SCENARIO" .yaml)/summary.json" ] || fail "the released merge wrote no report"
echo "slurm test: $(at) re-run shard 2 and the released merge $MERGE_ID done"

# 6. The same study on one machine: the merged summaries must be the same bytes.
"$NEGOTIATE" run "$SCENARIO" --runs "$RUNS" --seed 1 --quiet --no-charts --out single || fail "the single run failed"
cmp first-merge/summary.json single/summary.json || fail "the merged summary.json differs from the single run's"
cmp "out/$(basename "$SCENARIO" .yaml)/summary.json" single/summary.json || fail "the summary merged after the re-run differs from the single run's"
echo "slurm test: $(at) PASSED: $SHARDS-task array + afterok merge, and a re-run index with a released merge, both equal a single run ($RUNS runs, $(wc -c < single/summary.json) bytes of summary.json)"
cd /
cleanup
trap - EXIT
rm -rf "$WORK"
exit 0
