//! The support team's side of verified calls (with the service key).

use countersign_core::contact::normalize_email;
use countersign_core::ids::{is_printable, ServiceId};
use countersign_core::service::Service;
use countersign_core::support::Booking;
use countersign_core::Timestamp;
use serde::{Deserialize, Serialize};
use serde_json::json;
use utoipa::ToSchema;

use super::{appointment_event, AppointmentView};
use crate::users::check_user_id;
use crate::{App, AppError, AppResult};

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BookAppointment {
    pub user_id: String,
    /// The chat or ticket the call was booked from.
    pub ticket_id: String,
    /// The address the customer gave in that chat or ticket.
    pub contact_email: String,
    /// The agent's name or id, shown to the customer.
    pub agent: String,
    pub starts_at: Timestamp,
    /// The video room (1–64 of A-Z a-z 0-9 _ -); made up when absent.
    pub room: Option<String>,
}

/// The code the agent reads out so the customer can check, in the support
/// center, that the agent is genuine.
#[derive(Debug, Serialize, ToSchema)]
pub struct AgentCode {
    pub code: String,
    pub valid_until: Timestamp,
}

/// The key agent codes are derived under.
pub(super) const AGENT_CODE_KEY: &str = "countersign/agent-code/v1";

fn field_text(field: &str, value: &str, max: usize) -> AppResult<()> {
    if value.trim().is_empty() || value.chars().count() > max || !is_printable(value) {
        return Err(AppError::field(
            field,
            format!("1–{max} printable characters"),
        ));
    }
    Ok(())
}

impl App {
    /// Books a verified video call: the appointment, with its code (shown
    /// only in this answer). `by` (an object: who) joins its event.
    pub async fn book_appointment(
        &self,
        service: &Service,
        body: BookAppointment,
        by: serde_json::Value,
    ) -> AppResult<AppointmentView> {
        check_user_id(&body.user_id)?;
        field_text("ticket_id", &body.ticket_id, 128)?;
        field_text("agent", &body.agent, 128)?;
        if body.room.as_deref().is_some_and(|r| {
            !(1..=64).contains(&r.len())
                || !r
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
        }) {
            return Err(AppError::field(
                "room",
                "1–64 characters of A-Z a-z 0-9 _ -",
            ));
        }
        let contact_email = normalize_email(&body.contact_email)?;
        let user = self.user(&service.id, &body.user_id).await?;
        let now = self.now();
        let (appointment, code) = countersign_core::support::Appointment::book(
            &user,
            Booking {
                ticket_id: body.ticket_id,
                contact_email,
                agent: body.agent,
                starts_at: body.starts_at,
                room: body.room,
            },
            now,
        );
        let booked = appointment_event(&appointment, "support.appointment_booked", now, by);
        self.store
            .insert_appointment(&appointment, &[booked])
            .await?;
        Ok(self.appointment_view(&appointment, Some(code)))
    }

    /// A user's and/or an agent's appointments, by start time.
    pub async fn appointments(
        &self,
        service_id: &ServiceId,
        user_id: Option<&str>,
        agent: Option<&str>,
    ) -> AppResult<Vec<AppointmentView>> {
        if user_id.is_none() && agent.is_none() {
            return Err(AppError::invalid("query: give user_id, agent or both"));
        }
        let user_pk = match user_id {
            Some(id) => Some(self.user(service_id, id).await?.id),
            None => None,
        };
        let list = self
            .store
            .appointments(service_id, user_pk.as_deref(), agent)
            .await?;
        Ok(list
            .iter()
            .map(|a| self.appointment_view(a, None))
            .collect())
    }

    pub async fn appointment_of(
        &self,
        service_id: &ServiceId,
        id: &str,
    ) -> AppResult<AppointmentView> {
        let a = self.appointment(service_id, id).await?;
        Ok(self.appointment_view(&a, None))
    }

    pub async fn cancel_appointment(
        &self,
        service_id: &ServiceId,
        id: &str,
    ) -> AppResult<AppointmentView> {
        let a = self
            .change_appointment(service_id, id, |a, now| {
                a.cancel(now)?;
                Ok(appointment_event(
                    a,
                    "support.appointment_cancelled",
                    now,
                    json!({}),
                ))
            })
            .await?;
        Ok(self.appointment_view(&a, None))
    }

    /// Moves the call. The appointment code stays; a verification made
    /// before does not carry over.
    pub async fn reschedule_appointment(
        &self,
        service_id: &ServiceId,
        id: &str,
        starts_at: Timestamp,
    ) -> AppResult<AppointmentView> {
        let a = self
            .change_appointment(service_id, id, |a, now| {
                let from = a.starts_at;
                a.reschedule(starts_at, now)?;
                Ok(appointment_event(
                    a,
                    "support.appointment_rescheduled",
                    now,
                    json!({"from": from, "to": starts_at}),
                ))
            })
            .await?;
        Ok(self.appointment_view(&a, None))
    }

    /// The code the agent reads out now.
    pub async fn agent_code(&self, service_id: &ServiceId, id: &str) -> AppResult<AgentCode> {
        let a = self.appointment(service_id, id).await?;
        let key = self.keys.ring().purpose_key(AGENT_CODE_KEY);
        let (code, valid_until) = a.agent_code(&key, self.now());
        Ok(AgentCode { code, valid_until })
    }
}
