#!/usr/bin/env bash
# History benchmark: GET /api/flows (and /api/flows/activity?window=7d), a business-key search, the dashboard pages and the
# claim of due deliveries on an empty hub, then on the same hub after seeding --messages of history (default 10,000,000
# messages and their deliveries, by binary COPY, spread over the year's monthly partitions), and each ratio.
# The hub (a child process, Release, its own embedded PostgreSQL) has nothing else to do while the requests are timed.
# Needs ~10 GB free under /tmp for 10 million messages.
# Usage: bench/run-flow-counts-bench.sh [--messages N] [--requests N] [--warmup N] [--chunk N] [--timeout-minutes M] [--host-dll PATH]
set -euo pipefail
cd "$(dirname "$0")/.."
# Builds the benchmark and, through its project reference, the host (both Release).
dotnet build -c Release tests/IntegrationHub.Benchmarks/IntegrationHub.Benchmarks.csproj
dotnet run -c Release --no-build --project tests/IntegrationHub.Benchmarks -- flow-counts "$@"
