//! SMS and voice providers' status callbacks (`POST /v1/delivery/status/
//! {channel}`), parsed by the functions the handler calls: the webhook
//! provider's signed JSON and Twilio's signed form. The first byte picks the
//! provider (bit 0) and whether the signature is made valid (bit 1), so the
//! fuzzer reaches the body parsers behind the signature check as well as
//! the signature header parsers. Then: webhook, the `Countersign-Signature`
//! header line and the JSON body; Twilio, the callback's query line and
//! the form body.
#![no_main]

use axum::http::{HeaderMap, HeaderValue, Uri};
use countersign_delivery::{signature_header, twilio_signature};
use countersign_server::api::delivery::{twilio_report, webhook_report};
use libfuzzer_sys::fuzz_target;

const SECRET: &str = "whsec-fuzz";
const NOW: u64 = 1_790_000_000;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let (first_line, body) = text.split_once('\n').unwrap_or((text, ""));
    let signed = selector & 2 != 0;
    let mut headers = HeaderMap::new();
    if selector & 1 == 0 {
        let header = if signed {
            signature_header(SECRET.as_bytes(), NOW, body.as_bytes())
        } else {
            first_line.to_owned()
        };
        let Ok(value) = HeaderValue::from_str(&header) else {
            return;
        };
        headers.insert("countersign-signature", value);
        let report = webhook_report(SECRET, &headers, body.as_bytes(), NOW);
        if signed {
            // Past the signature, only the body can be refused.
            if let Err(e) = &report {
                assert_eq!(e.status.as_u16(), 400, "{e:?}");
            }
        }
    } else {
        let Ok(uri) = Uri::try_from(format!("/v1/delivery/status/sms?{first_line}")) else {
            return;
        };
        let url = format!("https://cs.example{uri}");
        let form: Vec<(String, String)> = form_urlencoded::parse(body.as_bytes())
            .into_owned()
            .collect();
        let header = if signed {
            twilio_signature(SECRET, &url, &form)
        } else {
            first_line.to_owned()
        };
        let Ok(value) = HeaderValue::from_str(&header) else {
            return;
        };
        headers.insert("x-twilio-signature", value);
        let report = twilio_report(SECRET, &url, &uri, &headers, body.as_bytes());
        if signed {
            if let Err(e) = &report {
                assert_eq!(e.status.as_u16(), 400, "{e:?}");
            }
        }
    }
});
