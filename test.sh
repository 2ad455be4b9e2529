#!/usr/bin/env bash
# Runs every test: unit tests of each crate and the integration suite, which
# starts real servers on SQLite and on PostgreSQL. Unless CS_TEST_POSTGRES
# names a server, PostgreSQL is a throwaway cluster of this run's own
# (.ci/throwaway-postgres). Installs oathtool, pyotp and the other test tools
# when they are missing. Arguments go to `cargo test`; with `-p CRATE` only
# that crate's tests run (`--workspace` would override it).
set -euo pipefail
cd "$(dirname "$0")"
scope=(--workspace)
for arg in "$@"; do
  case "$arg" in
    --) break ;;
    -p* | --package | --package=*) scope=() ;;
  esac
done
# The OTP interop tests compare against oathtool and pyotp.
.ci/install-test-tools
export PATH="${XDG_CACHE_HOME:-$HOME/.cache}/countersign/python/bin:$PATH"
exec .ci/throwaway-postgres cargo test "${scope[@]}" --locked "$@"
