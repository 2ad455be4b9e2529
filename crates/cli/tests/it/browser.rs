//! The WebAuthn ceremonies in a real browser: Debian's Chromium with a
//! DevTools virtual authenticator, driven by `tests/browser/webauthn.mjs`
//! (playwright-core, no browser download) against a server started here.

use crate::harness::{Backend, TestServer};
use crate::on_both_backends;

async fn passkeys_and_security_keys_in_chromium(backend: Backend) {
    let s = TestServer::start(backend).await;
    s.alice("alice").await;
    // The page must be http://localhost:PORT, the configured origin.
    let port = s.base.rsplit(':').next().unwrap();
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/browser/webauthn.mjs");
    let out = tokio::process::Command::new("node")
        .arg(script)
        .env("CS_BASE", format!("http://localhost:{port}"))
        .env("CS_KEY", &s.key)
        .output()
        .await
        .expect("node is required (.ci/install-test-tools installs the browser test's packages)");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "browser run failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for step in [
        "ok passkey registered and signed in usernameless",
        "ok security key registered and approved a challenge",
        "ok replayed assertion refused",
        "ok wrong-origin assertion refused",
    ] {
        assert!(stdout.contains(step), "{step} missing from:\n{stdout}");
    }
}

on_both_backends!(passkeys_and_security_keys_in_chromium);
