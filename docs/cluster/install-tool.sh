#!/usr/bin/env bash
# Install negotiate ONCE, before submitting any job, into a folder every node can read (default tools/negotiate
# in the repository, which is on the shared file system where the repository is).
#   bash docs/cluster/install-tool.sh            # then: NEGOTIATE=$PWD/tools/negotiate/negotiate
# Building inside every array task instead made four first tasks on a fresh clone fail on the same file lock
# (MSB3883) and broke the afterok chain; an installed tool also guarantees every shard runs the same build, which
# `negotiate merge` checks (it refuses shards of another tool or model version).
set -euo pipefail
cd "$(dirname "$0")/../.."
PREFIX=${PREFIX:-tools/negotiate}
# NO_BUILD=1 publishes the Release build already made (e.g. by `dotnet test -c Release`) without building again.
dotnet publish src/Negotiation.Cli -c Release -o "$PREFIX" --nologo -v quiet ${NO_BUILD:+--no-build}
"$PREFIX/negotiate" --version
echo "installed: $(cd "$PREFIX" && pwd)/negotiate"
