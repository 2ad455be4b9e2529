//! What the hosted page shows, worked out from the challenge's view, and
//! its template (`templates/verify/page.html`).

use askama::Template;
use countersign_app::views::{ChallengeView, MethodView};
use countersign_core::challenge::ChallengeStatus;
use countersign_core::policy::{Channel, Method};
use countersign_core::transaction::Transaction;
use countersign_core::Timestamp;
use countersign_i18n::Texts;

use super::super::{unbroken, Shown as Problem, Trouble};

/// The page's content for one challenge.
#[derive(Template)]
#[template(path = "verify/page.html")]
pub(super) struct VerifyPage<'a> {
    pub(super) t: Texts,
    pub(super) id: &'a str,
    pub(super) service: &'a str,
    pub(super) purpose: &'a str,
    pub(super) payment: Option<&'a Transaction>,
    /// What went wrong with the user's last action.
    pub(super) error: Option<String>,
    /// The methods already met.
    pub(super) done: &'a [Method],
    pub(super) state: State<'a>,
}

pub(super) enum State<'a> {
    Pending(Pending<'a>),
    Finished(Finished),
}

/// A challenge still waiting for the user.
pub(super) struct Pending<'a> {
    /// Another method is needed after one was met.
    pub(super) next_step: bool,
    /// The way shown first; `None` when none is left.
    pub(super) way: Option<Way<'a>>,
}

pub(super) struct Way<'a> {
    pub(super) method: Method,
    pub(super) shown: Shown<'a>,
    /// Seconds until a new code may be asked for, once one was sent.
    pub(super) resend: Option<u64>,
    pub(super) others: Option<Others>,
}

/// How the way shown first is met.
pub(super) enum Shown<'a> {
    /// The browser's creation options, read by `verify.js`.
    Passkey(&'a serde_json::Value),
    /// The number to pick on the device, and how many methods are met (the
    /// script reloads when it changes).
    Device(u8, usize),
    /// A button that sends a code on the channel, to the masked address.
    Send(Channel, String),
    /// The form for a code, with its label.
    Code(Method, String),
}

/// The other usable ways: after a code was sent ("didn't receive it?",
/// open), or to choose from.
pub(super) struct Others {
    pub(super) after_sending: bool,
    pub(super) ways: Vec<Other>,
}

pub(super) enum Other {
    /// A code on this channel, to this masked address.
    Send(Channel, String),
    Choose(Method),
}

/// A decided challenge.
pub(super) struct Finished {
    pub(super) status: ChallengeStatus,
    /// When a held withdrawal goes ahead.
    pub(super) until: Option<Timestamp>,
    /// The way back to the integrator, when it gave one.
    pub(super) back: Option<String>,
}

impl VerifyPage<'_> {
    fn finished_text(&self, f: &Finished) -> String {
        let until = f.until.map(|u| self.t.until(u)).unwrap_or_default();
        self.t
            .msg(&format!("verify-finished-{}", f.status.as_str()))
            .arg("service", self.service)
            .arg("until", until)
            .to_string()
    }

    /// `0:27`, and the text the script counts down from.
    fn resend_text(&self, seconds: &u64) -> String {
        if *seconds == 0 {
            return self.t.get("verify-resend-ready");
        }
        let time = format!("{}:{:02}", seconds / 60, seconds % 60);
        self.t
            .msg("verify-resend-wait")
            .arg("time", time)
            .to_string()
    }
}

impl Finished {
    /// Approved (now or after the hold), as opposed to failed or refused.
    fn ok(&self) -> bool {
        matches!(
            self.status,
            ChallengeStatus::Approved | ChallengeStatus::Held
        )
    }
}

/// The way to show first: the one the user chose, else the channel of the
/// latest code sent, else the strongest way offered.
fn first_way(v: &ChallengeView, chosen: Option<Method>) -> Option<Method> {
    let usable = |m: Method| v.methods.iter().any(|mv| mv.kind == m);
    chosen
        .filter(|m| usable(*m))
        .or_else(|| {
            v.messages
                .iter()
                .rev()
                .map(|msg| msg.channel.method())
                .find(|m| usable(*m))
        })
        .or_else(|| v.methods.first().map(|m| m.kind))
}

static NO_OPTIONS: serde_json::Value = serde_json::Value::Null;

/// The pending part: the way shown first, and the others.
pub(super) fn pending<'a>(
    t: Texts,
    v: &'a ChallengeView,
    chosen: Option<Method>,
    now: Timestamp,
) -> Pending<'a> {
    let way = first_way(v, chosen).map(|first| {
        let sent: Vec<Channel> = v.messages.iter().map(|m| m.channel).collect();
        let view = v.methods.iter().find(|m| m.kind == first);
        let to = |mv: Option<&MethodView>| unbroken(mv.and_then(|m| m.to.as_deref()).unwrap_or(""));
        let shown = match first {
            Method::Webauthn => {
                Shown::Passkey(view.and_then(|m| m.options.as_ref()).unwrap_or(&NO_OPTIONS))
            }
            Method::Device => Shown::Device(
                view.and_then(|m| m.number).unwrap_or_default(),
                v.satisfied.len(),
            ),
            m => match m.channel() {
                Some(ch) if !sent.contains(&ch) => Shown::Send(ch, to(view)),
                _ => Shown::Code(m, code_label(t, m, &to(view))),
            },
        };
        let failed = first.channel().filter(|ch| sent.contains(ch));
        let others = (failed.is_some() || v.methods.len() > 1).then(|| Others {
            after_sending: failed.is_some(),
            ways: v
                .methods
                .iter()
                .filter(|m| m.kind != first || failed.is_some())
                .map(|mv| match mv.kind.channel() {
                    // The channel that failed too: a new code on it.
                    Some(ch) => Other::Send(ch, to(Some(mv))),
                    None => Other::Choose(mv.kind),
                })
                .collect(),
        });
        Way {
            method: first,
            shown,
            resend: failed.map(|_| v.resend_available_at.map_or(0, |at| now.seconds_until(at))),
            others,
        }
    });
    Pending {
        next_step: !v.satisfied.is_empty(),
        way,
    }
}

fn code_label(t: Texts, m: Method, to: &str) -> String {
    match m {
        Method::Totp => t.get("verify-code-totp"),
        Method::Hotp => t.get("verify-code-hotp"),
        Method::RecoveryCode => t.get("verify-code-recovery"),
        _ => t.msg("verify-code-sent").arg("to", to).to_string(),
    }
}

/// The decided part, with the way back to the integrator if there is one.
pub(super) fn finished(v: &ChallengeView, back: Option<String>) -> Finished {
    Finished {
        status: v.status,
        until: v.held_until,
        back,
    }
}

/// What the user reads for what went wrong.
pub(super) fn error(t: Texts, e: &Problem) -> String {
    let id = match e.trouble {
        Trouble::WrongCode => "verify-error-wrong-code",
        Trouble::CredentialRefused => "verify-error-credential-refused",
        Trouble::TooManyAttempts => "verify-error-too-many-attempts",
        Trouble::ResendTooSoon => "verify-error-resend-too-soon",
        Trouble::DeliveryFailed => "verify-error-delivery-failed",
        Trouble::RateLimited => "verify-error-rate-limited",
        Trouble::Locked => "verify-error-locked",
        Trouble::MethodUnavailable => "verify-error-method-unavailable",
        Trouble::Expired => "verify-error-expired",
        Trouble::Closed => "verify-error-closed",
        Trouble::Unsatisfiable | Trouble::NotFound | Trouble::Other => "verify-error-other",
    };
    let attempts = e.attempts_left.map(|n| n.to_string()).unwrap_or_default();
    t.msg(id).arg("attempts", attempts).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use countersign_i18n::negotiate;

    #[test]
    fn an_error_reads_as_a_sentence_with_attempts_left() {
        let en = negotiate(None, None, None).texts();
        let fr = negotiate(Some("fr"), None, None).texts();
        let wrong = Problem::from(countersign_app::AppError::WrongCode {
            attempts_left: Some(3),
        });
        assert_eq!(
            error(en, &wrong),
            "That code is not right. Attempts left: 3."
        );
        let odd = Problem::from(countersign_app::AppError::Busy("busy"));
        assert_eq!(
            error(fr, &odd),
            "Une erreur s'est produite. Veuillez réessayer."
        );
    }
}
