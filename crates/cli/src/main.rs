//! `countersign`: the server and the operator's CLI in one binary.
#![forbid(unsafe_code)]

mod device;

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use countersign_app::admin::{
    create_service, import_tokens, is_valid_service_name, rotate_key, service_named,
};
use countersign_app::api_keys::{self, By};
use countersign_app::config::{LogFormat, Overrides, DEFAULT_CONFIG_FILE};
use countersign_app::user_import::{parse_user_file, Format};
use countersign_app::{redact_url, Config};
use countersign_core::{Clock, SystemClock};
use countersign_store::StoreError;

/// mimalloc, which also replaces `malloc` for the bundled SQLite (feature
/// `override`): glibc's allocator was a fifth of the SQLite writer's time
/// (BENCHMARKS.md, "Where a verify's time goes").
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "countersign",
    version,
    about = "Account security server: one-time codes, authenticators, passkeys, and the rules that keep accounts safe.",
    after_help = SETTINGS_HELP
)]
struct Cli {
    #[arg(long, global = true, value_name = "FILE", help = config_help())]
    config: Option<PathBuf>,
    #[arg(
        long,
        global = true,
        value_name = "URL",
        env = "COUNTERSIGN_DATABASE",
        help = with_default("The database: sqlite://PATH or postgres://USER@HOST/DB; overrides `database` in the config file", &Config::default().database)
    )]
    database: Option<String>,
    #[command(subcommand)]
    command: Command,
}

/// Where settings come from, for `--help`.
const SETTINGS_HELP: &str = "Every setting of the config file can also be set by an environment variable: \
COUNTERSIGN_ and the key in capitals, nested keys joined by __ (COUNTERSIGN_DELIVERY__SMS__KIND=webhook). \
Flags win over the environment, which wins over the file.";

/// `help` followed by the default clap would show, for options whose
/// default comes from the config file's defaults rather than from clap
/// (a clap default would hide the file's value).
fn with_default(help: &str, default: &str) -> String {
    format!("{help} [default: {default}]")
}

fn config_help() -> String {
    with_default(
        "Config file; COUNTERSIGN_* variables and flags override it",
        &format!("./{DEFAULT_CONFIG_FILE} when it exists"),
    )
}

#[derive(Subcommand)]
enum Command {
    /// Run the HTTP server.
    #[command(after_help = SETTINGS_HELP)]
    Serve {
        /// Development mode (or `dev = true` in the config file): messages are
        /// printed to the console instead of sent, and a demo service is
        /// created on an empty database.
        #[arg(long, env = "COUNTERSIGN_DEV")]
        dev: bool,
        #[arg(
            long,
            value_name = "ADDR",
            env = "COUNTERSIGN_LISTEN",
            help = with_default("Address and port to listen on; overrides `listen` in the config file", &Config::default().listen.to_string())
        )]
        listen: Option<SocketAddr>,
    },
    /// Manage services (tenants) and their API keys.
    #[command(subcommand)]
    Service(ServiceCommand),
    /// Operator actions on end users.
    #[command(subcommand, visible_alias = "users")]
    User(UserCommand),
    /// The console's operators: who may sign in at /console, and as what.
    #[command(subcommand)]
    Operator(OperatorCommand),
    /// The master key that seals TOTP/HOTP seeds.
    #[command(subcommand)]
    Key(KeyCommand),
    /// Hardware OATH tokens.
    #[command(subcommand)]
    Token(TokenCommand),
    /// The tamper-evident audit log.
    #[command(subcommand)]
    Audit(AuditCommand),
    /// Webhooks: each endpoint's delivery log, and replays.
    #[command(subcommand)]
    Webhook(WebhookCommand),
    /// A reference trusted-device client: enrol this machine, watch for
    /// requests, approve or deny them.
    #[command(subcommand)]
    Device(device::DeviceCommand),
    /// The help centers' articles.
    #[command(subcommand)]
    Articles(ArticlesCommand),
    /// Copy the SQLite database into a new file while the server runs.
    ///
    /// A consistent snapshot, written with mode 0600; prints
    /// {"path","bytes","services","users","events","at","key_file","note"}.
    /// The master key file is not in it: back it up separately. On
    /// PostgreSQL, use pg_dump -Fc.
    Backup {
        /// The new backup file (never overwritten).
        file: PathBuf,
    },
    /// Bring a backup back into the SQLite database, the server stopped.
    ///
    /// Refused while anything has the database open; a database that holds
    /// a service is replaced only with --force. On PostgreSQL, use
    /// pg_restore.
    Restore {
        /// A file written by `countersign backup`.
        file: PathBuf,
        /// Replace a database that is not empty.
        #[arg(long)]
        force: bool,
    },
    /// Delete now what is past its retention (`[retention]`: ended
    /// challenges and their messages, old events behind a checkpoint) and
    /// what has expired, in small batches; prints what was deleted as JSON.
    /// A running server does the same every ten minutes.
    Purge,
    /// Copy a whole SQLite deployment into an empty PostgreSQL database.
    ///
    /// Stop the servers first. One read transaction on the source, one
    /// transaction on the target (all or nothing); then every table's row
    /// count and every service's audit chain are checked on the target.
    /// Prints {"from","to","tables","services","at","note"}. The PostgreSQL
    /// servers use the same key file.
    MigrateDb {
        /// The source: sqlite://PATH.
        #[arg(long, value_name = "URL")]
        from: String,
        /// The target, new and empty: postgres://USER@HOST/DB.
        #[arg(long, value_name = "URL")]
        to: String,
    },
    /// Print the API's OpenAPI 3.1 document, the one the server serves at
    /// /v1/openapi.json (no database needed).
    Openapi,
}

#[derive(Subcommand)]
enum ArticlesCommand {
    /// Import (create or update) every *.md article file under DIR, each with
    /// its front matter (title, category, slug, locale, published_at). Every
    /// file is checked first: one bad file and nothing is written.
    Import {
        /// A folder of Markdown files, searched recursively (e.g. help/).
        dir: PathBuf,
        /// The service's name or id.
        #[arg(long)]
        service: String,
    },
}

#[derive(Subcommand)]
enum AuditCommand {
    /// Check every service's event hash chain (or one service's); exits 1
    /// and names the first broken link if an event was edited or removed.
    Verify {
        #[arg(long)]
        service: Option<String>,
    },
    /// Print a service's chained events as JSON Lines, oldest first, with
    /// their hashes (for archiving or a SIEM).
    Export {
        #[arg(long)]
        service: String,
    },
}

#[derive(Subcommand)]
enum WebhookCommand {
    /// An endpoint's latest delivery attempts, newest first, as JSON Lines
    /// (attempt 0 is a replay).
    Log {
        /// The endpoint's name (its URL when the config gives no name).
        endpoint: String,
        #[arg(long, default_value_t = 50)]
        limit: u32,
    },
    /// Send events to an endpoint again, with their ids and bodies (for a
    /// receiver that lost them, or one that was given up on); each attempt
    /// is logged like the worker's.
    Replay {
        endpoint: String,
        /// Event ids (`evt_…`), as in the log or `audit export`.
        #[arg(required = true)]
        event_ids: Vec<String>,
    },
}

#[derive(Subcommand)]
enum KeyCommand {
    /// Put a new master key in use and re-encrypt every seed under it, while
    /// servers keep running. Older keys stay in the key file.
    Rotate,
}

#[derive(Subcommand)]
enum TokenCommand {
    /// Import hardware tokens from a CSV seed file with the header
    /// user_id,type,secret,digits,period,counter,algorithm,label
    /// (type totp or hotp, secret in base32). Nothing is written unless every
    /// row is valid.
    Import {
        /// The CSV file ("-" for standard input).
        file: PathBuf,
        /// The service's name.
        #[arg(long)]
        service: String,
    },
}

#[derive(Subcommand)]
enum OperatorCommand {
    /// Add an operator; prints {"name","role","enrolment_link","expires_at"}.
    /// The link (valid 24 hours, once) lets them register the passkey they
    /// sign in with: hand it to them over a channel you trust.
    Add {
        /// How the console and the audit log name them.
        name: String,
        /// admin (everything), support (users, masked contacts, events) or
        /// auditor (everything, read-only).
        #[arg(long, value_parser = ["admin", "support", "auditor"])]
        role: String,
    },
    /// List the operators, one JSON line each.
    List,
    /// Remove an operator: their sessions end at once.
    Remove { name: String },
}

#[derive(Subcommand)]
enum UserCommand {
    /// Lift a lockout (after 100 consecutive failures on the integrator's
    /// challenges a user stays locked until this is run) and clear the
    /// failure counts.
    Unlock {
        /// The service's name.
        #[arg(long)]
        service: String,
        /// The integrator's user id.
        user_id: String,
    },
    /// Create or update users from a file, each line checked as
    /// `PUT /v1/users/{id}` checks its body (email_verified and
    /// phone_verified included), in one transaction: one bad line and
    /// nothing is written. Prints {"created","updated"}.
    Import {
        /// CSV with a header (user_id,email,phone,locale,display_name,
        /// email_verified,phone_verified; an empty cell keeps the field) or
        /// JSON Lines (one PUT body a line, with its user_id), by the
        /// extension (.csv, .jsonl) or else by the first character; "-"
        /// for standard input.
        file: PathBuf,
        /// The service's name.
        #[arg(long)]
        service: String,
    },
}

#[derive(Subcommand)]
enum ServiceCommand {
    /// Create a service; prints {"id","name","api_key"}. The key is shown only here.
    Create {
        /// Shown to users in messages ("123456 is your NAME code").
        name: String,
    },
    /// List services (never their keys).
    List,
    /// A service's API keys: create one to rotate (both keys work until
    /// the old one is revoked), list them, revoke one.
    #[command(subcommand)]
    Key(ServiceKeyCommand),
}

#[derive(Subcommand)]
enum ServiceKeyCommand {
    /// Create a key; prints {"id","prefix","created_at","last_used_at","api_key"}.
    /// The key is shown only here.
    Create {
        /// The service's name.
        #[arg(long)]
        service: String,
    },
    /// List the keys as JSON Lines: id, prefix, created_at, last_used_at
    /// (to the minute); never the keys.
    List {
        #[arg(long)]
        service: String,
    },
    /// Revoke a key: every server refuses it from now on. The service's last
    /// key cannot be revoked (create another first).
    Revoke {
        #[arg(long)]
        service: String,
        /// The key's id (`key_…`), as `service key list` shows it.
        key_id: String,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let (dev, listen) = match cli.command {
        Command::Serve { dev, listen } => (dev, listen),
        _ => (false, None),
    };
    let overrides = Overrides {
        listen,
        database: cli.database.clone(),
        dev,
    };
    let config = match Config::load(cli.config.as_deref(), &overrides) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    init_logging(config.log_format);
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: cannot start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    let result = runtime.block_on(async {
        match cli.command {
            Command::Serve { .. } => countersign_server::serve(config)
                .await
                .map_err(|e| e.to_string()),
            Command::Service(cmd) => service_command(&config, cmd).await,
            Command::User(cmd) => user_command(&config, cmd).await,
            Command::Operator(cmd) => operator_command(&config, cmd).await,
            Command::Key(KeyCommand::Rotate) => key_rotate(&config).await,
            Command::Token(TokenCommand::Import { file, service }) => {
                token_import(&config, &file, &service).await
            }
            Command::Device(cmd) => device::run(cmd).await,
            Command::Audit(cmd) => audit_command(&config, cmd).await,
            Command::Webhook(cmd) => webhook_command(&config, cmd).await,
            Command::Articles(ArticlesCommand::Import { dir, service }) => {
                articles_import(&config, &dir, &service).await
            }
            Command::Backup { file } => backup(&config, &file).await,
            Command::Restore { file, force } => restore(&config, &file, force).await,
            Command::Purge => purge(&config).await,
            Command::MigrateDb { from, to } => migrate_db(&from, &to).await,
            Command::Openapi => {
                let document = serde_json::to_string_pretty(&countersign_server::api::openapi())
                    .expect("the OpenAPI document serialises");
                println!("{document}");
                Ok(())
            }
        }
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

async fn service_command(config: &Config, cmd: ServiceCommand) -> Result<(), String> {
    let store = open_store(config).await?;
    match cmd {
        ServiceCommand::Create { name } => {
            if !is_valid_service_name(&name) {
                return Err(
                    "NAME: expected 1–64 printable characters without leading or trailing spaces"
                        .into(),
                );
            }
            let (service, key) = create_service(store.as_ref(), &name, SystemClock.now())
                .await
                .map_err(|e| match e {
                    StoreError::Conflict => format!("a service named {name:?} already exists"),
                    other => other.to_string(),
                })?;
            println!(
                "{}",
                serde_json::json!({"id": service.id, "name": service.name, "api_key": key})
            );
        }
        ServiceCommand::List => {
            for s in store.services().await.map_err(|e| e.to_string())? {
                println!(
                    "{}",
                    serde_json::json!({"id": s.id, "name": s.name, "created_at": s.created_at})
                );
            }
        }
        ServiceCommand::Key(cmd) => service_key_command(store.as_ref(), cmd).await?,
    }
    Ok(())
}

async fn service_key_command(
    store: &dyn countersign_store::Store,
    cmd: ServiceKeyCommand,
) -> Result<(), String> {
    let (ServiceKeyCommand::Create { service }
    | ServiceKeyCommand::List { service }
    | ServiceKeyCommand::Revoke { service, .. }) = &cmd;
    let service = service_named(store, service)
        .await
        .map_err(|e| e.to_string())?;
    let now = SystemClock.now();
    match cmd {
        ServiceKeyCommand::Create { .. } => {
            let created = api_keys::create(store, &service.id, By::Operator, now)
                .await
                .map_err(|e| e.to_string())?;
            println!("{}", serde_json::to_string(&created).expect("serialises"));
        }
        ServiceKeyCommand::List { .. } => {
            for key in api_keys::list(store, &service.id)
                .await
                .map_err(|e| e.to_string())?
            {
                println!("{}", serde_json::to_string(&key).expect("serialises"));
            }
        }
        ServiceKeyCommand::Revoke { key_id, .. } => {
            let revoked = api_keys::revoke(store, &service.id, &key_id, By::Operator, now)
                .await
                .map_err(|e| e.to_string())?;
            println!(
                "{}",
                serde_json::json!({"id": revoked.id, "prefix": revoked.prefix, "revoked": true})
            );
        }
    }
    Ok(())
}

async fn operator_command(config: &Config, cmd: OperatorCommand) -> Result<(), String> {
    use countersign_app::console;
    use countersign_core::operator::Role;
    let store = open_store(config).await?;
    match cmd {
        OperatorCommand::Add { name, role } => {
            let role = Role::parse(&role).ok_or_else(|| format!("no role {role:?}"))?;
            let added = console::add_operator(
                store.as_ref(),
                &config.public_url,
                &name,
                role,
                SystemClock.now(),
            )
            .await
            .map_err(|e| e.to_string())?;
            println!(
                "{}",
                serde_json::json!({
                    "name": added.operator.name,
                    "role": added.operator.role.as_str(),
                    "enrolment_link": added.link,
                    "expires_at": added.expires_at,
                })
            );
        }
        OperatorCommand::List => {
            for o in store.operators().await.map_err(|e| e.to_string())? {
                println!(
                    "{}",
                    serde_json::json!({
                        "name": o.name,
                        "role": o.role.as_str(),
                        "created_at": o.created_at,
                        "enrolled_at": o.enrolled_at,
                        "last_sign_in_at": o.last_sign_in_at,
                    })
                );
            }
        }
        OperatorCommand::Remove { name } => {
            console::remove_operator(store.as_ref(), &name)
                .await
                .map_err(|e| e.to_string())?;
            println!(
                "{}",
                serde_json::json!({"name": name.trim(), "removed": true})
            );
        }
    }
    Ok(())
}

async fn user_command(config: &Config, cmd: UserCommand) -> Result<(), String> {
    match cmd {
        UserCommand::Import { file, service } => user_import(config, &file, &service).await,
        UserCommand::Unlock { service, user_id } => {
            let store = open_store(config).await?;
            let service = service_named(store.as_ref(), &service)
                .await
                .map_err(|e| e.to_string())?;
            let user = store
                .user(&service.id, &user_id)
                .await
                .map_err(|e| e.to_string())?
                .ok_or_else(|| format!("no user {user_id:?} in service {:?}", service.name))?;
            countersign_app::console::unlock_user(
                store.as_ref(),
                &user,
                serde_json::json!({"by": "operator"}),
                SystemClock.now(),
            )
            .await
            .map_err(|e| e.to_string())?;
            println!(
                "{}",
                serde_json::json!({"user_id": user_id, "service": service.name, "unlocked": true})
            );
            Ok(())
        }
    }
}

async fn open_store(
    config: &Config,
) -> Result<std::sync::Arc<dyn countersign_store::Store>, String> {
    countersign_store::connect(&config.database)
        .await
        .map_err(|e| format!("database {}: {e}", redact_url(&config.database)))
}

async fn audit_command(config: &Config, cmd: AuditCommand) -> Result<(), String> {
    let store = open_store(config).await?;
    match cmd {
        AuditCommand::Verify { service } => {
            let checks = countersign_app::audit::verify_chains(store.as_ref(), service.as_deref())
                .await
                .map_err(|e| e.to_string())?;
            let broken: Vec<&str> = checks
                .iter()
                .filter(|c| !c.intact)
                .map(|c| c.service.as_str())
                .collect();
            for check in &checks {
                println!("{}", serde_json::to_string(check).expect("serialises"));
            }
            if broken.is_empty() {
                Ok(())
            } else {
                Err(format!(
                    "the audit log of {} was tampered with",
                    broken.join(", ")
                ))
            }
        }
        AuditCommand::Export { service } => {
            let chain = countersign_app::audit::export_chain(store.as_ref(), &service)
                .await
                .map_err(|e| e.to_string())?;
            for (event, link) in &chain {
                println!("{}", countersign_app::audit::export_line(event, link));
            }
            Ok(())
        }
    }
}

async fn webhook_command(config: &Config, cmd: WebhookCommand) -> Result<(), String> {
    let store = open_store(config).await?;
    let endpoint_named = |name: &str| {
        config
            .webhooks
            .iter()
            .find(|w| w.name() == name)
            .ok_or_else(|| format!("no webhook endpoint named {name:?} in the configuration"))
    };
    match cmd {
        WebhookCommand::Log { endpoint, limit } => {
            for d in store
                .webhook_deliveries(&endpoint, limit)
                .await
                .map_err(|e| e.to_string())?
            {
                println!("{}", serde_json::to_string(&d).expect("serialises"));
            }
            Ok(())
        }
        WebhookCommand::Replay {
            endpoint,
            event_ids,
        } => {
            let endpoint = endpoint_named(&endpoint)?;
            let poster = countersign_app::workers::outbox::EventPoster::new()?;
            let deliveries = countersign_app::workers::outbox::replay(
                store.as_ref(),
                &poster,
                endpoint,
                &event_ids,
                None,
                SystemClock.now(),
            )
            .await
            .map_err(|e| e.to_string())?;
            for delivery in &deliveries {
                println!("{}", serde_json::to_string(delivery).expect("serialises"));
            }
            let failed = deliveries.iter().filter(|d| d.error.is_some()).count();
            if failed == 0 {
                Ok(())
            } else {
                Err(format!("{failed} event(s) were not delivered"))
            }
        }
    }
}

async fn key_rotate(config: &Config) -> Result<(), String> {
    let store = open_store(config).await?;
    let rotation = rotate_key(config, store.as_ref())
        .await
        .map_err(|e| e.to_string())?;
    println!("{}", serde_json::to_string(&rotation).expect("serialises"));
    Ok(())
}

async fn backup(config: &Config, file: &Path) -> Result<(), String> {
    let report = countersign_app::backup::backup(config, file, SystemClock.now())
        .await
        .map_err(|e| e.to_string())?;
    println!("{}", serde_json::to_string(&report).expect("serialises"));
    Ok(())
}

async fn restore(config: &Config, file: &Path, force: bool) -> Result<(), String> {
    let report = countersign_app::backup::restore(config, file, force, SystemClock.now())
        .await
        .map_err(|e| e.to_string())?;
    println!("{}", serde_json::to_string(&report).expect("serialises"));
    Ok(())
}

async fn migrate_db(from: &str, to: &str) -> Result<(), String> {
    let report = countersign_app::migrate_db::migrate_db(from, to, SystemClock.now())
        .await
        .map_err(|e| e.to_string())?;
    println!("{}", serde_json::to_string(&report).expect("serialises"));
    Ok(())
}

/// A file's text, or standard input's for "-".
fn read_input(file: &Path) -> Result<String, String> {
    if file == Path::new("-") {
        std::io::read_to_string(std::io::stdin()).map_err(|e| format!("standard input: {e}"))
    } else {
        std::fs::read_to_string(file).map_err(|e| format!("{}: {e}", file.display()))
    }
}

async fn purge(config: &Config) -> Result<(), String> {
    let store = open_store(config).await?;
    let report = countersign_app::workers::sweep::purge(
        store.as_ref(),
        &config.retention,
        SystemClock.now(),
    )
    .await
    .map_err(|e| e.to_string())?;
    println!("{}", serde_json::to_string(&report).expect("serialises"));
    Ok(())
}

async fn user_import(config: &Config, file: &Path, service: &str) -> Result<(), String> {
    let text = read_input(file)?;
    let format = Format::of(&file.to_string_lossy(), &text);
    let lines = parse_user_file(format, &text).map_err(|e| e.to_string())?;
    let app = countersign_app::App::open(config.clone(), std::sync::Arc::new(SystemClock))
        .await
        .map_err(|e| e.to_string())?;
    let service = service_named(app.store.as_ref(), service)
        .await
        .map_err(|e| e.to_string())?;
    let report = app
        .import_users(&service, lines)
        .await
        .map_err(|e| e.to_string())?;
    println!("{}", serde_json::to_string(&report).expect("serialises"));
    Ok(())
}

async fn token_import(config: &Config, file: &Path, service: &str) -> Result<(), String> {
    let text = read_input(file)?;
    let store = open_store(config).await?;
    let keys = countersign_app::checked_keyring(config, store.as_ref())
        .await
        .map_err(|e| e.to_string())?;
    let service = service_named(store.as_ref(), service)
        .await
        .map_err(|e| e.to_string())?;
    let report = import_tokens(store.as_ref(), &keys, &service, &text, SystemClock.now())
        .await
        .map_err(|e| e.to_string())?;
    println!("{}", serde_json::to_string(&report).expect("serialises"));
    Ok(())
}

/// The `*.md` files under `dir`, by path, as (path relative to `dir`, text).
fn markdown_files(dir: &Path) -> Result<Vec<(String, String)>, String> {
    let mut found = Vec::new();
    let mut folders = vec![dir.to_path_buf()];
    while let Some(folder) = folders.pop() {
        let entries =
            std::fs::read_dir(&folder).map_err(|e| format!("{}: {e}", folder.display()))?;
        for entry in entries {
            let path = entry
                .map_err(|e| format!("{}: {e}", folder.display()))?
                .path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|x| x == "md") {
                found.push(path);
            }
        }
    }
    found.sort();
    found
        .into_iter()
        .map(|path| {
            let name = path
                .strip_prefix(dir)
                .unwrap_or(&path)
                .display()
                .to_string();
            std::fs::read_to_string(&path)
                .map(|text| (name, text))
                .map_err(|e| format!("{}: {e}; nothing was imported", path.display()))
        })
        .collect()
}

async fn articles_import(config: &Config, dir: &Path, service: &str) -> Result<(), String> {
    let files = markdown_files(dir)?;
    if files.is_empty() {
        return Err(format!("{}: no .md file found", dir.display()));
    }
    let articles = countersign_app::help_import::parse_articles(&files, SystemClock.now())
        .map_err(|e| e.to_string())?;
    let store = open_store(config).await?;
    let by_id = store.service(service).await.map_err(|e| e.to_string())?;
    let service = match by_id {
        Some(s) => s,
        None => service_named(store.as_ref(), service)
            .await
            .map_err(|e| e.to_string())?,
    };
    let created = store
        .upsert_articles(&service.id, &articles, &[])
        .await
        .map_err(|e| e.to_string())?;
    for ((file, _), (article, new)) in files.iter().zip(articles.iter().zip(&created)) {
        println!(
            "{}",
            serde_json::json!({
                "file": file, "locale": article.locale, "slug": article.slug,
                "status": if *new { "created" } else { "updated" },
            })
        );
    }
    let new = created.iter().filter(|c| **c).count();
    println!(
        "{}",
        serde_json::json!({"service": service.name, "imported": articles.len(), "created": new, "updated": articles.len() - new})
    );
    Ok(())
}

fn init_logging(format: LogFormat) {
    let filter = tracing_subscriber::EnvFilter::try_from_env("COUNTERSIGN_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()));
    match format {
        LogFormat::Json => builder.json().init(),
        LogFormat::Text => builder.init(),
    }
}
