#!/usr/bin/env bash
# Freshness end to end: starts dev mode (every service, the archiver, no demo data) in a temporary work
# directory, then for each Elasticsearch refresh interval and each offered rate drives the command services
# with the load generator while a probe measures commit → visible through the query API per view, and
# /lag is read every second. Prints Markdown tables (commit → visible per view; the CPU each kind of process used
# while the probe wrote); writes them and an SVG plot of latency over time to target/freshness/. Needs dev mode's ports free (8080-8085, 19092, 19200, 15432, 17017).
#   bench/freshness.sh [--seconds 60] [--rates 20,40,60] [--refresh 1s,250ms] [--interval 250ms] [--warm-up 240] [--consumers 2000] [--restaurants 100]
# The query API runs with its defaults: it checks a consistency token again each time the view builder finishes
# a batch (MongoDB views, watched every 10 ms) or Elasticsearch refreshes a view index (Elasticsearch views, watched
# every 50 ms), and otherwise after 20 ms, doubling up to 250 ms.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source <(sed -n '/^readonly MINIMUM_JAVA/p;/^java_major()/,/^}/p;/^find_jdk()/,/^}/p' panorama)
JAVA_HOME="$(find_jdk)"; export JAVA_HOME
module=command-side/load-generator
out=target/freshness
mkdir -p "$out"
# The probe's classes and their class path (./panorama dev below builds the services' jars).
./mvnw -B -ntp -q -pl $module -am test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test.classpath \
  >"$out/build.log" 2>&1 || { cat "$out/build.log"; exit 1; }
work="$(mktemp -d)"
stack=""
stop_stack() {
  if [[ -n "$stack" ]] && kill -0 "$stack" 2>/dev/null; then
    kill -TERM "$stack"; wait "$stack" || true
  fi
  rm -rf "$work"
}
trap stop_stack EXIT

echo "machine: $(nproc) cores, $("$JAVA_HOME/bin/java" -version 2>&1 | head -1), load average $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%Y-%m-%dT%H:%MZ)"
./panorama dev --no-demo-data --work-dir "$work/stack" >"$out/devstack.log" 2>&1 &
stack=$!
until grep -q "Panorama dev stack is ready" "$out/devstack.log"; do
  kill -0 "$stack" 2>/dev/null || { echo "dev mode did not start:"; cat "$out/devstack.log"; exit 1; }
  sleep 1
done
grep "Panorama dev stack is ready" "$out/devstack.log"
"$JAVA_HOME/bin/java" -Xmx256m -cp "$module/target/test-classes:$module/target/classes:$(cat $module/target/test.classpath)" \
  dev.panorama.loadgen.FreshnessBenchmark --load-generator "$(ls $module/target/panorama-load-generator-*.jar | grep -v original | head -1)" \
  --out "$out" "$@"
