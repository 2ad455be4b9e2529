//! Countersign's rules, free of I/O: what a code is, how a challenge moves from
//! `pending` to `approved`, which methods a purpose needs, how contacts are
//! normalised and masked, and what the messages say. Every function takes the
//! current time as an argument so that expiry, cooldowns and lockouts are exact
//! in tests.
#![forbid(unsafe_code)]

pub mod audit;
pub mod brand;
pub mod challenge;
pub mod clock;
pub mod contact;
pub mod cookie;
pub mod dashboard;
pub mod device;
pub mod event;
pub mod factor;
pub mod help;
pub mod ids;
pub mod json;
pub mod keyring;
pub mod limits;
pub mod lockout;
pub mod message;
pub mod net;
pub mod notice;
pub mod operator;
pub mod otp;
pub mod outbox;
pub mod policy;
pub mod portal;
pub mod retention;
pub mod risk;
pub mod secret;
pub mod service;
pub mod sms;
pub mod support;
pub mod transaction;
pub mod user;
pub mod webhook;

pub use clock::{Clock, ManualClock, SystemClock, Timestamp};

/// Lower-case hex of `bytes`, for ids, code hashes and the audit chain's
/// hashes. (`hex::encode` collects one `char` at a time, which showed in
/// the write path's profile.)
pub fn to_hex(bytes: impl AsRef<[u8]>) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let bytes = bytes.as_ref();
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(char::from(DIGITS[usize::from(b >> 4)]));
        out.push(char::from(DIGITS[usize::from(b & 0x0f)]));
    }
    out
}

#[cfg(test)]
mod hex_tests {
    #[test]
    fn to_hex_matches_the_hex_crate() {
        let bytes: Vec<u8> = (0..=255).collect();
        assert_eq!(super::to_hex(&bytes), hex::encode(&bytes));
        assert_eq!(super::to_hex([]), "");
    }
}
