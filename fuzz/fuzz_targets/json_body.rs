//! Every JSON request body of the API, parsed by the function the `ApiJson`
//! extractor calls (`parse_json`). The first byte picks the request type
//! (modulo their number), the rest is the body. Service settings patches
//! are also applied, as `PATCH /v1/service` does (return URLs, policies).
#![no_main]

use countersign_app::challenges::answer::Answer;
use countersign_app::challenges::open::OpenChallenge;
use countersign_app::challenges::send::SendCode;
use countersign_app::devices::DeviceResponse;
use countersign_app::factors::activate::Activation;
use countersign_app::factors::enrol::Enrolment;
use countersign_app::portal::CreatePortalSession;
use countersign_app::support::appointments::BookAppointment;
use countersign_app::support::join::JoinAnswer;
use countersign_app::users::PutUser;
use countersign_core::service::{ServiceSettings, SettingsPatch};
use countersign_server::api::factors::ResyncFactor;
use countersign_server::api::help::PutArticle;
use countersign_server::api::support::{AgentCheck, JoinRequest, Reschedule, TokenRequest};
use countersign_server::api::webauthn::SignInFinish;
use countersign_server::extract::parse_json;
use libfuzzer_sys::fuzz_target;

/// Parses `body` as each listed type in turn, the one at `index`.
macro_rules! parse_as {
    ($index:expr, $body:expr, [$($t:ty),+ $(,)?]) => {{
        let types: &[fn(&[u8])] = &[$(|b| { let _ = parse_json::<$t>(b); }),+];
        types[$index % types.len()]($body)
    }};
}

fuzz_target!(|data: &[u8]| {
    let Some((&selector, body)) = data.split_first() else {
        return;
    };
    match selector {
        // `POST /v1/challenges/{id}/device-response` reads its body the
        // same way, after checking the device's signature over it.
        0 => {
            let _ = parse_json::<DeviceResponse>(body);
        }
        1 => {
            if let Ok(patch) = parse_json::<SettingsPatch>(body) {
                let _ = ServiceSettings::default().apply(&patch);
            }
        }
        n => parse_as!(
            usize::from(n - 2),
            body,
            [
                OpenChallenge,
                SendCode,
                Answer,
                PutUser,
                BookAppointment,
                Reschedule,
                JoinRequest,
                JoinAnswer,
                TokenRequest,
                AgentCheck,
                Enrolment,
                Activation,
                ResyncFactor,
                PutArticle,
                SignInFinish,
                CreatePortalSession,
            ]
        ),
    }
});
