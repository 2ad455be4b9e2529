#!/usr/bin/env bash
# Runs every test: unit tests of each crate and the integration suite, which
# starts real servers on SQLite and on PostgreSQL (CS_TEST_POSTGRES, default
# postgres://postgres@127.0.0.1:5432/test), and installs oathtool and pyotp
# when they are missing.
set -euo pipefail
cd "$(dirname "$0")"
# The OTP interop tests compare against oathtool and pyotp.
.ci/install-test-tools
exec cargo test --workspace --locked "$@"
