//! Background work: what must happen after a request has returned.

pub mod outbox;
pub mod signals;
pub mod sweep;
