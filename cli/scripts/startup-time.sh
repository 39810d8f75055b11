#!/usr/bin/env bash
# Measures how long `java -jar strata.jar status` takes against an H2 database with 1000 applied
# migrations, with and without an AppCDS archive (docs/performance.md). Uses hyperfine when
# installed, else a loop timed with `date +%s%N`. Nothing here is asserted by a test.
#
#   ./mvnw -q -DskipTests package && cli/scripts/startup-time.sh [runs]
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
jar="${STRATA_JAR:-$here/../target/strata.jar}"
runs="${1:-10}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
[ -f "$jar" ] || { echo "no $jar: run ./mvnw -q -DskipTests package first" >&2; exit 1; }

mkdir "$work/migrations"
for i in $(seq 1 1000); do
  printf 'CREATE TABLE t%d (id INT PRIMARY KEY, name VARCHAR(100));\n' "$i" > "$work/migrations/V${i}__table_$i.sql"
done
url="jdbc:h2:file:$work/db"
common=(--url "$url" --source "filesystem:$work/migrations")
java -jar "$jar" migrate "${common[@]}" --heartbeat off > /dev/null 2>&1
echo "$(java -jar "$jar" status "${common[@]}" | tail -1)"

# The archive: one training run that exits normally, then every run maps it. It is specific to
# this JDK build and this jar; a mismatch is ignored by the JVM (it just runs without it).
java -XX:ArchiveClassesAtExit="$work/strata.jsa" -jar "$jar" status "${common[@]}" > /dev/null 2>&1
ls -l "$work/strata.jsa" | awk '{printf "archive: %.1f MB\n", $5 / 1048576}'

plain="java -jar $jar status ${common[*]}"
cds="java -XX:SharedArchiveFile=$work/strata.jsa -jar $jar status ${common[*]}"
cds_c1="java -XX:SharedArchiveFile=$work/strata.jsa -XX:TieredStopAtLevel=1 -jar $jar status ${common[*]}"
validate="java -XX:SharedArchiveFile=$work/strata.jsa -jar $jar validate ${common[*]}"
help="java -jar $jar --version"
help_cds="java -XX:SharedArchiveFile=$work/strata.jsa -jar $jar --version"

if command -v hyperfine > /dev/null; then
  hyperfine --warmup 2 --runs "$runs" --style basic --output null \
    -n "status" "$plain" -n "status, AppCDS" "$cds" -n "status, AppCDS + C1 only" "$cds_c1" \
    -n "validate, AppCDS" "$validate" -n "strata --version (floor: JVM + jar)" "$help" \
    -n "strata --version, AppCDS" "$help_cds"
else
  for name in plain cds cds_c1 validate help help_cds; do
    total=0
    for _ in $(seq 1 "$runs"); do
      start=$(date +%s%N); ${!name} > /dev/null 2>&1; end=$(date +%s%N)
      total=$((total + (end - start) / 1000000))
    done
    echo "$name: mean $((total / runs)) ms over $runs runs"
  done
fi
