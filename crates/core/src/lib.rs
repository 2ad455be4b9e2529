//! Countersign's rules, free of I/O: what a code is, how a challenge moves from
//! `pending` to `approved`, which methods a purpose needs, how contacts are
//! normalised and masked, and what the messages say. Every function takes the
//! current time as an argument so that expiry, cooldowns and lockouts are exact
//! in tests.
#![forbid(unsafe_code)]

pub mod audit;
pub mod challenge;
pub mod clock;
pub mod contact;
pub mod device;
pub mod event;
pub mod factor;
pub mod help;
pub mod ids;
pub mod keyring;
pub mod limits;
pub mod lockout;
pub mod message;
pub mod notice;
pub mod otp;
pub mod outbox;
pub mod policy;
pub mod portal;
pub mod risk;
pub mod secret;
pub mod service;
pub mod support;
pub mod transaction;
pub mod user;

pub use clock::{Clock, ManualClock, SystemClock, Timestamp};
