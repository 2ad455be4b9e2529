//! Phone numbers as users and integrators type them (`PUT /v1/users/{id}`,
//! the security center, the CLI): `normalize_phone` and what is then done
//! with its result (region, calling code, the masked form shown on pages).
#![no_main]

use countersign_core::contact::{calling_code, mask_phone, normalize_phone, region};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(input) = std::str::from_utf8(data) else {
        return;
    };
    // Masking runs on stored numbers, but must never panic on any text.
    mask_phone(input);
    let Ok(e164) = normalize_phone(input) else {
        return;
    };
    // E.164: a plus and at most 15 digits, and normalising it again is a no-op.
    assert!(e164.starts_with('+'), "{e164:?}");
    assert!(e164[1..].bytes().all(|b| b.is_ascii_digit()), "{e164:?}");
    assert!((2..=16).contains(&e164.len()), "{e164:?}");
    assert_eq!(normalize_phone(&e164).as_deref(), Ok(e164.as_str()));
    assert!(calling_code(&e164).is_some(), "{e164:?}");
    region(&e164);
    let masked = mask_phone(&e164);
    assert!(masked.starts_with('+'), "{masked:?}");
});
