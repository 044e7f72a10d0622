#!/usr/bin/env bash
# Explores the loader and engine properties far beyond CI's scale, for a given number of minutes:
#
#   tests/explore.sh MINUTES [SCALE]        (SCALE defaults to 100, i.e. 100x CI's number of cases)
#
# Runs every test method of the property classes in tests/Procurement.Rules.Tests/Properties and of the loader
# fuzz tests (Reliability/LoaderFuzzTests) one at a time, in rounds in a shuffled order, each run with a fresh
# random seed and a slice of the time (a property at 100x can take hours), until the time is up. Prints a replay
# command for every failure (the seed, the scale and the test filter; properties also print the exact failing
# case) and, at the end, how many cases ran with which seeds. Not part of .ci/run: it runs for as long as it is told to.
# Run it with `nice -n 10` on a shared machine. Exits 1 if anything failed.
set -uo pipefail
cd "$(dirname "$0")/.."

if [ $# -lt 1 ] || ! [[ "$1" =~ ^[0-9]+$ ]] || [ "$1" -lt 1 ]; then
  echo "usage: tests/explore.sh MINUTES [SCALE]" >&2
  exit 2
fi

minutes=$1
scale=${2:-100}
project=tests/Procurement.Rules.Tests
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

work=$(mktemp -d "${TMPDIR:-/tmp}/explore.XXXXXX")
echo "explore: $minutes minutes at scale $scale; logs in $work"

if ! dotnet build "$project" -c Release > "$work/build.log" 2>&1; then
  tail -n 30 "$work/build.log" >&2
  echo "explore: the build failed" >&2
  exit 2
fi

# Every test method of the classes in the Properties folder that check a property, and of the loader fuzz tests.
targets=()
for file in "$project"/Properties/*.cs "$project"/Reliability/LoaderFuzzTests.cs; do
  grep -q 'PropertyRun.Check\|class LoaderFuzzTests' "$file" || continue
  namespace=$(sed -n 's/^namespace \(.*\);$/\1/p' "$file")
  class=$(basename "$file" .cs)
  for method in $(sed -n 's/^    public \(async Task\|void\) \([A-Za-z0-9_]*\)(.*/\2/p' "$file"); do
    targets+=("$namespace.$class.$method")
  done
done

# The cases each property of one run got through: its last logged count (properties log every 10 cases and at the end).
cases() {
  awk -F'\t' '{ if ($2 + 0 > n[$1]) n[$1] = $2 + 0 } END { for (p in n) print n[p], p }' "$1"
}

# At 100x a property can run for hours: each run gets a slice of the time, so that every property gets its turn.
slice=$(( minutes * 60 / ${#targets[@]} ))
[ "$slice" -ge 60 ] || slice=60
echo "explore: ${#targets[@]} test methods, up to $slice s each per round"
deadline=$(( $(date +%s) + minutes * 60 ))
runs=0
failures=0
seeds=()

while :; do
  for target in $(printf '%s\n' "${targets[@]}" | shuf); do
    remaining=$(( deadline - $(date +%s) ))
    [ "$remaining" -gt 0 ] || break 2
    budget=$(( remaining < slice ? remaining : slice ))

    seed=$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')
    runs=$((runs + 1))
    log="$work/run-$runs.log"
    caselog="$work/cases-$runs.tsv"
    : > "$caselog"
    seeds+=("$seed")
    printf 'explore: run %d: %s, seed %s (%d s left)\n' "$runs" "${target#Procurement.Rules.Tests.}" "$seed" "$remaining"

    PROCUREMENT_RULES_PROPERTY_SCALE=$scale PROCUREMENT_RULES_PROPERTY_SEED=$seed \
    PROCUREMENT_RULES_FUZZ_SCALE=$scale PROCUREMENT_RULES_FUZZ_SEED=$seed \
    PROCUREMENT_RULES_CASE_LOG=$caselog \
      timeout -k 30 "$budget" dotnet test --project "$project" -c Release --no-build -- --filter-method "$target" > "$log" 2>&1
    status=$?

    ran=$(cases "$caselog" | awk '{ n += $1 } END { print n + 0 }')
    if [ "$status" -eq 124 ] || [ "$status" -eq 137 ]; then
      printf 'explore:   stopped after its %d s with %d cases, none failed\n' "$budget" "$ran"
    elif [ "$status" -ne 0 ]; then
      failures=$((failures + 1))
      printf 'explore:   FAILED after %d cases; output kept in %s\n' "$ran" "$log"
      echo "explore:   replay the run: PROCUREMENT_RULES_PROPERTY_SCALE=$scale PROCUREMENT_RULES_PROPERTY_SEED=$seed PROCUREMENT_RULES_FUZZ_SCALE=$scale PROCUREMENT_RULES_FUZZ_SEED=$seed dotnet test --project $project -c Release -- --filter-method '$target'"
      grep -E 'Replay the failing case|Replay the whole run' "$log" | sed 's/^\s*/explore:   /'
    else
      printf 'explore:   passed, %d cases\n' "$ran"
    fi
  done
done

for caselog in "$work"/cases-*.tsv; do
  [ -e "$caselog" ] && cases "$caselog"
done > "$work/summary.txt"
total=$(awk '{ n += $1 } END { print n + 0 }' "$work/summary.txt")
echo "explore: $runs runs, $total cases at scale $scale with seeds ${seeds[*]:-none}; $failures failed"
echo "explore: cases per property:"
awk '{ c = $1; $1 = ""; n[substr($0, 2)] += c } END { for (p in n) printf "  %9d  %s\n", n[p], p }' "$work/summary.txt" | sort -k2
[ "$failures" -eq 0 ]
