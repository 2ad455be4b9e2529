//! Twilio's resource shapes: its SIDs (two letters and 32 hex digits,
//! which Countersign's own ids map onto one to one) and its JSON field
//! names, statuses and dates.

use countersign_app::twilio_verify::Verification;
use countersign_core::challenge::ChallengeStatus;
use countersign_core::ids::{ChallengeId, MessageId, ServiceId};
use countersign_core::policy::Channel;
use countersign_core::service::Service;
use countersign_core::transaction::Transaction;
use countersign_core::Timestamp;
use serde_json::{json, Value};

/// A Twilio SID for one of Countersign's ids: the same 32 hex digits
/// behind Twilio's two-letter prefix.
fn sid(prefix: &str, id: &str) -> String {
    let hex = id.split_once('_').map_or(id, |(_, hex)| hex);
    format!("{prefix}{hex}")
}

/// The Countersign id behind a SID with `prefix` (`None`: no such shape).
fn id_of(prefix: &str, sid: &str, id_prefix: &str) -> Option<String> {
    let hex = sid.strip_prefix(prefix)?;
    let id = format!("{id_prefix}_{}", hex.to_ascii_lowercase());
    countersign_core::ids::is_id_of(id_prefix, &id).then_some(id)
}

/// The account SID (`AC…`) integrators authenticate with: one per service.
pub fn account_sid(service: &ServiceId) -> String {
    sid("AC", service)
}

/// The Verify service SID (`VA…`).
pub fn service_sid(service: &ServiceId) -> String {
    sid("VA", service)
}

/// The service a `VA…` SID names.
pub fn service_id(sid: &str) -> Option<ServiceId> {
    id_of("VA", sid, ServiceId::PREFIX).map(ServiceId::from_trusted)
}

/// The challenge a verification SID (`VE…`) names.
pub fn challenge_id(sid: &str) -> Option<ChallengeId> {
    id_of("VE", sid, ChallengeId::PREFIX).and_then(|id| ChallengeId::parse(&id))
}

fn attempt_sid(message: &MessageId) -> String {
    sid("VL", message)
}

/// Twilio's date format: seconds, UTC, no fraction.
pub fn date(at: Timestamp) -> String {
    let rfc3339 = at.to_rfc3339();
    match rfc3339.split_once('.') {
        Some((seconds, _)) => format!("{seconds}Z"),
        None => rfc3339,
    }
}

/// Twilio's name of a channel.
pub fn channel_name(channel: Channel) -> &'static str {
    match channel {
        Channel::Sms => "sms",
        Channel::Voice => "call",
        Channel::Email => "email",
    }
}

/// The channel Twilio's name means (`None`: one Countersign does not
/// offer here, such as `whatsapp`).
pub fn channel(name: &str) -> Option<Channel> {
    match name {
        "sms" => Some(Channel::Sms),
        "call" => Some(Channel::Voice),
        "email" => Some(Channel::Email),
        _ => None,
    }
}

fn status(status: ChallengeStatus) -> &'static str {
    match status {
        ChallengeStatus::Pending => "pending",
        ChallengeStatus::Approved | ChallengeStatus::Held => "approved",
        ChallengeStatus::Failed => "max_attempts_reached",
        ChallengeStatus::Expired => "expired",
        ChallengeStatus::Cancelled => "canceled",
        ChallengeStatus::Denied => "failed",
    }
}

/// Twilio's `Amount`: a decimal with its currency, as a symbol in front
/// (`€39.99`) or a code after (`39.99 EUR`).
pub fn amount(text: &str) -> Option<(String, String)> {
    const SYMBOLS: [(&str, &str); 5] = [
        ("€", "EUR"),
        ("$", "USD"),
        ("£", "GBP"),
        ("¥", "JPY"),
        ("₹", "INR"),
    ];
    let text = text.trim();
    if let Some((symbol, code)) = SYMBOLS.iter().find(|(s, _)| text.starts_with(*s)) {
        return Some((text[symbol.len()..].trim().to_owned(), (*code).to_owned()));
    }
    let (number, code) = text.split_once(' ')?;
    Some((number.to_owned(), code.trim().to_owned()))
}

fn shown_amount(t: &Transaction) -> String {
    format!("{} {}", t.amount, t.currency)
}

/// A verification as Twilio shows it (also the answer to a check).
pub fn verification(v: &Verification, public_url: &str, now: Timestamp) -> Value {
    let c = &v.challenge;
    let status = status(c.status_at(now));
    let updated = v
        .messages
        .iter()
        .map(|m| m.updated_at)
        .chain(c.closed_at)
        .max()
        .unwrap_or(c.created_at);
    let transaction = c.context.transaction.as_ref();
    let attempts: Vec<Value> = v
        .messages
        .iter()
        .map(|m| {
            json!({
                "attempt_sid": attempt_sid(&m.id),
                "channel": channel_name(m.channel).to_ascii_uppercase(),
                "time": date(m.created_at),
            })
        })
        .collect();
    let service = service_sid(&c.service_id);
    json!({
        "sid": sid("VE", &c.id),
        "service_sid": service,
        "account_sid": account_sid(&c.service_id),
        "to": v.to(),
        "channel": channel_name(v.channel()),
        "status": status,
        "valid": status == "approved",
        "lookup": {},
        "amount": transaction.map(shown_amount),
        "payee": transaction.and_then(|t| t.payee.clone()),
        "send_code_attempts": attempts,
        "sna": null,
        "sna_attempts_error_codes": [],
        "date_created": date(c.created_at),
        "date_updated": date(updated),
        "url": format!("{}/Services/{service}/Verifications/{}", base(public_url), sid("VE", &c.id)),
    })
}

/// A Verify service as Twilio shows it.
pub fn service(s: &Service, public_url: &str) -> Value {
    let sid = service_sid(&s.id);
    let url = format!("{}/Services/{sid}", base(public_url));
    json!({
        "sid": sid,
        "account_sid": account_sid(&s.id),
        "friendly_name": s.name,
        "code_length": s.settings.code_digits,
        "lookup_enabled": false,
        "psd2_enabled": true,
        "skip_sms_to_landlines": false,
        "dtmf_input_required": false,
        "tts_name": null,
        "do_not_share_warning_enabled": false,
        "custom_code_enabled": false,
        "push": {"include_date": false, "apn_credential_sid": null, "fcm_credential_sid": null},
        "totp": {"issuer": s.name, "time_step": 30, "code_length": 6, "skew": 1},
        "default_template_sid": null,
        "whatsapp": {"msg_service_sid": null, "from": null},
        "verify_event_subscription_enabled": false,
        "date_created": date(s.created_at),
        "date_updated": date(s.created_at),
        "url": url,
        "links": {
            "verifications": format!("{url}/Verifications"),
            "verification_checks": format!("{url}/VerificationCheck"),
        },
    })
}

/// Where the Twilio surface is served, under the public URL.
fn base(public_url: &str) -> String {
    format!("{}{}", public_url.trim_end_matches('/'), super::PREFIX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sids_map_onto_ids_and_back() {
        let chl = ChallengeId::from_trusted("chl_0123456789abcdef0123456789abcdef");
        let ve = sid("VE", &chl);
        assert_eq!(ve, "VE0123456789abcdef0123456789abcdef");
        assert_eq!(challenge_id(&ve), Some(chl));
        assert_eq!(challenge_id("VE0123"), None);
        assert_eq!(challenge_id("VA0123456789abcdef0123456789abcdef"), None);
        let svc = ServiceId::from_trusted("svc_00000000000000000000000000000001");
        assert_eq!(service_id(&service_sid(&svc)), Some(svc.clone()));
        assert_eq!(&account_sid(&svc)[..2], "AC");
    }

    #[test]
    fn dates_are_whole_seconds_in_utc() {
        assert_eq!(date(Timestamp(1_800_000_000_123)), "2027-01-15T08:00:00Z");
    }

    #[test]
    fn amounts_take_a_symbol_or_a_code() {
        let pair = |a: &str, c: &str| Some((a.to_owned(), c.to_owned()));
        assert_eq!(amount("€39.99"), pair("39.99", "EUR"));
        assert_eq!(amount("39.99 USDT"), pair("39.99", "USDT"));
        assert_eq!(amount("39.99"), None);
    }
}
