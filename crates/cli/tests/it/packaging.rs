//! What the Debian package relies on that the suite can check without
//! installing it (`.ci/package-check` installs it): its config starts a
//! server as shipped, and the master key that a first start creates is
//! private whatever the umask, and kept by the next start.

use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::Path;
use std::process::Command;

use crate::cli::{countersign, free_port, serve};
use crate::harness::temp_dir;

/// `countersign`, as [`countersign()`] sets it up, started by a shell with
/// umask 000, so that a file created without an explicit mode would be
/// readable and writable by everyone.
fn countersign_with_open_umask(config: &Path) -> Command {
    let plain = countersign();
    let mut cmd = Command::new("sh");
    cmd.args(["-c", "umask 000 && exec \"$@\"", "sh"])
        .arg(plain.get_program())
        .arg("--config")
        .arg(config);
    for (name, value) in plain.get_envs() {
        match value {
            Some(value) => cmd.env(name, value),
            None => cmd.env_remove(name),
        };
    }
    cmd
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_packaged_config_serves_and_its_first_start_makes_a_private_key() {
    let packaged = Path::new(env!("CARGO_MANIFEST_DIR")).join("debian/countersign.toml");
    let dir = temp_dir("packaging");
    let key_file = dir.join("countersign.key");
    let start = || {
        let port = free_port();
        let mut cmd = countersign_with_open_umask(&packaged);
        // Only the paths move (the package's are under /var/lib/countersign).
        cmd.env("COUNTERSIGN_LISTEN", format!("127.0.0.1:{port}"))
            .env(
                "COUNTERSIGN_DATABASE",
                format!("sqlite://{}", dir.join("countersign.db").display()),
            )
            .env("COUNTERSIGN_KEY_FILE", &key_file);
        serve(cmd, port)
    };

    let server = start();
    assert!(
        server.startup.last().unwrap().contains("dev=false"),
        "the package runs outside dev mode: {:?}",
        server.startup
    );
    let ready = reqwest::get(format!("{}/readyz", server.base))
        .await
        .unwrap();
    assert_eq!(ready.status(), 200);
    let created = std::fs::read_to_string(&key_file).unwrap();
    assert!(
        created.lines().any(|line| line.starts_with("k1 ")),
        "{created}"
    );
    let meta = std::fs::metadata(&key_file).unwrap();
    assert_eq!(
        meta.permissions().mode() & 0o777,
        0o600,
        "only the server's user may read the master key"
    );
    assert_eq!(
        meta.uid(),
        std::fs::metadata(&dir).unwrap().uid(),
        "owned by the user the server runs as"
    );
    drop(server);

    let server = start();
    assert_eq!(
        std::fs::read_to_string(&key_file).unwrap(),
        created,
        "a later start keeps the key"
    );
    assert_eq!(
        std::fs::metadata(&key_file).unwrap().permissions().mode() & 0o777,
        0o600
    );
    drop(server);
    let _ = std::fs::remove_dir_all(&dir);
}
