//! Messages: the provider's answer and its status reports arrive in any
//! order; a later stage is never overwritten by an earlier one.

use countersign_core::challenge::Challenge;
use countersign_core::message::{DeliveryStatus, MessageRecord};
use countersign_core::policy::Channel;
use countersign_core::Timestamp;
use countersign_store::{ChallengeWrite, MessageUpdate, Saved, Store};

use crate::harness::{at, challenge, event, event_ids, only_events, reload, service_and_user};

crate::on_both_engines! {
    message_statuses_only_move_forward
        => message_statuses_only_move_forward_sqlite,
           message_statuses_only_move_forward_postgres;
}

/// Sends a queued SMS for `c`, and returns it.
pub(crate) async fn queued(store: &dyn Store, c: &Challenge, now: Timestamp) -> MessageRecord {
    let message = MessageRecord {
        id: countersign_core::ids::MessageId::new(),
        challenge_id: c.id.clone(),
        channel: Channel::Sms,
        to: "+33 6 •• •• •• 78".into(),
        status: DeliveryStatus::Queued,
        provider_ref: None,
        attempts: 0,
        error: None,
        created_at: now,
        updated_at: now,
    };
    let write = ChallengeWrite {
        new_message: Some(&message),
        message_update: None,
        ..only_events(&[])
    };
    let saved = store.save_challenge(&reload(store, c).await, write).await;
    assert_eq!(saved.unwrap(), Saved::Done { locked_until: None });
    message
}

async fn status(store: &dyn Store, message: &MessageRecord) -> MessageRecord {
    store.message(&message.id).await.unwrap().expect("stored").0
}

fn sent(message: &MessageRecord, now: Timestamp) -> MessageUpdate {
    MessageUpdate {
        id: message.id.to_string(),
        status: DeliveryStatus::Sent,
        provider_ref: Some("SM123".into()),
        attempts: 1,
        error: None,
        now,
    }
}

async fn message_statuses_only_move_forward(store: &dyn Store) {
    let (_, user) = service_and_user(store).await;
    let c = challenge(store, &user).await;

    // The usual order: the provider's answer, then its report.
    let first = queued(store, &c, at(1)).await;
    let outcome = event(&user, "message.sent", at(2));
    store
        .update_message(&sent(&first, at(2)), std::slice::from_ref(&outcome))
        .await
        .unwrap();
    let stored = status(store, &first).await;
    assert_eq!(stored.status, DeliveryStatus::Sent);
    assert_eq!(stored.provider_ref.as_deref(), Some("SM123"));
    assert_eq!((stored.attempts, stored.updated_at), (1, at(2)));
    assert_eq!(event_ids(store, &user).await.last(), Some(&outcome.id));
    assert!(store
        .report_delivery(&first.id, DeliveryStatus::Delivered, None, at(3))
        .await
        .unwrap());
    // A final verdict never changes, and nothing goes back to `sent`.
    for late in [
        DeliveryStatus::Undelivered,
        DeliveryStatus::Failed,
        DeliveryStatus::Sent,
        DeliveryStatus::Queued,
    ] {
        assert!(
            !store
                .report_delivery(&first.id, late, Some("late"), at(4))
                .await
                .unwrap(),
            "{late:?}"
        );
    }
    let delivered = status(store, &first).await;
    assert_eq!(delivered.status, DeliveryStatus::Delivered);
    assert_eq!(delivered.error, None);

    // The report overtakes the answer: the answer does not undo it.
    let second = queued(store, &c, at(5)).await;
    assert!(store
        .report_delivery(&second.id, DeliveryStatus::Failed, Some("30003"), at(6))
        .await
        .unwrap());
    store
        .update_message(&sent(&second, at(7)), &[])
        .await
        .unwrap();
    let failed = status(store, &second).await;
    assert_eq!(failed.status, DeliveryStatus::Failed);
    assert_eq!(failed.error.as_deref(), Some("30003"));

    let all = store.messages(&c.id).await.unwrap();
    let ids: Vec<&str> = all.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(ids, [first.id.as_str(), second.id.as_str()]);
    assert!(!store
        .report_delivery("msg_none", DeliveryStatus::Delivered, None, at(8))
        .await
        .unwrap());
}
