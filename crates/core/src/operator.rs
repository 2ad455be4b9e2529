//! Operators: the people who run Countersign and the support agents who
//! verify customers, as the console (`/console`) knows them.
//!
//! An operator is added from the command line (`countersign operator add
//! NAME --role …`), which prints a one-time enrolment link; opening it
//! registers the operator's passkey, and the passkey is then the only way
//! in (no password to phish or reuse). What each [`Role`] may do is decided
//! here, in [`Role::may`], and nowhere else. Every change also needs a
//! step-up: a fresh assertion of the operator's passkey, at most
//! [`STEP_UP_TTL`] old, which gives the session a new cookie (as the
//! security center's does).
//!
//! Secrets are the security center's kind ([`crate::portal::new_token`]),
//! stored only as SHA-256 hashes: the enrolment link's token and the
//! session cookie; the CSRF token is derived from the cookie.

use std::time::Duration;

use serde_json::{json, Value};

use crate::ids::is_printable;
use crate::Timestamp;

/// How long an enrolment link may wait to be opened.
pub const ENROLMENT_TTL: Duration = Duration::from_secs(24 * 60 * 60);
/// A console session's whole life: a working day.
pub const SESSION_TTL: Duration = Duration::from_secs(8 * 60 * 60);
/// A console left alone this long is signed out.
pub const IDLE_TIMEOUT: Duration = Duration::from_secs(30 * 60);
/// How long a step-up allows changes.
pub const STEP_UP_TTL: Duration = Duration::from_secs(5 * 60);
/// How long a passkey ceremony (enrolment, sign-in, step-up) may take.
pub const CEREMONY_TTL: Duration = Duration::from_secs(5 * 60);
/// The session cookie's name, before [`crate::cookie::Cookies`] prefixes it.
pub const COOKIE_NAME: &str = "cs_console";
/// Longest operator name.
pub const NAME_MAX: usize = 64;

/// What an operator is there to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Everything.
    Admin,
    /// Users (contacts masked) and their events: what verifying a customer
    /// on a call needs.
    Support,
    /// Everything, read-only.
    Auditor,
}

impl Role {
    pub const ALL: [Role; 3] = [Role::Admin, Role::Support, Role::Auditor];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Support => "support",
            Role::Auditor => "auditor",
        }
    }

    pub fn parse(text: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == text)
    }

    /// Whether this role may do `action`: the one place roles are decided.
    pub fn may(self, action: Action) -> bool {
        match self {
            Role::Admin => true,
            Role::Auditor => !action.changes(),
            Role::Support => matches!(
                action,
                Action::SeeUsers | Action::SeeSupportCalls | Action::RunSupportCalls
            ),
        }
    }
}

/// What an operator may be allowed to do in the console.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Find users and see their methods, holds, locks and events.
    SeeUsers,
    /// See users' email addresses and phone numbers unmasked.
    SeeContacts,
    /// See the audit chains' status and export them.
    SeeAudit,
    /// See the delivery and toll-fraud dashboard.
    SeeDashboard,
    /// See support calls, their customers' verification and the room.
    SeeSupportCalls,
    /// Book support calls and read the agent's authenticity code out.
    RunSupportCalls,
    /// See services: their policies, return URLs and webhook endpoints
    /// with their delivery logs.
    SeeServices,
    /// Change a service's policies and return URLs, replay webhooks.
    EditServices,
    /// End a lockout after failed attempts.
    Unlock,
    /// Release a withdrawal held after a security change.
    ReleaseHold,
    /// Remove one of a user's methods.
    RemoveMethod,
    /// End a user's security-center sessions.
    EndSessions,
    /// Write, publish, unpublish and delete help articles.
    EditHelp,
}

impl Action {
    /// Whether the action changes something (never an auditor's).
    pub fn changes(self) -> bool {
        !matches!(
            self,
            Action::SeeUsers
                | Action::SeeContacts
                | Action::SeeAudit
                | Action::SeeDashboard
                | Action::SeeSupportCalls
                | Action::SeeServices
        )
    }

    /// Whether the action weakens an account or loses data, and so needs a
    /// fresh step-up (booking a call and editing the help center do not:
    /// neither touches an account).
    pub fn destructive(self) -> bool {
        self.changes() && !matches!(self, Action::RunSupportCalls | Action::EditHelp)
    }
}

/// An operator as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Operator {
    /// `opr_…`
    pub id: String,
    pub name: String,
    pub role: Role,
    pub created_at: Timestamp,
    /// When the operator registered a passkey; `None` while the enrolment
    /// link waits.
    pub enrolled_at: Option<Timestamp>,
    pub last_sign_in_at: Option<Timestamp>,
}

impl Operator {
    /// What every event an operator causes says of them (with `reason`,
    /// when the change asks for one): the audit trail's "who and why".
    pub fn acting(&self, reason: Option<&str>) -> Value {
        let mut by = json!({
            "by": "console",
            "operator_id": self.id,
            "operator": self.name,
            "role": self.role.as_str(),
        });
        if let Some(reason) = reason {
            by["reason"] = Value::from(reason);
        }
        by
    }
}

/// An operator's passkey, as stored: webauthn-rs's credential (JSON),
/// brought up to date (its counter) at each use.
#[derive(Debug, Clone, PartialEq)]
pub struct OperatorPasskey {
    /// The credential id, base64url: how an assertion names its key.
    pub credential_id: String,
    pub operator_id: String,
    pub passkey: Value,
    pub created_at: Timestamp,
    pub last_used_at: Option<Timestamp>,
}

/// A console session, as stored (its cookie only as a hash).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConsoleSession {
    /// `ocs_…`
    pub id: String,
    pub operator_id: String,
    pub created_at: Timestamp,
    pub expires_at: Timestamp,
    pub last_seen_at: Timestamp,
    /// Changes are allowed until then.
    pub step_up_until: Option<Timestamp>,
}

impl ConsoleSession {
    pub fn new(operator_id: &str, now: Timestamp) -> ConsoleSession {
        ConsoleSession {
            id: crate::ids::new_id("ocs"),
            operator_id: operator_id.to_owned(),
            created_at: now,
            expires_at: now.plus(SESSION_TTL),
            last_seen_at: now,
            step_up_until: None,
        }
    }

    /// Whether a recent step-up allows changes at `now`.
    pub fn stepped_up(&self, now: Timestamp) -> bool {
        self.step_up_until.is_some_and(|until| now < until)
    }
}

/// Why an operator name is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NameError {
    #[error("an operator name is 1 to {NAME_MAX} characters")]
    Length,
    #[error("an operator name has no control or invisible characters")]
    NotPrintable,
}

/// A name as the operator list keeps it (trimmed).
pub fn check_name(name: &str) -> Result<String, NameError> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > NAME_MAX {
        return Err(NameError::Length);
    }
    if !is_printable(name) {
        return Err(NameError::NotPrintable);
    }
    Ok(name.to_owned())
}

/// Why a change asked of the console is not made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Refused {
    #[error("your role does not allow this")]
    Role,
    #[error("confirm with your passkey first")]
    StepUp,
}

/// Whether `operator`, in `session`, may do `action` at `now`.
pub fn check(
    operator: &Operator,
    session: &ConsoleSession,
    action: Action,
    now: Timestamp,
) -> Result<(), Refused> {
    if !operator.role.may(action) {
        return Err(Refused::Role);
    }
    if action.destructive() && !session.stepped_up(now) {
        return Err(Refused::StepUp);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: [Action; 13] = [
        Action::SeeUsers,
        Action::SeeContacts,
        Action::SeeAudit,
        Action::SeeDashboard,
        Action::SeeSupportCalls,
        Action::RunSupportCalls,
        Action::SeeServices,
        Action::EditServices,
        Action::Unlock,
        Action::ReleaseHold,
        Action::RemoveMethod,
        Action::EndSessions,
        Action::EditHelp,
    ];

    fn operator(role: Role) -> Operator {
        Operator {
            id: "opr_1".into(),
            name: "Ada".into(),
            role,
            created_at: Timestamp(0),
            enrolled_at: Some(Timestamp(0)),
            last_sign_in_at: None,
        }
    }

    #[test]
    fn each_role_may_do_what_it_must_and_no_more() {
        let allowed = |role: Role| ALL.into_iter().filter(|a| role.may(*a)).collect::<Vec<_>>();
        assert_eq!(allowed(Role::Admin), ALL);
        assert_eq!(
            allowed(Role::Support),
            [
                Action::SeeUsers,
                Action::SeeSupportCalls,
                Action::RunSupportCalls
            ]
        );
        assert_eq!(
            allowed(Role::Auditor),
            [
                Action::SeeUsers,
                Action::SeeContacts,
                Action::SeeAudit,
                Action::SeeDashboard,
                Action::SeeSupportCalls,
                Action::SeeServices
            ]
        );
        for role in Role::ALL {
            assert_eq!(Role::parse(role.as_str()), Some(role));
        }
        assert_eq!(Role::parse("root"), None);
    }

    #[test]
    fn a_change_needs_a_fresh_step_up_and_the_role() {
        let now = Timestamp(1_000_000);
        let mut session = ConsoleSession::new("opr_1", now);
        let admin = operator(Role::Admin);
        assert_eq!(check(&admin, &session, Action::SeeAudit, now), Ok(()));
        assert_eq!(
            check(&admin, &session, Action::ReleaseHold, now),
            Err(Refused::StepUp)
        );
        session.step_up_until = Some(now.plus(STEP_UP_TTL));
        assert_eq!(check(&admin, &session, Action::ReleaseHold, now), Ok(()));
        let later = now.plus(STEP_UP_TTL);
        assert_eq!(
            check(&admin, &session, Action::ReleaseHold, later),
            Err(Refused::StepUp)
        );
        let auditor = operator(Role::Auditor);
        assert_eq!(
            check(&auditor, &session, Action::Unlock, now),
            Err(Refused::Role)
        );
        // Booking a call is a change, not a destructive one.
        let support = operator(Role::Support);
        let fresh = ConsoleSession::new("opr_1", now);
        assert_eq!(
            check(&support, &fresh, Action::RunSupportCalls, now),
            Ok(())
        );
        assert_eq!(
            check(&auditor, &fresh, Action::RunSupportCalls, now),
            Err(Refused::Role)
        );
        // Nor is editing the help center, which is an admin's alone.
        assert_eq!(check(&admin, &fresh, Action::EditHelp, now), Ok(()));
        for other in [&support, &auditor] {
            assert_eq!(
                check(other, &fresh, Action::EditHelp, now),
                Err(Refused::Role)
            );
        }
    }

    #[test]
    fn names_are_trimmed_printable_and_short() {
        assert_eq!(check_name("  Ada Lovelace ").unwrap(), "Ada Lovelace");
        assert_eq!(check_name(""), Err(NameError::Length));
        assert_eq!(check_name(&"a".repeat(65)), Err(NameError::Length));
        assert_eq!(check_name("Ada\u{202e}"), Err(NameError::NotPrintable));
    }

    #[test]
    fn an_operator_s_events_say_who_and_why() {
        let by = operator(Role::Admin).acting(Some("customer called"));
        assert_eq!(by["operator"], "Ada");
        assert_eq!(by["role"], "admin");
        assert_eq!(by["reason"], "customer called");
        assert!(operator(Role::Admin).acting(None).get("reason").is_none());
    }
}
