#!/usr/bin/env bash
# Measures a release build of Countersign on SQLite with countersign-loadgen:
#   1. the SMS login flow (users, challenge + SMS, verify) at each client count
#      in $CLIENTS, each on a fresh server and database;
#   2. the server's memory with $PENDING challenges left pending.
# Everything runs on 127.0.0.1; the servers started here are stopped on exit.
# Prints a Markdown table at the end (needs jq) and keeps all output in $OUT.
#
#   crates/loadgen/run-benchmark.sh                 # 20,000 users, 16 and 64 clients
#   USERS=5000 CLIENTS="64" PENDING=0 crates/loadgen/run-benchmark.sh  # no pending run
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target}
USERS=${USERS:-20000}
CLIENTS=${CLIENTS:-16 64}
PENDING=${PENDING:-100000}
PENDING_USERS=${PENDING_USERS:-1000}
PENDING_CLIENTS=${PENDING_CLIENTS:-16}
LOADGEN_THREADS=${LOADGEN_THREADS:-1}
PORT=${PORT:-18080}
HOOK_PORT=${HOOK_PORT:-19099}
OUT=${OUT:-$(mktemp -d /tmp/countersign-bench.XXXXXX)}
mkdir -p "$OUT"

echo "== machine"
{
    echo "nproc: $(nproc)"
    echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
    echo "memory: $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"
    echo "kernel: $(uname -r)"
    echo "rustc: $(rustc --version)"
} | tee "$OUT/machine.txt"

echo "== build (release)"
(cd "$ROOT" && cargo build --release -p countersign -p countersign-loadgen)
BIN=$CARGO_TARGET_DIR/release
# SERVER_BIN: another build of the server to measure (an A/B comparison).
SERVER_BIN=${SERVER_BIN:-$BIN/countersign}

SERVER_PID=
stop_server() {
    if [ -n "$SERVER_PID" ]; then
        kill "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
        SERVER_PID=
    fi
}
trap stop_server EXIT

# start_server NAME: a fresh database in $OUT/NAME, a service, and a server
# whose SMS webhook points at the load generator. Sets SERVER_PID and KEY.
start_server() {
    local dir=$OUT/$1
    mkdir -p "$dir"
    cat >"$dir/countersign.toml" <<EOF
listen = "127.0.0.1:$PORT"
database = "sqlite://$dir/countersign.db"
key_file = "$dir/countersign.key"
public_url = "http://127.0.0.1:$PORT"

[delivery.sms]
kind = "webhook"
url = "http://127.0.0.1:$HOOK_PORT/sms"

# The toll-fraud guard's country cap and daily budget would stop a load
# test of tens of thousands of SMS to one country; everything else stays.
[limits]
per_country = { max = 10000000, window_seconds = 3600 }
daily_phone_budget = 10000000
EOF
    KEY=$(COUNTERSIGN_LOG=warn "$SERVER_BIN" service create bench --config "$dir/countersign.toml" |
        sed -n 's/.*"api_key":"\([^"]*\)".*/\1/p')
    COUNTERSIGN_LOG=warn "$SERVER_BIN" serve --config "$dir/countersign.toml" 2>"$dir/server.log" &
    SERVER_PID=$!
}

for c in $CLIENTS; do
    echo "== SMS login flow: $USERS users, $c clients"
    start_server "flow-c$c"
    "$BIN/countersign-loadgen" --threads "$LOADGEN_THREADS" flow \
        --url "http://127.0.0.1:$PORT" --key "$KEY" --server-pid "$SERVER_PID" \
        --users "$USERS" -c "$c" --webhook-listen "127.0.0.1:$HOOK_PORT" \
        --json "$OUT/flow-c$c.json" | tee "$OUT/flow-c$c.txt"
    ls -l "$OUT/flow-c$c"/countersign.db* >>"$OUT/flow-c$c.txt"
    stop_server
done

if [ "$PENDING" -gt 0 ]; then
    echo "== $PENDING pending challenges"
    start_server pending
    "$BIN/countersign-loadgen" --threads "$LOADGEN_THREADS" pending \
        --url "http://127.0.0.1:$PORT" --key "$KEY" --server-pid "$SERVER_PID" \
        --challenges "$PENDING" --users "$PENDING_USERS" -c "$PENDING_CLIENTS" \
        --json "$OUT/pending.json" | tee "$OUT/pending.txt"
    ls -l "$OUT/pending"/countersign.db* >>"$OUT/pending.txt"
    stop_server
fi

if command -v jq >/dev/null; then
    echo "== summary"
    {
        echo "| clients | phase | ops/s | p50 ms | p99 ms | server CPU µs/op | server peak RSS MiB |"
        echo "|---|---|---|---|---|---|---|"
        for c in $CLIENTS; do
            jq -r --arg c "$c" '.server_memory_kib.peak as $peak | .phases[] |
                "| \($c) | \(.phase) | \(.per_second | floor) | \(.latency_ms.p50) | \(.latency_ms.p99) | \(.server_cpu_us_per_op // "-" | if type == "number" then floor else . end) | \($peak / 1024 * 10 | floor / 10) |"' \
                "$OUT/flow-c$c.json"
        done
        [ ! -f "$OUT/pending.json" ] || jq -r '"\nPending challenges: \(.pending_challenges); server RSS after: \(.server_memory_kib.rss_after / 1024 * 10 | floor / 10) MiB, peak \(.server_memory_kib.peak / 1024 * 10 | floor / 10) MiB"' \
            "$OUT/pending.json"
    } | tee "$OUT/summary.md"
fi
echo "results in $OUT"
