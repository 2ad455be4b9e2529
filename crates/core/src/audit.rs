//! The tamper-evident audit log: each service's events form a hash chain.
//! An event's hash covers the previous event's hash and everything the event
//! says, so editing or deleting a past event — or cutting off the newest —
//! breaks the chain where it happened, and `countersign audit verify` says
//! where.

use sha2::{Digest, Sha256};

use crate::event::{personal_digest, DetailPart, Event, Personal};

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

/// The event as a JSON array, serialised from the fields themselves (no
/// copy into a `serde_json::Value` first). Events written before erasure
/// existed: `[id, service_id, user_id, kind, at, ip, detail]`. Since then
/// the personal fields are covered through their salted digest, so that
/// erasing them leaves the same array: `["v2", id, service_id, kind, at,
/// digest, public detail]`.
fn canonical(event: &Event) -> Vec<u8> {
    let digest = match &event.personal {
        Personal::Inline => {
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
            return serde_json::to_vec(&fields).unwrap_or_default();
        }
        Personal::Salted(salt) => personal_digest(salt, event),
        Personal::Erased(digest) => digest.clone(),
    };
    let fields = (
        "v2",
        &event.id,
        &event.service_id,
        &event.kind,
        event.at.millis(),
        digest,
        DetailPart(&event.detail, true),
    );
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

/// Where a pruned chain starts again: the place and hash of the last event
/// retention deleted, and when. The first kept event must follow it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Checkpoint {
    /// The `chain_seq` of the last pruned event.
    pub seq: i64,
    pub hash: String,
    /// When it was pruned.
    pub at: crate::Timestamp,
}

/// Checks one link: `event` must sit at `expected_seq` right after `prev`,
/// and hash to what its link says. Its hash, to check the next one against.
fn check_link(
    event: &Event,
    link: &ChainLink,
    expected_seq: i64,
    prev: &str,
) -> Result<String, ChainBreak> {
    if link.chain_seq != expected_seq || link.prev_hash != prev {
        return Err(ChainBreak::Missing {
            event_id: event.id.clone(),
            chain_seq: link.chain_seq,
        });
    }
    let hash = chain_hash(prev, event);
    if hash != link.hash {
        return Err(ChainBreak::Edited {
            event_id: event.id.clone(),
            chain_seq: link.chain_seq,
        });
    }
    Ok(hash)
}

/// Checks a service's chained events, in chain order, against the head the
/// database keeps; returns how many events were checked.
pub fn verify(events: &[(Event, ChainLink)], head: Option<(i64, &str)>) -> Result<u64, ChainBreak> {
    verify_from(None, events, head)
}

/// [`verify`] for a chain whose oldest events were pruned: it starts right
/// after `checkpoint` (`(seq, hash)` of the last pruned event), or at the
/// beginning when there is none.
pub fn verify_from(
    checkpoint: Option<(i64, &str)>,
    events: &[(Event, ChainLink)],
    head: Option<(i64, &str)>,
) -> Result<u64, ChainBreak> {
    let (start, mut prev) = checkpoint.map_or((0, GENESIS.to_owned()), |(seq, hash)| {
        (seq, hash.to_owned())
    });
    for (i, (event, link)) in events.iter().enumerate() {
        prev = check_link(event, link, start + 1 + i as i64, &prev)?;
    }
    let found = start + events.len() as i64;
    match head {
        Some((seq, hash)) if seq != found || hash != prev => Err(ChainBreak::Truncated {
            found,
            expected: seq,
        }),
        _ => Ok(events.len() as u64),
    }
}

/// How many of `events` — a chain's oldest, in order, right after
/// `checkpoint` — retention may delete: the run from the first that `keep`
/// does not hold back (too young, not yet delivered…). Each is checked
/// first, so that pruning never hides an edited or missing event behind a
/// new checkpoint.
pub fn prunable(
    checkpoint: Option<(i64, &str)>,
    events: &[(Event, ChainLink)],
    keep: impl Fn(&Event, &ChainLink) -> bool,
) -> Result<usize, ChainBreak> {
    let (start, mut prev) = checkpoint.map_or((0, GENESIS.to_owned()), |(seq, hash)| {
        (seq, hash.to_owned())
    });
    for (i, (event, link)) in events.iter().enumerate() {
        if keep(event, link) {
            return Ok(i);
        }
        prev = check_link(event, link, start + 1 + i as i64, &prev)?;
    }
    Ok(events.len())
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
        e.personal = Personal::Inline;
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

    /// Erasing an event's personal data leaves its hash, so the chain
    /// still verifies; what stays is the public part of its detail.
    #[test]
    fn erasure_keeps_the_chain_and_removes_what_names_the_person() {
        let mut list = events(3);
        list[1].ip = Some("203.0.113.7".into());
        list[1].detail =
            json!({"challenge_id": "chl_1", "to": "+4479•••123", "notified": ["a•••@example.com"]});
        let chain = chained(&list);
        let head = Some((3, chain[2].1.hash.as_str()));
        let mut erased = chain.clone();
        assert!(erased[1].0.erase());
        assert!(!erased[1].0.erase(), "erasing twice changes nothing");
        let e = &erased[1].0;
        assert_eq!((e.user_id.as_deref(), e.ip.as_deref()), (None, None));
        assert_eq!(e.detail, json!({"challenge_id": "chl_1"}));
        assert!(matches!(e.personal, Personal::Erased(_)));
        assert_eq!(verify(&erased, head), Ok(3));
        // The API says so; a kept event does not carry the flag.
        assert_eq!(serde_json::to_value(e).unwrap()["erased"], json!(true));
        assert!(serde_json::to_value(&chain[1].0)
            .unwrap()
            .get("erased")
            .is_none());
    }

    /// The digest covers every personal field: changing one (or the
    /// salt) before erasure is an edit; after erasure the public part is
    /// still covered.
    #[test]
    fn personal_and_public_fields_are_both_covered() {
        let list = events(2);
        let chain = chained(&list);
        let head = Some((2, chain[1].1.hash.as_str()));
        let edits: [fn(&mut Event); 5] = [
            |e| e.user_id = Some("mallory".into()),
            |e| e.ip = Some("198.51.100.1".into()),
            |e| e.detail = json!({"i": 0, "to": "x"}),
            |e| e.personal = Personal::salted(),
            |e| {
                e.erase();
                e.detail = json!({"i": 0, "challenge_id": "chl_forged"});
            },
        ];
        for edit in edits {
            let mut edited = chain.clone();
            edit(&mut edited[0].0);
            assert!(
                matches!(
                    verify(&edited, head),
                    Err(ChainBreak::Edited { chain_seq: 1, .. })
                ),
                "{:?}",
                edited[0].0
            );
        }
    }

    /// Two events saying the same thing about the same person have
    /// unrelated digests: without the salt, a digest cannot be matched
    /// against guesses.
    #[test]
    fn the_same_personal_data_gives_unrelated_digests() {
        let mut a = events(1).remove(0);
        let mut b = a.clone();
        b.personal = Personal::salted();
        a.erase();
        b.erase();
        assert_ne!(a.personal, b.personal);
    }

    #[test]
    fn the_public_keys_are_sorted_for_their_binary_search() {
        let keys = crate::event::PUBLIC_DETAIL_KEYS;
        assert!(keys.windows(2).all(|w| w[0] < w[1]));
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

    /// After pruning, the chain verifies from the checkpoint; a checkpoint
    /// that does not match the first kept event, or a gap after it, is a
    /// break.
    #[test]
    fn a_pruned_chain_verifies_from_its_checkpoint() {
        let list = events(5);
        let chain = chained(&list);
        let head = Some((5, chain[4].1.hash.as_str()));
        let cut = Some((2, chain[1].1.hash.as_str()));
        assert_eq!(verify_from(cut, &chain[2..], head), Ok(3));
        assert!(matches!(
            verify(&chain[2..], head),
            Err(ChainBreak::Missing { chain_seq: 3, .. })
        ));
        let wrong = Some((2, chain[0].1.hash.as_str()));
        assert!(matches!(
            verify_from(wrong, &chain[2..], head),
            Err(ChainBreak::Missing { chain_seq: 3, .. })
        ));
        let mut gap = chain[2..].to_vec();
        gap.remove(1);
        assert!(matches!(
            verify_from(cut, &gap, head),
            Err(ChainBreak::Missing { chain_seq: 5, .. })
        ));
        // Everything pruned: the head is the checkpoint.
        let all = Some((5, chain[4].1.hash.as_str()));
        assert_eq!(verify_from(all, &[], head), Ok(0));
    }

    #[test]
    fn pruning_stops_at_the_first_kept_event_and_at_a_break() {
        let list = events(5);
        let chain = chained(&list);
        let young = |e: &Event, _: &ChainLink| e.at >= list[3].at;
        assert_eq!(prunable(None, &chain, young), Ok(3));
        let cut = Some((1, chain[0].1.hash.as_str()));
        assert_eq!(prunable(cut, &chain[1..], |_, l| l.chain_seq > 2), Ok(1));
        let mut edited = chain.clone();
        edited[1].0.detail = json!({"i": 99});
        assert!(matches!(
            prunable(None, &edited, young),
            Err(ChainBreak::Edited { chain_seq: 2, .. })
        ));
        // An edited event that is kept anyway is for `verify` to report.
        assert_eq!(prunable(None, &edited, |_, l| l.chain_seq > 1), Ok(1));
    }
}
