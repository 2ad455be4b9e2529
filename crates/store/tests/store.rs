//! The store's own suite: every scenario is written once against the
//! `Store` trait and runs on SQLite and on PostgreSQL (`CS_TEST_POSTGRES`,
//! default `postgres://postgres@127.0.0.1:5432/test`; each test in a fresh
//! schema, and never skipped: no PostgreSQL fails the PostgreSQL tests).
//! Time is passed explicitly: nothing sleeps.

#[path = "store/harness.rs"]
mod harness;

#[path = "store/appointments.rs"]
mod appointments;
#[path = "store/audit.rs"]
mod audit;
#[path = "store/challenges.rs"]
mod challenges;
#[path = "store/dashboard.rs"]
mod dashboard;
#[path = "store/factors.rs"]
mod factors;
#[path = "store/help.rs"]
mod help;
#[path = "store/messages.rs"]
mod messages;
#[path = "store/notices.rs"]
mod notices;
#[path = "store/operators.rs"]
mod operators;
#[path = "store/portal.rs"]
mod portal;
#[path = "store/races.rs"]
mod races;
#[path = "store/retention.rs"]
mod retention;
#[path = "store/services.rs"]
mod services;
#[path = "store/signals.rs"]
mod signals;
#[path = "store/users.rs"]
mod users;
#[path = "store/webhooks.rs"]
mod webhooks;
