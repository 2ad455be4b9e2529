//! Request extractors that fail with the contract's errors instead of axum's
//! plain-text rejections.

use axum::extract::{FromRef, FromRequest, FromRequestParts, OptionalFromRequestParts, Request};
use axum::http::header;
use axum::http::request::Parts;
use countersign_core::json::ObjectsOnly;
use countersign_core::service::Service;
use countersign_core::support::JOIN_COOKIE;
use serde::de::DeserializeOwned;

use crate::error::ApiError;
use countersign_app::services::Caller;
use countersign_app::App;

/// Largest request body accepted, from the contract.
pub const MAX_BODY_BYTES: usize = 64 * 1024;

/// A JSON body, at most 64 KiB (or `MAX` bytes, for the few routes that
/// take larger documents), parsed strictly: unknown fields and wrong
/// types are refused with the offending field named in `detail`.
pub struct ApiJson<T, const MAX: usize = MAX_BODY_BYTES>(pub T);

impl<S: Send + Sync, T: DeserializeOwned, const MAX: usize> FromRequest<S> for ApiJson<T, MAX> {
    type Rejection = ApiError;

    async fn from_request(req: Request, _state: &S) -> Result<Self, Self::Rejection> {
        if let Some(ct) = req.headers().get(header::CONTENT_TYPE) {
            let ct = ct.to_str().unwrap_or_default().to_ascii_lowercase();
            let essence = ct.split(';').next().unwrap_or_default().trim();
            if essence != "application/json" && !essence.ends_with("+json") {
                return Err(ApiError::invalid_request(format!(
                    "expected Content-Type: application/json, got {essence:?}"
                )));
            }
        }
        let bytes = axum::body::to_bytes(req.into_body(), MAX)
            .await
            .map_err(|_| {
                ApiError::invalid_request(format!("request body is larger than {} KiB", MAX / 1024))
            })?;
        parse_json(&bytes).map(ApiJson)
    }
}

/// Parses JSON, naming the field that is wrong. Every struct, at any depth,
/// must be a JSON object ([`ObjectsOnly`]): serde alone would read an
/// array into a struct field by field.
pub fn parse_json<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ApiError::invalid_request("a JSON body is required"));
    }
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let value = serde_path_to_error::deserialize(ObjectsOnly(&mut de)).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        let detail = if path == "." || path == "?" || path.is_empty() {
            format!("body: {inner}")
        } else {
            format!("{path}: {inner}")
        };
        ApiError::invalid_request(detail).with("field", path)
    })?;
    de.end()
        .map_err(|e| ApiError::invalid_request(format!("body: {e}")))?;
    Ok(value)
}

/// The service whose API key is in `Authorization: Bearer …`.
pub struct ServiceAuth(pub Service);

impl<S: Send + Sync> FromRequestParts<S> for ServiceAuth
where
    App: FromRef<S>,
{
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let KeyAuth(caller) = KeyAuth::from_request_parts(parts, state).await?;
        Ok(ServiceAuth(caller.service))
    }
}

/// The service and which of its API keys is in `Authorization: Bearer …`
/// (for the routes that manage keys, whose events say which key acted).
pub struct KeyAuth(pub Caller);

impl<S: Send + Sync> FromRequestParts<S> for KeyAuth
where
    App: FromRef<S>,
{
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let app = App::from_ref(state);
        let key = parts
            .headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| {
                v.strip_prefix("Bearer ")
                    .or_else(|| v.strip_prefix("bearer "))
            })
            .map(str::trim)
            .filter(|k| !k.is_empty() && k.len() <= 256)
            .ok_or_else(ApiError::unauthorized)?;
        app.caller_for_key(key)
            .await?
            .map(KeyAuth)
            .ok_or_else(ApiError::unauthorized)
    }
}

/// `Option<ServiceAuth>`: `None` without an `Authorization` header (a
/// customer's call), the service with a valid key, and 401 with a wrong
/// one (a bad key is never taken for no key).
impl<S: Send + Sync> OptionalFromRequestParts<S> for ServiceAuth
where
    App: FromRef<S>,
{
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &S,
    ) -> Result<Option<Self>, Self::Rejection> {
        if !parts.headers.contains_key(header::AUTHORIZATION) {
            return Ok(None);
        }
        <ServiceAuth as FromRequestParts<S>>::from_request_parts(parts, state)
            .await
            .map(Some)
    }
}

/// The customer's support join session: the value of
/// [`countersign_core::support::JOIN_COOKIE`], if the browser sent one.
pub struct JoinSession(pub Option<String>);

impl<S: Send + Sync> FromRequestParts<S> for JoinSession
where
    App: FromRef<S>,
{
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let cookies = App::from_ref(state).config.cookies();
        Ok(JoinSession(
            parts
                .headers
                .get_all(header::COOKIE)
                .iter()
                .filter_map(|v| v.to_str().ok())
                .find_map(|v| cookies.token(JOIN_COOKIE, v))
                .map(str::to_owned),
        ))
    }
}

/// The address the request came from: the TCP peer (present when the
/// server runs with connect info, as `serve` does), or, when that peer is
/// one of the `trusted_proxies`, the client they forwarded for (see
/// [`countersign_core::net::client_ip`]). Rate limits for callers without a
/// service key (customers joining a support call) count by it.
pub struct ClientIp(pub Option<std::net::IpAddr>);

impl<S: Send + Sync> FromRequestParts<S> for ClientIp
where
    App: FromRef<S>,
{
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let Some(peer) = parts
            .extensions
            .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
            .map(|c| c.0.ip())
        else {
            return Ok(ClientIp(None));
        };
        let app = App::from_ref(state);
        let header = app.config.forwarding_header;
        // Undecodable bytes stay in as U+FFFD: the hop that holds them
        // cannot be read, which stops the walk there.
        let values: Vec<String> = parts
            .headers
            .get_all(header.name())
            .iter()
            .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned())
            .collect();
        Ok(ClientIp(Some(countersign_core::net::client_ip(
            peer,
            header,
            &values,
            &app.config.trusted_proxies,
        ))))
    }
}

/// The end user's IP as the integrator saw it, from the optional
/// `Countersign-User-Ip` header on calls the integrator makes for a user
/// (adding or removing a method, changing a contact): security notices say
/// where a change came from, and events record it.
pub struct EndUserIp(pub Option<String>);

impl<S: Send + Sync> FromRequestParts<S> for EndUserIp {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        let Some(value) = parts.headers.get("countersign-user-ip") else {
            return Ok(EndUserIp(None));
        };
        value
            .to_str()
            .ok()
            .and_then(|v| v.trim().parse::<std::net::IpAddr>().ok())
            .map(|ip| EndUserIp(Some(ip.to_canonical().to_string())))
            .ok_or_else(|| {
                ApiError::invalid_request(
                    "Countersign-User-Ip: expected the end user's IPv4 or IPv6 address",
                )
                .with("field", "Countersign-User-Ip")
            })
    }
}
