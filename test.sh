#!/usr/bin/env bash
# Runs every test: unit tests of each crate and the integration suite, which
# starts real servers on SQLite and on PostgreSQL (CS_TEST_POSTGRES, default
# postgres://postgres@127.0.0.1:5432/test).
set -euo pipefail
cd "$(dirname "$0")"
exec cargo test --workspace --locked "$@"
