//! Resynchronising an HOTP token whose counter ran far ahead (its button
//! pressed many times): two consecutive codes within the next 100.

use countersign_core::factor::{FactorStatus, FactorType};
use countersign_core::service::Service;

use crate::users::refuse_if_locked;
use crate::views::FactorView;
use crate::{App, AppError, AppResult};

impl App {
    pub async fn resync(
        &self,
        service: &Service,
        user_id: &str,
        factor_id: &str,
        codes: &[String],
    ) -> AppResult<FactorView> {
        let [first, second] = codes else {
            return Err(AppError::field("codes", "expected two consecutive codes"));
        };
        let (user, factor) = self.user_factor(&service.id, user_id, factor_id).await?;
        refuse_if_locked(&user, self.now())?;
        if factor.kind != FactorType::Hotp || factor.status != FactorStatus::Active {
            return Err(AppError::NotResyncable);
        }
        let seed = self.open_seed(&factor)?;
        let matched = factor.match_resync(&seed, first, second);
        self.advance(
            service,
            &user,
            factor,
            matched,
            ("factor.resynced", "factor.resync_failed"),
            None,
        )
        .await
    }
}
