//! `countersign device …`: a reference trusted-device client. It keeps an
//! Ed25519 key in a local file, enrols it as a user's device, lists the
//! requests waiting for approval and answers them, signing every call as the
//! README describes. Operators use it to try the flow; the tests use it to
//! prove the flow works from outside the server.

use std::io::Write;
use std::path::{Path, PathBuf};

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use clap::Subcommand;
use countersign_core::device::{signed_request, DEVICE_HEADER};
use countersign_core::transaction::Transaction;
use ed25519_dalek::{Signer, SigningKey};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

#[derive(Subcommand)]
pub enum DeviceCommand {
    /// Make a key and enrol it as a trusted device of a user (needs the
    /// service's API key once); writes the key file.
    Enroll {
        /// Countersign's base URL, e.g. http://localhost:8080.
        #[arg(long)]
        server: String,
        #[arg(long, env = "COUNTERSIGN_API_KEY", hide_env_values = true)]
        api_key: String,
        /// The integrator's user id.
        #[arg(long)]
        user: String,
        #[arg(long, default_value = "Countersign device")]
        label: String,
        #[arg(long, default_value = "countersign-device.json")]
        key_file: PathBuf,
    },
    /// Print the requests waiting for approval, one JSON object per line,
    /// as they arrive (long-polling).
    Watch {
        #[arg(long, default_value = "countersign-device.json")]
        key_file: PathBuf,
        /// Print what is pending now (waiting a little if nothing is) and stop.
        #[arg(long)]
        once: bool,
    },
    /// Approve a request with the number the page shows.
    Approve {
        challenge_id: String,
        #[arg(long)]
        number: u8,
        #[arg(long, default_value = "countersign-device.json")]
        key_file: PathBuf,
    },
    /// Refuse a request you did not make.
    Deny {
        challenge_id: String,
        #[arg(long, default_value = "countersign-device.json")]
        key_file: PathBuf,
    },
}

/// What the key file holds.
#[derive(Serialize, Deserialize)]
struct DeviceFile {
    server: String,
    factor_id: String,
    /// Base64url of the 32-byte Ed25519 private key.
    private_key: String,
}

struct Device {
    file: DeviceFile,
    key: SigningKey,
    http: reqwest::Client,
}

pub async fn run(cmd: DeviceCommand) -> Result<(), String> {
    match cmd {
        DeviceCommand::Enroll {
            server,
            api_key,
            user,
            label,
            key_file,
        } => enroll(&server, &api_key, &user, &label, &key_file).await,
        DeviceCommand::Watch { key_file, once } => {
            let device = Device::load(&key_file)?;
            let path = format!("/v1/devices/{}/pending", device.file.factor_id);
            let mut seen = std::collections::HashSet::new();
            loop {
                let wait = if once { 5 } else { 25 };
                let nonce = countersign_core::ids::new_id("n");
                let pending = device
                    .call("GET", &format!("{path}?wait={wait}&nonce={nonce}"), None)
                    .await?;
                for request in pending.as_array().into_iter().flatten() {
                    let id = request["challenge_id"].as_str().unwrap_or_default();
                    if seen.insert(id.to_owned()) {
                        println!("{request}");
                    }
                }
                std::io::stdout().flush().map_err(|e| e.to_string())?;
                if once {
                    return Ok(());
                }
            }
        }
        DeviceCommand::Approve {
            challenge_id,
            number,
            key_file,
        } => {
            // A payment is approved as the device shows it: its details are
            // printed and its digest goes back with the answer.
            let device = Device::load(&key_file)?;
            let nonce = countersign_core::ids::new_id("n");
            let pending = device
                .call(
                    "GET",
                    &format!(
                        "/v1/devices/{}/pending?nonce={nonce}",
                        device.file.factor_id
                    ),
                    None,
                )
                .await?;
            let transaction = pending
                .as_array()
                .into_iter()
                .flatten()
                .find(|r| r["challenge_id"] == challenge_id.as_str())
                .map(|r| r["transaction"].clone())
                .filter(|t| !t.is_null());
            let mut body = json!({"decision": "approve", "number": number});
            if let Some(t) = transaction {
                let shown: Transaction = serde_json::from_value(t).map_err(|e| {
                    format!("the server sent a payment this client cannot show: {e}")
                })?;
                eprintln!(
                    "approving a payment of {} {} to {}",
                    shown.amount,
                    shown.currency,
                    shown.recipient()
                );
                // The digest of exactly what was shown, computed here.
                body["transaction_digest"] = json!(shown.digest(&challenge_id));
            }
            answer(&key_file, &challenge_id, body).await
        }
        DeviceCommand::Deny {
            challenge_id,
            key_file,
        } => answer(&key_file, &challenge_id, json!({"decision": "deny"})).await,
    }
}

async fn answer(key_file: &Path, challenge_id: &str, mut body: Value) -> Result<(), String> {
    let device = Device::load(key_file)?;
    body["factor_id"] = json!(device.file.factor_id);
    let path = format!("/v1/challenges/{challenge_id}/device-response");
    let state = device.call("POST", &path, Some(&body)).await?;
    println!(
        "{}",
        json!({"challenge_id": state["id"], "status": state["status"], "satisfied": state["satisfied"]})
    );
    Ok(())
}

async fn enroll(
    server: &str,
    api_key: &str,
    user: &str,
    label: &str,
    key_file: &Path,
) -> Result<(), String> {
    if key_file.exists() {
        return Err(format!(
            "{} exists; remove it or pass another --key-file",
            key_file.display()
        ));
    }
    let key = SigningKey::generate(&mut rand::rngs::OsRng);
    let http = reqwest::Client::new();
    let server = server.trim_end_matches('/').to_owned();
    let enrolled = expect_ok(
        http.post(format!("{server}/v1/users/{user}/factors"))
            .bearer_auth(api_key)
            .json(&json!({
                "type": "device",
                "label": label,
                "public_key": URL_SAFE_NO_PAD.encode(key.verifying_key().to_bytes()),
            }))
            .send()
            .await,
    )
    .await?;
    let factor_id = enrolled["id"].as_str().ok_or("no factor id")?.to_owned();
    let challenge = URL_SAFE_NO_PAD
        .decode(
            enrolled["activation_challenge"]
                .as_str()
                .unwrap_or_default(),
        )
        .map_err(|_| "the server sent no activation challenge")?;
    let signature = URL_SAFE_NO_PAD.encode(key.sign(&challenge).to_bytes());
    let activated = expect_ok(
        http.post(format!(
            "{server}/v1/users/{user}/factors/{factor_id}/activate"
        ))
        .bearer_auth(api_key)
        .json(&json!({ "signature": signature }))
        .send()
        .await,
    )
    .await?;
    let file = DeviceFile {
        server,
        factor_id: factor_id.clone(),
        private_key: URL_SAFE_NO_PAD.encode(key.to_bytes()),
    };
    write_private(
        key_file,
        &serde_json::to_string_pretty(&file).expect("serialises"),
    )?;
    println!(
        "{}",
        json!({"factor_id": factor_id, "status": activated["status"], "key_file": key_file.display().to_string()})
    );
    Ok(())
}

fn write_private(path: &Path, text: &str) -> Result<(), String> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options
        .open(path)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    file.write_all(text.as_bytes())
        .map_err(|e| format!("{}: {e}", path.display()))
}

impl Device {
    fn load(path: &Path) -> Result<Device, String> {
        let text = std::fs::read_to_string(path).map_err(|e| {
            format!(
                "{}: {e} (enrol first: countersign device enroll)",
                path.display()
            )
        })?;
        let file: DeviceFile =
            serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
        let bytes: [u8; 32] = URL_SAFE_NO_PAD
            .decode(&file.private_key)
            .ok()
            .and_then(|b| b.try_into().ok())
            .ok_or_else(|| {
                format!(
                    "{}: private_key is not 32 bytes of base64url",
                    path.display()
                )
            })?;
        Ok(Device {
            file,
            key: SigningKey::from_bytes(&bytes),
            http: reqwest::Client::new(),
        })
    }

    /// One signed call: `METHOD\nPATH\nunix\nhex(sha256(body))`, where PATH
    /// is the request target (path and query).
    async fn call(
        &self,
        method: &str,
        target: &str,
        body: Option<&Value>,
    ) -> Result<Value, String> {
        let body = body.map(Value::to_string).unwrap_or_default();
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_err(|e| e.to_string())?
            .as_secs() as i64;
        let signature = self
            .key
            .sign(&signed_request(method, target, now, body.as_bytes()));
        let header = format!(
            "{}.{now}.{}",
            self.file.factor_id,
            URL_SAFE_NO_PAD.encode(signature.to_bytes())
        );
        let url = format!("{}{target}", self.file.server);
        let mut request = match method {
            "GET" => self.http.get(url),
            _ => self
                .http
                .post(url)
                .header("content-type", "application/json")
                .body(body),
        };
        request = request.header(DEVICE_HEADER, header);
        expect_ok(request.send().await).await
    }
}

/// The JSON of a 2xx answer, or the problem's detail as the error.
async fn expect_ok(response: reqwest::Result<reqwest::Response>) -> Result<Value, String> {
    let response = response.map_err(|e| format!("cannot reach the server: {e}"))?;
    let status = response.status();
    let body: Value = response.json().await.unwrap_or(Value::Null);
    if status.is_success() {
        Ok(body)
    } else {
        Err(format!(
            "{} {}: {}",
            status.as_u16(),
            body["code"].as_str().unwrap_or("error"),
            body["detail"].as_str().unwrap_or("")
        ))
    }
}
