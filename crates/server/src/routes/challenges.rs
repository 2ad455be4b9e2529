//! `/v1/challenges`: create, send a code, verify, read, cancel. Each handler
//! parses, asks the domain ([`Challenge`]) what to do, and saves the result
//! conditionally; a lost race is decided again on fresh state.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use countersign_core::challenge::{
    usual_places, Challenge, ChallengeContext, ChallengeStatus, VerifyOutcome, WebauthnAsk,
};
use countersign_core::contact::{calling_code, region};
use countersign_core::event::Event;
use countersign_core::factor::{
    normalize_recovery_code, recovery_code_hash, Factor, FactorStatus, FactorType,
};
use countersign_core::ids::{is_id_of, is_printable, new_id};
use countersign_core::keyring::key_id_of;
use countersign_core::limits::{ip_bucket, CounterCheck, Scope, SendFacts};
use countersign_core::lockout::LockoutPolicy;
use countersign_core::message::{render, DeliveryStatus, MessageParams, MessageRecord};
use countersign_core::policy::{is_valid_purpose_name, Channel, Method};
use countersign_core::service::Service;
use countersign_core::user::User;
use countersign_core::Timestamp;
use countersign_delivery::OutboundMessage;
use countersign_store::{ChallengeWrite, FactorUse, MessageUpdate, Saved, UserEffect};
use serde::Deserialize;
use serde_json::json;
use utoipa::ToSchema;
use zeroize::Zeroizing;

use crate::error::{ApiError, ApiResult};
use crate::extract::{ApiJson, ServiceAuth};
use crate::routes::factors::{ceremony_error, open_seed};
use crate::routes::users::{check_user_id, find_user, refuse_if_locked};
use crate::state::AppState;
use crate::views::{masked_destination, ChallengeView, SendView};

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateChallenge {
    user_id: String,
    /// `login`, `withdrawal`, `security_change`, `support_call`, `verify_contact`, or one of the service's own.
    purpose: String,
    #[serde(default)]
    context: ChallengeContext,
    /// Where the hosted page (`hosted_url`) sends the user when the
    /// challenge is decided; must start with one of the service's
    /// `return_urls`.
    return_url: Option<String>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SendCode {
    channel: Channel,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct VerifyCode {
    pub(crate) method: Method,
    /// The code the user typed: sent by sms, voice or email, shown by an
    /// authenticator (totp, hotp), or one of the recovery codes.
    pub(crate) code: Option<String>,
    /// The browser's PublicKeyCredential as JSON (webauthn).
    #[schema(value_type = Option<Object>)]
    pub(crate) credential: Option<serde_json::Value>,
}

/// What a decision writes besides the challenge itself.
pub(crate) struct Write {
    events: Vec<Event>,
    user: UserEffect,
    message: Option<MessageRecord>,
    factor_use: Option<FactorUse>,
    counters: Vec<CounterCheck>,
}

impl Write {
    pub(crate) fn events(events: Vec<Event>) -> Write {
        Write {
            events,
            user: UserEffect::None,
            message: None,
            factor_use: None,
            counters: Vec::new(),
        }
    }
}

/// Most times a decision is retried after losing a race before giving up.
const MAX_RACES: usize = 256;

/// Loads the challenge, lets `decide` change it, and saves it only if nobody
/// else saved it meanwhile; otherwise decides again on the fresh state. An
/// `Err` from `decide` aborts without writing. `decide` is told when the
/// factor use it asked for was taken by another request (a replayed code):
/// it must then decide as if the code were wrong.
pub(crate) async fn update_challenge<T>(
    state: &AppState,
    service_id: &str,
    id: &str,
    mut decide: impl FnMut(&mut Challenge, Timestamp, bool) -> ApiResult<(T, Write)>,
) -> ApiResult<(Challenge, T, Option<Timestamp>)> {
    let mut replayed = false;
    for _ in 0..MAX_RACES {
        let mut c = load_challenge(state, service_id, id).await?;
        let now = state.now();
        let (out, write) = decide(&mut c, now, replayed)?;
        let saved = state
            .store
            .save_challenge(
                &c,
                ChallengeWrite {
                    events: &write.events,
                    user: write.user,
                    new_message: write.message.as_ref(),
                    factor_use: write.factor_use,
                    counters: &write.counters,
                },
            )
            .await?;
        match saved {
            Saved::Done { locked_until } => {
                c.version += 1;
                return Ok((c, out, locked_until));
            }
            Saved::UserLocked => {
                let user = find_user(state, service_id, &c.user_id).await?;
                let until = user.locked_until.unwrap_or(now);
                return Err(ApiError::locked(state.now(), until));
            }
            Saved::Conflict => {}
            Saved::Replayed => replayed = true,
            Saved::LimitReached(i) => {
                let check = &write.counters[i];
                let refused = event(
                    &c,
                    "challenge.send_refused",
                    now,
                    json!({"reason": "rate_limited", "limit": check.scope.as_str()}),
                );
                state.store.insert_events(&[refused]).await?;
                state.metrics.count_rate_limited(check.scope.as_str());
                return Err(rate_limited(check.scope, now, check.window_end));
            }
        }
    }
    Err(ApiError::new(
        StatusCode::SERVICE_UNAVAILABLE,
        "busy",
        "Busy",
        "too many simultaneous changes to this challenge; try again",
    ))
}

fn rate_limited(scope: Scope, now: Timestamp, until: Timestamp) -> ApiError {
    let what = match scope {
        Scope::Destination => "to this destination",
        Scope::Ip => "for this IP address",
        Scope::Country => "to this country",
        Scope::DailyBudget => "by SMS and voice today",
    };
    ApiError::too_many(
        "rate_limited",
        "Too many codes",
        format!("too many codes were sent {what}; try again later or use another method"),
        now,
        until,
    )
    .with("limit", scope.as_str())
}

/// The channels that can reach this user: a provider is configured, and for
/// SMS and voice the number's country is allowed.
pub(crate) fn deliverable_to(state: &AppState, phone: Option<&str>) -> Vec<Channel> {
    let phone_allowed = phone.is_some_and(|p| {
        state
            .config
            .limits
            .phone_region_allowed(region(p).as_deref())
    });
    state
        .delivery
        .channels()
        .into_iter()
        .filter(|ch| !ch.uses_phone() || phone_allowed)
        .collect()
}

pub(crate) async fn load_challenge(
    state: &AppState,
    service_id: &str,
    id: &str,
) -> ApiResult<Challenge> {
    if !is_id_of("chl", id) {
        return Err(ApiError::not_found("challenge"));
    }
    state
        .store
        .challenge(service_id, id)
        .await?
        .ok_or_else(|| ApiError::not_found("challenge"))
}

pub(crate) async fn view(state: &AppState, c: &Challenge) -> ApiResult<ChallengeView> {
    let messages = state.store.messages(&c.id).await?;
    Ok(ChallengeView::new(c, messages, state.now()))
}

/// Gives the challenge a hosted-page token; the page's address, token
/// included, which only the caller creating the challenge learns.
pub(crate) fn hosted_url(state: &AppState, c: &mut Challenge) -> String {
    let token = c.issue_page_token();
    format!(
        "{}/verify/{}?t={token}",
        state.config.public_url.trim_end_matches('/'),
        c.id
    )
}

pub(crate) fn event(c: &Challenge, kind: &str, at: Timestamp, detail: serde_json::Value) -> Event {
    let mut detail = detail;
    if let serde_json::Value::Object(map) = &mut detail {
        map.insert("challenge_id".into(), c.id.clone().into());
        map.insert("purpose".into(), c.purpose.clone().into());
    }
    Event::new(
        &c.service_id,
        Some(&c.user_id),
        kind,
        at,
        c.context.ip.as_deref(),
        detail,
    )
}

/// The user behind a challenge, who must not be locked out.
async fn unlocked_user(state: &AppState, service: &Service, c: &Challenge) -> ApiResult<User> {
    let user = find_user(state, &service.id, &c.user_id).await?;
    refuse_if_locked(&user, state.now())?;
    Ok(user)
}

/// Asks a user to prove themselves for a purpose.
#[utoipa::path(post, path = "/v1/challenges", tag = "challenges",
    request_body = CreateChallenge,
    responses((status = 201, body = ChallengeView),
              (status = 404, description = "not_found: no such user"),
              (status = 422, description = "unknown_purpose, policy_unsatisfiable"),
              (status = 429, description = "locked")),
    security(("api_key" = [])))]
pub async fn create_challenge(
    State(state): State<AppState>,
    ServiceAuth(service): ServiceAuth,
    ApiJson(body): ApiJson<CreateChallenge>,
) -> ApiResult<(StatusCode, Json<ChallengeView>)> {
    check_user_id(&body.user_id)?;
    if !is_valid_purpose_name(&body.purpose) {
        return Err(
            ApiError::invalid_request("purpose: expected 1–64 characters of a-z 0-9 _")
                .with("field", "purpose"),
        );
    }
    check_context(&body.context)?;
    check_return_url(&service, body.return_url.as_deref())?;
    let user = find_user(&state, &service.id, &body.user_id).await?;
    let now = state.now();
    refuse_if_locked(&user, now)?;
    let factors = state.store.factors(&user.id).await?;
    let enrolled: Vec<Method> = factors
        .iter()
        .filter(|f| f.status == FactorStatus::Active && f.codes_left != Some(0))
        .map(|f| f.kind.method())
        .collect();
    let history = usual_places(&state.store.recent_approved(&user.id, RISK_HISTORY).await?);
    let mut c = Challenge::open(
        &user,
        &body.purpose,
        &service.settings,
        &deliverable_to(&state, user.phone.as_deref()),
        &enrolled,
        body.context,
        &history,
        now,
    )
    .map_err(|e| ApiError::from_challenge(e, now))?;
    c.return_url = body.return_url;
    let page = hosted_url(&state, &mut c);
    ask_webauthn(&state, &mut c, &factors)?;
    let created = event(
        &c,
        "challenge.created",
        now,
        json!({"risk": c.risk, "transaction": c.context.transaction}),
    );
    state.store.insert_challenge(&c, &[created]).await?;
    if c.device_match.is_some() {
        state.device_waiters.notify(&c.user_pk);
    }
    let mut created = view(&state, &c).await?;
    created.hosted_url = Some(page);
    Ok((StatusCode::CREATED, Json(created)))
}

/// Prepares the WebAuthn request of a challenge that offers passkeys or
/// security keys.
pub(crate) fn ask_webauthn(
    state: &AppState,
    c: &mut Challenge,
    factors: &[Factor],
) -> ApiResult<()> {
    if c.offered.contains(&Method::Webauthn) {
        c.webauthn = state
            .relying_party()?
            .start_authentication(factors)
            .map_err(ceremony_error)?
            .map(|ceremony| WebauthnAsk {
                options: ceremony.options,
                state: ceremony.state,
            });
    }
    Ok(())
}

/// Refuses a return URL that does not start with one of the service's
/// registered ones: Countersign's pages never redirect anywhere else.
pub(crate) fn check_return_url(service: &Service, url: Option<&str>) -> ApiResult<()> {
    match url {
        Some(url) if !service.settings.allows_return_url(url) => Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            "invalid_return_url",
            "Return URL not registered",
            "return_url must start with one of the service's return_urls (PATCH /v1/service)",
        )
        .with("field", "return_url")),
        _ => Ok(()),
    }
}

/// How many of a user's latest approvals tell where they usually are.
const RISK_HISTORY: u32 = 20;

fn check_context(c: &ChallengeContext) -> ApiResult<()> {
    let fields = [
        ("context.ip", &c.ip, 64),
        ("context.user_agent", &c.user_agent, 512),
        ("context.device_id", &c.device_id, 128),
    ];
    for (name, value, max) in fields {
        if value.as_ref().is_some_and(|v| v.len() > max) {
            return Err(
                ApiError::invalid_request(format!("{name}: at most {max} characters"))
                    .with("field", name),
            );
        }
        if value.as_ref().is_some_and(|v| !is_printable(v)) {
            return Err(ApiError::invalid_request(format!(
                "{name}: control characters are not allowed"
            ))
            .with("field", name));
        }
    }
    if c.ip
        .as_deref()
        .is_some_and(|ip| ip.parse::<std::net::IpAddr>().is_err())
    {
        return Err(
            ApiError::invalid_request("context.ip: expected an IPv4 or IPv6 address")
                .with("field", "context.ip"),
        );
    }
    if c.country
        .as_deref()
        .is_some_and(|cc| cc.len() != 2 || !cc.bytes().all(|b| b.is_ascii_uppercase()))
    {
        return Err(ApiError::invalid_request(
            "context.country: expected an ISO 3166 alpha-2 code such as FR",
        )
        .with("field", "context.country"));
    }
    if let Some(t) = &c.transaction {
        t.validate().map_err(|e| {
            ApiError::new(
                StatusCode::BAD_REQUEST,
                "invalid_transaction",
                "Invalid transaction",
                e.to_string(),
            )
        })?;
    }
    Ok(())
}

#[utoipa::path(get, path = "/v1/challenges/{id}", tag = "challenges",
    params(("id" = String, Path)),
    responses((status = 200, body = ChallengeView), (status = 404, description = "not_found")),
    security(("api_key" = [])))]
pub async fn get_challenge(
    State(state): State<AppState>,
    ServiceAuth(service): ServiceAuth,
    Path(id): Path<String>,
) -> ApiResult<Json<ChallengeView>> {
    let c = load_challenge(&state, &service.id, &id).await?;
    Ok(Json(view(&state, &c).await?))
}

/// Sends a code by SMS, voice call or email. Answers 202 only once the
/// provider has accepted the message.
#[utoipa::path(post, path = "/v1/challenges/{id}/send", tag = "challenges",
    params(("id" = String, Path)),
    request_body = SendCode,
    responses((status = 202, body = SendView),
              (status = 409, description = "challenge_closed"), (status = 410, description = "expired"),
              (status = 422, description = "method_unavailable"),
              (status = 429, description = "resend_too_soon, rate_limited, locked"),
              (status = 502, description = "delivery_failed: the provider did not take the message")),
    security(("api_key" = [])))]
pub async fn send_code(
    State(state): State<AppState>,
    ServiceAuth(service): ServiceAuth,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<SendCode>,
) -> ApiResult<(StatusCode, Json<SendView>)> {
    let sent = deliver_code(&state, &service, &id, body.channel).await?;
    Ok((StatusCode::ACCEPTED, Json(sent)))
}

/// Issues a code on `channel` and hands it to the provider: answers once the
/// provider has accepted it, or with `delivery_failed`.
pub(crate) async fn deliver_code(
    state: &AppState,
    service: &Service,
    id: &str,
    channel: Channel,
) -> ApiResult<SendView> {
    let state = state.clone();
    let current = load_challenge(&state, &service.id, id).await?;
    let user = unlocked_user(&state, service, &current).await?;
    current
        .ensure_still_reaches(channel, &user)
        .map_err(|e| ApiError::from_challenge(e, state.now()))?;
    if !deliverable_to(&state, current.destinations.phone.as_deref()).contains(&channel) {
        return Err(ApiError::from_challenge(
            countersign_core::challenge::ChallengeError::MethodNotAllowed(channel.method()),
            state.now(),
        ));
    }
    let (c, (outgoing, message), _) = update_challenge(&state, &service.id, id, |c, now, _| {
        let outgoing = c
            .begin_send(channel, &state.keys.ring(), now)
            .map_err(|e| ApiError::from_challenge(e, now))?;
        let message = MessageRecord {
            id: new_id("msg"),
            challenge_id: c.id.clone(),
            channel,
            to: masked_destination(channel, &outgoing.to),
            status: DeliveryStatus::Queued,
            provider_ref: None,
            attempts: 0,
            error: None,
            created_at: now,
            updated_at: now,
        };
        let keys = state.keys.ring();
        let ip = c
            .context
            .ip
            .as_deref()
            .and_then(|ip| ip.parse().ok())
            .map(|ip| keys.pseudonym("ip", &ip_bucket(ip)));
        let counters = state.config.limits.checks(
            &SendFacts {
                service_id: &c.service_id,
                channel,
                destination: &keys.pseudonym("destination", &outgoing.to),
                ip: ip.as_deref(),
                calling_code: channel
                    .uses_phone()
                    .then(|| calling_code(&outgoing.to))
                    .flatten(),
            },
            now,
        );
        let write = Write {
            message: Some(message.clone()),
            counters,
            ..Write::events(Vec::new())
        };
        Ok(((outgoing, message), write))
    })
    .await?;

    let ttl_minutes = u32::try_from(outgoing.sent_at.seconds_until(c.expires_at).div_ceil(60))
        .unwrap_or(u32::MAX);
    let rendered = render(
        channel,
        &MessageParams {
            service_name: &service.name,
            purpose: &c.purpose,
            code: &outgoing.code,
            locale: user.locale.as_deref(),
            ttl_minutes,
            origin_host: state.config.public_host(),
            transaction: c.context.transaction.as_ref(),
        },
    );
    let report = state
        .delivery
        .send(&OutboundMessage {
            message_id: message.id.clone(),
            channel,
            to: outgoing.to.clone(),
            subject: rendered.subject,
            body: rendered.body,
            code: outgoing.code,
            language: rendered.language.to_owned(),
            speech_language: rendered.speech_language.to_owned(),
            service_name: service.name.clone(),
            status_callback: state.delivery.callback_auth(channel).map(|_| {
                format!(
                    "{}/v1/delivery/status/{}?message_id={}",
                    state.config.public_url.trim_end_matches('/'),
                    channel.as_str(),
                    message.id
                )
            }),
        })
        .await;
    let now = state.now();
    let (attempts, provider, outcome) = match report {
        Some(r) => (r.attempts, r.provider, r.outcome.map_err(|e| e.to_string())),
        None => (
            0,
            "none",
            Err("no provider is configured for this channel".to_owned()),
        ),
    };
    match outcome {
        Ok(receipt) => {
            state
                .store
                .update_message(&MessageUpdate {
                    id: &message.id,
                    status: DeliveryStatus::Sent,
                    provider_ref: receipt.provider_ref.as_deref(),
                    attempts,
                    error: None,
                    now,
                })
                .await?;
            let sent = event(
                &c,
                "challenge.code_sent",
                now,
                json!({"channel": channel, "to": message.to, "provider": provider, "message_id": message.id}),
            );
            state.store.insert_events(&[sent]).await?;
            state.metrics.count_send(channel.as_str(), "sent");
            Ok(SendView {
                message_id: message.id,
                channel,
                to: message.to,
                sent_at: outgoing.sent_at,
                resend_available_at: outgoing.resend_available_at,
            })
        }
        Err(reason) => {
            tracing::warn!(challenge_id = %c.id, message_id = %message.id, channel = channel.as_str(), provider, %reason, "delivery failed");
            state.metrics.count_send(channel.as_str(), "failed");
            state
                .store
                .update_message(&MessageUpdate {
                    id: &message.id,
                    status: DeliveryStatus::Failed,
                    provider_ref: None,
                    attempts,
                    error: Some(&reason),
                    now,
                })
                .await?;
            let (c, (), _) = update_challenge(&state, &service.id, id, |c, now, _| {
                c.delivery_failed(channel, outgoing.sent_at, now);
                let failed = event(
                    c,
                    "challenge.delivery_failed",
                    now,
                    json!({"channel": channel, "provider": provider, "message_id": message.id}),
                );
                Ok(((), Write::events(vec![failed])))
            })
            .await?;
            let alternatives: Vec<&str> = c
                .usable_methods()
                .into_iter()
                .filter(|m| *m != channel.method())
                .map(Method::as_str)
                .collect();
            Err(ApiError::new(
                StatusCode::BAD_GATEWAY,
                "delivery_failed",
                "Code not sent",
                format!(
                    "the {} could not be sent; no code is on its way. Try another method.",
                    channel.as_str()
                ),
            )
            .with("channel", channel.as_str())
            .with("alternatives", alternatives)
            .with(
                "suggested_method",
                c.fallback_after(channel).map(Method::as_str),
            ))
        }
    }
}

/// The factor use a typed code would make: the TOTP step or HOTP counter it
/// matches, or the recovery code it names (whether that code exists and is
/// unused is decided by the conditional update that spends it).
fn factor_use(
    factors: &[(Factor, Option<Zeroizing<Vec<u8>>>)],
    typed: &str,
    now: Timestamp,
) -> Option<FactorUse> {
    factors.iter().find_map(|(f, seed)| match seed {
        Some(seed) => f
            .match_code(seed, typed, now)
            .map(|moving_factor| FactorUse::Otp {
                factor_id: f.id.clone(),
                moving_factor,
                now,
            }),
        None => normalize_recovery_code(typed).map(|code| FactorUse::RecoveryCode {
            code_hash: recovery_code_hash(&f.id, &code),
            factor_id: f.id.clone(),
            now,
        }),
    })
}

/// Checks a code. Exactly one of many concurrent verifies of the same right
/// code approves.
#[utoipa::path(post, path = "/v1/challenges/{id}/verify", tag = "challenges",
    params(("id" = String, Path)),
    request_body = VerifyCode,
    responses((status = 200, body = ChallengeView),
              (status = 409, description = "challenge_closed"), (status = 410, description = "expired"),
              (status = 422, description = "invalid_code (with attempts_left), method_unavailable"),
              (status = 429, description = "too_many_attempts, locked")),
    security(("api_key" = [])))]
pub async fn verify_code(
    State(state): State<AppState>,
    ServiceAuth(service): ServiceAuth,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<VerifyCode>,
) -> ApiResult<Json<ChallengeView>> {
    check_answer(&state, &service, &id, body).await
}

/// Checks a typed answer (a sent code, an authenticator code, a recovery
/// code) against the challenge `id` of `service`.
pub(crate) async fn check_answer(
    state: &AppState,
    service: &Service,
    id: &str,
    body: VerifyCode,
) -> ApiResult<Json<ChallengeView>> {
    let state = state.clone();
    let method = body.method;
    if method == Method::Webauthn {
        return check_assertion(&state, service, id, body.credential).await;
    }
    if matches!(method, Method::Webauthn | Method::Device) {
        return Err(ApiError::from_challenge(
            countersign_core::challenge::ChallengeError::MethodNotAllowed(method),
            state.now(),
        ));
    }
    let Some(code) = body.code else {
        return Err(
            ApiError::invalid_request("code: required for this method").with("field", "code")
        );
    };
    if code.len() > 64 {
        return Err(ApiError::invalid_request("code: at most 64 characters").with("field", "code"));
    }
    // The user's factors for this method, with their seeds opened once.
    let factors = if method.channel().is_none() {
        let c = load_challenge(&state, &service.id, id).await?;
        let mut held = Vec::new();
        for f in state.store.factors(&c.user_pk).await? {
            if f.status == FactorStatus::Active && f.kind.method() == method {
                let seed = match f.kind {
                    FactorType::RecoveryCodes => None,
                    _ => Some(open_seed(&state, &f)?),
                };
                held.push((f, seed));
            }
        }
        held
    } else {
        Vec::new()
    };
    // A locked user is refused when the decision is saved (see
    // `Saved::UserLocked`), atomically with the lock itself.
    let lockout = service.settings.lockout;
    let (c, outcome, locked_until) =
        update_challenge(&state, &service.id, id, |c, now, replayed| {
            let (outcome, factor_use) = match method.channel() {
                Some(channel) => {
                    let issued = c.codes.iter().find(|i| i.channel == channel);
                    let keys = state
                        .keys
                        .ring_knowing(issued.and_then(|i| key_id_of(&i.hash)));
                    (c.verify_code(method, &code, &keys, now), None)
                }
                None => {
                    let used = (!replayed)
                        .then(|| factor_use(&factors, &code, now))
                        .flatten();
                    (c.verify_factor(method, used.is_some(), now), used)
                }
            };
            let outcome = outcome.map_err(|e| ApiError::from_challenge(e, now))?;
            let factor_id = factor_use.as_ref().map(|u| u.factor_id().to_owned());
            let mut write = checked_write(c, method, outcome, factor_id.as_deref(), lockout, now);
            write.factor_use =
                factor_use.filter(|_| matches!(outcome, VerifyOutcome::Accepted { .. }));
            Ok((outcome, write))
        })
        .await?;
    checked_answer(&state, &c, method, outcome, locked_until).await
}

/// Checks a passkey's or security key's assertion for challenge `id`. A
/// refused assertion uses up an attempt like a wrong code; a counter that
/// went backwards is also recorded as a possible cloned key.
async fn check_assertion(
    state: &AppState,
    service: &Service,
    id: &str,
    credential: Option<serde_json::Value>,
) -> ApiResult<Json<ChallengeView>> {
    let credential = credential.ok_or_else(|| {
        ApiError::invalid_request("credential: required for webauthn").with("field", "credential")
    })?;
    let rp = state.relying_party()?;
    let current = load_challenge(state, &service.id, id).await?;
    let factors = state.store.factors(&current.user_pk).await?;
    let lockout = service.settings.lockout;
    let (c, outcome, locked_until) =
        update_challenge(state, &service.id, id, |c, now, replayed| {
            let checked = match (&c.webauthn, replayed) {
                (Some(ask), false) => {
                    Some(rp.finish_authentication(&ask.state, &credential, &factors))
                }
                _ => None,
            };
            let used = match &checked {
                Some(Ok(used)) => Some(FactorUse::Webauthn {
                    factor_id: used.factor_id.clone(),
                    params: serde_json::to_string(&used.params).expect("serialises"),
                    counter: used.counter,
                    now,
                }),
                _ => None,
            };
            let outcome = c
                .verify_factor(Method::Webauthn, used.is_some(), now)
                .map_err(|e| ApiError::from_challenge(e, now))?;
            let factor_id = used.as_ref().map(|u| u.factor_id().to_owned());
            let mut write = checked_write(
                c,
                Method::Webauthn,
                outcome,
                factor_id.as_deref(),
                lockout,
                now,
            );
            write.factor_use = used;
            if let Some(Err(crate::webauthn::CeremonyError::PossibleClone)) = &checked {
                write.events.push(event(
                    c,
                    "factor.possible_clone",
                    now,
                    json!({"method": "webauthn"}),
                ));
            }
            Ok((outcome, write))
        })
        .await?;
    checked_answer(state, &c, Method::Webauthn, outcome, locked_until).await
}

/// What recording a checked answer (code, factor or device) writes: events,
/// and a success or failure for the user's lockout count.
pub(crate) fn checked_write(
    c: &Challenge,
    method: Method,
    outcome: VerifyOutcome,
    factor_id: Option<&str>,
    lockout: LockoutPolicy,
    now: Timestamp,
) -> Write {
    match outcome {
        VerifyOutcome::Accepted { approved } => {
            let destination = method
                .channel()
                .and_then(|ch| c.destinations.for_channel(ch))
                .map(str::to_owned);
            let phone_like = matches!(method, Method::Sms | Method::Voice);
            let mut events = vec![event(
                c,
                "challenge.method_verified",
                now,
                json!({"method": method, "factor_id": factor_id}),
            )];
            if approved && c.status == ChallengeStatus::Held {
                events.push(event(
                    c,
                    "challenge.held",
                    now,
                    json!({"methods": c.satisfied, "held_until": c.held_until}),
                ));
            } else if approved {
                events.push(event(
                    c,
                    "challenge.approved",
                    now,
                    json!({"methods": c.satisfied}),
                ));
            }
            Write {
                user: UserEffect::Success {
                    verified_email: destination.clone().filter(|_| method == Method::Email),
                    verified_phone: destination.filter(|_| phone_like),
                    approved,
                    now,
                },
                ..Write::events(events)
            }
        }
        VerifyOutcome::Rejected { attempts_left } => Write {
            user: UserEffect::Failure { lockout, now },
            ..Write::events(vec![event(
                c,
                "challenge.code_rejected",
                now,
                json!({"method": method, "attempts_left": attempts_left}),
            )])
        },
        VerifyOutcome::Exhausted => Write {
            user: UserEffect::Failure { lockout, now },
            ..Write::events(vec![event(
                c,
                "challenge.failed",
                now,
                json!({"method": method, "reason": "too_many_attempts"}),
            )])
        },
    }
}

/// The 422 for a wrong answer: `invalid_credential` for a refused WebAuthn
/// assertion, `invalid_code` for anything typed or picked.
fn wrong_answer(method: Method, attempts_left: u32) -> ApiError {
    let error = if method == Method::Webauthn {
        ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_credential",
            "Credential refused",
            "the passkey or security key's answer does not verify for this challenge",
        )
    } else {
        ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_code",
            "Wrong code",
            "the code is not right",
        )
    };
    error.with("attempts_left", attempts_left)
}

/// The answer to a checked verification: the challenge, or why not.
pub(crate) async fn checked_answer(
    state: &AppState,
    c: &Challenge,
    method: Method,
    outcome: VerifyOutcome,
    locked_until: Option<Timestamp>,
) -> ApiResult<Json<ChallengeView>> {
    let now = state.now();
    if let Some(until) = locked_until {
        let locked = Event::new(
            &c.service_id,
            Some(&c.user_id),
            "user.locked",
            now,
            c.context.ip.as_deref(),
            json!({"until": until}),
        );
        state.store.insert_events(&[locked]).await?;
    }
    match outcome {
        VerifyOutcome::Accepted { approved } => {
            state
                .metrics
                .count_verification(if approved { "approved" } else { "accepted" });
            Ok(Json(view(state, c).await?))
        }
        VerifyOutcome::Rejected { attempts_left } => {
            state.metrics.count_verification("rejected");
            match locked_until {
                Some(until) => Err(ApiError::locked(now, until)),
                None => Err(wrong_answer(method, attempts_left)),
            }
        }
        VerifyOutcome::Exhausted => {
            state.metrics.count_verification("exhausted");
            if let Some(until) = locked_until {
                return Err(ApiError::locked(now, until));
            }
            Err(ApiError::too_many(
                "too_many_attempts",
                "Too many attempts",
                "no attempt is left; this challenge has failed. Start a new one.",
                now,
                now,
            )
            .with("attempts_left", 0))
        }
    }
}

/// Releases a withdrawal held after a security change, once the integrator
/// has reviewed the change (the hold also ends by itself when its period
/// is over).
#[utoipa::path(post, path = "/v1/challenges/{id}/release", tag = "challenges",
    params(("id" = String, Path)),
    responses((status = 200, body = ChallengeView),
              (status = 409, description = "not_held, challenge_closed"), (status = 410, description = "expired")),
    security(("api_key" = [])))]
pub async fn release_challenge(
    State(state): State<AppState>,
    ServiceAuth(service): ServiceAuth,
    Path(id): Path<String>,
) -> ApiResult<Json<ChallengeView>> {
    let (c, (), _) = update_challenge(&state, &service.id, &id, |c, now, _| {
        c.release(now)
            .map_err(|e| ApiError::from_challenge(e, now))?;
        Ok((
            (),
            Write::events(vec![event(c, "challenge.released", now, json!({}))]),
        ))
    })
    .await?;
    Ok(Json(view(&state, &c).await?))
}

#[utoipa::path(post, path = "/v1/challenges/{id}/cancel", tag = "challenges",
    params(("id" = String, Path)),
    responses((status = 200, body = ChallengeView), (status = 409, description = "challenge_closed"), (status = 410, description = "expired")),
    security(("api_key" = [])))]
pub async fn cancel_challenge(
    State(state): State<AppState>,
    ServiceAuth(service): ServiceAuth,
    Path(id): Path<String>,
) -> ApiResult<Json<ChallengeView>> {
    let c = cancel(&state, &service.id, &id).await?;
    Ok(Json(view(&state, &c).await?))
}

/// Cancels challenge `id` of the service (the integrator's call, or the
/// user's "this wasn't me" on the hosted page).
pub(crate) async fn cancel(state: &AppState, service_id: &str, id: &str) -> ApiResult<Challenge> {
    let (c, (), _) = update_challenge(state, service_id, id, |c, now, _| {
        c.cancel(now)
            .map_err(|e| ApiError::from_challenge(e, now))?;
        Ok((
            (),
            Write::events(vec![event(c, "challenge.cancelled", now, json!({}))]),
        ))
    })
    .await?;
    Ok(c)
}
