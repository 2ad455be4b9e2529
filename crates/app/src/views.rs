//! Response bodies: what integrators see. Destinations are masked and no
//! secret ever appears here.

use countersign_core::challenge::{Challenge, ChallengeContext, ChallengeStatus, DeliveryFailure};
use countersign_core::contact::{mask_email, mask_phone};
use countersign_core::factor::{Factor, FactorStatus, FactorType, WebauthnKind};
use countersign_core::ids::{ChallengeId, FactorId, MessageId, UserId};
use countersign_core::message::MessageRecord;
use countersign_core::otp::OtpAlgorithm;
use countersign_core::policy::{Channel, Group, Method};
use countersign_core::risk::RiskAssessment;
use countersign_core::transaction::Transaction;
use countersign_core::user::User;
use countersign_core::Timestamp;
use serde::Serialize;
use utoipa::ToSchema;

#[derive(Debug, Serialize, ToSchema)]
pub struct UserView {
    #[serde(flatten)]
    pub user: User,
    /// Enrolled authenticators (TOTP, HOTP, recovery codes), never their secrets.
    pub factors: Vec<FactorView>,
}

impl UserView {
    pub fn new(user: User, factors: &[Factor]) -> Self {
        UserView {
            user,
            factors: factors.iter().map(FactorView::from).collect(),
        }
    }
}

/// A factor as integrators see it: what it is and when it was used, no secret.
#[derive(Debug, Serialize, ToSchema)]
pub struct FactorView {
    pub id: FactorId,
    #[serde(rename = "type")]
    pub kind: FactorType,
    pub status: FactorStatus,
    pub label: Option<String>,
    pub created_at: Timestamp,
    pub last_used_at: Option<Timestamp>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub algorithm: Option<OtpAlgorithm>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub digits: Option<u32>,
    /// TOTP step in seconds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period: Option<u32>,
    /// Recovery codes not used yet.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub codes_left: Option<u32>,
    /// `passkey` or `security_key`.
    #[serde(rename = "kind", skip_serializing_if = "Option::is_none")]
    pub webauthn_kind: Option<WebauthnKind>,
    /// How the browser reaches the authenticator (usb, nfc, ble, internal, hybrid).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub transports: Option<Vec<String>>,
    /// Whether a passkey is backed up (synced to other devices).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub backed_up: Option<bool>,
}

impl From<&Factor> for FactorView {
    fn from(f: &Factor) -> Self {
        FactorView {
            id: f.id.clone(),
            kind: f.kind,
            status: f.status,
            label: f.label.clone(),
            created_at: f.created_at,
            last_used_at: f.last_used_at,
            algorithm: f.otp.map(|p| p.algorithm),
            digits: f.otp.map(|p| p.digits),
            period: f
                .otp
                .filter(|_| f.kind == FactorType::Totp)
                .map(|p| p.period),
            codes_left: f.codes_left,
            webauthn_kind: f.webauthn.as_ref().map(|w| w.kind),
            transports: f
                .webauthn
                .as_ref()
                .filter(|w| w.credential.is_some())
                .map(|w| w.transports.clone()),
            backed_up: f
                .webauthn
                .as_ref()
                .filter(|w| w.credential.is_some())
                .map(|w| w.backed_up),
        }
    }
}

/// The answer to an enrolment: the only time a secret is shown.
#[derive(Debug, Serialize, ToSchema)]
pub struct EnrolmentView {
    #[serde(flatten)]
    pub factor: FactorView,
    /// The seed in base32, for typing into an app by hand.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub secret: Option<String>,
    /// The Key URI that authenticator apps scan.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub otpauth_uri: Option<String>,
    /// `otpauth_uri` as a QR code, an SVG document.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub qr_svg: Option<String>,
    /// Recovery codes, each good once.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub codes: Option<Vec<String>>,
    /// Base64url bytes a new device signs to activate.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub activation_challenge: Option<String>,
    /// WebAuthn creation options for `navigator.credentials.create()`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<Object>)]
    pub options: Option<serde_json::Value>,
}

impl EnrolmentView {
    /// The factor, with no secret yet.
    pub fn of(factor: &Factor) -> Self {
        EnrolmentView {
            factor: FactorView::from(factor),
            secret: None,
            otpauth_uri: None,
            qr_svg: None,
            codes: None,
            activation_challenge: None,
            options: None,
        }
    }
}

/// A method the user can use; `to` is the masked destination of a code,
/// `available_at` when a code can next be sent (absent: now), `options` the
/// WebAuthn request for a passkey or security key.
#[derive(Debug, Serialize, ToSchema)]
pub struct MethodView {
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<Object>)]
    pub options: Option<serde_json::Value>,
    #[serde(rename = "type")]
    pub kind: Method,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub available_at: Option<Timestamp>,
    /// For `device`: the number to show the user, who picks it on the device.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number: Option<u8>,
}

/// The masked form of a channel's destination.
pub fn masked_destination(channel: Channel, to: &str) -> String {
    if channel.uses_phone() {
        mask_phone(to)
    } else {
        mask_email(to)
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ChallengeView {
    pub id: ChallengeId,
    pub status: ChallengeStatus,
    pub purpose: String,
    pub user_id: UserId,
    pub created_at: Timestamp,
    pub expires_at: Timestamp,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub closed_at: Option<Timestamp>,
    pub policy: PolicyView,
    /// The payment this challenge approves, with the digest to check before
    /// executing it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub transaction: Option<TransactionView>,
    /// Methods that still count towards approval, strongest first.
    pub methods: Vec<MethodView>,
    pub satisfied: Vec<Method>,
    /// Groups still to be met; each is met by any one of its methods.
    pub remaining: Vec<Vec<Method>>,
    pub attempts_left: u32,
    /// When another code may be sent, on any channel.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resend_available_at: Option<Timestamp>,
    /// The last delivery that failed, so the user can be offered another channel.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delivery_failure: Option<DeliveryFailure>,
    /// A withdrawal held after a security change: approved at this time, or
    /// earlier if the integrator releases it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub held_until: Option<Timestamp>,
    /// After a failed delivery: the method to offer next ("call me instead").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suggested_method: Option<Method>,
    pub messages: Vec<MessageRecord>,
    pub context: ChallengeContext,
    /// The hosted verification page, with its token: only in the answer
    /// that creates the challenge (a secret is never in a `GET`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hosted_url: Option<String>,
}

/// The policy in force for a challenge, after its risk signals raised it.
#[derive(Debug, Serialize, ToSchema)]
pub struct PolicyView {
    pub all_of: Vec<Group>,
    /// What the request's context revealed, and the rules that changed
    /// `all_of` because of it: what the integrator shows the user as "why".
    pub risk: RiskAssessment,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TransactionView {
    #[serde(flatten)]
    pub details: Transaction,
    /// Hex SHA-256 of `countersign-transaction-v1`, the challenge id, amount,
    /// currency, payee and destination, one per line.
    pub digest: String,
}

impl TransactionView {
    pub fn of(c: &Challenge) -> Option<TransactionView> {
        c.context.transaction.as_ref().map(|t| TransactionView {
            details: t.clone(),
            digest: t.digest(&c.id),
        })
    }
}

impl ChallengeView {
    pub fn new(c: &Challenge, messages: Vec<MessageRecord>, now: Timestamp) -> Self {
        let status = c.status_at(now);
        let methods = if status == ChallengeStatus::Pending {
            c.usable_methods()
                .into_iter()
                .map(|m| MethodView {
                    kind: m,
                    to: m.channel().and_then(|ch| {
                        c.destinations
                            .for_channel(ch)
                            .map(|to| masked_destination(ch, to))
                    }),
                    available_at: m.channel().and(c.next_send_at).filter(|at| *at > now),
                    number: c
                        .device_match
                        .filter(|_| m == Method::Device)
                        .map(|d| d.number),
                    options: c
                        .webauthn
                        .as_ref()
                        .filter(|_| m == Method::Webauthn)
                        .map(|w| w.options.clone()),
                })
                .collect()
        } else {
            Vec::new()
        };
        ChallengeView {
            id: c.id.clone(),
            status,
            purpose: c.purpose.clone(),
            user_id: c.user_id.clone(),
            created_at: c.created_at,
            expires_at: c.expires_at,
            closed_at: c.closed_at,
            policy: PolicyView {
                all_of: c.policy.all_of.clone(),
                risk: c.risk.clone(),
            },
            transaction: TransactionView::of(c),
            methods,
            satisfied: c.satisfied.clone(),
            remaining: c.remaining(),
            attempts_left: c.attempts_left(),
            resend_available_at: c
                .next_send_at
                .filter(|_| status == ChallengeStatus::Pending),
            delivery_failure: c.delivery_failure.clone(),
            held_until: c.held_until.filter(|_| status == ChallengeStatus::Held),
            suggested_method: c
                .delivery_failure
                .as_ref()
                .filter(|_| status == ChallengeStatus::Pending)
                .and_then(|f| c.fallback_after(f.channel)),
            messages,
            context: c.context.clone(),
            hosted_url: None,
        }
    }
}

/// The answer to a send: where the code went (masked) and when the next may go.
#[derive(Debug, Serialize, ToSchema)]
pub struct SendView {
    pub message_id: MessageId,
    pub channel: Channel,
    pub to: String,
    pub sent_at: Timestamp,
    pub resend_available_at: Timestamp,
}
