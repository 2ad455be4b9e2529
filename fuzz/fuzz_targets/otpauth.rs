//! The `otpauth://` Key URI handed to authenticator apps, built from what
//! integrators and users choose (the service name as issuer, the account)
//! and a seed (`parse_seed`: the base32 secret of imports). Countersign
//! writes these URIs, never reads them; the property fuzzed is that a
//! standard URL parser reads back exactly the issuer, account and secret:
//! no chosen name can add or change a parameter.
//! Input lines: issuer, account, base32 secret, and `totp` or a HOTP counter.
#![no_main]

use countersign_core::otp::{base32_encode, otpauth_uri, parse_seed, OtpKind, OtpParams};
use libfuzzer_sys::fuzz_target;
use url::Url;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut lines = text.split('\n');
    let issuer = lines.next().unwrap_or_default();
    let account = lines.next().unwrap_or_default();
    let Ok(seed) = parse_seed(lines.next().unwrap_or_default()) else {
        return;
    };
    let kind = match lines.next().map(str::parse::<u64>) {
        Some(Ok(counter)) => OtpKind::Hotp { counter },
        _ => OtpKind::Totp,
    };
    let uri = otpauth_uri(kind, &seed, issuer, account, &OtpParams::default());

    let url = Url::parse(&uri).expect("a valid URL");
    assert_eq!(url.scheme(), "otpauth");
    let kind_name = match kind {
        OtpKind::Totp => "totp",
        OtpKind::Hotp { .. } => "hotp",
    };
    assert_eq!(url.host_str(), Some(kind_name));
    let label = url.path().strip_prefix('/').expect("a label");
    let (encoded_issuer, encoded_account) = label.split_once(':').expect("issuer:account");
    let decode = |s: &str| {
        percent_encoding::percent_decode_str(s)
            .decode_utf8()
            .expect("UTF-8")
            .into_owned()
    };
    assert_eq!(decode(encoded_issuer), issuer);
    assert_eq!(decode(encoded_account), account);
    let pairs: Vec<(String, String)> = url.query_pairs().into_owned().collect();
    let names: Vec<&str> = pairs.iter().map(|(k, _)| k.as_str()).collect();
    let moving = match kind {
        OtpKind::Totp => "period",
        OtpKind::Hotp { .. } => "counter",
    };
    assert_eq!(names, ["secret", "issuer", "algorithm", "digits", moving]);
    assert_eq!(pairs[0].1, base32_encode(&seed));
    assert_eq!(pairs[1].1, issuer);
    assert_eq!(parse_seed(&pairs[0].1).as_deref(), Ok(seed.as_slice()));
});
