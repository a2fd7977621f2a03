#!/usr/bin/env bash
# Load on the query API against the devstack engines (Elasticsearch and the MongoDB server each in a JVM of their own, as
# in production they are processes of their own; embedded Kafka):
# a seeded data set (20 000 orders over 500 consumers and 100 restaurants around Oakland and Berkeley) is loaded
# in the view builder's shapes, the API runs in a JVM of its own (as in production) with an API key, and each main query (order-history
# search, its second page, order details, available restaurants, consumer summary) is driven closed-loop over
# HTTP, then sent directly to the store (the same _search, a find by _id) as the baseline, in the same run;
# then both sides again open loop at the same fixed rate (half what the API served closed loop), latency counted
# from each request's scheduled start. Measured HTTP requests (to the API and to Elasticsearch alike) go through one
# blocking client on the sender's thread, as the MongoDB driver's do. Prints req/s, p50 and p99 per side and the ratio of the p99s (goal: the API
# at most 2× the store), for each loop.
#   query-api/bench/query-benchmark.sh [seconds per query and side] [concurrency]   (default 15 8)
# JAVA_OPTS is passed to the JVM: -Dquery-benchmark.queries=ace runs only queries (a), (c), (e); adding f runs (f), the API's floor
# (a request refused before any store is read, against the same MongoDB find as (c)); adding g runs (g), the servlet
# container alone (the same request answered by a bare Tomcat in a JVM of its own, no Spring; at (f)'s rate when f runs too);
# -Dquery-benchmark.open-loop-share=0.25 sets the open loop's rate to a quarter of the API's closed-loop req/s;
# API_JAVA_OPTS='-Xms512m -Xmx512m -XX:+UseZGC' sets the API JVM's options (default: a fixed 512 MB heap, the default collector);
# the API's output goes to query-api/target/query-benchmark-api.log.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
: "${JAVA_HOME:?set JAVA_HOME to a JDK 21 or newer}"
module=query-api
mkdir -p $module/target
./mvnw -B -ntp -q -DskipTests -pl $module -am install >$module/target/query-benchmark-build.log 2>&1 \
  || { cat $module/target/query-benchmark-build.log; exit 1; }
./mvnw -B -ntp -q -pl $module test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test.classpath \
  >$module/target/query-benchmark-build.log 2>&1 || { cat $module/target/query-benchmark-build.log; exit 1; }
"$JAVA_HOME/bin/java" -Dpanorama.engines.mongo-process=forked ${JAVA_OPTS:-} ${API_JAVA_OPTS:+"-Dquery-benchmark.api-jvm=$API_JAVA_OPTS"} -cp "$module/target/test-classes:$module/target/classes:$(cat "$module/target/test.classpath")" \
  dev.panorama.queryapi.bench.QueryBenchmark "$@" 2>&1 | grep -v -E '^[0-9:.]+ (WARN|INFO)|^[0-9:,]+ \|-|^\[devstack\]|^\s+at |^WARNING'
