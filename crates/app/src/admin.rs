//! Operator actions shared by the CLI and dev mode.

use countersign_core::event::Event;
use countersign_core::factor::{Factor, FactorStatus, FactorType};
use countersign_core::ids::{is_printable, ServiceId, UserId};
use countersign_core::keyring::Keyring;
use countersign_core::otp::{parse_seed, OtpAlgorithm, OtpParams};
use countersign_core::secret::{api_key_hash, new_api_key};
use countersign_core::service::{ApiKey, Service, ServiceSettings};
use countersign_core::user::User;
use countersign_core::Timestamp;
use countersign_store::{ImportedUser, Store, StoreError};

use crate::{App, Config, MASTER_KEY_FINGERPRINT};

/// Creates a service, with the starter help articles, and returns it with
/// its API key, which exists in clear only in this return value.
pub async fn create_service(
    store: &dyn Store,
    name: &str,
    now: Timestamp,
) -> Result<(Service, String), StoreError> {
    let service = Service {
        id: ServiceId::new(),
        name: name.to_owned(),
        created_at: now,
        settings: ServiceSettings::default(),
    };
    let key = new_api_key();
    let first = ApiKey::new(&service.id, &key, now);
    store
        .insert_service(&service, &first, &api_key_hash(&key))
        .await?;
    crate::help_import::install_starter_articles(store, &service.id, now)
        .await
        .map_err(|e| match e {
            crate::help_import::ImportError::Store(e) => e,
            // The starter files are checked by a unit test.
            crate::help_import::ImportError::BadFile { file, reason } => {
                StoreError::Corrupt(format!("starter article {file}: {reason}"))
            }
        })?;
    Ok((service, key))
}

/// The service called `name`, for CLI commands that take `--service NAME`.
pub async fn service_named(store: &dyn Store, name: &str) -> Result<Service, AdminError> {
    store
        .services()
        .await?
        .into_iter()
        .find(|s| s.name == name)
        .ok_or_else(|| AdminError::Refused(format!("no service named {name:?}")))
}

/// A service name: 1–64 printable characters ([`is_printable`]), shown to
/// users in messages.
pub fn is_valid_service_name(name: &str) -> bool {
    let len = name.chars().count();
    (1..=64).contains(&len) && is_printable(name) && name.trim() == name
}

/// Dev mode: on an empty database, creates a "demo" service and prints its
/// key and its help center's address (which needs the service's id), so the
/// README's walk-through needs no other command.
pub async fn ensure_demo_service(state: &App) -> Result<(), StoreError> {
    if !state.store.services().await?.is_empty() {
        return Ok(());
    }
    let (service, key) = create_service(state.store.as_ref(), "Demo", state.now()).await?;
    tracing::warn!(
        target: "countersign::dev",
        "[dev] created service {} ({}). Its API key, shown only now:\n\n    export CS_KEY={}\n\n\
         Its help center: {}/help/{}\n",
        service.name,
        service.id,
        key,
        state.config.public_url.trim_end_matches('/'),
        service.id,
    );
    Ok(())
}

/// What `countersign key rotate` did.
#[derive(Debug, serde::Serialize)]
pub struct Rotation {
    /// The key now in use.
    pub key_id: String,
    /// Seeds re-encrypted under it.
    pub resealed: usize,
    /// Keys kept in the file to open older secrets.
    pub older_keys: usize,
}

#[derive(Debug, thiserror::Error)]
pub enum AdminError {
    #[error(transparent)]
    Key(#[from] crate::keys::KeyError),
    #[error(transparent)]
    Setup(#[from] crate::SetupError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("{0}")]
    Refused(String),
}

/// Puts a new master key in use without downtime: the key goes first in the
/// key file (older keys stay, so nothing becomes unreadable), every seed is
/// re-encrypted under it with a conditional update, and the database records
/// the new key's fingerprint. Running servers pick the new file up by
/// themselves. Refuses to start if any seed does not open with the current
/// keys, so a rotation never makes a bad situation worse.
pub async fn rotate_key(config: &Config, store: &dyn Store) -> Result<Rotation, AdminError> {
    if !config.key_file.exists() {
        return Err(AdminError::Refused(format!(
            "key file {} not found; run with the --config the server uses",
            config.key_file.display()
        )));
    }
    let current = crate::checked_keyring(config, store).await?;
    let sealed = store.sealed_secrets().await?;
    if let Some((id, e)) = sealed
        .iter()
        .find_map(|(id, s)| current.open(s, id).err().map(|e| (id, e)))
    {
        return Err(AdminError::Refused(format!(
            "factor {id}: {e}; nothing was rotated"
        )));
    }
    let ring = crate::keys::add_new_key(&config.key_file)?;
    let mut resealed = 0;
    for (id, old) in &sealed {
        let seed = ring.open(old, id).map_err(|e| {
            AdminError::Refused(format!(
                "factor {id}: {e} (the new key is in the file; run again)"
            ))
        })?;
        if store.reseal_secret(id, old, &ring.seal(&seed, id)).await? {
            resealed += 1;
        }
    }
    // Seeds sealed meanwhile by a server that had not yet re-read the file
    // are still under an older key, which stays in the file: readable, and
    // re-encrypted by the next rotation.
    store
        .put_setting(MASTER_KEY_FINGERPRINT, ring.current_fingerprint())
        .await?;
    Ok(Rotation {
        key_id: ring.current_id().to_owned(),
        resealed,
        older_keys: crate::keys::read_keys(&config.key_file)?.len() - 1,
    })
}

/// One hardware token in an operator's seed file.
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct TokenRow {
    user_id: String,
    #[serde(rename = "type")]
    kind: String,
    secret: String,
    digits: Option<u32>,
    period: Option<u32>,
    counter: Option<u64>,
    algorithm: Option<String>,
    /// Usually the serial number printed on the token.
    label: Option<String>,
}

/// One row of a token seed file, checked: what `import_tokens` writes.
/// (No `Debug`: it holds the seed in clear.)
pub struct TokenSeed {
    pub user_id: UserId,
    pub kind: FactorType,
    pub params: OtpParams,
    pub seed: Vec<u8>,
    pub counter: u64,
    pub label: Option<String>,
}

/// What `countersign token import` did.
#[derive(Debug, serde::Serialize)]
pub struct Import {
    pub imported: usize,
    pub users_created: usize,
}

/// Reads and checks a CSV seed file (header `user_id,type,secret,digits,
/// period,counter,algorithm,label`; `secret` in base32), every row, before
/// anything is written: the file comes from outside (a token vendor), and a
/// bad row must refuse the whole file, named by its line. No I/O, so it is
/// also what the fuzz target `token_import` drives.
pub fn parse_token_file(csv_text: &str) -> Result<Vec<TokenSeed>, AdminError> {
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .comment(Some(b'#'))
        .from_reader(csv_text.as_bytes());
    let mut tokens = Vec::new();
    for (n, row) in reader.deserialize::<TokenRow>().enumerate() {
        let line = n + 2;
        let bad = |what: String| AdminError::Refused(format!("line {line}: {what}"));
        let row = row.map_err(|e| bad(e.to_string()))?;
        let Some(user_id) = UserId::parse(&row.user_id) else {
            return Err(bad(
                "user_id: expected 1–128 characters of A-Z a-z 0-9 . _ @ : -".into(),
            ));
        };
        let kind = match row.kind.as_str() {
            "totp" => FactorType::Totp,
            "hotp" => FactorType::Hotp,
            other => return Err(bad(format!("type {other:?}: expected totp or hotp"))),
        };
        let algorithm = row
            .algorithm
            .as_deref()
            .filter(|a| !a.is_empty())
            .map(|a| {
                OtpAlgorithm::parse(a)
                    .ok_or_else(|| bad(format!("algorithm {a:?}: expected SHA1, SHA256 or SHA512")))
            })
            .transpose()?;
        let period = row.period.filter(|_| kind == FactorType::Totp);
        let params = OtpParams::new(algorithm, row.digits, period)
            .map_err(|e| bad(format!("{}: {e}", e.field())))?;
        let seed = parse_seed(&row.secret).map_err(|e| bad(format!("secret: {e}")))?;
        let label = row.label.filter(|l| !l.is_empty());
        if label
            .as_ref()
            .is_some_and(|l| l.chars().count() > 64 || !is_printable(l))
        {
            return Err(bad("label: 1–64 printable characters".into()));
        }
        tokens.push(TokenSeed {
            user_id,
            kind,
            params,
            seed,
            counter: row.counter.unwrap_or(0),
            label,
        });
    }
    Ok(tokens)
}

/// Imports hardware OATH tokens from a CSV seed file (`parse_token_file`)
/// in one transaction: every row is checked first, and then every token is
/// written, or none (a seed already enrolled refuses the whole file). Tokens
/// arrive active, the operator's file being the proof that the user holds
/// them. Users that do not exist yet are created.
pub async fn import_tokens(
    store: &dyn Store,
    keys: &Keyring,
    service: &Service,
    csv_text: &str,
    now: Timestamp,
) -> Result<Import, AdminError> {
    let tokens = parse_token_file(csv_text)?;
    let mut users: Vec<ImportedUser> = Vec::new();
    for TokenSeed {
        user_id,
        kind,
        params,
        seed,
        counter,
        label,
    } in &tokens
    {
        let at = match users.iter().position(|u| u.user.user_id == *user_id) {
            Some(at) => at,
            None => {
                let found = store.user(&service.id, user_id).await?;
                let (user, events) = match &found {
                    Some(u) => (u.clone(), Vec::new()),
                    None => {
                        let created = Event::new(
                            &service.id,
                            Some(user_id),
                            "user.created",
                            now,
                            None,
                            serde_json::json!({"by": "token import"}),
                        );
                        (User::new(&service.id, user_id, now), vec![created])
                    }
                };
                users.push(ImportedUser {
                    before: found,
                    user,
                    factors: Vec::new(),
                    events,
                    security: None,
                });
                users.len() - 1
            }
        };
        let entry = &mut users[at];
        let mut factor = Factor::new_otp(
            &entry.user,
            *kind,
            label.clone(),
            *params,
            *counter,
            seed,
            |id| keys.seal(seed, id),
            now,
        );
        factor.status = FactorStatus::Active;
        entry.events.push(Event::new(
            &service.id,
            Some(user_id),
            "factor.added",
            now,
            None,
            serde_json::json!({"factor_id": factor.id, "factor_type": kind.as_str(), "by": "token import"}),
        ));
        entry.factors.push(factor);
    }
    store.import_users(&users).await.map_err(|e| match e {
        StoreError::Conflict => AdminError::Refused(
            "a token's seed is already enrolled in the service (one seed, one factor), \
             or appears twice in the file, or a user of the file was created meanwhile; \
             nothing was imported"
                .into(),
        ),
        e => e.into(),
    })?;
    Ok(Import {
        imported: tokens.len(),
        users_created: users.iter().filter(|u| u.before.is_none()).count(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_file_is_read_whole_and_a_bad_row_is_named_by_its_line() {
        let tokens = parse_token_file(
            "# vendor batch\n\
             user_id,type,secret,digits,period,counter,algorithm,label\n\
             alice,totp,JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP,8,60,,sha-256,FT-1\n\
             bob,hotp,\"gezd gnbv gy3t qojq gezd gnbv gy3t qojq\",,,12,,\n",
        )
        .unwrap();
        assert_eq!(tokens.len(), 2);
        assert_eq!(tokens[0].params.digits, 8);
        assert_eq!(tokens[0].params.period, 60);
        assert_eq!(tokens[0].params.algorithm, OtpAlgorithm::Sha256);
        assert_eq!(tokens[0].label.as_deref(), Some("FT-1"));
        assert_eq!((tokens[1].kind, tokens[1].counter), (FactorType::Hotp, 12));
        assert_eq!(tokens[1].seed, b"12345678901234567890");

        let refused = parse_token_file(
            "user_id,type,secret\n\
             alice,totp,JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP\n\
             bob,sms,JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP\n",
        )
        .err()
        .unwrap();
        assert!(
            refused.to_string().contains("line 3: type \"sms\""),
            "{refused}"
        );
    }
}
