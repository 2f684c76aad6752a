#!/usr/bin/env bash
# Soak (issue 13, item 7; not in CI; about 17 min at the defaults): --messages (default 1,000,000) through the pull and push flows
# at --rate on one host with wake-ups; host RSS, PostgreSQL client connections and delivery latency in the first 10 % of
# the messages against the last 10 %; then nothing lost or doubled (iGate, the National Portal and the hub's database).
# Usage: bench/run-soak-bench.sh [--messages N] [--rate 1000] [--pull-share 0.5] [--host-setting KEY=VALUE]... [--timeout-minutes M] [--host-dll PATH]
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build -c Release tests/IntegrationHub.Benchmarks/IntegrationHub.Benchmarks.csproj
dotnet run -c Release --no-build --project tests/IntegrationHub.Benchmarks -- soak "$@"
