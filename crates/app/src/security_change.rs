//! What a security change (a contact changed, a method added or removed,
//! recovery codes replaced) brings with it: the user's withdrawals are held
//! for the service's hold period and every verified contact point is told
//! (the old ones too), in the user's language. Written in the transaction
//! of the change itself, so that no change goes without them.

use countersign_core::event::Event;
use countersign_core::ids::new_id;
use countersign_core::notice::{recipients, NoticeContent, SecurityChange};
use countersign_core::service::Service;
use countersign_core::user::User;
use countersign_store::{NoticeRecord, SecurityWrite};
use serde_json::json;

use crate::views::masked_destination;
use crate::App;

/// A security change's consequences, with the `user.security_hold` events
/// that record them.
pub(crate) struct SecurityChanged {
    pub events: Vec<Event>,
    pub write: SecurityWrite,
}

impl SecurityChanged {
    /// `event` (the change's own), then the events recording its
    /// consequences.
    pub fn after(&self, event: Event) -> Vec<Event> {
        std::iter::once(event)
            .chain(self.events.iter().cloned())
            .collect()
    }
}

impl App {
    /// The consequences of `changes` made to a user (`before` → `after`).
    pub(crate) fn security_changed(
        &self,
        service: &Service,
        before: &User,
        after: &User,
        changes: &[SecurityChange],
        ip: Option<&str>,
    ) -> SecurityChanged {
        let now = self.now();
        let hold = service.settings.security_hold_seconds;
        let held_until =
            (hold > 0).then(|| now.plus(std::time::Duration::from_secs(u64::from(hold))));
        let told = recipients(before, after);
        let mut events = Vec::new();
        let mut notices = Vec::new();
        for &change in changes {
            let content = NoticeContent {
                change,
                at: now,
                ip: ip.map(str::to_owned),
                held_until,
            };
            notices.extend(notices_to(&told, service, after, &content));
            events.push(Event::new(
                &service.id,
                Some(&after.user_id),
                "user.security_hold",
                now,
                ip,
                json!({
                    "because": change.kind(),
                    "change": change,
                    "withdrawals_held_until": held_until,
                    "notified": told.iter().map(|(ch, to)| masked_destination(*ch, to)).collect::<Vec<_>>(),
                }),
            ));
        }
        SecurityChanged {
            events,
            write: SecurityWrite {
                user_pk: after.id.clone(),
                hold_until: held_until,
                notices,
            },
        }
    }

    /// An alert about `user` (see [`SecurityChange::is_alert`]): notices
    /// to their verified contacts, no hold; and the contacts told, masked,
    /// for the event that records it.
    pub(crate) fn security_alert(
        &self,
        service: &Service,
        user: &User,
        change: SecurityChange,
        ip: Option<&str>,
    ) -> (SecurityWrite, Vec<String>) {
        let told = recipients(user, user);
        let content = NoticeContent {
            change,
            at: self.now(),
            ip: ip.map(str::to_owned),
            held_until: None,
        };
        let write = SecurityWrite {
            user_pk: user.id.clone(),
            hold_until: None,
            notices: notices_to(&told, service, user, &content),
        };
        let masked = told
            .iter()
            .map(|(ch, to)| masked_destination(*ch, to))
            .collect();
        (write, masked)
    }

    /// After a change committed: its notices go out now.
    pub(crate) fn security_written(&self, changed: &SecurityChanged) {
        if !changed.write.notices.is_empty() {
            self.outbox.wake();
        }
    }
}

/// One notice of `content` to each of `told`, in `user`'s language.
fn notices_to(
    told: &[(countersign_core::policy::Channel, String)],
    service: &Service,
    user: &User,
    content: &NoticeContent,
) -> Vec<NoticeRecord> {
    told.iter()
        .map(|(channel, to)| NoticeRecord {
            id: new_id("ntc"),
            service_id: service.id.clone(),
            user_pk: Some(user.id.clone()),
            channel: *channel,
            to: to.clone(),
            locale: user.locale.clone(),
            content: content.clone(),
            attempts: 0,
        })
        .collect()
}
