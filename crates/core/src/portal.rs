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
//! (session fixation), and replaced when the session passes a step-up (it
//! then may change the user's methods: a cookie seen before that no longer
//! opens it). The CSRF token is an HMAC keyed by the cookie value:
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
/// How long a step-up verification allows adding and removing methods.
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
    /// Methods may be added and removed until then.
    pub step_up_until: Option<Timestamp>,
    /// What the user asked for when the step-up began.
    pub pending: Option<Pending>,
    /// The browser that opened the link (its `User-Agent`, cut to
    /// [`USER_AGENT_KEPT`] characters): the session list names it.
    pub user_agent: Option<String>,
    /// Where the link was opened from, coarsely ([`coarse_ip`]): enough for
    /// the user to tell their own sessions, not to locate them.
    pub ip: Option<String>,
}

/// A change that needs a step-up, remembered while the user passes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pending {
    /// Removing this factor.
    Removal(String),
    /// Adding a method of this kind: an authenticator app, a passkey, a
    /// security key, or (new) recovery codes.
    Addition(MethodKind),
}

impl Pending {
    /// How it is stored: `remove:<factor id>` or `add:<kind>`.
    pub fn encode(&self) -> String {
        match self {
            Pending::Removal(factor) => format!("remove:{factor}"),
            Pending::Addition(kind) => format!("add:{}", kind.as_str()),
        }
    }

    /// The stored form back; `None` for anything [`Pending::encode`] does
    /// not make.
    pub fn decode(stored: &str) -> Option<Pending> {
        match stored.split_once(':')? {
            ("remove", factor) => Some(Pending::Removal(factor.to_owned())),
            ("add", kind) => MethodKind::addable(kind).map(Pending::Addition),
            _ => None,
        }
    }
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
            pending: None,
            user_agent: None,
            ip: None,
        };
        (session, new_token())
    }

    /// Whether the session may serve a request at `now`.
    pub fn is_live(&self, now: Timestamp) -> bool {
        now < self.expires_at && now < self.last_seen_at.plus(IDLE_TIMEOUT)
    }

    /// Whether a recent step-up allows adding or removing a method now.
    pub fn stepped_up(&self, now: Timestamp) -> bool {
        self.step_up_until.is_some_and(|until| now < until)
    }
}

/// How much of a `User-Agent` a session keeps: enough to name the browser
/// and system, no more (the header is the client's to fill).
pub const USER_AGENT_KEPT: usize = 256;

/// The `User-Agent` a session keeps: printable ASCII only, cut to
/// [`USER_AGENT_KEPT`]; `None` if nothing is left.
pub fn kept_user_agent(header: &str) -> Option<String> {
    let kept: String = header
        .chars()
        .filter(|c| c.is_ascii_graphic() || *c == ' ')
        .take(USER_AGENT_KEPT)
        .collect();
    let kept = kept.trim();
    (!kept.is_empty()).then(|| kept.to_owned())
}

/// An address as coarsely as a session list shows it: the /24 network of
/// an IPv4 address, the /48 of an IPv6 one. It tells "my home" from
/// "somewhere else" without keeping where exactly a user was.
pub fn coarse_ip(ip: std::net::IpAddr) -> String {
    match ip.to_canonical() {
        std::net::IpAddr::V4(v4) => {
            let [a, b, c, _] = v4.octets();
            format!("{a}.{b}.{c}.0/24")
        }
        std::net::IpAddr::V6(v6) => {
            let s = v6.segments();
            format!("{:x}:{:x}:{:x}::/48", s[0], s[1], s[2])
        }
    }
}

/// The browser and the system a `User-Agent` names, from a fixed list
/// (never the header's own text, which is the client's to fill): what a
/// session list shows. Order matters: Edge and Opera say "Chrome", Chrome
/// says "Safari", iOS says "Mac OS X", Android says "Linux".
pub fn browser_and_system(user_agent: &str) -> (Option<&'static str>, Option<&'static str>) {
    let has = |needle: &str| user_agent.contains(needle);
    let browser = [
        ("Edg", "Edge"),
        ("OPR/", "Opera"),
        ("Firefox/", "Firefox"),
        ("FxiOS/", "Firefox"),
        ("Chrome/", "Chrome"),
        ("CriOS/", "Chrome"),
        ("Safari/", "Safari"),
    ]
    .into_iter()
    .find(|(needle, _)| has(needle))
    .map(|(_, name)| name);
    let system = [
        ("iPhone", "iOS"),
        ("iPad", "iPadOS"),
        ("Android", "Android"),
        ("CrOS", "ChromeOS"),
        ("Windows", "Windows"),
        ("Mac OS X", "macOS"),
        ("Linux", "Linux"),
    ]
    .into_iter()
    .find(|(needle, _)| has(needle))
    .map(|(_, name)| name);
    (browser, system)
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

    /// The kinds the security center adds, by their names in forms and in
    /// [`Pending`]: `totp`, `passkey`, `security_key`, `recovery_codes`.
    pub fn addable(name: &str) -> Option<MethodKind> {
        [
            MethodKind::AuthenticatorApp,
            MethodKind::Passkey,
            MethodKind::SecurityKey,
            MethodKind::RecoveryCodes,
        ]
        .into_iter()
        .find(|k| k.as_str() == name)
    }

    /// The kind's name in forms and in [`Pending`].
    pub fn as_str(self) -> &'static str {
        match self {
            MethodKind::Passkey => "passkey",
            MethodKind::SecurityKey => "security_key",
            MethodKind::Device => "device",
            MethodKind::AuthenticatorApp => "totp",
            MethodKind::HardwareToken => "hotp",
            MethodKind::RecoveryCodes => "recovery_codes",
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
    fn a_pending_change_is_stored_and_read_back() {
        for p in [
            Pending::Removal("fac_x".into()),
            Pending::Addition(MethodKind::AuthenticatorApp),
            Pending::Addition(MethodKind::Passkey),
            Pending::Addition(MethodKind::SecurityKey),
            Pending::Addition(MethodKind::RecoveryCodes),
        ] {
            assert_eq!(Pending::decode(&p.encode()), Some(p));
        }
        for junk in ["", "fac_x", "add:device", "add:hotp", "drop:fac_x"] {
            assert_eq!(Pending::decode(junk), None, "{junk}");
        }
    }

    #[test]
    fn addresses_are_kept_coarse() {
        let ip = |s: &str| s.parse::<std::net::IpAddr>().unwrap();
        assert_eq!(coarse_ip(ip("203.0.113.77")), "203.0.113.0/24");
        assert_eq!(coarse_ip(ip("::ffff:203.0.113.77")), "203.0.113.0/24");
        assert_eq!(coarse_ip(ip("2001:db8:a:b::1")), "2001:db8:a::/48");
    }

    #[test]
    fn a_user_agent_is_named_from_a_fixed_list_and_kept_short() {
        let cases = [
            ("Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0", (Some("Firefox"), Some("Linux"))),
            ("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36 Edg/126.0", (Some("Edge"), Some("Windows"))),
            ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1", (Some("Safari"), Some("iOS"))),
            ("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36", (Some("Chrome"), Some("Android"))),
            ("Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15", (Some("Safari"), Some("macOS"))),
            ("curl/8.5.0", (None, None)),
        ];
        for (ua, named) in cases {
            assert_eq!(browser_and_system(ua), named, "{ua}");
        }
        assert_eq!(
            kept_user_agent(&"x".repeat(1000)).unwrap().len(),
            USER_AGENT_KEPT
        );
        assert_eq!(kept_user_agent("a\u{202e}b\tc").as_deref(), Some("abc"));
        assert_eq!(kept_user_agent(" \n "), None);
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
