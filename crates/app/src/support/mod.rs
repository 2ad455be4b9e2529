//! Verified video calls with customer support. One file per side:
//! [`appointments`] (the support team, with the service key: book, list,
//! move, cancel, the agent's authenticity code), [`join`] (the customer,
//! without a key: join with the appointment code, prove the account, check
//! the agent) and [`room`] (the room token once verified).

pub mod appointments;
pub mod join;
pub mod room;

use countersign_core::event::Event;
use countersign_core::ids::{is_id_of, AppointmentId, ServiceId, UserId};
use countersign_core::policy::Method;
use countersign_core::support::{Appointment, AppointmentStatus};
use countersign_core::Timestamp;
use serde::Serialize;
use utoipa::ToSchema;

use crate::{App, AppError, AppResult, Missing};

/// The agent's view of an appointment: when, who, and whether and how the
/// customer was verified. The appointment code is not in it (shown once).
#[derive(Debug, Serialize, ToSchema)]
pub struct AppointmentView {
    pub id: AppointmentId,
    pub user_id: UserId,
    pub ticket_id: String,
    /// Masked: the agent knows it from the ticket.
    pub contact_email: String,
    pub agent: String,
    pub starts_at: Timestamp,
    pub room: String,
    pub status: AppointmentStatus,
    pub join_opens_at: Timestamp,
    pub join_closes_at: Timestamp,
    pub customer_verified_at: Option<Timestamp>,
    /// How the customer proved themselves (e.g. `["totp","email"]`).
    pub verified_methods: Vec<Method>,
    pub created_at: Timestamp,
    /// Only in the answer to a booking: give it to the customer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub appointment_code: Option<String>,
}

impl App {
    fn appointment_view(&self, a: &Appointment, code: Option<String>) -> AppointmentView {
        let window = &self.config.support.join_window;
        AppointmentView {
            id: a.id.clone(),
            user_id: a.user_id.clone(),
            ticket_id: a.ticket_id.clone(),
            contact_email: countersign_core::contact::mask_email(&a.contact_email),
            agent: a.agent.clone(),
            starts_at: a.starts_at,
            room: a.room.clone(),
            status: a.status,
            join_opens_at: a.opens_at(window),
            join_closes_at: a.closes_at(window),
            customer_verified_at: a.customer_verified_at,
            verified_methods: a.verified_methods.clone(),
            created_at: a.created_at,
            appointment_code: code,
        }
    }

    /// The video room's address, when `[support] video_base_url` is set.
    pub fn room_url(&self, room: &str) -> Option<String> {
        let video = self.config.support.video_base_url.as_deref()?;
        Some(format!("{}/{room}", video.trim_end_matches('/')))
    }

    async fn appointment(&self, service_id: &ServiceId, id: &str) -> AppResult<Appointment> {
        if !is_id_of("apt", id) {
            return Err(AppError::NotFound(Missing::Appointment));
        }
        self.store
            .appointment(service_id, id)
            .await?
            .ok_or(AppError::NotFound(Missing::Appointment))
    }

    /// Loads an appointment, lets `change` alter it, and saves it if nobody
    /// else did meanwhile (else tries again on the fresh appointment).
    async fn change_appointment(
        &self,
        service_id: &ServiceId,
        id: &str,
        mut change: impl FnMut(&mut Appointment, Timestamp) -> AppResult<Event>,
    ) -> AppResult<Appointment> {
        for _ in 0..16 {
            let mut a = self.appointment(service_id, id).await?;
            let event = change(&mut a, self.now())?;
            if self.store.save_appointment(&a, &[event]).await? {
                a.version += 1;
                return Ok(a);
            }
        }
        Err(AppError::Busy(
            "too many simultaneous changes to this appointment; try again",
        ))
    }
}

/// An event about an appointment, naming it and its ticket.
fn appointment_event(
    a: &Appointment,
    kind: &str,
    at: Timestamp,
    detail: serde_json::Value,
) -> Event {
    let mut detail = detail;
    if let serde_json::Value::Object(map) = &mut detail {
        map.insert("appointment_id".into(), a.id.clone().into());
        map.insert("ticket_id".into(), a.ticket_id.clone().into());
    }
    Event::new(&a.service_id, Some(&a.user_id), kind, at, None, detail)
}
