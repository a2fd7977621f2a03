#!/usr/bin/env bash
# Measures the outbox relay against the devstack engines (embedded PostgreSQL 17 and Kafka):
# append rate, how fast the relay drains a backlog, and insert-to-published latency under steady writes.
#   command-side/outbox/bench/relay-benchmark.sh [backlog events] [steady events]   (default 20000 2000)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../../.."
: "${JAVA_HOME:?set JAVA_HOME to a JDK 21 or newer}"
module=command-side/outbox
./mvnw -B -ntp -q -f command-side/pom.xml -pl outbox test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/test.classpath
"$JAVA_HOME/bin/java" -cp "$module/target/test-classes:$module/target/classes:$(cat "$module/target/test.classpath")" \
  dev.panorama.outbox.bench.RelayBenchmark "$@" 2>&1 | grep -v -E '^[0-9:.]+ (WARN|INFO)|^\[devstack\]|^\s|^WARNING'
