//! E-mail addresses as users and integrators type them: `normalize_email`
//! and the masked form shown on pages.
#![no_main]

use countersign_core::contact::{mask_email, normalize_email};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(input) = std::str::from_utf8(data) else {
        return;
    };
    mask_email(input);
    let Ok(email) = normalize_email(input) else {
        return;
    };
    // One @ between a local part and a lower-case dotted domain; no control
    // character (they would reach SMTP headers); normalising is idempotent.
    let (local, domain) = email.rsplit_once('@').expect("an @");
    assert!(!local.is_empty(), "{email:?}");
    assert!(
        domain.contains('.') && domain == domain.to_ascii_lowercase(),
        "{email:?}"
    );
    assert!(!email.chars().any(char::is_control), "{email:?}");
    assert_eq!(normalize_email(&email).as_deref(), Ok(email.as_str()));
    assert!(mask_email(&email).ends_with(domain));
});
