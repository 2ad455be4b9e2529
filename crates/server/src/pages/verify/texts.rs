//! Every text of the hosted page, in English and French (the next step
//! moves them to Fluent files).

use countersign_core::challenge::ChallengeStatus;
use countersign_core::policy::{Channel, Method};

use super::super::{Lang, Shown, Trouble};

/// Every text of the hosted page, in one language.
pub(super) struct VerifyTexts {
    pub(super) title: &'static str,
    /// "{service} asks you to {purpose}."
    pub(super) lead: &'static str,
    pub(super) purposes: [(&'static str, &'static str); 5],
    pub(super) any_purpose: &'static str,
    pub(super) payment: &'static str,
    pub(super) amount: &'static str,
    pub(super) payee: &'static str,
    pub(super) destination: &'static str,
    pub(super) done: &'static str,
    pub(super) methods: [(Method, &'static str); 8],
    pub(super) send: [(Channel, &'static str); 3],
    pub(super) code_sent: &'static str,
    pub(super) code_totp: &'static str,
    pub(super) code_hotp: &'static str,
    pub(super) code_recovery: &'static str,
    pub(super) verify: &'static str,
    pub(super) resend_wait: &'static str,
    pub(super) resend_ready: &'static str,
    pub(super) not_received: &'static str,
    pub(super) other_ways: &'static str,
    pub(super) choose: &'static str,
    pub(super) passkey: &'static str,
    pub(super) passkey_hint: &'static str,
    pub(super) device: &'static str,
    pub(super) device_waiting: &'static str,
    pub(super) device_check: &'static str,
    pub(super) next_step: &'static str,
    pub(super) cancel: &'static str,
    pub(super) finished: [(ChallengeStatus, &'static str); 6],
    pub(super) back_to: &'static str,
    pub(super) not_found_title: &'static str,
    pub(super) not_found_lead: &'static str,
    pub(super) errors: [(Trouble, &'static str); 10],
    pub(super) error_other: &'static str,
}

pub(super) const EN: VerifyTexts = VerifyTexts {
    title: "Confirm it's you",
    lead: "{service} asks you to {purpose}.",
    purposes: [
        ("login", "sign in"),
        ("withdrawal", "approve a withdrawal"),
        ("security_change", "change your security settings"),
        ("support_call", "join your support call"),
        ("verify_contact", "confirm this contact"),
    ],
    any_purpose: "confirm an action",
    payment: "The payment you approve",
    amount: "Amount",
    payee: "To",
    destination: "Account or address",
    done: "Done",
    methods: [
        (Method::Webauthn, "Passkey or security key"),
        (Method::Device, "Your signed-in device"),
        (Method::Totp, "Authenticator app"),
        (Method::Hotp, "Code token"),
        (Method::Email, "Email"),
        (Method::Sms, "Text message"),
        (Method::Voice, "Phone call"),
        (Method::RecoveryCode, "Recovery code"),
    ],
    send: [
        (Channel::Sms, "Text me a code"),
        (Channel::Voice, "Call me instead"),
        (Channel::Email, "Email me a code"),
    ],
    code_sent: "Enter the code sent to {to}",
    code_totp: "Enter the code your authenticator app shows",
    code_hotp: "Enter the code your token shows",
    code_recovery: "Enter one of your recovery codes",
    verify: "Verify",
    resend_wait: "You can ask for a new code in {time}.",
    resend_ready: "You can ask for a new code now.",
    not_received: "Didn't receive the code?",
    other_ways: "Other ways to confirm",
    choose: "Choose how to confirm",
    passkey: "Use my passkey or security key",
    passkey_hint: "Your phone or computer asks for your fingerprint, face, PIN or key.",
    device: "Open {service} on your signed-in device and pick the number {number}.",
    device_waiting: "Waiting for your approval on the device…",
    device_check: "I have approved it",
    next_step: "One more step: confirm with one of these.",
    cancel: "This wasn't me: cancel",
    finished: [
        (ChallengeStatus::Approved, "You're verified."),
        (ChallengeStatus::Held, "Confirmed. For your protection this withdrawal waits until {until}, because your security settings changed recently."),
        (ChallengeStatus::Failed, "This verification failed. Start again from {service}."),
        (ChallengeStatus::Expired, "This verification has expired. Start again from {service}."),
        (ChallengeStatus::Cancelled, "This verification was cancelled."),
        (ChallengeStatus::Denied, "You refused this request on your device."),
    ],
    back_to: "Back to {service}",
    not_found_title: "Verification not found",
    not_found_lead: "This link is not valid. Start again from the site or app you were using.",
    errors: [
        (Trouble::WrongCode, "That code is not right. Attempts left: {attempts}."),
        (Trouble::CredentialRefused, "That passkey or security key was not accepted. Attempts left: {attempts}."),
        (Trouble::TooManyAttempts, "Too many wrong codes: this verification has failed."),
        (Trouble::ResendTooSoon, "Please wait a little before asking for another code."),
        (Trouble::DeliveryFailed, "We could not send the code. Choose another way below."),
        (Trouble::RateLimited, "Too many codes were sent. Choose another way, or try again later."),
        (Trouble::Locked, "Too many failed attempts. Try again later."),
        (Trouble::MethodUnavailable, "This way is not available for this verification."),
        (Trouble::Expired, "This verification has expired."),
        (Trouble::Closed, "This verification is already over."),
    ],
    error_other: "Something went wrong. Please try again.",
};

pub(super) const FR: VerifyTexts = VerifyTexts {
    title: "Confirmez que c'est vous",
    lead: "{service} vous demande {purpose}.",
    purposes: [
        ("login", "de vous connecter"),
        ("withdrawal", "d'approuver un retrait"),
        ("security_change", "de modifier vos paramètres de sécurité"),
        ("support_call", "de rejoindre votre appel avec le support"),
        ("verify_contact", "de confirmer ce moyen de contact"),
    ],
    any_purpose: "de confirmer une action",
    payment: "Le paiement que vous approuvez",
    amount: "Montant",
    payee: "Bénéficiaire",
    destination: "Compte ou adresse",
    done: "Fait",
    methods: [
        (Method::Webauthn, "Clé d'accès ou clé de sécurité"),
        (Method::Device, "Votre appareil connecté"),
        (Method::Totp, "Application d'authentification"),
        (Method::Hotp, "Jeton à codes"),
        (Method::Email, "E-mail"),
        (Method::Sms, "SMS"),
        (Method::Voice, "Appel téléphonique"),
        (Method::RecoveryCode, "Code de récupération"),
    ],
    send: [
        (Channel::Sms, "M'envoyer un code par SMS"),
        (Channel::Voice, "M'appeler plutôt"),
        (Channel::Email, "M'envoyer un code par e-mail"),
    ],
    code_sent: "Saisissez le code envoyé au {to}",
    code_totp: "Saisissez le code affiché par votre application d'authentification",
    code_hotp: "Saisissez le code affiché par votre jeton",
    code_recovery: "Saisissez l'un de vos codes de récupération",
    verify: "Vérifier",
    resend_wait: "Vous pourrez demander un nouveau code dans {time}.",
    resend_ready: "Vous pouvez demander un nouveau code.",
    not_received: "Vous n'avez pas reçu le code ?",
    other_ways: "Autres façons de confirmer",
    choose: "Choisissez comment confirmer",
    passkey: "Utiliser ma clé d'accès ou ma clé de sécurité",
    passkey_hint: "Votre téléphone ou ordinateur vous demande votre empreinte, votre visage, un code ou votre clé.",
    device: "Ouvrez {service} sur votre appareil connecté et choisissez le nombre {number}.",
    device_waiting: "En attente de votre accord sur l'appareil…",
    device_check: "J'ai approuvé",
    next_step: "Encore une étape : confirmez avec l'un de ces moyens.",
    cancel: "Ce n'est pas moi : annuler",
    finished: [
        (ChallengeStatus::Approved, "Vérification réussie."),
        (ChallengeStatus::Held, "C'est confirmé. Par précaution, ce retrait attend jusqu'au {until}, car vos paramètres de sécurité ont changé récemment."),
        (ChallengeStatus::Failed, "Cette vérification a échoué. Recommencez depuis {service}."),
        (ChallengeStatus::Expired, "Cette vérification a expiré. Recommencez depuis {service}."),
        (ChallengeStatus::Cancelled, "Cette vérification a été annulée."),
        (ChallengeStatus::Denied, "Vous avez refusé cette demande sur votre appareil."),
    ],
    back_to: "Retour à {service}",
    not_found_title: "Vérification introuvable",
    not_found_lead: "Ce lien n'est pas valide. Recommencez depuis le site ou l'application que vous utilisiez.",
    errors: [
        (Trouble::WrongCode, "Ce code n'est pas le bon. Essais restants : {attempts}."),
        (Trouble::CredentialRefused, "Cette clé n'a pas été acceptée. Essais restants : {attempts}."),
        (Trouble::TooManyAttempts, "Trop de codes erronés : cette vérification a échoué."),
        (Trouble::ResendTooSoon, "Patientez un peu avant de demander un autre code."),
        (Trouble::DeliveryFailed, "Nous n'avons pas pu envoyer le code. Choisissez un autre moyen ci-dessous."),
        (Trouble::RateLimited, "Trop de codes ont été envoyés. Choisissez un autre moyen ou réessayez plus tard."),
        (Trouble::Locked, "Trop d'échecs. Réessayez plus tard."),
        (Trouble::MethodUnavailable, "Ce moyen n'est pas disponible pour cette vérification."),
        (Trouble::Expired, "Cette vérification a expiré."),
        (Trouble::Closed, "Cette vérification est déjà terminée."),
    ],
    error_other: "Une erreur s'est produite. Veuillez réessayer.",
};

pub(super) fn texts(lang: Lang) -> &'static VerifyTexts {
    match lang {
        Lang::En => &EN,
        Lang::Fr => &FR,
    }
}

impl VerifyTexts {
    pub(super) fn method(&self, m: Method) -> &'static str {
        self.methods
            .iter()
            .find(|(k, _)| *k == m)
            .map_or("", |(_, v)| *v)
    }

    pub(super) fn send_label(&self, ch: Channel) -> &'static str {
        self.send
            .iter()
            .find(|(k, _)| *k == ch)
            .map_or("", |(_, v)| *v)
    }

    pub(super) fn purpose(&self, purpose: &str) -> &'static str {
        self.purposes
            .iter()
            .find(|(k, _)| *k == purpose)
            .map_or(self.any_purpose, |(_, v)| *v)
    }

    /// What the user reads for what went wrong.
    pub(super) fn error(&self, e: &Shown) -> String {
        let attempts = e.attempts_left.map(|n| n.to_string()).unwrap_or_default();
        self.errors
            .iter()
            .find(|(trouble, _)| *trouble == e.trouble)
            .map_or(self.error_other, |(_, text)| *text)
            .replace("{attempts}", &attempts)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_name_every_method_and_error() {
        for t in [&EN, &FR] {
            for m in Method::ALL {
                assert!(!t.method(m).is_empty(), "{m:?}");
            }
            for ch in Channel::ALL {
                assert!(!t.send_label(ch).is_empty(), "{ch:?}");
            }
        }
        let codes = |t: &VerifyTexts| t.errors.iter().map(|(c, _)| *c).collect::<Vec<_>>();
        assert_eq!(codes(&EN), codes(&FR));
        let statuses = |t: &VerifyTexts| t.finished.iter().map(|(s, _)| *s).collect::<Vec<_>>();
        assert_eq!(statuses(&EN), statuses(&FR));
    }

    #[test]
    fn an_error_reads_as_a_sentence_with_attempts_left() {
        let wrong = Shown::from(countersign_app::AppError::WrongCode {
            attempts_left: Some(3),
        });
        assert_eq!(
            EN.error(&wrong),
            "That code is not right. Attempts left: 3."
        );
        let odd = Shown::from(countersign_app::AppError::Busy("busy"));
        assert_eq!(FR.error(&odd), FR.error_other);
    }
}
