//! Portal sessions: how a signed-in user reaches the security center.
//!
//! The integrator, which has already signed the user in, asks for a portal
//! session through the API and hands the user a one-time link. Opening the
//! link (within [`LINK_TTL`], once) issues a session cookie; the security
//! center's pages then work from that cookie until the session expires
//! ([`SESSION_TTL`] after creation, or [`IDLE_TIMEOUT`] after the last
//! request), or the user signs out.
//!
//! Three secrets, each 256 random bits and each stored only as a SHA-256
//! hash (nothing to brute-force at that size): the link token, the cookie
//! value, and — derived from the cookie, never stored — the CSRF token.
//! The cookie is made when the link is redeemed, never accepted from the
//! browser beforehand, so a cookie planted before cannot be adopted
//! (session fixation). The CSRF token is an HMAC keyed by the cookie value:
//! forms carry it, a page on another site cannot read or compute it.

use std::time::Duration;

use base64::Engine;
use rand::RngCore;
use sha2::{Digest, Sha256};

pub use crate::cookie::Cookies;
use crate::factor::{Factor, FactorType, WebauthnKind};
use crate::ids::{new_id, ServiceId, UserKey};
use crate::secret::{constant_time_eq, hmac_sha256_hex};
use crate::Timestamp;

/// How long the link the integrator hands out may wait to be opened.
pub const LINK_TTL: Duration = Duration::from_secs(5 * 60);
/// A session's whole life, however active: it was granted by the
/// integrator's sign-in, which is not renewed here.
pub const SESSION_TTL: Duration = Duration::from_secs(30 * 60);
/// A session nobody used for this long is over (a shared computer left alone).
pub const IDLE_TIMEOUT: Duration = Duration::from_secs(10 * 60);
/// How long a step-up verification allows removing methods.
pub const STEP_UP_TTL: Duration = Duration::from_secs(5 * 60);
/// The session cookie's name, before [`Cookies`] prefixes it.
pub const COOKIE_NAME: &str = "cs_portal";

/// A security-center session, as stored (its secrets only as hashes,
/// which the store keeps beside it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PortalSession {
    /// `pts_…`
    pub id: String,
    pub service_id: ServiceId,
    /// Countersign's user id (`usr_…`).
    pub user_pk: UserKey,
    pub created_at: Timestamp,
    /// Absolute end of the session.
    pub expires_at: Timestamp,
    /// The link must be opened before this.
    pub link_expires_at: Timestamp,
    pub last_seen_at: Timestamp,
    /// Where "Back to the app" leads: a registered return URL of the service.
    pub return_url: Option<String>,
    /// The pages' language, if the integrator chose one.
    pub locale: Option<String>,
    /// The `security_change` challenge this session started for a step-up,
    /// until it is used.
    pub step_up_challenge: Option<String>,
    /// Methods may be removed until then.
    pub step_up_until: Option<Timestamp>,
    /// The factor the user asked to remove when the step-up began.
    pub pending_removal: Option<String>,
}

impl PortalSession {
    /// A new session and the token of its one-time link (to hand out once;
    /// only [`token_hash`] of it is kept).
    pub fn new(
        service_id: &ServiceId,
        user_pk: &UserKey,
        return_url: Option<String>,
        locale: Option<String>,
        now: Timestamp,
    ) -> (PortalSession, String) {
        let session = PortalSession {
            id: new_id("pts"),
            service_id: service_id.to_owned(),
            user_pk: user_pk.to_owned(),
            created_at: now,
            expires_at: now.plus(SESSION_TTL),
            link_expires_at: now.plus(LINK_TTL),
            last_seen_at: now,
            return_url,
            locale,
            step_up_challenge: None,
            step_up_until: None,
            pending_removal: None,
        };
        (session, new_token())
    }

    /// Whether the session may serve a request at `now`.
    pub fn is_live(&self, now: Timestamp) -> bool {
        now < self.expires_at && now < self.last_seen_at.plus(IDLE_TIMEOUT)
    }

    /// Whether a recent step-up allows removing a method now.
    pub fn stepped_up(&self, now: Timestamp) -> bool {
        self.step_up_until.is_some_and(|until| now < until)
    }
}

/// Sessions last seen before this instant are idle at `now`.
pub fn idle_cutoff(now: Timestamp) -> Timestamp {
    Timestamp(now.millis().saturating_sub(IDLE_TIMEOUT.as_millis() as i64))
}

/// 256 random bits from the OS CSPRNG, base64url (43 characters): link
/// tokens and cookie values.
pub fn new_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// Whether `text` has the shape of a [`new_token`]: anything else cannot
/// exist, so it is refused before it reaches the database.
pub fn is_token_shaped(text: &str) -> bool {
    text.len() == 43
        && text
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// How a link token or cookie value is stored and looked up.
pub fn token_hash(token: &str) -> String {
    crate::to_hex(Sha256::digest(token.as_bytes()))
}

const CSRF_LABEL: &[u8] = b"countersign portal csrf v1";

/// The CSRF token of the session whose cookie is `cookie`.
pub fn csrf_token(cookie: &str) -> String {
    hmac_sha256_hex(cookie.as_bytes(), CSRF_LABEL)
}

/// Whether `presented` is the CSRF token of the session whose cookie is
/// `cookie`, compared in constant time.
pub fn csrf_matches(cookie: &str, presented: &str) -> bool {
    constant_time_eq(csrf_token(cookie).as_bytes(), presented.as_bytes())
}

/// The `Set-Cookie` value that gives the browser its session: HttpOnly (no
/// script reads it), SameSite=Strict (no other site's request carries it),
/// and a `__Host-` cookie whenever the server is reached over https (see
/// [`Cookies`]).
pub fn set_cookie(cookies: Cookies, value: &str, max_age: Duration) -> String {
    cookies.set(COOKIE_NAME, value, max_age, "Strict")
}

/// The `Set-Cookie` value that makes the browser forget the session.
pub fn clear_cookie(cookies: Cookies) -> String {
    set_cookie(cookies, "", Duration::ZERO)
}

/// The session cookie's value in a `Cookie` header, if it has the shape of
/// one.
pub fn cookie_value(cookies: Cookies, header: &str) -> Option<&str> {
    cookies.token(COOKIE_NAME, header)
}

/// How much a method protects the account, as the security center tells
/// the user.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Strength {
    /// Bound to the site by the browser: a look-alike site gets nothing.
    PhishingResistant,
    /// A second device or app: strong, but a code can be typed into a fake
    /// site.
    Strong,
    /// For when the others are lost.
    Backup,
    /// Codes sent by SMS, call or email: interceptable, and a SIM swap or a
    /// taken mailbox takes them.
    Weaker,
}

impl Strength {
    pub fn as_str(self) -> &'static str {
        match self {
            Strength::PhishingResistant => "phishing_resistant",
            Strength::Strong => "strong",
            Strength::Backup => "backup",
            Strength::Weaker => "weaker",
        }
    }
}

/// What a factor is, as the security center names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MethodKind {
    Passkey,
    SecurityKey,
    Device,
    AuthenticatorApp,
    HardwareToken,
    RecoveryCodes,
}

impl MethodKind {
    /// A factor's kind: a TOTP factor is an app, an HOTP one a token.
    pub fn of(factor: &Factor) -> MethodKind {
        match factor.kind {
            FactorType::Webauthn => match factor.webauthn.as_ref().map(|w| w.kind) {
                Some(WebauthnKind::SecurityKey) => MethodKind::SecurityKey,
                _ => MethodKind::Passkey,
            },
            FactorType::Device => MethodKind::Device,
            FactorType::Totp => MethodKind::AuthenticatorApp,
            FactorType::Hotp => MethodKind::HardwareToken,
            FactorType::RecoveryCodes => MethodKind::RecoveryCodes,
        }
    }

    pub fn strength(self) -> Strength {
        match self {
            MethodKind::Passkey | MethodKind::SecurityKey => Strength::PhishingResistant,
            MethodKind::Device | MethodKind::AuthenticatorApp | MethodKind::HardwareToken => {
                Strength::Strong
            }
            MethodKind::RecoveryCodes => Strength::Backup,
        }
    }
}

/// Codes Countersign sends (SMS, call, email) are the weaker kind.
pub const SENT_CODE_STRENGTH: Strength = Strength::Weaker;

#[cfg(test)]
mod tests {
    use super::*;

    const T: Timestamp = Timestamp(1_900_000_000_000);

    fn session() -> PortalSession {
        PortalSession::new(
            &crate::ids::ServiceId::from_trusted("svc_x"),
            &crate::ids::UserKey::from_trusted("usr_x"),
            None,
            None,
            T,
        )
        .0
    }

    #[test]
    fn tokens_are_256_bits_distinct_and_stored_hashed() {
        let (a, b) = (new_token(), new_token());
        assert_ne!(a, b);
        assert!(is_token_shaped(&a));
        assert_eq!(
            base64::engine::general_purpose::URL_SAFE_NO_PAD
                .decode(&a)
                .unwrap()
                .len(),
            32
        );
        assert_eq!(token_hash(&a).len(), 64);
        assert_ne!(token_hash(&a), a);
        for bad in ["", "short", &format!("{a}x"), &a.replace(&a[..1], "+")] {
            assert!(!is_token_shaped(bad), "{bad}");
        }
    }

    #[test]
    fn a_session_ends_at_its_deadline_or_when_idle() {
        let mut s = session();
        assert_eq!(s.link_expires_at, T.plus(LINK_TTL));
        assert!(s.is_live(T));
        assert!(!s.is_live(T.plus(IDLE_TIMEOUT)));
        s.last_seen_at = T.plus(Duration::from_secs(25 * 60));
        assert!(s.is_live(T.plus(Duration::from_secs(29 * 60))));
        assert!(!s.is_live(T.plus(SESSION_TTL)));
        assert_eq!(idle_cutoff(T.plus(IDLE_TIMEOUT)), T);
    }

    #[test]
    fn a_step_up_is_fresh_for_five_minutes() {
        let mut s = session();
        assert!(!s.stepped_up(T));
        s.step_up_until = Some(T.plus(STEP_UP_TTL));
        assert!(s.stepped_up(T.plus(Duration::from_secs(299))));
        assert!(!s.stepped_up(T.plus(STEP_UP_TTL)));
    }

    #[test]
    fn csrf_tokens_belong_to_one_session() {
        let (one, two) = (new_token(), new_token());
        let token = csrf_token(&one);
        assert!(csrf_matches(&one, &token));
        assert!(!csrf_matches(&two, &token));
        assert!(!csrf_matches(&one, ""));
        assert!(!csrf_matches(&one, &token[..63]));
        assert_ne!(token, token_hash(&one));
    }

    #[test]
    fn the_cookie_is_strict_http_only_and_a_host_cookie_over_https() {
        let https = Cookies::for_public_url("https://verify.bank.test");
        assert_eq!(
            set_cookie(https, "abc", SESSION_TTL),
            "__Host-cs_portal=abc; Path=/; Max-Age=1800; HttpOnly; SameSite=Strict; Secure"
        );
        let http = Cookies::for_public_url("http://localhost:8080");
        assert!(!set_cookie(http, "abc", SESSION_TTL).contains("Secure"));
        assert!(clear_cookie(https).starts_with("__Host-cs_portal=; Path=/; Max-Age=0"));
    }

    #[test]
    fn the_cookie_is_found_among_others_and_junk_is_ignored() {
        let t = new_token();
        let https = Cookies::for_public_url("https://verify.bank.test");
        assert_eq!(
            cookie_value(https, &format!("a=1; __Host-cs_portal={t}; b=2")),
            Some(t.as_str())
        );
        assert_eq!(cookie_value(https, &format!("cs_portal={t}")), None);
        assert_eq!(
            cookie_value(https, "__Host-cs_portal=attacker-chosen"),
            None
        );
        assert_eq!(cookie_value(https, "other=1"), None);
        assert_eq!(cookie_value(https, ""), None);
    }

    #[test]
    fn strengths_follow_what_phishing_can_take() {
        use MethodKind::*;
        assert_eq!(Passkey.strength(), Strength::PhishingResistant);
        assert_eq!(SecurityKey.strength(), Strength::PhishingResistant);
        assert_eq!(AuthenticatorApp.strength(), Strength::Strong);
        assert_eq!(HardwareToken.strength(), Strength::Strong);
        assert_eq!(Device.strength(), Strength::Strong);
        assert_eq!(RecoveryCodes.strength(), Strength::Backup);
        assert!(Strength::PhishingResistant < SENT_CODE_STRENGTH);
    }
}
