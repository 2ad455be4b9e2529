//! Support appointments, saved with a version check, and the attempt
//! counters that guard appointment codes.

use countersign_core::support::{Appointment, AppointmentStatus, Booking};
use countersign_store::{Store, StoreError};

use crate::harness::{at, counter, event, event_ids, service_and_user, T0};

crate::on_both_engines! {
    save_appointment_is_conditional_on_the_version_read
        => save_appointment_is_conditional_on_the_version_read_sqlite,
           save_appointment_is_conditional_on_the_version_read_postgres;
    count_attempts_refuses_past_the_cap_and_counts_nothing_then
        => count_attempts_refuses_past_the_cap_and_counts_nothing_then_sqlite,
           count_attempts_refuses_past_the_cap_and_counts_nothing_then_postgres;
}

async fn save_appointment_is_conditional_on_the_version_read(store: &dyn Store) {
    let (service, user) = service_and_user(store).await;
    let booking = Booking {
        ticket_id: "T-1".into(),
        contact_email: "alice@example.test".into(),
        agent: "agent-7".into(),
        starts_at: at(3600),
        room: None,
    };
    let (booked, _code) = Appointment::book(&user, booking, T0);
    store
        .insert_appointment(&booked, &[event(&user, "appointment.booked", T0)])
        .await
        .unwrap();
    let read = store
        .appointment(&service.id, &booked.id)
        .await
        .unwrap()
        .expect("stored");
    assert_eq!(read, booked);
    assert_eq!(
        store
            .appointment_by_code_hash(&booked.code_hash)
            .await
            .unwrap(),
        Some(booked.clone())
    );
    assert_eq!(
        store
            .appointments(&service.id, Some(&user.id), Some("agent-7"))
            .await
            .unwrap(),
        std::slice::from_ref(&booked)
    );

    // The agent cancels while the customer reschedules, both from `read`.
    let mut cancelled = read.clone();
    cancelled.cancel(at(10)).unwrap();
    let mut moved = read.clone();
    moved.reschedule(at(7200), at(11)).unwrap();
    let cancel_event = event(&user, "appointment.cancelled", at(10));
    assert!(store
        .save_appointment(&cancelled, std::slice::from_ref(&cancel_event))
        .await
        .unwrap());
    let events_before = event_ids(store, &user).await;
    assert!(!store
        .save_appointment(&moved, &[event(&user, "appointment.rescheduled", at(11))])
        .await
        .unwrap());
    let stored = store
        .appointment(&service.id, &booked.id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(stored.status, AppointmentStatus::Cancelled);
    assert_eq!(stored.starts_at, at(3600));
    assert_eq!(stored.version, 1);
    assert_eq!(event_ids(store, &user).await, events_before);
    assert_eq!(events_before.last(), Some(&cancel_event.id));

    // Another booking with the same code is refused.
    let (mut twin, _) = Appointment::book(
        &user,
        Booking {
            ticket_id: "T-2".into(),
            contact_email: "alice@example.test".into(),
            agent: "agent-8".into(),
            starts_at: at(3600),
            room: None,
        },
        T0,
    );
    twin.code_hash = booked.code_hash.clone();
    let err = store.insert_appointment(&twin, &[]).await.unwrap_err();
    assert!(matches!(err, StoreError::Conflict), "{err:?}");
    assert_eq!(
        store.appointment(&service.id, &twin.id).await.unwrap(),
        None
    );
}

async fn count_attempts_refuses_past_the_cap_and_counts_nothing_then(store: &dyn Store) {
    let per_code = counter(2);
    let per_ip = counter(10);
    let both = [per_ip.clone(), per_code.clone()];
    assert_eq!(store.count_attempts(&both).await.unwrap(), None);
    assert_eq!(store.count_attempts(&both).await.unwrap(), None);
    // The third would pass the code's cap: refused, and the IP counter is
    // not counted either.
    for _ in 0..3 {
        assert_eq!(store.count_attempts(&both).await.unwrap(), Some(1));
    }
    for n in 3..=10 {
        let outcome = store
            .count_attempts(std::slice::from_ref(&per_ip))
            .await
            .unwrap();
        assert_eq!(outcome, None, "attempt {n} from the IP");
    }
    assert_eq!(
        store
            .count_attempts(std::slice::from_ref(&per_ip))
            .await
            .unwrap(),
        Some(0)
    );
    // Counters are per window: the next one starts again.
    let next_window = countersign_core::limits::CounterCheck {
        window_start: at(3600),
        window_end: at(7200),
        ..per_code
    };
    assert_eq!(store.count_attempts(&[next_window]).await.unwrap(), None);
    assert_eq!(store.count_attempts(&[]).await.unwrap(), None);
}
