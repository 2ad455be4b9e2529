//! Verified video calls with support. A support agent books an appointment
//! from a chat or ticket; the customer joins only after proving they hold
//! the account (authenticator) AND the contact email given in the ticket
//! (a code sent there). The agent sees that, and how, the customer was
//! verified; the customer can check that the agent is genuine with a code
//! the agent reads out.

use std::time::Duration;

use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use thiserror::Error;
use utoipa::ToSchema;

use crate::challenge::{Challenge, ChallengeContext, ChallengeError};
use crate::ids::{AppointmentId, ServiceId, UserId, UserKey};
use crate::policy::{Channel, Method};
use crate::secret::{new_grouped_code, normalize_grouped_code};
use crate::service::ServiceSettings;
use crate::user::User;
use crate::Timestamp;

/// The cookie that ties a join to the browser that made it. It carries the
/// join challenge's own token (see [`Challenge::issue_page_token`]), which
/// nobody else ever sees: ids travel in events, webhooks and exports, this
/// does not. Answering the join challenge and getting the room token from
/// the customer's side need it.
/// Its name, before [`crate::cookie::Cookies`] prefixes it.
pub const JOIN_COOKIE: &str = "cs_support";

/// How long after its approval a join challenge still gets room tokens (a
/// reloaded page, a dropped call joined again); after that, verify again.
pub const TOKEN_AFTER_APPROVAL: Duration = Duration::from_secs(600);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum AppointmentStatus {
    Scheduled,
    Cancelled,
}

impl AppointmentStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            AppointmentStatus::Scheduled => "scheduled",
            AppointmentStatus::Cancelled => "cancelled",
        }
    }
}

/// When a customer may join, around the start time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct JoinWindow {
    /// Minutes before the start when joining opens.
    pub opens_minutes_before: u32,
    /// Minutes after the start when joining closes.
    pub closes_minutes_after: u32,
}

impl Default for JoinWindow {
    fn default() -> Self {
        JoinWindow {
            opens_minutes_before: 15,
            closes_minutes_after: 60,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Appointment {
    pub id: AppointmentId,
    pub service_id: ServiceId,
    /// Countersign's user id (`usr_…`).
    pub user_pk: UserKey,
    /// The integrator's user id.
    pub user_id: UserId,
    pub ticket_id: String,
    /// The address the customer gave in the chat or ticket: the email code
    /// goes there, not necessarily to the account's address.
    pub contact_email: String,
    pub agent: String,
    pub starts_at: Timestamp,
    pub room: String,
    pub status: AppointmentStatus,
    /// SHA-256 of the canonical appointment code; the code itself is shown
    /// once, when the appointment is booked.
    pub code_hash: String,
    pub customer_verified_at: Option<Timestamp>,
    pub verified_methods: Vec<Method>,
    /// When the time last changed: a join started before it does not count.
    #[serde(default)]
    pub rescheduled_at: Option<Timestamp>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    #[serde(skip)]
    pub version: i64,
}

#[derive(Debug, Error, PartialEq, Eq)]
pub enum SupportError {
    #[error("the call opens at {}", .opens_at.to_rfc3339())]
    TooEarly { opens_at: Timestamp },
    #[error("the call closed at {}", .closed_at.to_rfc3339())]
    TooLate { closed_at: Timestamp },
    #[error("this appointment was cancelled")]
    Cancelled,
}

/// 12 characters of Crockford base32 (60 bits), read out as `xxxx-xxxx-xxxx`.
const CODE_LEN: usize = 12;

/// A new appointment code, as given to the customer.
pub fn new_appointment_code() -> String {
    new_grouped_code(CODE_LEN)
}

/// An appointment code as typed, in its canonical form.
pub fn normalize_appointment_code(typed: &str) -> Option<String> {
    normalize_grouped_code(typed, CODE_LEN)
}

/// How an appointment code is stored and looked up.
pub fn appointment_code_hash(canonical: &str) -> String {
    crate::to_hex(Sha256::digest(
        format!("countersign/appointment-code/v1|{canonical}").as_bytes(),
    ))
}

/// The step of agent codes: long enough to read aloud on a call.
pub const AGENT_CODE_STEP_SECONDS: i64 = 300;

/// What a booking needs.
#[derive(Debug, Clone)]
pub struct Booking {
    pub ticket_id: String,
    pub contact_email: String,
    pub agent: String,
    pub starts_at: Timestamp,
    pub room: Option<String>,
}

impl Appointment {
    /// Books an appointment; returns it with its code, which exists in clear
    /// only in this return value.
    pub fn book(user: &User, booking: Booking, now: Timestamp) -> (Appointment, String) {
        let code = new_appointment_code();
        let canonical = normalize_appointment_code(&code).expect("a generated code is canonical");
        let id = AppointmentId::new();
        // Rooms live on one video server shared by every service: the name
        // carries a tag of the service, so one service can never book its
        // customers into another's room.
        let tag = &crate::to_hex(Sha256::digest(user.service_id.as_bytes()))[..10];
        let room = match booking.room {
            Some(name) => format!("{tag}-{name}"),
            None => format!("{tag}-support-{}", &id[4..20]),
        };
        let appointment = Appointment {
            id,
            service_id: user.service_id.clone(),
            user_pk: user.id.clone(),
            user_id: user.user_id.clone(),
            ticket_id: booking.ticket_id,
            contact_email: booking.contact_email,
            agent: booking.agent,
            starts_at: booking.starts_at,
            room,
            status: AppointmentStatus::Scheduled,
            code_hash: appointment_code_hash(&canonical),
            customer_verified_at: None,
            verified_methods: Vec::new(),
            rescheduled_at: None,
            created_at: now,
            updated_at: now,
            version: 0,
        };
        (appointment, code)
    }

    pub fn opens_at(&self, window: &JoinWindow) -> Timestamp {
        Timestamp(self.starts_at.millis() - i64::from(window.opens_minutes_before) * 60_000)
    }

    pub fn closes_at(&self, window: &JoinWindow) -> Timestamp {
        self.starts_at.plus(Duration::from_secs(
            u64::from(window.closes_minutes_after) * 60,
        ))
    }

    /// Whether the customer may join now.
    pub fn ensure_joinable(&self, window: &JoinWindow, now: Timestamp) -> Result<(), SupportError> {
        if self.status == AppointmentStatus::Cancelled {
            return Err(SupportError::Cancelled);
        }
        let opens_at = self.opens_at(window);
        if now < opens_at {
            return Err(SupportError::TooEarly { opens_at });
        }
        let closed_at = self.closes_at(window);
        if now >= closed_at {
            return Err(SupportError::TooLate { closed_at });
        }
        Ok(())
    }

    pub fn cancel(&mut self, now: Timestamp) -> Result<(), SupportError> {
        if self.status == AppointmentStatus::Cancelled {
            return Err(SupportError::Cancelled);
        }
        self.status = AppointmentStatus::Cancelled;
        self.updated_at = now;
        Ok(())
    }

    /// Moves the call; a verification made for the old time does not carry
    /// over.
    pub fn reschedule(&mut self, starts_at: Timestamp, now: Timestamp) -> Result<(), SupportError> {
        if self.status == AppointmentStatus::Cancelled {
            return Err(SupportError::Cancelled);
        }
        self.starts_at = starts_at;
        self.customer_verified_at = None;
        self.verified_methods.clear();
        self.rescheduled_at = Some(now);
        self.updated_at = now;
        Ok(())
    }

    /// The `support_call` challenge a customer must pass to join: the
    /// service's policy for that purpose, with the email code going to the
    /// appointment's contact address and no SMS or call.
    #[allow(clippy::too_many_arguments)]
    pub fn join_challenge(
        &self,
        user: &User,
        settings: &ServiceSettings,
        deliverable: &[Channel],
        enrolled: &[Method],
        context: ChallengeContext,
        now: Timestamp,
    ) -> Result<Challenge, ChallengeError> {
        let mut contact = user.clone();
        contact.email = Some(self.contact_email.clone());
        contact.phone = None;
        let mut challenge = Challenge::open(
            &contact,
            "support_call",
            settings,
            deliverable,
            enrolled,
            context,
            // A support call's policy is never raised: no history needed.
            &[],
            now,
        )?;
        challenge.appointment_id = Some(self.id.clone());
        Ok(challenge)
    }

    /// Whether a join challenge created at `joined_at` still counts: not if
    /// the call was moved after it.
    pub fn join_counts(&self, joined_at: Timestamp) -> bool {
        self.rescheduled_at.is_none_or(|moved| joined_at >= moved)
    }

    /// Records that the customer proved themselves with `methods`.
    pub fn record_verification(&mut self, methods: &[Method], now: Timestamp) {
        if self.customer_verified_at.is_none() {
            self.customer_verified_at = Some(now);
        }
        self.verified_methods = methods.to_vec();
        self.updated_at = now;
    }

    /// The code the agent reads out to prove they are genuine: 6 digits
    /// from an HMAC of this appointment under `key`, changing every five
    /// minutes.
    pub fn agent_code(&self, key: &[u8], now: Timestamp) -> (String, Timestamp) {
        let step = now.millis().div_euclid(AGENT_CODE_STEP_SECONDS * 1000);
        let valid_until = Timestamp((step + 1) * AGENT_CODE_STEP_SECONDS * 1000);
        (agent_code_at(key, &self.id, step), valid_until)
    }

    /// Whether `typed` is the agent's code now or in the previous step (the
    /// customer may be slow to type it).
    pub fn is_agent_code(&self, key: &[u8], typed: &str, now: Timestamp) -> bool {
        self.is_agent_code_under(&[key], typed, now)
    }

    /// [`Appointment::is_agent_code`] under any of `keys` (a key rotation
    /// must not make a code already read out fail).
    pub fn is_agent_code_under(&self, keys: &[&[u8]], typed: &str, now: Timestamp) -> bool {
        let Some(typed) = crate::secret::normalize_typed_code(typed, 6) else {
            return false;
        };
        let step = now.millis().div_euclid(AGENT_CODE_STEP_SECONDS * 1000);
        keys.iter().any(|key| {
            [step, step - 1].into_iter().any(|s| {
                crate::secret::constant_time_eq(
                    agent_code_at(key, &self.id, s).as_bytes(),
                    typed.as_bytes(),
                )
            })
        })
    }
}

fn agent_code_at(key: &[u8], appointment_id: &str, step: i64) -> String {
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(key).expect("HMAC takes any key size");
    mac.update(b"countersign/agent-code/v1|");
    mac.update(appointment_id.as_bytes());
    mac.update(&step.to_be_bytes());
    let bytes = mac.finalize().into_bytes();
    let value = u32::from_be_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]) % 1_000_000;
    format!("{value:06}")
}

/// The claims of a video-room token, as Jitsi Meet's JWT authentication
/// reads them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoomClaims {
    pub iss: String,
    pub aud: String,
    /// The video service's domain.
    pub sub: String,
    pub room: String,
    pub iat: i64,
    pub nbf: i64,
    pub exp: i64,
    pub context: RoomContext,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoomContext {
    pub user: RoomUser,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoomUser {
    pub id: String,
    pub name: String,
    pub email: String,
}

/// How long a room token lives: long enough to join, not to be reused later.
pub const ROOM_TOKEN_SECONDS: i64 = 600;

impl RoomClaims {
    /// Claims for the verified customer of `appointment`, valid from now for
    /// [`ROOM_TOKEN_SECONDS`] and never past the join window.
    pub fn for_customer(
        appointment: &Appointment,
        display_name: &str,
        app_id: &str,
        video_domain: &str,
        window: &JoinWindow,
        now: Timestamp,
    ) -> RoomClaims {
        let now_s = now.millis() / 1000;
        let closes = appointment.closes_at(window).millis() / 1000;
        RoomClaims {
            iss: app_id.to_owned(),
            aud: "jitsi".to_owned(),
            sub: video_domain.to_owned(),
            room: appointment.room.clone(),
            iat: now_s,
            nbf: now_s - 10,
            exp: (now_s + ROOM_TOKEN_SECONDS).min(closes),
            context: RoomContext {
                user: RoomUser {
                    id: appointment.user_id.to_string(),
                    name: display_name.to_owned(),
                    email: appointment.contact_email.clone(),
                },
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const T0: Timestamp = Timestamp(1_900_000_000_000);

    fn booked() -> (Appointment, String) {
        let user = User::new(
            &crate::ids::ServiceId::from_trusted("svc_1"),
            &crate::ids::UserId::from_trusted("alice"),
            T0,
        );
        Appointment::book(
            &user,
            Booking {
                ticket_id: "T-1".into(),
                contact_email: "alice@example.net".into(),
                agent: "bob".into(),
                starts_at: T0.plus(Duration::from_secs(3600)),
                room: None,
            },
            T0,
        )
    }

    #[test]
    fn codes_are_canonical_and_hashed() {
        let (a, code) = booked();
        assert_eq!(code.len(), 14);
        let canonical = normalize_appointment_code(&code.to_uppercase().replace('-', " ")).unwrap();
        assert_eq!(appointment_code_hash(&canonical), a.code_hash);
        assert!(!a.code_hash.contains(&canonical));
        assert!(normalize_appointment_code("1234").is_none());
        assert!(a.room.contains("-support-"));
        let other = User::new(
            &crate::ids::ServiceId::from_trusted("svc_2"),
            &crate::ids::UserId::from_trusted("alice"),
            T0,
        );
        let booking = |room: &str| Booking {
            ticket_id: "T".into(),
            contact_email: "a@example.com".into(),
            agent: "b".into(),
            starts_at: T0,
            room: Some(room.into()),
        };
        let mine = Appointment::book(
            &User::new(
                &crate::ids::ServiceId::from_trusted("svc_1"),
                &crate::ids::UserId::from_trusted("alice"),
                T0,
            ),
            booking("vip"),
            T0,
        )
        .0;
        let theirs = Appointment::book(&other, booking("vip"), T0).0;
        assert_ne!(
            mine.room, theirs.room,
            "one service cannot name another's room"
        );
    }

    #[test]
    fn the_join_window_opens_before_and_closes_after_the_start() {
        let (mut a, _) = booked();
        let w = JoinWindow::default();
        let start = a.starts_at;
        let minute = Duration::from_secs(60);
        assert_eq!(
            a.ensure_joinable(&w, Timestamp(start.millis() - 16 * 60_000)),
            Err(SupportError::TooEarly {
                opens_at: Timestamp(start.millis() - 15 * 60_000)
            })
        );
        assert_eq!(
            a.ensure_joinable(&w, Timestamp(start.millis() - 15 * 60_000)),
            Ok(())
        );
        assert_eq!(a.ensure_joinable(&w, start.plus(minute * 59)), Ok(()));
        assert!(matches!(
            a.ensure_joinable(&w, start.plus(minute * 60)),
            Err(SupportError::TooLate { .. })
        ));
        a.cancel(T0).unwrap();
        assert_eq!(a.ensure_joinable(&w, start), Err(SupportError::Cancelled));
        assert_eq!(a.cancel(T0), Err(SupportError::Cancelled));
    }

    #[test]
    fn the_join_challenge_sends_its_email_code_to_the_ticket_address() {
        let (a, _) = booked();
        let mut user = User::new(
            &crate::ids::ServiceId::from_trusted("svc_1"),
            &crate::ids::UserId::from_trusted("alice"),
            T0,
        );
        user.email = Some("alice@example.com".into());
        user.phone = Some("+33612345689".into());
        let c = a
            .join_challenge(
                &user,
                &ServiceSettings::default(),
                &Channel::ALL,
                &[Method::Totp],
                Default::default(),
                T0,
            )
            .unwrap();
        assert_eq!(c.purpose, "support_call");
        assert_eq!(c.offered, vec![Method::Totp, Method::Email]);
        assert_eq!(c.destinations.email.as_deref(), Some("alice@example.net"));
        assert_eq!(c.destinations.phone, None);
        assert_eq!(c.appointment_id.as_deref(), Some(a.id.as_str()));
        assert_eq!(c.ensure_still_reaches(Channel::Email, &user), Ok(()));
        assert!(
            a.join_challenge(
                &user,
                &ServiceSettings::default(),
                &Channel::ALL,
                &[],
                Default::default(),
                T0
            )
            .is_err(),
            "no authenticator, no call"
        );
    }

    #[test]
    fn rescheduling_forgets_an_earlier_verification() {
        let (mut a, _) = booked();
        a.record_verification(&[Method::Totp, Method::Email], T0);
        assert_eq!(a.customer_verified_at, Some(T0));
        a.reschedule(T0.plus(Duration::from_secs(7200)), T0)
            .unwrap();
        assert_eq!(a.customer_verified_at, None);
        assert!(a.verified_methods.is_empty());
    }

    #[test]
    fn agent_codes_change_every_five_minutes_and_allow_one_step_late() {
        let (a, _) = booked();
        let key = [3u8; 32];
        let (code, until) = a.agent_code(&key, T0);
        assert_eq!(code.len(), 6);
        assert!(until > T0);
        assert!(a.is_agent_code(&key, &code, T0));
        assert!(a.is_agent_code(&key, &code, until));
        assert!(!a.is_agent_code(&key, &code, until.plus(Duration::from_secs(300))));
        assert!(!a.is_agent_code(&[4u8; 32], &code, T0));
        let (other, _) = booked();
        assert!(!other.is_agent_code(&key, &code, T0) || other.agent_code(&key, T0).0 == code);
    }

    #[test]
    fn room_tokens_are_short_lived_and_end_with_the_window() {
        let (a, _) = booked();
        let w = JoinWindow::default();
        let at_start = RoomClaims::for_customer(
            &a,
            "Alice",
            "countersign",
            "meet.example.com",
            &w,
            a.starts_at,
        );
        assert_eq!(at_start.exp - at_start.iat, ROOM_TOKEN_SECONDS);
        assert_eq!(at_start.aud, "jitsi");
        assert_eq!(at_start.context.user.email, "alice@example.net");
        let late = a.closes_at(&w).millis() - 60_000;
        let near_end = RoomClaims::for_customer(
            &a,
            "Alice",
            "countersign",
            "meet.example.com",
            &w,
            Timestamp(late),
        );
        assert_eq!(near_end.exp, a.closes_at(&w).millis() / 1000);
    }
}
