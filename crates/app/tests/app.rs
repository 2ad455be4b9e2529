//! Application tests: the use cases called directly, without HTTP, on a
//! fresh SQLite file, with a manual clock and the development providers.

use std::sync::Arc;
use std::time::Duration;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use countersign_app::challenges::open::OpenChallenge;
use countersign_app::devices::DeviceResponse;
use countersign_app::factors::activate::Activation;
use countersign_app::factors::enrol::Enrolment;
use countersign_app::portal::CreatePortalSession;
use countersign_app::users::PutUser;
use countersign_app::{App, Config};
use countersign_core::challenge::{ChallengeContext, ChallengeStatus};
use countersign_core::portal::{MethodKind, Pending};
use countersign_core::risk::RiskSignal;
use countersign_core::service::Service;
use countersign_core::{ManualClock, Timestamp};
use ed25519_dalek::{Signer, SigningKey};

const T0: Timestamp = Timestamp(1_793_491_200_000);

struct Fixture {
    app: App,
    service: Service,
    _dir: tempdir::Dir,
}

mod tempdir {
    /// A folder removed when dropped.
    pub struct Dir(pub std::path::PathBuf);
    impl Drop for Dir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }
    pub fn new() -> Dir {
        let mut bytes = [0u8; 8];
        rand::RngCore::fill_bytes(&mut rand::rngs::OsRng, &mut bytes);
        let path = std::env::temp_dir().join(format!("cs-app-{}", hex::encode(bytes)));
        std::fs::create_dir_all(&path).unwrap();
        Dir(path)
    }
}

async fn fixture() -> Fixture {
    let dir = tempdir::new();
    let config = Config {
        database: format!("sqlite://{}?mode=rwc", dir.0.join("cs.db").display()),
        key_file: dir.0.join("master.key"),
        dev: true,
        ..Config::default()
    };
    let app = App::open(config, Arc::new(ManualClock::new(T0)))
        .await
        .expect("the application opens");
    let (service, _) = countersign_app::admin::create_service(app.store.as_ref(), "Acme", T0)
        .await
        .unwrap();
    Fixture {
        app,
        service,
        _dir: dir,
    }
}

impl Fixture {
    /// A user with an email address and an active trusted device.
    async fn user_with_device(&self, user_id: &str) -> countersign_core::factor::Factor {
        let put = PutUser {
            email: Some(Some(format!("{user_id}@example.com"))),
            phone: None,
            locale: None,
            display_name: None,
            email_verified: false,
            phone_verified: false,
        };
        self.app
            .put_user(&self.service, user_id, put, None)
            .await
            .unwrap();
        let key = SigningKey::generate(&mut rand::rngs::OsRng);
        let enrolment = Enrolment {
            factor_type: "device".into(),
            label: Some("Phone".into()),
            public_key: Some(URL_SAFE_NO_PAD.encode(key.verifying_key().as_bytes())),
            ..Enrolment::default()
        };
        let enrolled = self
            .app
            .enrol(&self.service, user_id, enrolment, None)
            .await
            .unwrap();
        let challenge = URL_SAFE_NO_PAD
            .decode(enrolled.activation_challenge.unwrap())
            .unwrap();
        let (user, factor) = self
            .app
            .user_factor(&self.service.id, user_id, &enrolled.factor.id)
            .await
            .unwrap();
        let proof = Activation {
            signature: Some(URL_SAFE_NO_PAD.encode(key.sign(&challenge).to_bytes())),
            ..Activation::default()
        };
        self.app
            .activate(&self.service, &user, factor.clone(), proof, None)
            .await
            .unwrap();
        factor
    }

    /// A live security-center session for `user_id`.
    async fn portal(&self, user_id: &str) -> countersign_app::portal::Portal {
        let link = self
            .app
            .create_portal_session(&self.service, user_id, CreatePortalSession::default(), None)
            .await
            .unwrap();
        let token = link.url.rsplit('/').next().unwrap().to_owned();
        let opened = self
            .app
            .open_portal_link(&token, None, None)
            .await
            .unwrap()
            .expect("a fresh link opens");
        self.app.portal(&opened.cookie).await.unwrap().unwrap()
    }
}

/// The step-up that removing `factor` needs.
fn removal(factor: &countersign_core::factor::Factor) -> Pending {
    Pending::Removal(factor.id.to_string())
}

/// The purpose of the challenge a step-up opened, from its hosted page's path.
async fn step_up_purpose(f: &Fixture, page: &str) -> String {
    let id = page
        .trim_start_matches("/verify/")
        .split('?')
        .next()
        .unwrap();
    f.app.challenge(&f.service.id, id).await.unwrap().purpose
}

/// Adding a first method, when the user has only codes sent by email and
/// so can never meet `security_change`, steps up with what they can pass
/// (a `login` challenge: NIST's strongest available), not never; a user
/// with an authenticator is asked `security_change` for an addition as for
/// a removal.
#[tokio::test]
async fn adding_a_first_method_steps_up_with_what_the_user_has() {
    let f = fixture().await;
    let put = PutUser {
        email: Some(Some("dan@example.com".into())),
        phone: None,
        locale: None,
        display_name: None,
        email_verified: false,
        phone_verified: false,
    };
    f.app.put_user(&f.service, "dan", put, None).await.unwrap();
    let portal = f.portal("dan").await;
    let app = Pending::Addition(MethodKind::AuthenticatorApp);
    let page = f.app.begin_step_up(&portal, app, None).await.unwrap();
    assert_eq!(step_up_purpose(&f, &page).await, "login");

    let device = f.user_with_device("erin").await;
    let portal = f.portal("erin").await;
    let key = Pending::Addition(MethodKind::Passkey);
    let page = f.app.begin_step_up(&portal, key, None).await.unwrap();
    assert_eq!(step_up_purpose(&f, &page).await, "security_change");
    let page = f
        .app
        .begin_step_up(&portal, removal(&device), None)
        .await
        .unwrap();
    assert_eq!(step_up_purpose(&f, &page).await, "security_change");
}

/// The security center's step-up opens its challenge through the same use
/// case as the API, so a device long-polling for the user hears of it at
/// once (it used to wait for its next look at the database).
#[tokio::test]
async fn a_step_up_wakes_the_users_waiting_devices() {
    let f = fixture().await;
    let device = f.user_with_device("alice").await;
    let portal = f.portal("alice").await;
    let waiters = f.app.device_waiters.subscribe(&portal.user.id);
    let woken = waiters.notified();
    tokio::pin!(woken);
    woken.as_mut().enable();
    let page = f
        .app
        .begin_step_up(&portal, removal(&device), Some("203.0.113.9".into()))
        .await
        .unwrap();
    assert!(page.starts_with("/verify/chl_"), "{page}");
    tokio::time::timeout(Duration::from_secs(5), woken)
        .await
        .expect("the waiting device is woken by the step-up");
}

/// A step-up weighs where the user usually is, as every challenge does: an
/// approval from one address makes a step-up from another one `ip_changed`
/// (the step-up used to be opened with no history at all).
#[tokio::test]
async fn a_step_up_weighs_where_the_user_usually_is() {
    let f = fixture().await;
    let device = f.user_with_device("carol").await;
    let login = OpenChallenge {
        user_id: "carol".into(),
        purpose: "login".into(),
        context: ChallengeContext {
            ip: Some("198.51.100.7".into()),
            ..ChallengeContext::default()
        },
        return_url: None,
    };
    let opened = f.app.open_challenge(&f.service, login).await.unwrap();
    let shown = f.app.challenge(&f.service.id, &opened.id).await.unwrap();
    let approve = DeviceResponse {
        factor_id: device.id.clone(),
        decision: "approve".into(),
        number: shown.device_match.map(|m| m.number),
        transaction_digest: None,
    };
    let approved = f
        .app
        .respond_on_device(&device, &opened.id, approve)
        .await
        .unwrap();
    assert_eq!(approved.status, ChallengeStatus::Approved);

    let portal = f.portal("carol").await;
    let page = f
        .app
        .begin_step_up(&portal, removal(&device), Some("203.0.113.9".into()))
        .await
        .unwrap();
    let id = page
        .trim_start_matches("/verify/")
        .split('?')
        .next()
        .unwrap();
    let step_up = f.app.challenge(&f.service.id, id).await.unwrap();
    assert!(
        step_up.risk.signals.contains(&RiskSignal::IpChanged),
        "{:?}",
        step_up.risk
    );
}

/// A step-up is recorded like the API's challenges, with its risk
/// assessment, and names the security-center session that asked.
#[tokio::test]
async fn a_step_up_is_recorded_with_its_risk_and_session() {
    let f = fixture().await;
    let device = f.user_with_device("bob").await;
    let portal = f.portal("bob").await;
    f.app
        .begin_step_up(&portal, removal(&device), Some("203.0.113.9".into()))
        .await
        .unwrap();
    let events = f
        .app
        .user_events(&f.service.id, "bob", 50, None)
        .await
        .unwrap();
    let created = events
        .iter()
        .find(|e| e.kind == "challenge.created")
        .expect("the step-up's challenge is recorded");
    assert_eq!(created.detail["purpose"], "security_change");
    assert_eq!(created.detail["portal_session"], portal.session.id.as_str());
    assert!(created.detail.get("risk").is_some(), "{:?}", created.detail);
}
