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
#   PURGE=100000 crates/loadgen/run-wrk.sh          # and a retention purge under load
#
# PURGE=N first runs the SMS flow for N other users and moves their
# challenges 40 days into the past (SQL on the database), so that retention
# may delete them and their messages. The codes are then split in two
# verify runs: the first alone, the second while `countersign purge` runs,
# which reports the rows it deleted, in how long, and the p99 of both.
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
# The whole machine's busy time (PostgreSQL, wrk and everything else too).
machine_ticks() { awk '/^cpu /{print $2 + $3 + $4 + $7 + $8}' /proc/stat; }
cpu_ticks() { local t=0; for p in "${PIDS[@]}"; do t=$((t + $(awk '{print $14 + $15}' "/proc/$p/stat"))); done; echo "$t"; }

# flow USERS PREFIX CODES: registers the users, sends each an SMS code.
flow() {
    "$BIN/countersign-loadgen" flow --url "http://127.0.0.1:$PORT" --key "$KEY" \
        --users "$1" -c 32 --webhook-listen "127.0.0.1:$HOOK_PORT" --user-prefix "$2$$" \
        --codes-out "$3"
}
PURGE=${PURGE:-0}
if [ "$PURGE" -gt 0 ]; then
    flow "$PURGE" o "$OUT/old-codes.txt" >"$OUT/setup-old.txt"
    backdate="UPDATE challenges SET expires_at = expires_at - 3456000000"  # 40 days, in ms
    case "$DATABASE" in
        sqlite://*) sqlite3 "${DATABASE#sqlite://}" "PRAGMA busy_timeout = 10000; $backdate;" ;;
        *) psql -q "$DATABASE" -c "$backdate" ;;
    esac
fi
flow "$USERS" w "$OUT/codes.txt" | tee "$OUT/setup.txt"

urls() { for i in $(seq 1 "$SERVERS"); do echo "http://127.0.0.1:$((PORT + i - 1))"; done; }
echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2-)"
echo "== /healthz, $CONNECTIONS connections, ${SECONDS_EACH}s (server 1)"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${SECONDS_EACH}s" --latency "$(urls | head -1)/healthz" | tee "$OUT/healthz.txt"
# verify_run LABEL CODES: the verifies of CODES, each server's wrk taking
# its own share, with the servers' CPU time around them.
verify_run() {
    echo "== verify$1, $CONNECTIONS connections, ${SECONDS_EACH}s"
    local before after machine_before machine_after ok n=0 url
    before=$(cpu_ticks)
    machine_before=$(machine_ticks)
    WRK=()
    for url in $(urls); do
        n=$((n + 1))
        awk -v n="$n" -v s="$SERVERS" 'NR % s == n % s' "$2" >"$OUT/codes$1-$n.txt"
        KEY=$KEY CODES=$OUT/codes$1-$n.txt THREADS=$THREADS wrk -t"$THREADS" -c$((CONNECTIONS / SERVERS)) \
            -d"${SECONDS_EACH}s" --latency -s "$ROOT/crates/loadgen/verify.lua" "$url" >"$OUT/verify$1-$n.txt" &
        WRK+=($!)
    done
    if [ -n "${PERF:-}" ] && [ -z "$1" ]; then
        # A profile of the first server while it verifies (perf from linux-perf).
        perf record -F 499 -g -p "${PIDS[0]}" -o "$OUT/perf.data" -- sleep $((SECONDS_EACH - 1)) 2>/dev/null
    fi
    for w in "${WRK[@]}"; do wait "$w"; done
    after=$(cpu_ticks)
    machine_after=$(machine_ticks)
    cat "$OUT"/verify"$1"-*.txt
    ok=$(cat "$OUT"/verify"$1"-*.txt | sed -n 's/^verified (2xx): \([0-9]*\).*/\1/p' | paste -sd+ | bc)
    echo "== server CPU per verify: $(( (after - before) * 1000000 / $(getconf CLK_TCK) / (ok > 0 ? ok : 1) )) µs ($ok verifies)"
    echo "== machine CPU per verify (all processes): $(( (machine_after - machine_before) * 1000000 / $(getconf CLK_TCK) / (ok > 0 ? ok : 1) )) µs"
}
if [ "$PURGE" -gt 0 ]; then
    half=$(( $(wc -l <"$OUT/codes.txt") / 2 ))
    head -n "$half" "$OUT/codes.txt" >"$OUT/codes-alone.txt"
    tail -n +"$((half + 1))" "$OUT/codes.txt" >"$OUT/codes-purging.txt"
    verify_run "" "$OUT/codes-alone.txt"
    (
        start=$(date +%s.%N)
        COUNTERSIGN_LOG=warn "$SERVER_BIN" purge --config "$OUT/countersign.toml" >"$OUT/purge.json"
        echo "$(date +%s.%N) - $start" | bc >"$OUT/purge.seconds"
    ) &
    purge=$!
    verify_run "-purging" "$OUT/codes-purging.txt"
    wait "$purge"
    seconds=$(cat "$OUT/purge.seconds")
    rows=$(jq '.challenges + .messages' "$OUT/purge.json")
    echo "== purge under load: $(cat "$OUT/purge.json")"
    echo "== purged $rows challenges and messages in ${seconds}s: $(echo "$rows / $seconds" | bc) rows/s"
    echo "   (the purge outlasted the verify run if it took longer than ${SECONDS_EACH}s)"
else
    verify_run "" "$OUT/codes.txt"
fi
if [ -n "${PERF:-}" ]; then
    perf report -i "$OUT/perf.data" --stdio --no-children --sort comm,dso,symbol 2>/dev/null | grep -v '^$' | head -60 >"$OUT/profile.txt" || true
    echo "== profile: $OUT/profile.txt"
fi
echo "results in $OUT"
