//! CPU cost of the OATH maths on the verify path: `cargo bench -p countersign-core`.

use countersign_core::otp::{hotp, match_hotp, match_totp, totp, OtpAlgorithm, OtpParams};
use countersign_core::Timestamp;
use criterion::{black_box, criterion_group, criterion_main, Criterion};

const SEED: &[u8] = b"12345678901234567890";
const NOW: Timestamp = Timestamp(1_900_000_000_000);

fn params(algorithm: OtpAlgorithm) -> OtpParams {
    OtpParams {
        algorithm,
        ..OtpParams::default()
    }
}

fn otp(c: &mut Criterion) {
    let sha1 = params(OtpAlgorithm::Sha1);
    c.bench_function("hotp_generate_sha1", |b| {
        b.iter(|| hotp(black_box(SEED), black_box(42), &sha1))
    });
    let right = totp(SEED, NOW, &sha1);
    // A wrong code is the worst case: all three steps of the window are tried.
    let wrong = if right == "000000" {
        "111111"
    } else {
        "000000"
    };
    for (name, algorithm) in [
        ("sha1", OtpAlgorithm::Sha1),
        ("sha256", OtpAlgorithm::Sha256),
        ("sha512", OtpAlgorithm::Sha512),
    ] {
        let p = params(algorithm);
        c.bench_function(&format!("totp_verify_window1_wrong_{name}"), |b| {
            b.iter(|| match_totp(black_box(SEED), &p, black_box(wrong), NOW, 0))
        });
    }
    c.bench_function("totp_verify_window1_right_sha1", |b| {
        b.iter(|| match_totp(black_box(SEED), &sha1, black_box(&right), NOW, 0))
    });
    c.bench_function("hotp_verify_lookahead10_wrong_sha1", |b| {
        b.iter(|| match_hotp(black_box(SEED), &sha1, black_box(wrong), 0))
    });
}

criterion_group!(benches, otp);
criterion_main!(benches);
