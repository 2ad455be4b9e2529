//! Removing a factor: a security change (hold and notices).

use countersign_core::factor::Factor;
use countersign_core::notice::SecurityChange;
use countersign_core::service::Service;
use countersign_core::user::User;

use super::factor_event;
use crate::{App, AppError, AppResult, Missing};

impl App {
    /// Removes a factor (not found if it is gone already); `by` (an
    /// object: who, and why) joins its `factor.removed` event.
    pub async fn remove_factor(
        &self,
        service: &Service,
        user: &User,
        factor: &Factor,
        ip: Option<&str>,
        by: serde_json::Value,
    ) -> AppResult<()> {
        let mut event = factor_event(service, user, "factor.removed", factor, self.now());
        crate::merge_detail(&mut event.detail, by);
        let removed = SecurityChange::FactorRemoved {
            factor: factor.kind,
        };
        let changed = self.security_changed(service, user, user, &[removed], ip);
        if !self
            .store
            .delete_factor(factor, &changed.after(event), Some(&changed.write))
            .await?
        {
            return Err(AppError::NotFound(Missing::Factor));
        }
        self.security_written(&changed);
        Ok(())
    }
}
