#!/usr/bin/env bash
# Events/s of the four views in one run: the view builder's runtime (ViewMaintainer over the real MongoDB
# and Elasticsearch stores, fed pre-read batches of 10 000 events, what one Kafka poll hands it under a backlog), the raw
# sink ceiling (the final documents bulk written directly) and a naive handler (one read and one write
# per event per view), with the ratios, where the runtime's time goes and the resident memory of the
# JVM doing the work (heap capped at 256 MB). BENCH_JAVA_OPTS=-Dbatch=500 changes the batch size.
#   view-builder/bench/throughput.sh [orders] [naive events]   (default 6000 orders ≈ 27 000 events, 1000)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
: "${JAVA_HOME:?set JAVA_HOME to a JDK 21 or newer}"
module=view-builder
./mvnw -B -ntp -q -o -pl "$module" test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
echo "machine: $(nproc) cores, $(uname -m), $("$JAVA_HOME/bin/java" -version 2>&1 | head -1), $(date -u +%Y-%m-%dT%H:%MZ)"
"$JAVA_HOME/bin/java" -cp "$module/target/test-classes:$module/target/classes:$(cat "$module/target/bench.classpath")" \
  ${BENCH_JAVA_OPTS:-} dev.panorama.viewbuilder.bench.ThroughputBenchmark "$@" 2>&1 | grep -v -E '^[0-9:.]+ (WARN|INFO)|^\[devstack\]|^\s+at |^WARNING'
