//! The payment details of a challenge (`context.transaction` of
//! `POST /v1/challenges`, deserialized by serde_json as inside the whole
//! body), then validated, and when valid put in every message: the SMS, and
//! (with the `server` feature, as CI builds it) the voice call's TwiML from
//! the delivery crate's template. A payee's name must never change what the
//! message says around it, nor add an element to the call's TwiML. The SMS
//! part needs only countersign-core and countersign-i18n.
#![no_main]

use countersign_core::policy::Channel;
use countersign_core::transaction::Transaction;
use countersign_i18n::message::{render, MessageParams};
use countersign_i18n::ServiceBrand;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(transaction) = serde_json::from_slice::<Transaction>(data) else {
        return;
    };
    if transaction.validate().is_err() {
        return;
    }
    let digest = transaction.digest("chl_fuzz");
    assert!(digest.len() == 64 && digest.bytes().all(|b| b.is_ascii_hexdigit()));
    // GSM-7 languages, languages written in UCS-2 (70 characters: a long
    // payment goes in English), and one written right to left.
    for locale in ["en", "fr", "ru", "ja", "ar"] {
        let params = MessageParams {
            service_name: "Acme Bank",
            purpose: "withdrawal",
            code: "{code}",
            locale: Some(locale),
            ttl_minutes: 5,
            origin_host: Some("acme.example"),
            transaction: Some(&transaction),
            brand: &ServiceBrand::NONE,
        };
        // Valid details carry no control character, so the SMS has only
        // the template's line breaks: the two before the WebOTP line, which
        // is then the last, or none when the line would not fit one segment
        // (a destination in a script outside GSM-7 leaves 70 characters).
        let sms = render(Channel::Sms, &params).body;
        match sms.matches('\n').count() {
            0 => {}
            2 => assert!(sms.ends_with("\n\n@acme.example #{code}"), "{sms:?}"),
            _ => panic!("a line break from the details: {sms:?}"),
        }
        #[cfg(feature = "server")]
        {
            let voice = render(Channel::Voice, &params).body;
            let twiml = countersign_delivery::twiml(&voice, "en-US");
            // <Response><Say …>…</Say></Response>: the details add no tag.
            assert_eq!(twiml.matches('<').count(), 4, "{twiml:?}");
        }
    }
});
