//! The notices outbox: a security change writes its hold and notices in its
//! own transaction; a worker claims each due notice under a lease.

use std::time::Duration;

use countersign_core::ids::{new_id, ServiceId, UserKey};
use countersign_core::notice::{NoticeContent, SecurityChange};
use countersign_core::outbox::LEASE;
use countersign_core::policy::Channel;
use countersign_core::Timestamp;
use countersign_store::{NoticeOutcome, NoticeRecord, SecurityWrite, Store};

use crate::harness::{at, event, event_ids, reload_user, service_and_user};

crate::on_both_engines! {
    a_security_change_writes_notices_claimed_once_under_a_lease
        => a_security_change_writes_notices_claimed_once_under_a_lease_sqlite,
           a_security_change_writes_notices_claimed_once_under_a_lease_postgres;
}

fn notice(
    service_id: &ServiceId,
    user_pk: &UserKey,
    channel: Channel,
    to: &str,
    content: &NoticeContent,
) -> NoticeRecord {
    NoticeRecord {
        id: new_id("ntc"),
        service_id: service_id.clone(),
        user_pk: Some(user_pk.clone()),
        channel,
        to: to.to_owned(),
        locale: Some("en".into()),
        content: content.clone(),
        attempts: 0,
    }
}

fn ids(notices: &[NoticeRecord]) -> Vec<&str> {
    let mut ids: Vec<&str> = notices.iter().map(|n| n.id.as_str()).collect();
    ids.sort();
    ids
}

async fn a_security_change_writes_notices_claimed_once_under_a_lease(store: &dyn Store) {
    let (service, before) = service_and_user(store).await;
    let changed_at = at(100);
    let hold_until = changed_at.plus(Duration::from_secs(86_400));
    let mut after = before.clone();
    after.email = Some("new@example.test".into());
    after.email_verified = false;
    after.updated_at = changed_at;
    let content = NoticeContent {
        change: SecurityChange::EmailChanged,
        at: changed_at,
        ip: Some("192.0.2.7".into()),
        held_until: Some(hold_until),
    };
    let to_old = notice(
        &service.id,
        &before.id,
        Channel::Email,
        "alice@example.test",
        &content,
    );
    let to_phone = notice(
        &service.id,
        &before.id,
        Channel::Sms,
        "+33612345678",
        &content,
    );
    let security = SecurityWrite {
        user_pk: before.id.clone(),
        hold_until: Some(hold_until),
        notices: vec![to_old.clone(), to_phone.clone()],
    };
    let changed = event(&before, "user.updated", changed_at);
    store
        .update_user(
            &before,
            &after,
            std::slice::from_ref(&changed),
            Some(&security),
        )
        .await
        .unwrap();
    let stored = reload_user(store, &before).await;
    assert_eq!(stored.email, after.email);
    assert_eq!(stored.security_hold_until, Some(hold_until));
    assert_eq!(event_ids(store, &before).await.last(), Some(&changed.id));

    // The outbox is due when the notices were written.
    assert_eq!(
        store.next_outbox_due(&[]).await.unwrap(),
        Some(changed_at),
        "written notices are due"
    );

    // Not due before the change happened.
    assert!(store
        .claim_notices(Timestamp(changed_at.millis() - 1), 10)
        .await
        .unwrap()
        .is_empty());

    // One worker takes both; another at the same time gets none.
    let now = at(101);
    let mut claimed = store.claim_notices(now, 10).await.unwrap();
    claimed.sort_by(|a, b| a.id.cmp(&b.id));
    let mut expected = vec![to_old.clone(), to_phone.clone()];
    expected.sort_by(|a, b| a.id.cmp(&b.id));
    assert_eq!(claimed, expected);
    assert!(store.claim_notices(now, 10).await.unwrap().is_empty());
    let lease_ends = now.plus(LEASE);
    assert!(store
        .claim_notices(Timestamp(lease_ends.millis() - 1), 10)
        .await
        .unwrap()
        .is_empty());

    // The first worker sends one and is told to retry the other later.
    store
        .finish_notice(&to_old.id, &NoticeOutcome::Sent, at(102))
        .await
        .unwrap();
    let retry_at = at(200);
    store
        .finish_notice(
            &to_phone.id,
            &NoticeOutcome::Retry {
                at: retry_at,
                error: "provider down".into(),
            },
            at(102),
        )
        .await
        .unwrap();
    assert!(store.claim_notices(at(199), 10).await.unwrap().is_empty());
    let retried = store.claim_notices(retry_at, 10).await.unwrap();
    assert_eq!(ids(&retried), [to_phone.id.as_str()]);
    assert_eq!(retried[0].attempts, 1);
    // Claimed, it is next due when its lease ends (if its worker died).
    assert_eq!(
        store.next_outbox_due(&[]).await.unwrap(),
        Some(retry_at.plus(LEASE))
    );
    // A worker that died holding it loses it when the lease ends.
    let taken_over = store.claim_notices(retry_at.plus(LEASE), 10).await.unwrap();
    assert_eq!(ids(&taken_over), [to_phone.id.as_str()]);
    store
        .finish_notice(
            &to_phone.id,
            &NoticeOutcome::Failed {
                error: "refused".into(),
            },
            at(300),
        )
        .await
        .unwrap();
    assert!(store
        .claim_notices(at(10_000), 10)
        .await
        .unwrap()
        .is_empty());
    assert_eq!(
        store.next_outbox_due(&[]).await.unwrap(),
        None,
        "nothing pending"
    );

    // A shorter hold never cuts a longer one short.
    let shorter = SecurityWrite {
        user_pk: before.id.clone(),
        hold_until: Some(at(500)),
        notices: vec![],
    };
    let renamed = crate::harness::reload_user(store, &before).await;
    let mut renamed_after = renamed.clone();
    renamed_after.display_name = Some("Alice".into());
    store
        .update_user(&renamed, &renamed_after, &[], Some(&shorter))
        .await
        .unwrap();
    assert_eq!(
        reload_user(store, &before).await.security_hold_until,
        Some(hold_until)
    );
}
