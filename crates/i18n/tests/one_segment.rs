//! Every SMS fits in one segment, in every language (a second segment
//! doubles the cost at every provider): each code's message, for every
//! purpose and for the longest payment, and each security notice, held or
//! not, in every month, all with the longest short name, code, validity
//! and WebOTP host there can be. A new language is held to it as soon as
//! it is in `LANGUAGES`.

use countersign_core::factor::FactorType;
use countersign_core::notice::{NoticeContent, SecurityChange};
use countersign_core::policy::{Channel, BUILT_IN_PURPOSES};
use countersign_core::sms::{segments, SMS_NAME_MAX};
use countersign_core::transaction::Transaction;
use countersign_core::Timestamp;
use countersign_i18n::message::{self, MessageParams};
use countersign_i18n::{notice, ServiceBrand, LANGUAGES};

/// The longest short name a service may set.
const SMS_NAME: &str = "AcmeBank 24";
/// The longest code: `code_digits` is at most 10.
const CODE: &str = "9876543210";
/// The longest validity: `code_ttl_seconds` is at most 3600.
const MINUTES: u32 = 60;
/// The longest public host the wording allows for (WebOTP line).
const HOST: &str = "verify.online-banking-acme.com";

#[track_caller]
fn assert_one_segment(language: &str, case: &str, text: &str) {
    let s = segments(text);
    assert_eq!(
        s.count, 1,
        "{language}, {case}: {} {:?} units, {} segments:\n{text}",
        s.units, s.encoding, s.count
    );
}

fn payments() -> Vec<Transaction> {
    let amount = format!("{}.{}", "9".repeat(15), "9".repeat(8));
    let payee = "Wolfeschlegelsteinhausenbergerdorff Import Export Holding GmbH".to_owned();
    let payee = format!("{payee}{}", "x".repeat(64 - payee.chars().count()));
    let destination = format!("DE89 {}", "3704 0044 ".repeat(13));
    let destination: String = destination.chars().take(128).collect();
    let payment = Transaction {
        amount,
        currency: "ABCDEFGHIJ".into(),
        payee: Some(payee),
        destination: Some(destination),
    };
    payment.validate().expect("the longest valid payment");
    assert_eq!(payment.recipient().chars().count(), 64 + 3 + 128);
    vec![
        payment.clone(),
        Transaction {
            destination: None,
            ..payment.clone()
        },
        Transaction {
            payee: None,
            ..payment
        },
    ]
}

#[test]
fn every_code_sms_fits_in_one_segment() {
    assert_eq!(SMS_NAME.chars().count(), SMS_NAME_MAX);
    assert_eq!(HOST.len(), 30);
    let payments = payments();
    for language in LANGUAGES {
        for purpose in BUILT_IN_PURPOSES.into_iter().chain(["account_closure"]) {
            let transactions = std::iter::once(None).chain(payments.iter().map(Some));
            for transaction in transactions {
                let p = MessageParams {
                    service_name: SMS_NAME,
                    purpose,
                    code: CODE,
                    locale: Some(language.tag),
                    ttl_minutes: MINUTES,
                    origin_host: Some(HOST),
                    transaction,
                    brand: &ServiceBrand::NONE,
                };
                let r = message::render(Channel::Sms, &p);
                assert_eq!(r.language, language.tag);
                let case = format!("{purpose} {}", transaction.map_or("", |_| "payment"));
                assert_one_segment(language.tag, &case, &r.body);
                assert!(
                    r.body.contains(CODE) && r.body.contains(SMS_NAME),
                    "{}",
                    r.body
                );
                // Only a payment may be too long for the language (and go
                // in English, see `message`).
                if transaction.is_none() && language.tag != "en" {
                    let english = MessageParams {
                        locale: Some("en"),
                        ..p.clone()
                    };
                    let english = message::render(Channel::Sms, &english).body;
                    assert_ne!(r.body, english, "{}, {case}: in English", language.tag);
                }
                if let Some(tx) = transaction {
                    let amount = format!("{} {}", tx.amount, tx.currency);
                    assert!(r.body.contains(&amount), "never shortened: {}", r.body);
                }
            }
        }
    }
}

#[test]
fn every_notice_sms_fits_in_one_segment() {
    let factors = [
        FactorType::Totp,
        FactorType::Hotp,
        FactorType::RecoveryCodes,
        FactorType::Device,
        FactorType::Webauthn,
    ];
    let mut changes: Vec<SecurityChange> = factors
        .into_iter()
        .flat_map(|factor| {
            [
                SecurityChange::FactorAdded { factor },
                SecurityChange::FactorRemoved { factor },
            ]
        })
        .collect();
    changes.extend([
        SecurityChange::EmailChanged,
        SecurityChange::PhoneChanged,
        SecurityChange::RecoveryCodesRegenerated,
        SecurityChange::TotpReplayed,
    ]);
    for (new_device, new_country) in [(true, false), (false, true), (true, true)] {
        changes.push(SecurityChange::RiskySignIn {
            new_device,
            new_country,
        });
    }
    // 23:59 on the 28th of each month of 2026, which dates are widest.
    let days_before_month = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
    let new_year_2026 = 1_767_225_600_000_i64;
    let moments =
        days_before_month.map(|d| Timestamp(new_year_2026 + ((d + 27) * 86_400 + 86_340) * 1000));
    for language in LANGUAGES {
        for change in &changes {
            for at in moments {
                for held_until in [None, Some(at)] {
                    let n = NoticeContent {
                        change: *change,
                        at,
                        ip: Some("2001:db8:ffff:ffff:ffff:ffff:ffff:ffff".into()),
                        held_until,
                    };
                    let notice::Notice {
                        locale: lang, body, ..
                    } = notice::render(
                        Channel::Sms,
                        Some(language.tag),
                        SMS_NAME,
                        &ServiceBrand::NONE,
                        &n,
                    );
                    assert_eq!(lang.tag(), language.tag);
                    let case = format!("{change:?} at {at:?}, held: {}", held_until.is_some());
                    assert_one_segment(language.tag, &case, &body);
                }
            }
        }
    }
}
