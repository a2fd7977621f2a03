#!/usr/bin/env bash
# Sustained commands/s of the command services on this machine: each service from its jar in its own JVM,
# against the devstack's embedded PostgreSQL 17 and Kafka, driven unpaced by the load generator.
#   command-side/load-generator/bench/commands-per-second.sh [seconds per measurement] [journeys in flight]   (default 30 16)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../../.."
: "${JAVA_HOME:?set JAVA_HOME to a JDK 21 or newer}"
module=command-side/load-generator
./mvnw -B -ntp -q -DskipTests -pl $module -am install
./mvnw -B -ntp -q -pl $module test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test.classpath
jars=()
for service in consumer-service restaurant-service order-service delivery-service; do
  jars+=("-D$service.jar=$(ls command-side/$service/target/panorama-$service-*.jar | grep -v original | head -1)")
done
"$JAVA_HOME/bin/java" "${jars[@]}" -cp "$module/target/test-classes:$module/target/classes:$(cat "$module/target/test.classpath")" \
  dev.panorama.loadgen.CommandThroughputBenchmark "$@" 2>&1 | grep -v -E '^[0-9:.]+ (WARN|INFO)|^\[devstack\]|^\s+at |^WARNING'
