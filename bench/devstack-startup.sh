#!/usr/bin/env bash
# Measures dev mode's engines: time from launch to "ready" and the resident memory of every process
# they run (the dev JVM with Kafka and MongoDB, the Elasticsearch JVM, the PostgreSQL processes).
#   bench/devstack-startup.sh [runs]      (default 3; builds first through ./panorama's build step)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
runs="${1:-3}"
source <(sed -n '/^readonly MINIMUM_JAVA/p;/^java_major()/,/^}/p;/^find_jdk()/,/^}/p' panorama)
JAVA_HOME="$(find_jdk)"; export JAVA_HOME
./mvnw -B -ntp -q -DskipTests package -pl devstack/engines -am
engines=devstack/engines/target
classpath="$engines/classes:$(cat "$engines/runtime.classpath")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# stack_pids: the dev JVM, its descendants and the detached postmaster with its children (shared with dev-mode.sh).
source <(sed -n '/^stack_pids()/,/^}/p' bench/dev-mode.sh)
rss_of_tree() { # total RSS in MiB of the stack's processes
  ps -o rss= -p "$(stack_pids "$1" | tr ' ' ,)" | awk '{s+=$1} END {printf "%.0f", s/1024}'
}

echo "run  ready_s  rss_mib"
for ((i = 1; i <= runs; i++)); do
  start=$(date +%s%N)
  "$JAVA_HOME/bin/java" -cp "$classpath" dev.panorama.devstack.dev.DevStackMain \
    --kafka-port 0 --elasticsearch-port 0 --postgres-port 0 --mongo-port 0 --work-dir "$work/run" > "$work/out" 2>&1 &
  pid=$!
  until grep -q "dev stack is ready" "$work/out"; do
    kill -0 "$pid" 2>/dev/null || { cat "$work/out"; exit 1; }
    sleep 0.1
  done
  ready_ms=$(( ($(date +%s%N) - start) / 1000000 ))
  sleep 3 # let the engines settle before reading memory
  printf "%3d  %4d.%01d  %7s\n" "$i" $((ready_ms / 1000)) $((ready_ms % 1000 / 100)) "$(rss_of_tree "$pid")"
  kill -TERM "$pid"; wait "$pid" || true
done
