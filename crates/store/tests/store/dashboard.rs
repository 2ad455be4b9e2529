//! The dashboard's counts: messages per time bucket, channel and calling
//! code (read from the masked destination), with their failures; how long
//! providers took; refusals per limit; SMS and calls per service and day.
//! Only what happened since the window's start counts.

use countersign_core::challenge::Challenge;
use countersign_core::contact::{mask_email, mask_phone};
use countersign_core::dashboard::{DeliveryCount, ProviderTime, RuleRefusals, DAYS, HOURS};
use countersign_core::message::{DeliveryStatus, MessageRecord};
use countersign_core::policy::Channel;
use countersign_core::Timestamp;
use countersign_store::{ChallengeWrite, Store};

use crate::harness::{at, challenge, only_events, reload, service_and_user, T0};

crate::on_both_engines! {
    messages_and_refusals_are_counted_by_bucket
        => messages_and_refusals_are_counted_by_bucket_sqlite,
           messages_and_refusals_are_counted_by_bucket_postgres;
}

async fn message(
    store: &dyn Store,
    c: &Challenge,
    channel: Channel,
    to: String,
    now: Timestamp,
) -> MessageRecord {
    let message = MessageRecord {
        id: countersign_core::ids::MessageId::new(),
        challenge_id: c.id.clone(),
        channel,
        to,
        status: DeliveryStatus::Queued,
        provider_ref: None,
        attempts: 0,
        error: None,
        created_at: now,
        updated_at: now,
    };
    let write = ChallengeWrite {
        new_message: Some(&message),
        ..only_events(&[])
    };
    store
        .save_challenge(&reload(store, c).await, write)
        .await
        .unwrap();
    message
}

async fn report(store: &dyn Store, m: &MessageRecord, status: DeliveryStatus, now: Timestamp) {
    assert!(store
        .report_delivery(&m.id, status, None, now)
        .await
        .unwrap());
}

fn refused(c: &Challenge, limit: &str, now: Timestamp) -> countersign_core::event::Event {
    countersign_core::event::Event::new(
        &c.service_id,
        Some(&c.user_id),
        "challenge.send_refused",
        now,
        None,
        serde_json::json!({"reason": "rate_limited", "limit": limit}),
    )
}

async fn messages_and_refusals_are_counted_by_bucket(store: &dyn Store) {
    let (service, user) = service_and_user(store).await;
    let c = challenge(store, &user).await;
    let now = at(2 * 3600);
    // Before the hourly window: only the daily one counts it.
    let old = message(
        store,
        &c,
        Channel::Sms,
        mask_phone("+33612345601"),
        at(-48 * 3600),
    )
    .await;
    report(store, &old, DeliveryStatus::Failed, at(-48 * 3600 + 1)).await;
    let fr = message(store, &c, Channel::Sms, mask_phone("+33612345602"), at(10)).await;
    report(store, &fr, DeliveryStatus::Delivered, at(17)).await;
    let gb = message(
        store,
        &c,
        Channel::Voice,
        mask_phone("+447911123456"),
        at(20),
    )
    .await;
    report(store, &gb, DeliveryStatus::Undelivered, at(25)).await;
    let us = message(
        store,
        &c,
        Channel::Sms,
        mask_phone("+12025550123"),
        at(3600),
    )
    .await;
    report(store, &us, DeliveryStatus::Sent, at(3601)).await;
    message(
        store,
        &c,
        Channel::Email,
        mask_email("alice@example.com"),
        at(30),
    )
    .await;

    let mut hourly = store
        .delivery_counts(HOURS.start(now), HOURS.bucket_ms)
        .await
        .unwrap();
    hourly.sort_by_key(|d| (d.bucket, d.channel.as_str(), d.calling_code));
    let hour = HOURS.bucket_of(T0);
    let count = |bucket, channel, calling_code, failures| DeliveryCount {
        bucket,
        channel,
        calling_code,
        sends: 1,
        failures,
    };
    assert_eq!(
        hourly,
        [
            count(hour, Channel::Email, None, 0),
            count(hour, Channel::Sms, Some(33), 0),
            count(hour, Channel::Voice, Some(44), 1),
            count(HOURS.bucket_of(at(3600)), Channel::Sms, Some(1), 0),
        ]
    );
    let daily = store
        .delivery_counts(DAYS.start(now), DAYS.bucket_ms)
        .await
        .unwrap();
    assert_eq!(daily.iter().map(|d| d.sends).sum::<u64>(), 5);
    assert_eq!(daily.iter().map(|d| d.failures).sum::<u64>(), 2);
    assert!(daily
        .iter()
        .all(|d| d.bucket.millis() % DAYS.bucket_ms == 0));

    let mut times = store.provider_times(HOURS.start(now)).await.unwrap();
    times.sort_by_key(|t| t.status.as_str());
    assert_eq!(
        times,
        [
            ProviderTime {
                channel: Channel::Sms,
                status: DeliveryStatus::Delivered,
                messages: 1,
                average_ms: 7000,
                longest_ms: 7000,
            },
            ProviderTime {
                channel: Channel::Sms,
                status: DeliveryStatus::Sent,
                messages: 1,
                average_ms: 1000,
                longest_ms: 1000,
            },
        ]
    );

    store
        .insert_events(&[
            refused(&c, "country", at(-49 * 3600)),
            refused(&c, "country", at(40)),
            refused(&c, "country", at(50)),
            refused(&c, "daily_budget", at(60)),
        ])
        .await
        .unwrap();
    let mut rules = store.send_refusals(HOURS.start(now)).await.unwrap();
    rules.sort_by(|a, b| a.rule.cmp(&b.rule));
    let rule = |rule: &str, refusals| RuleRefusals {
        rule: rule.into(),
        refusals,
    };
    assert_eq!(rules, [rule("country", 2), rule("daily_budget", 1)]);
    let rules = store.send_refusals(DAYS.start(now)).await.unwrap();
    assert_eq!(rules.iter().map(|r| r.refusals).sum::<u64>(), 4);

    // SMS and calls per service and day: the email is not one.
    let mut phone = store.phone_sends(DAYS.start(now)).await.unwrap();
    phone.sort_by_key(|p| p.day);
    let days: Vec<_> = phone
        .iter()
        .map(|p| (p.service_id.as_str(), p.day, p.sends))
        .collect();
    let id = service.id.to_string();
    assert_eq!(
        days,
        [
            (id.as_str(), DAYS.bucket_of(at(-48 * 3600)), 1),
            (id.as_str(), DAYS.bucket_of(T0), 3),
        ]
    );
}
