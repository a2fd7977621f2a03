#!/usr/bin/env bash
# Events/s of a view rebuild (order-history v2, Elasticsearch) from an archive of about a million events,
# against the raw bulk-sink ceiling measured in the same run: the embedded engines, the story published to
# Kafka and archived by the real archiver, then in a worker JVM of its own (a fixed 3 GB heap, -Xms as -Xmx, as the README advises) the real
# ViewRebuild end to end (fold, write, verify, switch) with its phases timed, where the fold's time goes,
# and the same final documents bulk-written directly into a fresh index (before the rebuilds and after them, each in a JVM
# of its own; the ratio uses the mean); then the same rebuild again from
# snapshots of 90 % of the story (their loading counted). BENCH_JAVA_OPTS=-Dbatch=2000 changes the bulk size
# (both sides), -Dheap=4g the worker's heap, -Dsnapshots=false skips the rebuild from snapshots,
# -Dbreakdown=false the fold breakdown; BENCH_WORKER_OPTS adds JVM options to the worker.
#   view-rebuild-tool/bench/rebuild-benchmark.sh [orders]   (default 230000 orders ≈ 1.05 million events)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
: "${JAVA_HOME:?set JAVA_HOME to a JDK 21 or newer}"
module=view-rebuild-tool
# -am: the class path then points at this checkout's view-engine and devstack classes, not at whatever ~/.m2 holds.
./mvnw -B -ntp -q -o -pl "$module" -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
echo "machine: $(nproc) cores, $(uname -m), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GiB," \
  "load average $(cut -d' ' -f1-3 /proc/loadavg), $("$JAVA_HOME/bin/java" -version 2>&1 | head -1), $(date -u +%Y-%m-%dT%H:%MZ)"
"$JAVA_HOME/bin/java" -Xmx6g -Dlogback.statusListenerClass=ch.qos.logback.core.status.NopStatusListener -cp "$module/target/test-classes:$module/target/classes:$(cat "$module/target/bench.classpath")" \
  ${BENCH_JAVA_OPTS:-} dev.panorama.rebuild.bench.RebuildBenchmark "$@" 2>&1 | grep --line-buffered -v -E '^[0-9:.]+ (WARN|INFO|DEBUG)|^\[devstack\]|^\s+at |^WARNING|^SLF4J'
