//! Contact points: phone numbers to E.164, e-mail addresses, locales, and the
//! masked forms shown to whoever is at the keyboard (never the full address).

use std::str::FromStr;
use std::sync::LazyLock;

use phonenumber::metadata::{Database, DATABASE};
use thiserror::Error;

/// phonenumber's number plan, with its regular-expression cache sized to
/// hold all of the plan's patterns (about 2,040). The crate keeps 100, so
/// every number from a country outside the last few seen recompiled its
/// country's patterns: a parse took milliseconds instead of microseconds.
fn number_plan() -> &'static Database {
    static ENLARGED: LazyLock<&'static Database> = LazyLock::new(|| {
        let cache = DATABASE.cache();
        let mut cache = cache
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        *cache = regex_cache::RegexCache::new(4096);
        &DATABASE
    });
    *ENLARGED
}

fn parse_international(text: &str) -> Option<phonenumber::PhoneNumber> {
    phonenumber::parse_with(number_plan(), None, text).ok()
}

#[derive(Debug, Error, PartialEq, Eq)]
pub enum ContactError {
    #[error("not a valid international phone number (use the +CC format)")]
    InvalidPhone,
    #[error("not a valid e-mail address")]
    InvalidEmail,
    #[error("not a valid locale (expected a language tag such as \"en\" or \"fr-FR\")")]
    InvalidLocale,
    /// `email_verified` / `phone_verified` for a contact the user will not
    /// have after the update.
    #[error("there is no {} to mark verified", .0.as_str())]
    NothingToVerify(crate::user::ContactField),
}

impl ContactError {
    /// The input field at fault.
    pub fn field(&self) -> &'static str {
        match self {
            ContactError::InvalidPhone => "phone",
            ContactError::InvalidEmail => "email",
            ContactError::InvalidLocale => "locale",
            ContactError::NothingToVerify(crate::user::ContactField::Email) => "email_verified",
            ContactError::NothingToVerify(crate::user::ContactField::Phone) => "phone_verified",
        }
    }
}

/// Parses a phone number written for humans ("+33 6 12 34 56 89",
/// "0044 20 7946 0958") into E.164 ("+33612345689"). The number must carry
/// its country code: guessing a region is how codes reach the wrong person.
/// Only digits and the usual separators are accepted: letters would be read
/// as keypad digits ("+1-800-FLOWERS") and an extension ("x12", "ext. 12",
/// ";ext=12") would be dropped, so the number stored would not be the one
/// the user typed, and a code could go to a switchboard instead of them.
pub fn normalize_phone(input: &str) -> Result<String, ContactError> {
    let trimmed = input.trim();
    let plain = trimmed
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '+' | ' ' | '-' | '.' | '(' | ')' | '/'));
    if !plain {
        return Err(ContactError::InvalidPhone);
    }
    let international = if let Some(rest) = trimmed.strip_prefix("00") {
        format!("+{rest}")
    } else {
        trimmed.to_owned()
    };
    if !international.starts_with('+') || international.len() > 32 {
        return Err(ContactError::InvalidPhone);
    }
    let e164 = valid_e164(&international).ok_or(ContactError::InvalidPhone)?;
    // The number plan's metadata accepts some numbers longer than E.164
    // allows (at most 15 digits): no provider would take them. And a few
    // valid numbers (a Brazilian carrier-selection prefix, "+55 90 55 …")
    // have an E.164 form that reads back as another number, or none: the
    // number stored must be the one the user typed.
    if e164.len() > 16 || valid_e164(&e164).as_deref() != Some(e164.as_str()) {
        return Err(ContactError::InvalidPhone);
    }
    Ok(e164)
}

/// The E.164 form of a valid number without an extension.
fn valid_e164(text: &str) -> Option<String> {
    let number = parse_international(text)?;
    let valid = phonenumber::is_valid_with(number_plan(), &number) && number.extension().is_none();
    valid.then(|| {
        phonenumber::format_with(number_plan(), &number)
            .mode(phonenumber::Mode::E164)
            .to_string()
    })
}

/// The country calling code of an E.164 number ("+33612345689" → 33).
pub fn calling_code(e164: &str) -> Option<u16> {
    Some(parse_international(e164)?.code().value())
}

/// The ISO 3166 region of an E.164 number ("+33612345689" → "FR"), when
/// the number plan tells it.
pub fn region(e164: &str) -> Option<String> {
    let number = parse_international(e164)?;
    number.country().id().map(|id| id.as_ref().to_owned())
}

/// The main region of a country calling code (44 → "GB"), when the
/// number plan knows it: a code may serve several (Guernsey shares +44).
pub fn main_region(calling_code: u16) -> Option<String> {
    let regions = number_plan().by_code(&calling_code)?;
    regions
        .iter()
        .find(|m| m.is_main_country_for_code())
        .or(regions.first())
        .map(|m| m.id().to_owned())
}

/// "+33612345689" → "+33 6 •• •• •• 89": enough for the owner to recognise
/// the number, not enough for anyone else to learn it.
pub fn mask_phone(e164: &str) -> String {
    let Some(number) = parse_international(e164) else {
        return "•••".to_owned();
    };
    let formatted = phonenumber::format_with(number_plan(), &number)
        .mode(phonenumber::Mode::International)
        .to_string();
    let prefix_len = format!("+{}", number.code().value()).len();
    let (prefix, national) = formatted.split_at(prefix_len.min(formatted.len()));
    let total_digits = national.chars().filter(char::is_ascii_digit).count();
    let mut seen = 0;
    let masked: String = national
        .chars()
        .map(|c| {
            if !c.is_ascii_digit() {
                return c;
            }
            seen += 1;
            if seen == 1 || seen > total_digits.saturating_sub(2) {
                c
            } else {
                '•'
            }
        })
        .collect();
    format!("{prefix}{masked}")
}

/// Validates an address and lower-cases its domain (the local part is left
/// alone: some providers treat it case-sensitively).
pub fn normalize_email(input: &str) -> Result<String, ContactError> {
    let trimmed = input.trim();
    if trimmed.len() > 254 || trimmed.chars().any(char::is_control) {
        return Err(ContactError::InvalidEmail);
    }
    let parsed =
        email_address::EmailAddress::from_str(trimmed).map_err(|_| ContactError::InvalidEmail)?;
    let (local, domain) = (parsed.local_part(), parsed.domain());
    let domain_ok = domain.contains('.')
        && !domain.starts_with('[')
        && domain
            .split('.')
            .all(|label| !label.is_empty() && !label.starts_with('-') && !label.ends_with('-'));
    if !domain_ok || parsed.display_part() != "" {
        return Err(ContactError::InvalidEmail);
    }
    Ok(format!("{local}@{}", domain.to_ascii_lowercase()))
}

/// "alice@example.com" → "a•••@example.com".
pub fn mask_email(email: &str) -> String {
    match email.split_once('@') {
        Some((local, domain)) => {
            let first: String = local.chars().take(1).collect();
            format!("{first}•••@{domain}")
        }
        None => "•••".to_owned(),
    }
}

/// Checks a BCP 47 language tag in its common shape ("en", "fr-FR",
/// "zh-Hant-TW") and returns it with canonical case.
pub fn normalize_locale(input: &str) -> Result<String, ContactError> {
    let parts: Vec<&str> = input.trim().split(['-', '_']).collect();
    let language = parts.first().copied().unwrap_or_default();
    let language_ok =
        (2..=3).contains(&language.len()) && language.bytes().all(|b| b.is_ascii_alphabetic());
    let rest_ok = parts[1..]
        .iter()
        .all(|p| (2..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()));
    if !language_ok || !rest_ok || input.len() > 35 {
        return Err(ContactError::InvalidLocale);
    }
    let mut out = language.to_ascii_lowercase();
    for p in &parts[1..] {
        out.push('-');
        match p.len() {
            2 => out.push_str(&p.to_ascii_uppercase()),
            4 => {
                let mut cs = p.chars();
                if let Some(first) = cs.next() {
                    out.push(first.to_ascii_uppercase());
                    out.push_str(&cs.as_str().to_ascii_lowercase());
                }
            }
            _ => out.push_str(&p.to_ascii_lowercase()),
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Found by the `phone` fuzz target: the German number plan let a
    /// 16-digit number through, one digit more than E.164 allows.
    #[test]
    fn numbers_longer_than_e164_allows_are_refused() {
        assert_eq!(
            normalize_phone("0049046 6 095857 8 24 58"),
            Err(ContactError::InvalidPhone)
        );
    }

    #[test]
    fn regions_come_from_the_number_plan() {
        assert_eq!(main_region(44).as_deref(), Some("GB"));
        assert_eq!(main_region(33).as_deref(), Some("FR"));
        assert_eq!(main_region(999), None);
        assert_eq!(region("+33612345689").as_deref(), Some("FR"));
        assert_eq!(region("+447400123456").as_deref(), Some("GB"));
        assert_eq!(
            region("+447911123456").as_deref(),
            Some("GG"),
            "Guernsey shares +44"
        );
        assert_eq!(region("+14155550123").as_deref(), Some("US"));
        assert_eq!(region("not a number"), None);
    }

    #[test]
    fn phones_are_normalised_to_e164() {
        assert_eq!(
            normalize_phone("+33 6 12 34 56 89").unwrap(),
            "+33612345689"
        );
        assert_eq!(normalize_phone("0033612345689").unwrap(), "+33612345689");
        assert_eq!(
            normalize_phone("+1 (415) 555-2671").unwrap(),
            "+14155552671"
        );
        assert_eq!(
            normalize_phone(" +44 20 7946 0958 ").unwrap(),
            "+442079460958"
        );
    }

    #[test]
    fn bad_phones_are_refused() {
        for bad in [
            "",
            "0612345689",
            "+33",
            "+33 6 12",
            "hello",
            "+999 123456",
            "+1 555 0100 99999999999",
            // Keypad letters and extensions change the number silently.
            "+1-800-FLOWERS",
            "+1 800 356 9377 ext. 123",
            "+1 415 555 2671 x12",
            "+1 415 555 2671;ext=12",
            "+1 415 555 2671 #12",
            "+33 6 12 34 56 89\u{200B}",
            "\u{FF0B}33 6 12 34 56 89",
        ] {
            assert_eq!(
                normalize_phone(bad),
                Err(ContactError::InvalidPhone),
                "{bad}"
            );
        }
    }

    /// Found by the `phone` fuzz target: the number plan reads "+7 888 …"
    /// as a trunk prefix and drops the 8, and the shorter number it keeps
    /// is not valid: storing it would send codes to a number nobody typed.
    #[test]
    fn a_number_whose_e164_form_reads_back_differently_is_refused() {
        for typed in ["+7 888 137 857 272", "+7888699786065"] {
            assert_eq!(
                normalize_phone(typed),
                Err(ContactError::InvalidPhone),
                "{typed}"
            );
        }
    }

    #[test]
    fn phones_are_masked_but_recognisable() {
        let m = mask_phone("+33612345689");
        assert!(m.starts_with("+33 6"), "{m}");
        assert!(m.ends_with("89"), "{m}");
        assert!(!m.contains("1234"), "{m}");
        assert_eq!(m.chars().filter(|c| *c == '•').count(), 6, "{m}");
    }

    #[test]
    fn calling_codes_are_read_from_e164() {
        assert_eq!(calling_code("+33612345689"), Some(33));
        assert_eq!(calling_code("+14155552671"), Some(1));
    }

    #[test]
    fn emails_are_validated_and_domains_lowercased() {
        assert_eq!(
            normalize_email(" Alice@Example.COM ").unwrap(),
            "Alice@example.com"
        );
        for bad in [
            "",
            "alice",
            "alice@",
            "@example.com",
            "alice@localhost",
            "a b@example.com",
            "Alice <a@example.com>",
            "a@-x.com",
        ] {
            assert_eq!(
                normalize_email(bad),
                Err(ContactError::InvalidEmail),
                "{bad}"
            );
        }
    }

    #[test]
    fn emails_are_masked() {
        assert_eq!(mask_email("alice@example.com"), "a•••@example.com");
    }

    #[test]
    fn locales_are_canonicalised() {
        assert_eq!(normalize_locale("fr_fr").unwrap(), "fr-FR");
        assert_eq!(normalize_locale("zh-hant-tw").unwrap(), "zh-Hant-TW");
        assert_eq!(normalize_locale("EN").unwrap(), "en");
        for bad in ["", "e", "english", "en-", "fr-F", "1a"] {
            assert_eq!(
                normalize_locale(bad),
                Err(ContactError::InvalidLocale),
                "{bad}"
            );
        }
    }
}
