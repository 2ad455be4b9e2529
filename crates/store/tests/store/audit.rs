//! The audit log: every write's events, chained per service in the order
//! they were written.

use countersign_core::audit;
use countersign_core::event::Event;
use countersign_store::{AuditChain, Saved, Store};

use crate::harness::{at, challenge, event, event_ids, only_events, service, user};

crate::on_both_engines! {
    events_of_several_writes_form_a_verifying_chain_per_service
        => events_of_several_writes_form_a_verifying_chain_per_service_sqlite,
           events_of_several_writes_form_a_verifying_chain_per_service_postgres;
}

/// The service's chain, checked; the ids of its events in chain order.
pub(crate) async fn verified_chain(store: &dyn Store, service_id: &str) -> Vec<String> {
    let AuditChain {
        events: chain,
        head,
        checkpoint,
    } = store.audit_chain(service_id).await.unwrap();
    assert_eq!(checkpoint, None);
    let head = head.as_ref().map(|(seq, hash)| (*seq, hash.as_str()));
    assert_eq!(
        audit::verify(&chain, head),
        Ok(chain.len() as u64),
        "chain of {service_id}"
    );
    let seqs: Vec<i64> = chain.iter().map(|(_, l)| l.chain_seq).collect();
    assert_eq!(seqs, (1..=chain.len() as i64).collect::<Vec<_>>());
    chain.into_iter().map(|(e, _)| e.id).collect()
}

async fn events_of_several_writes_form_a_verifying_chain_per_service(store: &dyn Store) {
    let a = service(store).await;
    let b = service(store).await;
    assert_eq!(
        store.audit_chain(&a.id).await.unwrap(),
        AuditChain::default()
    );

    let alice = user(store, &a, "alice").await;
    let bob = user(store, &b, "bob").await;
    let c = challenge(store, &alice).await;
    let mut expected_a = event_ids(store, &alice).await;
    assert_eq!(expected_a.len(), 2);

    // Two events in one save, in order.
    let sent = event(&alice, "challenge.code_sent", at(1));
    let failed = event(&alice, "challenge.failed", at(2));
    let batch = [sent.clone(), failed.clone()];
    assert_eq!(
        store.save_challenge(&c, only_events(&batch)).await.unwrap(),
        Saved::Done { locked_until: None }
    );
    expected_a.extend([sent.id, failed.id]);

    // A refused save adds nothing to the chain.
    let lost = [event(&alice, "challenge.failed", at(3))];
    assert_eq!(
        store.save_challenge(&c, only_events(&lost)).await.unwrap(),
        Saved::Conflict
    );

    let mut expected_b = event_ids(store, &bob).await;
    assert_eq!(expected_b.len(), 1);

    // One batch across two services: each service's events join its own
    // chain, in the batch's order.
    let mixed = [
        event(&alice, "user.updated", at(4)),
        event(&bob, "user.updated", at(4)),
        Event::new(
            &a.id,
            None,
            "service.updated",
            at(5),
            Some("192.0.2.1"),
            serde_json::json!({"n": 1}),
        ),
        event(&bob, "user.deleted", at(6)),
    ];
    store.insert_events(&mixed).await.unwrap();
    expected_a.extend([mixed[0].id.clone(), mixed[2].id.clone()]);
    expected_b.extend([mixed[1].id.clone(), mixed[3].id.clone()]);

    assert_eq!(verified_chain(store, &a.id).await, expected_a);
    assert_eq!(verified_chain(store, &b.id).await, expected_b);

    // Events read back as written.
    let chain = store.audit_chain(&a.id).await.unwrap().events;
    assert_eq!(chain.last().map(|(e, _)| e), Some(&mixed[2]));
    assert_eq!(
        store.event(&mixed[2].id).await.unwrap().as_ref(),
        Some(&mixed[2])
    );

    // `events_after` walks the same chain.
    let after: Vec<(i64, String)> = store
        .events_after(&a.id, 3, 10)
        .await
        .unwrap()
        .into_iter()
        .map(|(seq, e)| (seq, e.id))
        .collect();
    assert_eq!(
        after,
        [
            (4, expected_a[3].clone()),
            (5, expected_a[4].clone()),
            (6, expected_a[5].clone())
        ]
    );
}
