//! The tamper-evident audit log: each service's events form a hash chain.
//! An event's hash covers the previous event's hash and everything the event
//! says, so editing or deleting a past event — or cutting off the newest —
//! breaks the chain where it happened, and `countersign audit verify` says
//! where.

use sha2::{Digest, Sha256};

use crate::event::Event;

/// The hash before a service's first event.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// An event's place in its service's chain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainLink {
    /// 1 for the service's first chained event, then 2, 3, …
    pub chain_seq: i64,
    pub prev_hash: String,
    pub hash: String,
}

/// The hash of `event` after `prev_hash`: SHA-256 of the previous hash and
/// a canonical JSON of the event's fields.
pub fn chain_hash(prev_hash: &str, event: &Event) -> String {
    let mut h = Sha256::new();
    h.update(prev_hash.as_bytes());
    h.update(b"\n");
    h.update(canonical(event));
    crate::to_hex(h.finalize())
}

/// The event as the JSON array `[id, service_id, user_id, kind, at, ip,
/// detail]`, serialised from the fields themselves (no copy into a
/// `serde_json::Value` first).
fn canonical(event: &Event) -> Vec<u8> {
    let fields = (
        &event.id,
        &event.service_id,
        &event.user_id,
        &event.kind,
        event.at.millis(),
        &event.ip,
        &event.detail,
    );
    // Strings, numbers and a JSON value always serialise.
    serde_json::to_vec(&fields).unwrap_or_default()
}

/// Links `events` (all of one service, in order) after the chain's head.
pub fn link(events: &[&Event], head_seq: i64, head_hash: &str) -> Vec<ChainLink> {
    let mut prev = head_hash.to_owned();
    events
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let hash = chain_hash(&prev, e);
            ChainLink {
                chain_seq: head_seq + 1 + i as i64,
                prev_hash: std::mem::replace(&mut prev, hash.clone()),
                hash,
            }
        })
        .collect()
}

/// Where a chain is broken.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ChainBreak {
    #[error("event {event_id} (#{chain_seq}) was changed after it was written")]
    Edited { event_id: String, chain_seq: i64 },
    #[error("events are missing before #{chain_seq} (event {event_id})")]
    Missing { event_id: String, chain_seq: i64 },
    #[error("the newest events were removed: the log ends at #{found}, its head says #{expected}")]
    Truncated { found: i64, expected: i64 },
}

/// Checks a service's chained events, in chain order, against the head the
/// database keeps; returns how many events were checked.
pub fn verify(events: &[(Event, ChainLink)], head: Option<(i64, &str)>) -> Result<u64, ChainBreak> {
    let mut expected_seq = 1;
    let mut prev = GENESIS.to_owned();
    for (event, link) in events {
        if link.chain_seq != expected_seq || link.prev_hash != prev {
            return Err(ChainBreak::Missing {
                event_id: event.id.clone(),
                chain_seq: link.chain_seq,
            });
        }
        let hash = chain_hash(&prev, event);
        if hash != link.hash {
            return Err(ChainBreak::Edited {
                event_id: event.id.clone(),
                chain_seq: link.chain_seq,
            });
        }
        prev = hash;
        expected_seq += 1;
    }
    let found = expected_seq - 1;
    match head {
        Some((seq, hash)) if seq != found || hash != prev => Err(ChainBreak::Truncated {
            found,
            expected: seq,
        }),
        _ => Ok(found as u64),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Timestamp;
    use serde_json::json;

    /// The canonical form is the one the first chains were hashed with
    /// (a `json!` array), byte for byte: old chains keep verifying.
    #[test]
    fn the_canonical_form_has_not_changed() {
        let mut e = events(1).remove(0);
        e.ip = Some("203.0.113.7".into());
        e.detail = json!({"b": [1, "x\"y"], "a": {"z": null}, "u": "é\u{1}"});
        for user_id in [Some("alice".to_owned()), None] {
            e.user_id = user_id;
            let old = json!([
                e.id,
                e.service_id,
                e.user_id,
                e.kind,
                e.at.millis(),
                e.ip,
                e.detail
            ]);
            assert_eq!(canonical(&e), old.to_string().into_bytes());
        }
    }

    fn events(n: usize) -> Vec<Event> {
        (0..n)
            .map(|i| {
                Event::new(
                    "svc_1",
                    Some("alice"),
                    "challenge.approved",
                    Timestamp(1_900_000_000_000 + i as i64),
                    None,
                    json!({"i": i}),
                )
            })
            .collect()
    }

    fn chained(list: &[Event]) -> Vec<(Event, ChainLink)> {
        let refs: Vec<&Event> = list.iter().collect();
        list.iter().cloned().zip(link(&refs, 0, GENESIS)).collect()
    }

    #[test]
    fn an_intact_chain_verifies() {
        let list = events(4);
        let chain = chained(&list);
        let head = chain.last().map(|(_, l)| (l.chain_seq, l.hash.as_str()));
        assert_eq!(verify(&chain, head), Ok(4));
        // Linking in two batches gives the same chain.
        let refs: Vec<&Event> = list.iter().collect();
        let first = link(&refs[..2], 0, GENESIS);
        let second = link(&refs[2..], 2, &first[1].hash);
        assert_eq!(second[1], chain[3].1);
    }

    #[test]
    fn edits_deletions_and_truncation_are_found() {
        let list = events(4);
        let chain = chained(&list);
        let head = Some((4, chain[3].1.hash.as_str()));
        let mut edited = chain.clone();
        edited[1].0.detail = json!({"i": 99});
        assert!(matches!(
            verify(&edited, head),
            Err(ChainBreak::Edited { chain_seq: 2, .. })
        ));
        let mut deleted = chain.clone();
        deleted.remove(2);
        assert!(matches!(
            verify(&deleted, head),
            Err(ChainBreak::Missing { chain_seq: 4, .. })
        ));
        let truncated = &chain[..3];
        assert_eq!(
            verify(truncated, head),
            Err(ChainBreak::Truncated {
                found: 3,
                expected: 4
            })
        );
    }
}
