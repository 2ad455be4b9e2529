//! Webhook delivery reads the audit log: each endpoint's cursor per service,
//! claimed by one worker at a time.

use countersign_core::event::Event;
use countersign_core::ids::new_id;
use countersign_core::outbox::LEASE;
use countersign_core::service::Service;
use countersign_core::Timestamp;
use countersign_store::{AfterDelivery, Store, WebhookDelivery};

use crate::harness::{at, operator_backlog, service_created, T0};

crate::on_both_engines! {
    a_webhook_cursor_is_claimed_by_one_worker_and_moves_forward
        => a_webhook_cursor_is_claimed_by_one_worker_and_moves_forward_sqlite,
           a_webhook_cursor_is_claimed_by_one_worker_and_moves_forward_postgres;
}

pub(crate) fn service_event(service: &Service, at: Timestamp) -> Event {
    Event::new(
        &service.id,
        None,
        "service.updated",
        at,
        None,
        serde_json::json!({}),
    )
}

fn delivery(claim_service: &str, event: &Event, attempt: u32, at: Timestamp) -> WebhookDelivery {
    WebhookDelivery {
        id: new_id("whd"),
        endpoint: "ep".into(),
        service_id: claim_service.to_owned(),
        event_id: event.id.clone(),
        attempt,
        status_code: Some(500),
        error: Some("server error".into()),
        at,
    }
}

async fn a_webhook_cursor_is_claimed_by_one_worker_and_moves_forward(store: &dyn Store) {
    // An old service's past events are not sent to a new endpoint...
    let old = service_created(store, T0).await;
    let past = [service_event(&old, at(1)), service_event(&old, at(2))];
    store.insert_events(&past).await.unwrap();
    assert!(operator_backlog(store, "ep", at(10)).await.is_empty());
    // ...its new ones are, and so is all of a service created later.
    let news = service_event(&old, at(11));
    let young = service_created(store, at(20)).await;
    let first = service_event(&young, at(21));
    store
        .insert_events(&[news.clone(), first.clone()])
        .await
        .unwrap();
    let mut due = vec![old.id.clone(), young.id.clone()];
    due.sort();
    assert_eq!(operator_backlog(store, "ep", at(30)).await, due);

    // One worker at a time.
    let claim = store
        .claim_webhook("ep", &old.id, at(30))
        .await
        .unwrap()
        .expect("free");
    assert_eq!((claim.delivered_seq, claim.attempts), (2, 0));
    assert_eq!(
        store.claim_webhook("ep", &old.id, at(31)).await.unwrap(),
        None
    );
    assert_eq!(
        operator_backlog(store, "ep", at(31)).await,
        std::slice::from_ref(&young.id)
    );
    let pending = store
        .events_after(&old.id, claim.delivered_seq, 10)
        .await
        .unwrap();
    assert_eq!(pending, [(3, news.clone())]);

    // A failure: retried at the time given, by whoever claims it then.
    let failed = delivery(&old.id, &news, 1, at(32));
    assert!(store
        .after_webhook(
            &claim,
            Some(&failed),
            AfterDelivery::RetryAt(at(100)),
            at(32)
        )
        .await
        .unwrap());
    store.release_webhook(&claim).await.unwrap();
    assert_eq!(
        store.claim_webhook("ep", &old.id, at(99)).await.unwrap(),
        None
    );
    // The outbox is next due at once for the young service's backlog, and
    // at the retry for the old one's; other endpoints' cursors count not.
    let ep = ["ep".to_owned()];
    assert!(store.next_outbox_due(&ep).await.unwrap() <= Some(at(100)));
    assert_eq!(
        store.next_outbox_due(&["other".to_owned()]).await.unwrap(),
        None
    );
    let retry = store
        .claim_webhook("ep", &old.id, at(100))
        .await
        .unwrap()
        .expect("due");
    assert_eq!((retry.delivered_seq, retry.attempts), (2, 1));
    // The first worker's claim is stale: it writes nothing.
    let stale = delivery(&old.id, &news, 2, at(101));
    assert!(!store
        .after_webhook(
            &claim,
            Some(&stale),
            AfterDelivery::Advance { seq: 3 },
            at(101)
        )
        .await
        .unwrap());
    assert!(store
        .after_webhook(&retry, None, AfterDelivery::Advance { seq: 3 }, at(101))
        .await
        .unwrap());
    store.release_webhook(&retry).await.unwrap();
    assert_eq!(
        operator_backlog(store, "ep", at(102)).await,
        std::slice::from_ref(&young.id)
    );
    assert_eq!(store.webhook_deliveries("ep", 10).await.unwrap(), [failed]);

    // A claim whose worker vanished is free again when its lease ends.
    let held = store
        .claim_webhook("ep", &young.id, at(200))
        .await
        .unwrap()
        .expect("free");
    assert_eq!(held.delivered_seq, 0);
    assert_eq!(
        store
            .claim_webhook("ep", &young.id, at(200).plus(LEASE))
            .await
            .unwrap()
            .map(|c| c.delivered_seq),
        Some(0)
    );
}
