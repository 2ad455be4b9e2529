//! CPU cost of writing an event on the verify path, and what erasure adds
//! to it (a salt per event, a digest of the personal fields inside the
//! chain hash): `cargo bench -p countersign-core --bench events`.

use countersign_core::audit::chain_hash;
use countersign_core::event::{Event, Personal};
use countersign_core::Timestamp;
use criterion::{black_box, criterion_group, criterion_main, Criterion};
use serde_json::json;

const PREV: &str = "9b485648970ee5d0f196ad923f5cdf54265236dde10eb806e5dc9516a7f37ddf";

/// A right answer's event, as a verify writes it.
fn verified() -> Event {
    Event::new(
        "svc_01ba60d338003848c3a5f38617684e83",
        Some("alice"),
        "challenge.method_verified",
        Timestamp(1_900_000_000_000),
        Some("203.0.113.7"),
        json!({"method": "sms", "factor_id": null, "challenge_id": "chl_01ba60d338003848c3a5f38617684e83", "purpose": "login"}),
    )
}

fn events(c: &mut Criterion) {
    c.bench_function("event_new", |b| b.iter(verified));
    let salted = verified();
    c.bench_function("chain_hash_salted", |b| {
        b.iter(|| chain_hash(black_box(PREV), black_box(&salted)))
    });
    let inline = Event {
        personal: Personal::Inline,
        ..verified()
    };
    c.bench_function("chain_hash_inline", |b| {
        b.iter(|| chain_hash(black_box(PREV), black_box(&inline)))
    });
}

criterion_group!(benches, events);
criterion_main!(benches);
