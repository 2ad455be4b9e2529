//! A fresh database per test (a SQLite file in a temporary directory, or a
//! PostgreSQL schema of its own), the macro that runs each scenario on both
//! engines, and the fixtures the scenarios share.

use std::sync::Arc;

use countersign_core::challenge::{Challenge, ChallengeContext};
use countersign_core::event::Event;
use countersign_core::ids::{new_id, ServiceId, UserId};
use countersign_core::limits::{CounterCheck, Scope};
use countersign_core::policy::Channel;
use countersign_core::service::{ApiKey, Service, ServiceSettings};
use countersign_core::user::User;
use countersign_core::Timestamp;
use countersign_store::{ChallengeWrite, Store, UserEffect};

/// A start time far from the real clock, so nothing can depend on it.
pub const T0: Timestamp = Timestamp(1_900_000_000_000);

/// `secs` seconds after [`T0`].
pub fn at(secs: i64) -> Timestamp {
    Timestamp(T0.millis() + secs * 1000)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

/// The PostgreSQL server the suite runs against; every test gets its own
/// schema in it.
pub fn postgres_url() -> String {
    std::env::var("CS_TEST_POSTGRES")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".into())
}

/// One test's database, removed when the test ends (passed or not).
pub struct TestDb {
    pub engine: Engine,
    /// The URL the store was opened with (PostgreSQL: with the test's schema
    /// as `search_path`).
    pub url: String,
    store: Option<Arc<dyn Store>>,
    dir: Option<std::path::PathBuf>,
    schema: Option<String>,
}

impl TestDb {
    /// A new, migrated database. PostgreSQL being unreachable fails the
    /// test: it is never skipped.
    pub async fn open(engine: Engine) -> TestDb {
        let mut db = TestDb::empty(engine).await;
        db.connect().await;
        db
    }

    /// A new database without tables (see [`TestDb::migrate_up_to`]).
    pub async fn empty(engine: Engine) -> TestDb {
        let (url, dir, schema) = match engine {
            Engine::Sqlite => {
                let dir = std::env::temp_dir().join(format!("countersign-store-{}", new_id("t")));
                std::fs::create_dir_all(&dir).unwrap();
                let url = format!("sqlite://{}?mode=rwc", dir.join("store.db").display());
                (url, Some(dir), None)
            }
            Engine::Postgres => {
                let schema = format!("cs_store_{}", &new_id("s")[2..]);
                let admin = postgres_url();
                let mut conn = <sqlx::PgConnection as sqlx::Connection>::connect(&admin)
                    .await
                    .unwrap_or_else(|e| {
                        panic!(
                            "PostgreSQL at {admin} is required \
                             (./test.sh starts one of its own, or set CS_TEST_POSTGRES): {e}"
                        )
                    });
                sqlx::query(&format!("CREATE SCHEMA {schema}"))
                    .execute(&mut conn)
                    .await
                    .unwrap();
                let sep = if admin.contains('?') { '&' } else { '?' };
                let url = format!("{admin}{sep}options=-c%20search_path%3D{schema}");
                (url, None, Some(schema))
            }
        };
        let db = TestDb {
            engine,
            url,
            store: None,
            dir,
            schema,
        };
        if engine == Engine::Sqlite {
            // The file exists from here on, as with a released version's.
            <sqlx::SqliteConnection as sqlx::Connection>::connect(&db.url)
                .await
                .unwrap();
        }
        db
    }

    /// Applies the engine's migrations up to number `last` only: the
    /// schema a release from before the later ones left.
    pub async fn migrate_up_to(&self, last: i64) {
        let folder = match self.engine {
            Engine::Sqlite => "sqlite",
            Engine::Postgres => "postgres",
        };
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("migrations")
            .join(folder);
        let mut migrator = sqlx::migrate::Migrator::new(path).await.unwrap();
        migrator.migrations = migrator
            .migrations
            .iter()
            .filter(|m| m.version <= last)
            .cloned()
            .collect::<Vec<_>>()
            .into();
        match self.engine {
            Engine::Sqlite => {
                let mut c = <sqlx::SqliteConnection as sqlx::Connection>::connect(&self.url)
                    .await
                    .unwrap();
                migrator.run(&mut c).await.unwrap();
            }
            Engine::Postgres => {
                let mut c = <sqlx::PgConnection as sqlx::Connection>::connect(&self.url)
                    .await
                    .unwrap();
                migrator.run(&mut c).await.unwrap();
            }
        }
    }

    /// Opens the store on the database, which applies pending migrations.
    pub async fn connect(&mut self) {
        let store = countersign_store::connect(&self.url)
            .await
            .unwrap_or_else(|e| panic!("opening {:?} at {}: {e}", self.engine, self.url));
        self.store = Some(store);
    }

    pub fn store(&self) -> &dyn Store {
        self.store.as_deref().expect("open")
    }

    /// The store, for tasks that run at the same time.
    pub fn shared(&self) -> Arc<dyn Store> {
        self.store.clone().expect("open")
    }

    /// Runs SQL (several statements allowed) on the test's database outside
    /// the store: to inject a fault the store must survive.
    pub async fn sql(&self, statements: &str) {
        match self.engine {
            Engine::Sqlite => {
                let mut c = <sqlx::SqliteConnection as sqlx::Connection>::connect(&self.url)
                    .await
                    .unwrap();
                sqlx::raw_sql(statements).execute(&mut c).await.unwrap();
            }
            Engine::Postgres => {
                let mut c = <sqlx::PgConnection as sqlx::Connection>::connect(&self.url)
                    .await
                    .unwrap();
                sqlx::raw_sql(statements).execute(&mut c).await.unwrap();
            }
        }
    }

    /// Makes the database refuse to write the help article with this slug
    /// (a trigger), so that an import containing it fails midway.
    pub async fn refuse_article_slug(&self, slug: &str) {
        let sql = match self.engine {
            Engine::Sqlite => format!(
                "CREATE TRIGGER refuse_slug BEFORE INSERT ON help_articles \
                 WHEN NEW.slug = '{slug}' BEGIN SELECT RAISE(ABORT, 'refused by the test'); END;"
            ),
            Engine::Postgres => format!(
                "CREATE FUNCTION refuse_slug() RETURNS trigger LANGUAGE plpgsql AS $$ \
                 BEGIN IF NEW.slug = '{slug}' THEN RAISE EXCEPTION 'refused by the test'; END IF; \
                 RETURN NEW; END $$; \
                 CREATE TRIGGER refuse_slug BEFORE INSERT ON help_articles \
                 FOR EACH ROW EXECUTE FUNCTION refuse_slug();"
            ),
        };
        self.sql(&sql).await;
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        self.store = None;
        if let Some(dir) = &self.dir {
            let _ = std::fs::remove_dir_all(dir);
        }
        if let Some(schema) = self.schema.take() {
            // Its own thread and runtime, so that this works from inside the
            // test's runtime and while a failed test unwinds.
            std::thread::spawn(move || {
                let rt = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                    .unwrap();
                rt.block_on(async {
                    if let Ok(mut c) =
                        <sqlx::PgConnection as sqlx::Connection>::connect(&postgres_url()).await
                    {
                        let _ = sqlx::query(&format!("DROP SCHEMA {schema} CASCADE"))
                            .execute(&mut c)
                            .await;
                    }
                });
            })
            .join()
            .ok();
        }
    }
}

/// Runs each scenario on SQLite and on PostgreSQL, as two tests named as
/// given. A scenario is an `async fn(&dyn Store)`, or, after `db`, an
/// `async fn(&TestDb)` for one that also needs the database itself.
#[macro_export]
macro_rules! on_both_engines {
    () => {};
    (db $scenario:ident => $sqlite:ident, $postgres:ident; $($rest:tt)*) => {
        #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
        async fn $sqlite() {
            let db = $crate::harness::TestDb::open($crate::harness::Engine::Sqlite).await;
            $scenario(&db).await;
        }
        #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
        async fn $postgres() {
            let db = $crate::harness::TestDb::open($crate::harness::Engine::Postgres).await;
            $scenario(&db).await;
        }
        $crate::on_both_engines!($($rest)*);
    };
    ($scenario:ident => $sqlite:ident, $postgres:ident; $($rest:tt)*) => {
        #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
        async fn $sqlite() {
            let db = $crate::harness::TestDb::open($crate::harness::Engine::Sqlite).await;
            $scenario(db.store()).await;
        }
        #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
        async fn $postgres() {
            let db = $crate::harness::TestDb::open($crate::harness::Engine::Postgres).await;
            $scenario(db.store()).await;
        }
        $crate::on_both_engines!($($rest)*);
    };
}

/// A new service with the default settings.
pub async fn service(store: &dyn Store) -> Service {
    service_created(store, T0).await
}

/// A new service with the default settings, created at `created_at`, with
/// a first API key (whose hash is its key's, as for every key here: the
/// store never sees keys).
pub async fn service_created(store: &dyn Store, created_at: Timestamp) -> Service {
    let service = Service {
        id: ServiceId::new(),
        name: new_id("name"),
        created_at,
        settings: ServiceSettings::default(),
    };
    let key = api_key(&service, created_at);
    store
        .insert_service(&service, &key, &key_hash_of(&key))
        .await
        .unwrap();
    service
}

/// A new API key record of `service`.
pub fn api_key(service: &Service, at: Timestamp) -> ApiKey {
    ApiKey::new(&service.id, &new_id("cs_live"), at)
}

/// The hash stored for `key` in these tests: its id's, unique like a key's.
pub fn key_hash_of(key: &ApiKey) -> String {
    format!("hash-of-{}", key.id)
}

/// A user of `service_id` not stored yet, with a verified email and phone.
pub fn new_user(service_id: &ServiceId, user_id: &str) -> User {
    let user_id = UserId::parse(user_id).expect("a valid user id");
    let mut user = User::new(service_id, &user_id, T0);
    user.email = Some(format!("{user_id}@example.test"));
    user.email_verified = true;
    user.phone = Some("+33612345678".into());
    user.phone_verified = true;
    user
}

/// A stored user (with its `user.created` event).
pub async fn user(store: &dyn Store, service: &Service, user_id: &str) -> User {
    let user = new_user(&service.id, user_id);
    store
        .insert_user(&user, &[event(&user, "user.created", T0)])
        .await
        .unwrap();
    user
}

/// A service with one user, the starting point of most scenarios.
pub async fn service_and_user(store: &dyn Store) -> (Service, User) {
    let service = service(store).await;
    let user = user(store, &service, "alice").await;
    (service, user)
}

/// A stored, pending `login` challenge for `user`, opened at [`T0`].
pub async fn challenge(store: &dyn Store, user: &User) -> Challenge {
    let challenge = Challenge::open(
        user,
        "login",
        &ServiceSettings::default(),
        &Channel::ALL,
        &[],
        ChallengeContext::default(),
        &[],
        T0,
    )
    .unwrap();
    store
        .insert_challenge(&challenge, &[event(user, "challenge.created", T0)])
        .await
        .unwrap();
    challenge
}

/// The challenge as stored now.
pub async fn reload(store: &dyn Store, challenge: &Challenge) -> Challenge {
    store
        .challenge(&challenge.service_id, &challenge.id)
        .await
        .unwrap()
        .expect("challenge is stored")
}

/// The user as stored now.
pub async fn reload_user(store: &dyn Store, user: &User) -> User {
    store
        .user(&user.service_id, &user.user_id)
        .await
        .unwrap()
        .expect("user is stored")
}

/// An event about `user`.
pub fn event(user: &User, kind: &str, at: Timestamp) -> Event {
    Event::new(
        &user.service_id,
        Some(&user.user_id),
        kind,
        at,
        None,
        serde_json::json!({}),
    )
}

/// The ids of `user`'s events, oldest first.
pub async fn event_ids(store: &dyn Store, user: &User) -> Vec<String> {
    let mut events = store
        .events(&user.service_id, &user.user_id, 1000, None)
        .await
        .unwrap();
    events.reverse();
    events.into_iter().map(|e| e.id).collect()
}

/// A challenge write that writes `events` and nothing else.
pub fn only_events(events: &[Event]) -> ChallengeWrite<'_> {
    ChallengeWrite {
        events,
        user: UserEffect::None,
        new_message: None,
        message_update: None,
        factor_use: None,
        counters: &[],
        security: None,
    }
}

/// A counter of its own (a fresh key) capped at `max` in the hour after [`T0`].
pub fn counter(max: u32) -> CounterCheck {
    CounterCheck {
        scope: Scope::Destination,
        key: new_id("ctr"),
        window_start: T0,
        window_end: at(3600),
        max,
    }
}

/// What the worker does for an operator's endpoint on each pass: make sure
/// it has a cursor for every service, then read its backlog.
pub async fn operator_backlog(store: &dyn Store, endpoint: &str, now: Timestamp) -> Vec<ServiceId> {
    store
        .register_webhook_endpoint(endpoint, now)
        .await
        .unwrap();
    store.webhook_backlog(endpoint, now).await.unwrap()
}
