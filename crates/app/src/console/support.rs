//! Support calls from the console: an agent (an operator who may run
//! calls) books a verified video call for a ticket, watches the customer's
//! verification as it happens, reads out their authenticity code, and
//! opens the room. The same use cases as the API's (`crate::support`),
//! with the operator as the agent and in the booking's event.

use countersign_core::operator::Action;
use countersign_core::service::Service;
use countersign_core::Timestamp;

use super::Console;
use crate::support::appointments::{AgentCode, BookAppointment};
use crate::support::AppointmentView;
use crate::{App, AppResult};

/// A call as the console shows it.
pub struct Call {
    pub service: Service,
    pub appointment: AppointmentView,
    /// The code the agent reads out, for those who run calls.
    pub agent_code: Option<AgentCode>,
    /// The video room, when `[support]` names the video service.
    pub room_url: Option<String>,
}

/// What the console asks to book a call: the rest is the operator's
/// (the agent) or made up (the room).
pub struct NewCall<'a> {
    pub user_id: &'a str,
    pub ticket_id: &'a str,
    pub contact_email: &'a str,
    pub starts_at: Timestamp,
}

impl App {
    /// Books a call for a ticket, with the operator as its agent; the
    /// appointment's code (to give the customer) is in the answer only.
    pub async fn console_book_call(
        &self,
        c: &Console,
        service_id: &str,
        call: NewCall<'_>,
    ) -> AppResult<(Service, AppointmentView)> {
        c.allow(Action::RunSupportCalls, self.now())?;
        let service = self.console_service(service_id).await?;
        let body = BookAppointment {
            user_id: call.user_id.trim().to_owned(),
            ticket_id: call.ticket_id.trim().to_owned(),
            contact_email: call.contact_email.trim().to_owned(),
            agent: c.operator.name.clone(),
            starts_at: call.starts_at,
            room: None,
        };
        let booked = self
            .book_appointment(&service, body, c.operator.acting(None))
            .await?;
        Ok((service, booked))
    }

    /// The calls the operator is the agent of, in every service, by start.
    pub async fn console_calls(&self, c: &Console) -> AppResult<Vec<(Service, AppointmentView)>> {
        c.allow(Action::SeeSupportCalls, self.now())?;
        let mut calls = Vec::new();
        for service in self.store.services().await? {
            for a in self
                .appointments(&service.id, None, Some(&c.operator.name))
                .await?
            {
                calls.push((service.clone(), a));
            }
        }
        calls.sort_by_key(|(_, a)| a.starts_at);
        Ok(calls)
    }

    /// One call: its customer's verification as of now, and — for those who
    /// run calls — the agent's current code and the room.
    pub async fn console_call(&self, c: &Console, service_id: &str, id: &str) -> AppResult<Call> {
        let now = self.now();
        c.allow(Action::SeeSupportCalls, now)?;
        let service = self.console_service(service_id).await?;
        let appointment = self.appointment_of(&service.id, id).await?;
        let runs = c.allow(Action::RunSupportCalls, now).is_ok();
        let agent_code = match runs {
            true => Some(self.agent_code(&service.id, id).await?),
            false => None,
        };
        let room_url = runs.then(|| self.room_url(&appointment.room)).flatten();
        Ok(Call {
            service,
            appointment,
            agent_code,
            room_url,
        })
    }
}
