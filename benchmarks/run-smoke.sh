#!/usr/bin/env bash
# Quick benchmark smoke test for CI: builds the benchmark project and runs the single-rule benchmarks once
# (Dry job, in-process, so no per-benchmark project is generated and built). The point is not the timings but
# that every benchmark runs and that hand-written, engine and RulesEngine agree on the failure count
# (the GlobalSetup throws otherwise). Exits non-zero if anything failed. Extra arguments go to BenchmarkDotNet.
set -euo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

dotnet run -c Release --project benchmarks/Procurement.Rules.Benchmarks -- \
  --filter '*SingleRule*' --job Dry --inProcess \
  --artifacts benchmarks/BenchmarkDotNet.Artifacts "$@"
