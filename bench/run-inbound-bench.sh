#!/usr/bin/env bash
# Inbound gateway accept rate: the hub (a child process, its embedded PostgreSQL with fsync on) takes signed 1 KB JSON
# pushes from a .NET load client on 127.0.0.1 (durable before 202); pgbench's single-row INSERT rate on the same
# PostgreSQL server, same run, same number of clients, is the reference. Prints msgs/s, p50/p99, errors, CPU split,
# the ratio, and checks that hub.inbox holds one row per 202.
# Usage: bench/run-inbound-bench.sh [--connections N] [--seconds S] [--warmup-seconds S] [--pgbench-seconds S] [--skip-pgbench]
#        [--writers N] [--commit-batch N] [--max-queued N] [--host-setting KEY=VALUE]... [--timeout-minutes M] [--host-dll PATH]
set -euo pipefail
cd "$(dirname "$0")/.."
# Builds the benchmark and, through its project reference, the host (both Release).
dotnet build -c Release tests/IntegrationHub.Benchmarks/IntegrationHub.Benchmarks.csproj
dotnet run -c Release --no-build --project tests/IntegrationHub.Benchmarks -- inbound "$@"
