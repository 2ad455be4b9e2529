//! SMS and voice providers' status callbacks (`POST /v1/delivery/status/
//! {channel}`), read by the functions the handler calls: the
//! `Countersign-Signature` header check, then the webhook provider's JSON
//! body or Twilio's form body (with the callback's query). The first byte
//! picks which; the first line of the rest is the header or the query, the
//! remainder the body.
#![no_main]

use axum::http::Uri;
use countersign_delivery::verify_signature_header;
use countersign_server::api::delivery::{twilio_report, webhook_report};
use libfuzzer_sys::fuzz_target;

const SECRET: &[u8] = b"whsec-fuzz";
const NOW: u64 = 1_790_000_000;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let (first_line, body) = text.split_once('\n').unwrap_or((text, ""));
    let report = if selector & 1 == 0 {
        // A made-up signature line is refused, never a panic.
        let _ = verify_signature_header(SECRET, first_line, body.as_bytes(), NOW, 300);
        webhook_report(body.as_bytes())
    } else {
        let Ok(uri) = Uri::try_from(format!("/v1/delivery/status/sms?{first_line}")) else {
            return;
        };
        twilio_report(&uri, body.as_bytes())
    };
    // Past the signature, only the body can be refused, and only as bad input.
    if let Err(e) = &report {
        assert_eq!(e.status.as_u16(), 400, "{e:?}");
    }
});
