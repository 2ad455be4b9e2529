//! Security alerts a verification can raise, written with its decision:
//! an authenticator code typed again after it was used (a replay: someone
//! else may be reading the user's codes), and, when the service asks for
//! it, a sign-in approved from a new device or an unusual country. The user
//! hears of them the way they hear of a security change.
//!
//! They are prepared before the decision (they need the user's contacts)
//! and only then, so that a verification with nothing to tell reads nothing
//! more.

use countersign_core::challenge::{Challenge, VerifyOutcome};
use countersign_core::ids::FactorId;
use countersign_core::notice::SecurityChange;
use countersign_core::risk::RiskSignal;
use countersign_core::service::Service;
use countersign_core::Timestamp;
use countersign_store::SecurityWrite;
use serde_json::json;

use super::{event, Write};
use crate::{App, AppResult};

/// What a verification will tell the user, depending on its outcome.
#[derive(Clone, Default)]
pub(crate) struct Alerts {
    /// The typed code replays this TOTP factor: told if it is rejected.
    replay: Option<(FactorId, Alert)>,
    /// The challenge is a risky sign-in: told if it is approved.
    sign_in: Option<(Vec<RiskSignal>, Alert)>,
}

/// Notices ready to write, and the contacts they go to (masked).
#[derive(Clone)]
struct Alert {
    write: SecurityWrite,
    notified: Vec<String>,
}

impl Alerts {
    /// Adds to `write` the alert `outcome` calls for, with its event.
    pub fn apply(&self, c: &Challenge, outcome: VerifyOutcome, write: &mut Write, now: Timestamp) {
        let (kind, mut detail, alert) = match (outcome, &self.replay, &self.sign_in) {
            (VerifyOutcome::Rejected { .. } | VerifyOutcome::Exhausted, Some((factor, a)), _) => {
                ("factor.totp_replayed", json!({"factor_id": factor}), a)
            }
            (VerifyOutcome::Accepted { approved: true }, _, Some((signals, a))) => {
                ("user.risky_sign_in", json!({"signals": signals}), a)
            }
            _ => return,
        };
        detail["notified"] = json!(alert.notified);
        write.events.push(event(c, kind, now, detail));
        write.security = Some(alert.write.clone());
    }

    /// Whether any notice may be written (to wake the outbox after).
    pub fn any(&self) -> bool {
        self.replay.is_some() || self.sign_in.is_some()
    }
}

/// The signals that make an approved `login` worth an alert.
const RISKY_SIGN_IN: [RiskSignal; 2] = [RiskSignal::NewDevice, RiskSignal::UnusualCountry];

impl App {
    /// The alerts an answer to challenge `id` may raise: the replay of
    /// `replayed` (a TOTP factor the typed code was already used on), and a
    /// risky sign-in if the service notifies them.
    pub(crate) async fn alerts(
        &self,
        service: &Service,
        id: &str,
        replayed: Option<FactorId>,
    ) -> AppResult<Alerts> {
        if replayed.is_none() && !service.settings.notify_risky_sign_ins {
            return Ok(Alerts::default());
        }
        let c = self.challenge(&service.id, id).await?;
        let signals: Vec<RiskSignal> = c
            .risk
            .signals
            .iter()
            .copied()
            .filter(|s| RISKY_SIGN_IN.contains(s))
            .collect();
        let risky_sign_in =
            service.settings.notify_risky_sign_ins && c.purpose == "login" && !signals.is_empty();
        if replayed.is_none() && !risky_sign_in {
            return Ok(Alerts::default());
        }
        let user = self.user(&service.id, &c.user_id).await?;
        let ip = c.context.ip.as_deref();
        let alert = |change| {
            let (write, notified) = self.security_alert(service, &user, change, ip);
            Alert { write, notified }
        };
        Ok(Alerts {
            replay: replayed.map(|f| (f, alert(SecurityChange::TotpReplayed))),
            sign_in: risky_sign_in.then(|| {
                let change = SecurityChange::RiskySignIn {
                    new_device: signals.contains(&RiskSignal::NewDevice),
                    new_country: signals.contains(&RiskSignal::UnusualCountry),
                };
                (signals, alert(change))
            }),
        })
    }
}
