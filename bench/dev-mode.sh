#!/usr/bin/env bash
# Measures dev mode as `./panorama dev` runs it (engines, the six services, the archiver, the demo data):
# time from launch to "ready", then, 20 s later while the demo data flows, the resident memory of every
# process involved (the dev JVM with Kafka and MongoDB, Elasticsearch, PostgreSQL, the services, the
# archiver, the load generator), in total and per process.
#   bench/dev-mode.sh [runs]      (default 3; builds first, as ./panorama dev does; uses dev mode's ports)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
runs="${1:-3}"
source <(sed -n '/^readonly MINIMUM_JAVA/p;/^java_major()/,/^}/p;/^find_jdk()/,/^}/p;/^dev_services()/,/^}/p' panorama)
JAVA_HOME="$(find_jdk)"; export JAVA_HOME
./mvnw -B -ntp -q -DskipTests package
dev_services
engines=devstack/engines/target
classpath="$engines/classes:$(cat "$engines/runtime.classpath")"
ready_line="$(sed -n 's/.*READY_LINE = "\(.*\)";/\1/p' "$engines/../src/main/java/dev/panorama/devstack/dev/DevStackMain.java")"
work="$(mktemp -d)"
pid=""
cleanup() {
  if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then kill -TERM "$pid"; wait "$pid" || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# Every process of the stack: the dev JVM, its descendants and the detached postmaster with its children.
stack_pids() {
  local pids=("$1") queue=("$1") pid child
  while ((${#queue[@]})); do
    pid="${queue[0]}"; queue=("${queue[@]:1}")
    for child in $(pgrep -P "$pid" || true); do pids+=("$child"); queue+=("$child"); done
  done
  if [[ -f "$work/run/data/postgres/postmaster.pid" ]]; then
    pid="$(head -1 "$work/run/data/postgres/postmaster.pid")"
    pids+=("$pid" $(pgrep -P "$pid" || true))
  fi
  echo "${pids[@]}"
}

# "part rss_kib pss_kib" per process, the part of the stack it is from its command line. PSS counts shared
# pages once (PostgreSQL's shared buffers are in the RSS of each of its processes); for a JVM it is its RSS.
parts() {
  local dev="$1" pid
  for pid in $(stack_pids "$dev"); do
    local rss pss cmd part
    rss="$(awk '/^Rss:/ {print $2}' "/proc/$pid/smaps_rollup" 2>/dev/null || true)"
    pss="$(awk '/^Pss:/ {print $2}' "/proc/$pid/smaps_rollup" 2>/dev/null || true)"
    [[ -n "$rss" && -n "$pss" ]] || continue
    cmd="$(tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null || true)"
    if [[ "$pid" == "$dev" ]]; then part=dev-jvm
    elif [[ "$cmd" == *org.elasticsearch* ]]; then part=elasticsearch
    elif [[ "$cmd" == *postgres* ]]; then part=postgresql
    elif [[ "$cmd" =~ panorama-view-rebuild-tool- ]]; then part=archiver
    elif [[ "$cmd" =~ panorama-load-generator- ]]; then part=demo-data
    elif [[ "$cmd" =~ panorama-([a-z-]+)-[0-9] ]]; then part="${BASH_REMATCH[1]}"
    else part=other # the orphan guards' shells
    fi
    echo "$part $rss $pss"
  done
}

columns=(dev-jvm elasticsearch postgresql view-builder query-api consumer-service restaurant-service order-service delivery-service archiver demo-data other)
median() { sort -n | awk '{v[NR]=$1} END {if (NR % 2) print v[(NR+1)/2]; else printf "%.1f\n", (v[NR/2]+v[NR/2+1])/2}'; }
results="$work/results"
: > "$results"
printf "%-4s %-6s %-8s %-10s %-8s %-8s" run load1 ready_s services_s rss_mib pss_mib
for column in "${columns[@]}"; do printf " %s" "$column"; done
echo "   (PSS, MiB)"
for ((i = 1; i <= runs; i++)); do
  load="$(cut -d' ' -f1 /proc/loadavg)"
  start=$(date +%s%N)
  "$JAVA_HOME/bin/java" -cp "$classpath" dev.panorama.devstack.dev.DevStackMain "${services[@]}" --work-dir "$work/run" > "$work/out" 2>&1 &
  pid=$!
  until grep -q "$ready_line" "$work/out"; do
    kill -0 "$pid" 2>/dev/null || { cat "$work/out"; exit 1; }
    sleep 0.1
  done
  ready_ms=$(( ($(date +%s%N) - start) / 1000000 ))
  services_s="$(sed -n 's/.*started .* in \([0-9.]*\) s$/\1/p' "$work/out" | sort -n | tail -1)"
  sleep 20 # the demo data flows meanwhile: memory as it is in use, not as it is just after start-up
  parts "$pid" > "$work/parts"
  rss="$(awk '{s+=$2} END {printf "%.0f", s/1024}' "$work/parts")"
  pss="$(awk '{s+=$3} END {printf "%.0f", s/1024}' "$work/parts")"
  line="$(printf "%-4d %-6s %-8s %-10s %-8s %-8s" "$i" "$load" "$((ready_ms / 1000)).$((ready_ms % 1000 / 100))" "${services_s:--}" "$rss" "$pss")"
  for column in "${columns[@]}"; do
    line+=" $(awk -v p="$column" '$1 == p {s+=$3} END {printf "%.0f", s/1024}' "$work/parts")"
  done
  echo "$line" | tee -a "$results"
  postmaster="$(head -1 "$work/run/data/postgres/postmaster.pid" 2>/dev/null || true)"
  kill -TERM "$pid"; wait "$pid" || true
  pid=""
  while [[ -n "$postmaster" ]] && kill -0 "$postmaster" 2>/dev/null; do sleep 0.2; done
  if ! grep -q "^Stopped." "$work/out"; then echo "run $i did not stop cleanly:"; tail -20 "$work/out"; exit 1; fi
done
line="$(printf "%-4s %-6s %-8s %-10s %-8s %-8s" med "$(awk '{print $2}' "$results" | median)" "$(awk '{print $3}' "$results" | median)" \
  "$(awk '{print $4}' "$results" | median)" "$(awk '{print $5}' "$results" | median)" "$(awk '{print $6}' "$results" | median)")"
for ((c = 0; c < ${#columns[@]}; c++)); do line+=" $(awk -v f=$((c + 7)) '{print $f}' "$results" | median)"; done
echo "$line"
