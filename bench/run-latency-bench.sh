#!/usr/bin/env bash
# Latency under steady load (issue 13, item 2): signed danh-gia pushes routed to iGate and iGate dossiers pulled every second
# to the National Portal, at each rate for --seconds, push/read -> delivered p50/p99 from the hub's database; with wake-ups
# (Hub:Wake:Enabled) and then the baseline without them, each on a fresh host in the same run; exactly-once checked.
# Usage: bench/run-latency-bench.sh [--rates 200,1000] [--seconds 300] [--warmup-seconds 15] [--pull-share 0.5] [--skip-baseline]
#        [--host-setting KEY=VALUE]... [--timeout-minutes M] [--host-dll PATH]
set -euo pipefail
cd "$(dirname "$0")/.."
# Builds the benchmark and, through its project reference, the host (both Release).
dotnet build -c Release tests/IntegrationHub.Benchmarks/IntegrationHub.Benchmarks.csproj
dotnet run -c Release --no-build --project tests/IntegrationHub.Benchmarks -- latency "$@"
