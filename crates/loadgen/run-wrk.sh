#!/usr/bin/env bash
# Measures right-code verifies with an outside tool (wrk), beside the same
# server's /healthz rate in the same run, on SQLite (default) or PostgreSQL:
#   1. a fresh server and database; countersign-loadgen registers $USERS
#      users, opens a challenge each and sends its SMS code, and writes the
#      codes to a file instead of verifying them;
#   2. wrk: /healthz for $SECONDS s, then the verifies (crates/loadgen/verify.lua),
#      each at $CONNECTIONS connections; the server's CPU time is read from
#      /proc around the verify run.
# Everything runs on 127.0.0.1; the server is stopped on exit.
#
#   crates/loadgen/run-wrk.sh                       # SQLite, 64 connections
#   CONNECTIONS=16 crates/loadgen/run-wrk.sh
#   DATABASE=postgres://postgres@127.0.0.1:5432/bench SERVERS=2 crates/loadgen/run-wrk.sh
#   PERF=1 crates/loadgen/run-wrk.sh                # and a perf profile of the verifies
#   SERVER_BIN=/tmp/countersign-before crates/loadgen/run-wrk.sh   # another build
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target}
USERS=${USERS:-40000}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
SECONDS_EACH=${SECONDS_EACH:-5}
SERVERS=${SERVERS:-1}
PORT=${PORT:-18080}
HOOK_PORT=${HOOK_PORT:-19099}
OUT=${OUT:-$(mktemp -d /tmp/countersign-wrk.XXXXXX)}
mkdir -p "$OUT"
DATABASE=${DATABASE:-sqlite://$OUT/countersign.db}
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }

(cd "$ROOT" && cargo build --release -p countersign -p countersign-loadgen)
BIN=$CARGO_TARGET_DIR/release
# SERVER_BIN: another build of the server to measure (an A/B comparison).
SERVER_BIN=${SERVER_BIN:-$BIN/countersign}

PIDS=()
stop() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done; }
trap stop EXIT

cat >"$OUT/countersign.toml" <<TOML
database = "$DATABASE"
key_file = "$OUT/countersign.key"
public_url = "http://127.0.0.1:$PORT"
# Several servers on this machine: no /metrics listener (wrk never reads it).
metrics_listen = "off"

[delivery.sms]
kind = "webhook"
url = "http://127.0.0.1:$HOOK_PORT/sms"

[limits]
per_country = { max = 10000000, window_seconds = 3600 }
daily_phone_budget = 10000000
TOML
KEY=$(COUNTERSIGN_LOG=warn "$SERVER_BIN" service create "bench-$$" --config "$OUT/countersign.toml" |
    sed -n 's/.*"api_key":"\([^"]*\)".*/\1/p')
for i in $(seq 1 "$SERVERS"); do
    COUNTERSIGN_LOG=warn COUNTERSIGN_LISTEN="127.0.0.1:$((PORT + i - 1))" \
        "$SERVER_BIN" serve --config "$OUT/countersign.toml" 2>"$OUT/server$i.log" &
    PIDS+=($!)
done
cpu_ticks() { local t=0; for p in "${PIDS[@]}"; do t=$((t + $(awk '{print $14 + $15}' "/proc/$p/stat"))); done; echo "$t"; }

"$BIN/countersign-loadgen" flow --url "http://127.0.0.1:$PORT" --key "$KEY" \
    --users "$USERS" -c 32 --webhook-listen "127.0.0.1:$HOOK_PORT" --user-prefix "w$$" \
    --codes-out "$OUT/codes.txt" | tee "$OUT/setup.txt"

urls() { for i in $(seq 1 "$SERVERS"); do echo "http://127.0.0.1:$((PORT + i - 1))"; done; }
echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2-)"
echo "== /healthz, $CONNECTIONS connections, ${SECONDS_EACH}s (server 1)"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${SECONDS_EACH}s" --latency "$(urls | head -1)/healthz" | tee "$OUT/healthz.txt"
echo "== verify, $CONNECTIONS connections, ${SECONDS_EACH}s"
before=$(cpu_ticks)
WRK=()
n=0
for url in $(urls); do
    n=$((n + 1))
    # Each server's wrk takes its own share of the codes.
    awk -v n="$n" -v s="$SERVERS" 'NR % s == n % s' "$OUT/codes.txt" >"$OUT/codes-$n.txt"
    KEY=$KEY CODES=$OUT/codes-$n.txt THREADS=$THREADS wrk -t"$THREADS" -c$((CONNECTIONS / SERVERS)) \
        -d"${SECONDS_EACH}s" --latency -s "$ROOT/crates/loadgen/verify.lua" "$url" >"$OUT/verify-$n.txt" &
    WRK+=($!)
done
if [ -n "${PERF:-}" ]; then
    # A profile of the first server while it verifies (perf from linux-perf).
    perf record -F 499 -g -p "${PIDS[0]}" -o "$OUT/perf.data" -- sleep $((SECONDS_EACH - 1)) 2>/dev/null
fi
for w in "${WRK[@]}"; do wait "$w"; done
after=$(cpu_ticks)
cat "$OUT"/verify-*.txt
ok=$(cat "$OUT"/verify-*.txt | sed -n 's/^verified (2xx): \([0-9]*\).*/\1/p' | paste -sd+ | bc)
echo "== server CPU per verify: $(( (after - before) * 1000000 / $(getconf CLK_TCK) / (ok > 0 ? ok : 1) )) µs ($ok verifies)"
if [ -n "${PERF:-}" ]; then
    perf report -i "$OUT/perf.data" --stdio --no-children --sort comm,dso,symbol 2>/dev/null | grep -v '^$' | head -60 >"$OUT/profile.txt" || true
    echo "== profile: $OUT/profile.txt"
fi
echo "results in $OUT"
