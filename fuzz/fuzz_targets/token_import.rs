//! Hardware token seed files (`countersign token import <file.csv>`), as
//! delivered by token vendors: every row is read and checked by
//! `parse_token_file` before anything is written.
#![no_main]

use countersign_app::admin::parse_token_file;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The CLI reads the file as UTF-8 text.
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(tokens) = parse_token_file(text) {
        for t in tokens {
            assert!((16..=128).contains(&t.seed.len()));
            assert!(matches!(t.params.digits, 6 | 8));
        }
    }
});
