//! Dynamic linking (PSD2): a challenge that approves a payment names the
//! amount and the payee, every message and prompt shows them, and the
//! approval is bound to exactly those details through a digest the
//! integrator checks before moving the money.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use thiserror::Error;
use utoipa::ToSchema;

use crate::ids::is_printable;

/// The payment a challenge approves (`context.transaction`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Transaction {
    /// A decimal string ("125.00", "0.015"): never a float, so what is shown
    /// is what was asked.
    pub amount: String,
    /// ISO 4217 code or asset ticker: "EUR", "USDT".
    pub currency: String,
    /// Who receives the money, as the user knows them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payee: Option<String>,
    /// Where the money goes: an IBAN, an account number, a wallet address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub destination: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum TransactionError {
    #[error("transaction.amount: a decimal number such as 125.00 (at most 15 digits, 8 decimals)")]
    Amount,
    #[error("transaction.currency: 2 to 10 capital letters or digits, such as EUR")]
    Currency,
    #[error("transaction.{0}: 1 to {1} printable characters")]
    Text(&'static str, usize),
    #[error("transaction: give the payee, the destination, or both")]
    NoRecipient,
}

impl Transaction {
    /// Refuses details that could not be shown faithfully in an SMS or a
    /// prompt (control characters, absurd lengths) or that name nobody.
    pub fn validate(&self) -> Result<(), TransactionError> {
        let (whole, fraction) = match self.amount.split_once('.') {
            Some((w, f)) => (w, Some(f)),
            None => (self.amount.as_str(), None),
        };
        let digits = |s: &str, max: usize| {
            !s.is_empty() && s.len() <= max && s.bytes().all(|b| b.is_ascii_digit())
        };
        if !digits(whole, 15) || fraction.is_some_and(|f| !digits(f, 8)) {
            return Err(TransactionError::Amount);
        }
        let currency_ok = (2..=10).contains(&self.currency.len())
            && self
                .currency
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
        if !currency_ok {
            return Err(TransactionError::Currency);
        }
        for (field, value, max) in [
            ("payee", &self.payee, 64),
            ("destination", &self.destination, 128),
        ] {
            if let Some(v) = value {
                let n = v.chars().count();
                if n == 0 || n > max || v.trim() != v || !is_printable(v) {
                    return Err(TransactionError::Text(field, max));
                }
            }
        }
        if self.payee.is_none() && self.destination.is_none() {
            return Err(TransactionError::NoRecipient);
        }
        Ok(())
    }

    /// Hex SHA-256 over the challenge id and every detail, each on its own
    /// line (absent ones empty). The integrator recomputes it from what it
    /// is about to execute; any difference means a different payment.
    pub fn digest(&self, challenge_id: &str) -> String {
        let canonical = format!(
            "countersign-transaction-v1\n{challenge_id}\n{}\n{}\n{}\n{}",
            self.amount,
            self.currency,
            self.payee.as_deref().unwrap_or(""),
            self.destination.as_deref().unwrap_or("")
        );
        crate::to_hex(Sha256::digest(canonical.as_bytes()))
    }

    /// Who gets the money, as messages and pages name them: "Alice Martin
    /// (FR76 3000 6000 0112 3456 7890 189)", or whichever of the two is
    /// given.
    pub fn recipient(&self) -> String {
        match (&self.payee, &self.destination) {
            (Some(p), Some(d)) => format!("{p} ({d})"),
            (Some(p), None) => p.clone(),
            (None, Some(d)) => d.clone(),
            (None, None) => String::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn payment() -> Transaction {
        Transaction {
            amount: "125.00".into(),
            currency: "EUR".into(),
            payee: Some("Alice Martin".into()),
            destination: Some("FR7630006000011234567890189".into()),
        }
    }

    #[test]
    fn good_details_pass() {
        payment().validate().unwrap();
        let crypto = Transaction {
            amount: "0.00150000".into(),
            currency: "BTC".into(),
            payee: None,
            destination: Some("bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq".into()),
        };
        crypto.validate().unwrap();
    }

    #[test]
    fn bad_details_are_refused() {
        let with = |f: fn(&mut Transaction)| {
            let mut t = payment();
            f(&mut t);
            t.validate()
        };
        for amount in [
            "",
            "1e3",
            "-5",
            "1.",
            ".5",
            "1,00",
            "12.123456789",
            "1234567890123456",
        ] {
            let mut t = payment();
            t.amount = amount.into();
            assert_eq!(t.validate(), Err(TransactionError::Amount), "{amount}");
        }
        assert_eq!(
            with(|t| t.currency = "eur".into()),
            Err(TransactionError::Currency)
        );
        assert_eq!(
            with(|t| t.currency = "E".into()),
            Err(TransactionError::Currency)
        );
        assert_eq!(
            with(|t| t.payee = Some("Alice\nCall +1 555 0100".into())),
            Err(TransactionError::Text("payee", 64))
        );
        for hidden in ["FR76\u{202E}981", "Bob\u{200B}", "A\u{2066}B\u{2069}"] {
            let mut t = payment();
            t.payee = Some(hidden.into());
            assert_eq!(
                t.validate(),
                Err(TransactionError::Text("payee", 64)),
                "{hidden:?}"
            );
        }
        assert_eq!(
            with(|t| t.destination = Some("x".repeat(129))),
            Err(TransactionError::Text("destination", 128))
        );
        assert_eq!(
            with(|t| {
                t.payee = None;
                t.destination = None
            }),
            Err(TransactionError::NoRecipient)
        );
    }

    #[test]
    fn the_digest_changes_with_any_detail_and_with_the_challenge() {
        let base = payment().digest("chl_1");
        assert_eq!(base.len(), 64);
        assert_eq!(base, payment().digest("chl_1"));
        assert_ne!(base, payment().digest("chl_2"));
        let mut t = payment();
        t.amount = "125.01".into();
        assert_ne!(base, t.digest("chl_1"));
        let mut t = payment();
        t.destination = Some("FR7630006000011234567890180".into());
        assert_ne!(base, t.digest("chl_1"));
        // Moving text between fields is a different payment too.
        let a = Transaction {
            payee: Some("A".into()),
            destination: None,
            ..payment()
        };
        let b = Transaction {
            payee: None,
            destination: Some("A".into()),
            ..payment()
        };
        assert_ne!(a.digest("chl_1"), b.digest("chl_1"));
    }

    #[test]
    fn the_digest_is_sha256_of_the_documented_lines() {
        // What an integrator would compute, written out by hand.
        let expected = crate::to_hex(Sha256::digest(
            b"countersign-transaction-v1\nchl_1\n125.00\nEUR\nAlice Martin\nFR7630006000011234567890189",
        ));
        assert_eq!(payment().digest("chl_1"), expected);
    }

    #[test]
    fn the_recipient_is_the_payee_and_the_destination() {
        assert_eq!(
            payment().recipient(),
            "Alice Martin (FR7630006000011234567890189)"
        );
        let mut t = payment();
        t.payee = None;
        assert_eq!(t.recipient(), "FR7630006000011234567890189");
    }
}
