//! Countersign's integration suite: one test binary, a real server per test,
//! every scenario on SQLite and on PostgreSQL.

mod harness;

mod api_keys;
mod audit;
mod bad_input;
mod browser;
mod cli;
mod concurrency;
mod delivery;
mod devices;
mod durability;
mod factors;
mod fallback;
mod flows;
mod help;
mod holds;
mod hosted;
mod isolation;
mod notices;
mod ops;
mod portal;
mod protections;
mod risk;
mod service;
mod support;
mod users;
mod webauthn;
mod webhooks;
