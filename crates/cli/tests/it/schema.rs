//! The API against its own OpenAPI document: schemathesis (PyPI, installed
//! by `.ci/install-test-tools`) reads `/v1/openapi.json` from a running
//! server and sends it generated requests in every phase (the document's
//! examples, coverage of each constraint, fuzzing, and stateful sequences
//! that follow the document's links) with every check on. A server error,
//! or a response the document does not declare (status, content type,
//! headers, body), fails the test with schemathesis' report.

use crate::harness::{temp_dir, Backend, TestServer};

/// The whole run's budget, in seconds: fuzzing and the stateful phase go on
/// until it is spent.
const BUDGET_SECONDS: u32 = 90;

/// schemathesis' command line (its `schemathesis` script, run by Python).
const CLI: &str = "import sys; from schemathesis.cli import schemathesis; \
                   sys.argv[0] = 'schemathesis'; sys.exit(schemathesis())";

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn schemathesis_finds_no_server_error_and_no_undocumented_response() {
    let s = TestServer::start(Backend::Sqlite).await;
    let config = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/schemathesis.toml");
    // schemathesis' caches (`.hypothesis`, `.schemathesis`) go there, not
    // into the repository.
    let dir = temp_dir("schemathesis");
    // Through the `python3` that `.ci/install-test-tools` installed it with,
    // whether or not pip's scripts directory is on the PATH.
    let out = tokio::process::Command::new("python3")
        .args(["-c", CLI, "--config-file", config, "run"])
        .arg(format!("{}/v1/openapi.json", s.base))
        .arg("--header")
        .arg(format!("Authorization: Bearer {}", s.key))
        .args([
            "--checks",
            "all",
            "--phases",
            "examples,coverage,fuzzing,stateful",
        ])
        .args(["--max-examples", "20", "--seed", "15"])
        .arg(format!("--max-time={BUDGET_SECONDS}"))
        // One worker: Python 3.11's parser is not safe to call from two
        // threads, which hypothesis does when it describes its strategies.
        .args(["--workers", "1", "--no-color"])
        .current_dir(&dir)
        .kill_on_drop(true)
        .output()
        .await
        .expect("schemathesis runs (./test.sh installs it: .ci/install-test-tools)");
    std::fs::remove_dir_all(&dir).ok();
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "schemathesis found problems:\n{report}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for phase in ["Coverage", "Fuzzing", "Stateful"] {
        assert!(
            report.contains(&format!("✅ {phase}")),
            "the {phase} phase did not run:\n{report}"
        );
    }
}
