//! Recovery codes: a new set replaces any earlier one. A first set is a new
//! way in as much as a replaced one: both are security changes.

use countersign_core::factor::{
    new_recovery_codes, normalize_recovery_code, recovery_code_hash, Factor, FactorType,
};
use countersign_core::notice::SecurityChange;
use countersign_core::service::Service;
use countersign_core::user::User;

use super::factor_event;
use crate::{App, AppResult};

impl App {
    /// A new set of recovery codes: the factor and the codes, to show once.
    pub async fn replace_recovery_codes(
        &self,
        service: &Service,
        user: &User,
        ip: Option<&str>,
    ) -> AppResult<(Factor, Vec<String>)> {
        let factor = Factor::new_recovery_codes(user, self.now());
        let codes = new_recovery_codes();
        let hashes: Vec<String> = codes
            .iter()
            .filter_map(|c| normalize_recovery_code(c))
            .map(|c| recovery_code_hash(&factor.id, &c))
            .collect();
        let event = factor_event(service, user, "factor.added", &factor, self.now());
        let replaced = self
            .store
            .factors(&user.id)
            .await?
            .iter()
            .any(|f| f.kind == FactorType::RecoveryCodes);
        let change = if replaced {
            SecurityChange::RecoveryCodesRegenerated
        } else {
            SecurityChange::FactorAdded {
                factor: FactorType::RecoveryCodes,
            }
        };
        let changed = self.security_changed(service, user, user, &[change], ip);
        self.store
            .insert_factor(
                &factor,
                &hashes,
                &changed.after(event),
                Some(&changed.write),
            )
            .await?;
        self.security_written(&changed);
        Ok((factor, codes))
    }
}
