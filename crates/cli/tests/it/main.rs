//! Countersign's integration suite: one test binary, a real server per test,
//! every scenario on SQLite and on PostgreSQL.

mod harness;

mod alerts;
mod api_keys;
mod audit;
mod backup;
mod bad_input;
mod browser;
mod calls;
mod cli;
mod concurrency;
mod delivery;
mod devices;
mod durability;
mod edge;
mod erasure;
mod escaping;
mod factors;
mod fallback;
mod flows;
mod help;
mod holds;
mod hosted;
mod imports;
mod isolation;
mod migrate_db;
mod nodes;
mod notices;
mod ops;
mod packaging;
mod pages;
mod portal;
mod protections;
mod readme;
mod retention;
mod risk;
mod schema;
mod service;
mod service_webhooks;
mod standard_webhooks;
mod support;
mod twilio_verify;
mod users;
mod webauthn;
mod webhooks;
