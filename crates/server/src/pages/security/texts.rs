//! Every text of the security center, in English and French (the next
//! step moves them to Fluent files).

use countersign_core::event::Event;
use countersign_core::portal::{MethodKind, Strength};
use countersign_core::Timestamp;

use super::super::{esc, Lang};

/// Every text of the security center, in one language.
pub(super) struct Texts {
    pub(super) title: &'static str,
    pub(super) lead: &'static str,
    pub(super) methods: &'static str,
    pub(super) no_methods: &'static str,
    pub(super) add_method: &'static str,
    pub(super) add_totp: &'static str,
    pub(super) add_passkey: &'static str,
    pub(super) add_security_key: &'static str,
    pub(super) devices: &'static str,
    pub(super) no_devices: &'static str,
    pub(super) recovery: &'static str,
    pub(super) recovery_left: &'static str,
    pub(super) no_recovery: &'static str,
    pub(super) new_recovery: &'static str,
    pub(super) contacts: &'static str,
    pub(super) email: &'static str,
    pub(super) phone: &'static str,
    pub(super) verified: &'static str,
    pub(super) unverified: &'static str,
    pub(super) none: &'static str,
    pub(super) activity: &'static str,
    pub(super) no_activity: &'static str,
    pub(super) added: &'static str,
    pub(super) last_used: &'static str,
    pub(super) never_used: &'static str,
    pub(super) remove: &'static str,
    pub(super) sign_out: &'static str,
    pub(super) back_to_app: &'static str,
    pub(super) back: &'static str,
    pub(super) strength: [&'static str; 4],
    pub(super) kinds: [&'static str; 6],
    pub(super) sent_codes: &'static str,
    pub(super) notice_added: &'static str,
    pub(super) notice_removed: &'static str,
    pub(super) totp_title: &'static str,
    pub(super) totp_scan: &'static str,
    pub(super) totp_qr: &'static str,
    pub(super) totp_key: &'static str,
    pub(super) totp_open: &'static str,
    pub(super) totp_code: &'static str,
    pub(super) totp_code_hint: &'static str,
    pub(super) activate: &'static str,
    pub(super) wrong_code: &'static str,
    pub(super) passkey_title: &'static str,
    pub(super) passkey_lead: &'static str,
    pub(super) security_key_title: &'static str,
    pub(super) security_key_lead: &'static str,
    pub(super) webauthn_label: &'static str,
    pub(super) webauthn_label_hint: &'static str,
    pub(super) webauthn_start: &'static str,
    pub(super) webauthn_working: &'static str,
    pub(super) webauthn_cancelled: &'static str,
    pub(super) webauthn_failed: &'static str,
    pub(super) codes_title: &'static str,
    pub(super) codes_lead: &'static str,
    pub(super) done: &'static str,
    pub(super) confirm_title: &'static str,
    pub(super) confirm_lead: &'static str,
    pub(super) cancel: &'static str,
    pub(super) opening_title: &'static str,
    pub(super) opening_lead: &'static str,
    pub(super) continue_label: &'static str,
    pub(super) signed_out_title: &'static str,
    pub(super) signed_out_lead: &'static str,
    pub(super) link_title: &'static str,
    pub(super) link_lead: &'static str,
    pub(super) session_title: &'static str,
    pub(super) session_lead: &'static str,
    pub(super) csrf_title: &'static str,
    pub(super) csrf_lead: &'static str,
    pub(super) not_found_title: &'static str,
    pub(super) not_found_lead: &'static str,
    pub(super) step_up_title: &'static str,
    pub(super) step_up_lead: &'static str,
    pub(super) unsatisfiable_lead: &'static str,
    pub(super) locked_lead: &'static str,
    pub(super) expired_lead: &'static str,
    pub(super) error_title: &'static str,
    pub(super) error_lead: &'static str,
    pub(super) step_up_first_title: &'static str,
    pub(super) step_up_first_lead: &'static str,
    pub(super) verify_me: &'static str,
    pub(super) confirm_add_lead: &'static str,
    pub(super) sessions: &'static str,
    pub(super) sessions_lead: &'static str,
    pub(super) this_session: &'static str,
    /// A session's browser and system: `{browser}`, `{system}`.
    pub(super) browser_on: &'static str,
    pub(super) unknown_browser: &'static str,
    pub(super) opened: &'static str,
    pub(super) last_active: &'static str,
    pub(super) end_session: &'static str,
    pub(super) end_others: &'static str,
    pub(super) end_others_offer: &'static str,
    pub(super) notice_session_ended: &'static str,
    pub(super) notice_others_ended: &'static str,
    /// Activity: (event type, text); `{method}`, `{purpose}`, `{field}`.
    pub(super) events: &'static [(&'static str, &'static str)],
}

pub(super) const EN: Texts = Texts {
    title: "Security center",
    lead: "The ways you prove it is you, and what happened on your account lately.",
    methods: "Ways to prove it's you",
    no_methods: "No authenticator yet. Add one: codes by SMS or email alone are easy to steal.",
    add_method: "Add a method",
    add_totp: "Add an authenticator app",
    add_passkey: "Add a passkey",
    add_security_key: "Add a security key",
    devices: "Trusted devices",
    no_devices: "No trusted device.",
    recovery: "Recovery codes",
    recovery_left: "{n} of 10 codes left.",
    no_recovery: "No recovery codes. Get some, and keep them somewhere safe, in case you lose your other methods.",
    new_recovery: "Get new recovery codes",
    contacts: "Email and phone",
    email: "Email",
    phone: "Phone",
    verified: "Verified",
    unverified: "Not verified",
    none: "None",
    activity: "Recent security activity",
    no_activity: "Nothing yet.",
    added: "Added",
    last_used: "last used",
    never_used: "never used",
    remove: "Remove",
    sign_out: "Sign out",
    back_to_app: "Back to the app",
    back: "Back to the security center",
    strength: ["Phishing-resistant", "Strong", "Backup", "Weaker"],
    kinds: [
        "Passkey",
        "Security key",
        "Trusted device",
        "Authenticator app",
        "Hardware token",
        "Recovery codes",
    ],
    sent_codes: "Codes by SMS, call or email",
    notice_added: "Done: the method was added. We sent a notice to your verified email and phone.",
    notice_removed: "Done: the method was removed. We sent a notice to your verified email and phone.",
    totp_title: "Add an authenticator app",
    totp_scan: "Scan this QR code with your authenticator app (Google Authenticator, Aegis, 1Password…), then enter the code it shows.",
    totp_qr: "QR code to scan with your authenticator app",
    totp_key: "Can't scan? Enter this key in the app:",
    totp_open: "Open in an authenticator app on this device",
    totp_code: "Code from the app",
    totp_code_hint: "6 digits. This key is shown only now.",
    activate: "Activate",
    wrong_code: "This code is not right. Check the app and try again.",
    passkey_title: "Add a passkey",
    passkey_lead: "Your phone or computer keeps the passkey and unlocks it with your fingerprint, face or PIN. It only works on this site, so a fake site gets nothing.",
    security_key_title: "Add a security key",
    security_key_lead: "Have your security key at hand: plug it in or hold it near your phone when asked, then touch it.",
    webauthn_label: "Name (optional)",
    webauthn_label_hint: "To recognise it later, e.g. \"Work laptop\".",
    webauthn_start: "Continue",
    webauthn_working: "Follow your browser's instructions…",
    webauthn_cancelled: "It was cancelled or timed out. Try again.",
    webauthn_failed: "It could not be added. Try again.",
    codes_title: "Your new recovery codes",
    codes_lead: "Each code works once. Print them or write them down and keep them somewhere safe: they are shown only now. Your earlier codes no longer work.",
    done: "Done",
    confirm_title: "Verified",
    confirm_lead: "You proved it is you. Remove this method?",
    cancel: "Keep it",
    opening_title: "Opening your security center",
    opening_lead: "One moment…",
    continue_label: "Continue",
    signed_out_title: "Signed out",
    signed_out_lead: "You left the security center.",
    link_title: "This link no longer works",
    link_lead: "Links to the security center work once and for 5 minutes. Go back to the app and open the security center again.",
    session_title: "Your session has ended",
    session_lead: "For your safety, the security center closes after 10 minutes without activity and after 30 minutes in all. Go back to the app and open it again.",
    csrf_title: "This request could not be checked",
    csrf_lead: "Nothing was changed. Go back to the security center, reload it and try again.",
    not_found_title: "Not found",
    not_found_lead: "This method is not on your account.",
    step_up_title: "Not verified",
    step_up_lead: "This verification was not completed, or was already used. Nothing was changed.",
    unsatisfiable_lead: "To change your methods you must prove it is you with an authenticator and a code by email or SMS, and this account cannot. Contact support.",
    locked_lead: "Too many wrong codes: your account is locked for a while. Try again later.",
    expired_lead: "This setup waited too long. Start again.",
    error_title: "Something went wrong",
    error_lead: "Nothing was changed. Try again in a moment.",
    step_up_first_title: "First, confirm it's you",
    step_up_first_lead: "Adding a way to sign in to your account needs a fresh verification.",
    verify_me: "Verify it's me",
    confirm_add_lead: "You proved it is you. Continue to add:",
    sessions: "Your sessions",
    sessions_lead: "If you don't recognise a session, end it.",
    this_session: "This session",
    browser_on: "{browser} on {system}",
    unknown_browser: "Unknown browser",
    opened: "Opened",
    last_active: "last active",
    end_session: "End this session",
    end_others: "End all other sessions",
    end_others_offer: "Did you make this change because something looked wrong? End your other sessions too.",
    notice_session_ended: "Done: that session was ended.",
    notice_others_ended: "Done: your other sessions were ended.",
    events: &[
        ("factor.activated", "Method added: {method}"),
        ("factor.removed", "Method removed: {method}"),
        ("factor.recovery_codes", "New recovery codes"),
        ("factor.activation_failed", "Wrong code while adding a method"),
        ("factor.possible_clone", "A security key looked copied and was refused"),
        ("contact.changed", "{field} changed"),
        ("challenge.approved", "Verified: {purpose}"),
        ("challenge.failed", "Verification failed: {purpose}"),
        ("challenge.denied", "Refused on a trusted device: {purpose}"),
        ("challenge.code_rejected", "Wrong code entered"),
        ("user.locked", "Account locked after wrong codes"),
        ("portal.session_opened", "Security center opened"),
        ("portal.session_revoked", "Security center session ended"),
    ],
};

pub(super) const FR: Texts = Texts {
    title: "Centre de sécurité",
    lead: "Les moyens de prouver que c'est vous, et ce qui s'est passé récemment sur votre compte.",
    methods: "Moyens de prouver que c'est vous",
    no_methods: "Aucun authentificateur. Ajoutez-en un : les codes par SMS ou e-mail seuls sont faciles à voler.",
    add_method: "Ajouter un moyen",
    add_totp: "Ajouter une application d'authentification",
    add_passkey: "Ajouter une clé d'accès",
    add_security_key: "Ajouter une clé de sécurité",
    devices: "Appareils de confiance",
    no_devices: "Aucun appareil de confiance.",
    recovery: "Codes de secours",
    recovery_left: "Il reste {n} codes sur 10.",
    no_recovery: "Aucun code de secours. Obtenez-en et gardez-les en lieu sûr, au cas où vous perdriez vos autres moyens.",
    new_recovery: "Obtenir de nouveaux codes de secours",
    contacts: "E-mail et téléphone",
    email: "E-mail",
    phone: "Téléphone",
    verified: "Vérifié",
    unverified: "Non vérifié",
    none: "Aucun",
    activity: "Activité de sécurité récente",
    no_activity: "Rien pour l'instant.",
    added: "Ajouté le",
    last_used: "dernière utilisation",
    never_used: "jamais utilisé",
    remove: "Supprimer",
    sign_out: "Se déconnecter",
    back_to_app: "Retour à l'application",
    back: "Retour au centre de sécurité",
    strength: ["Résiste au hameçonnage", "Fort", "Secours", "Plus faible"],
    kinds: [
        "Clé d'accès",
        "Clé de sécurité",
        "Appareil de confiance",
        "Application d'authentification",
        "Jeton matériel",
        "Codes de secours",
    ],
    sent_codes: "Codes par SMS, appel ou e-mail",
    notice_added: "C'est fait : le moyen a été ajouté. Nous avons prévenu votre e-mail et votre téléphone vérifiés.",
    notice_removed: "C'est fait : le moyen a été supprimé. Nous avons prévenu votre e-mail et votre téléphone vérifiés.",
    totp_title: "Ajouter une application d'authentification",
    totp_scan: "Scannez ce QR code avec votre application d'authentification (Google Authenticator, Aegis, 1Password…), puis saisissez le code qu'elle affiche.",
    totp_qr: "QR code à scanner avec votre application d'authentification",
    totp_key: "Impossible de scanner ? Saisissez cette clé dans l'application :",
    totp_open: "Ouvrir dans une application d'authentification de cet appareil",
    totp_code: "Code de l'application",
    totp_code_hint: "6 chiffres. Cette clé n'est affichée qu'une fois.",
    activate: "Activer",
    wrong_code: "Ce code n'est pas le bon. Vérifiez l'application et réessayez.",
    passkey_title: "Ajouter une clé d'accès",
    passkey_lead: "Votre téléphone ou ordinateur garde la clé d'accès et la déverrouille par empreinte, visage ou code. Elle ne marche que sur ce site : un faux site n'obtient rien.",
    security_key_title: "Ajouter une clé de sécurité",
    security_key_lead: "Gardez votre clé de sécurité à portée de main : branchez-la ou approchez-la du téléphone quand on vous le demande, puis touchez-la.",
    webauthn_label: "Nom (facultatif)",
    webauthn_label_hint: "Pour la reconnaître plus tard, par ex. « Portable du travail ».",
    webauthn_start: "Continuer",
    webauthn_working: "Suivez les instructions du navigateur…",
    webauthn_cancelled: "C'est annulé ou le délai est dépassé. Réessayez.",
    webauthn_failed: "Impossible de l'ajouter. Réessayez.",
    codes_title: "Vos nouveaux codes de secours",
    codes_lead: "Chaque code sert une fois. Imprimez-les ou notez-les et gardez-les en lieu sûr : ils ne sont affichés que maintenant. Vos anciens codes ne marchent plus.",
    done: "Terminé",
    confirm_title: "Vérifié",
    confirm_lead: "Vous avez prouvé que c'est vous. Supprimer ce moyen ?",
    cancel: "Le garder",
    opening_title: "Ouverture de votre centre de sécurité",
    opening_lead: "Un instant…",
    continue_label: "Continuer",
    signed_out_title: "Déconnecté",
    signed_out_lead: "Vous avez quitté le centre de sécurité.",
    link_title: "Ce lien ne marche plus",
    link_lead: "Les liens vers le centre de sécurité servent une fois, pendant 5 minutes. Revenez à l'application et rouvrez le centre de sécurité.",
    session_title: "Votre session est terminée",
    session_lead: "Par sécurité, le centre de sécurité se ferme après 10 minutes sans activité et 30 minutes au total. Revenez à l'application et rouvrez-le.",
    csrf_title: "Cette demande n'a pas pu être vérifiée",
    csrf_lead: "Rien n'a été modifié. Revenez au centre de sécurité, rechargez-le et réessayez.",
    not_found_title: "Introuvable",
    not_found_lead: "Ce moyen n'est pas sur votre compte.",
    step_up_title: "Non vérifié",
    step_up_lead: "Cette vérification n'a pas abouti, ou a déjà servi. Rien n'a été modifié.",
    unsatisfiable_lead: "Pour modifier vos moyens, il faut prouver que c'est vous avec un authentificateur et un code par e-mail ou SMS, ce que ce compte ne peut pas faire. Contactez l'assistance.",
    locked_lead: "Trop de codes erronés : votre compte est bloqué quelque temps. Réessayez plus tard.",
    expired_lead: "Cette configuration a trop attendu. Recommencez.",
    error_title: "Une erreur est survenue",
    error_lead: "Rien n'a été modifié. Réessayez dans un instant.",
    step_up_first_title: "Confirmez d'abord que c'est vous",
    step_up_first_lead: "Ajouter un moyen d'accéder à votre compte demande une nouvelle vérification.",
    verify_me: "Vérifier que c'est moi",
    confirm_add_lead: "Vous avez prouvé que c'est vous. Continuez pour ajouter :",
    sessions: "Vos sessions",
    sessions_lead: "Si vous ne reconnaissez pas une session, fermez-la.",
    this_session: "Cette session",
    browser_on: "{browser} sous {system}",
    unknown_browser: "Navigateur inconnu",
    opened: "Ouverte le",
    last_active: "dernière activité",
    end_session: "Fermer cette session",
    end_others: "Fermer toutes les autres sessions",
    end_others_offer: "Vous avez fait ce changement parce que quelque chose vous semblait anormal ? Fermez aussi vos autres sessions.",
    notice_session_ended: "C'est fait : cette session est fermée.",
    notice_others_ended: "C'est fait : vos autres sessions sont fermées.",
    events: &[
        ("factor.activated", "Moyen ajouté : {method}"),
        ("factor.removed", "Moyen supprimé : {method}"),
        ("factor.recovery_codes", "Nouveaux codes de secours"),
        ("factor.activation_failed", "Code erroné à l'ajout d'un moyen"),
        ("factor.possible_clone", "Une clé de sécurité semblait copiée et a été refusée"),
        ("contact.changed", "{field} modifié"),
        ("challenge.approved", "Vérifié : {purpose}"),
        ("challenge.failed", "Vérification échouée : {purpose}"),
        ("challenge.denied", "Refusé sur un appareil de confiance : {purpose}"),
        ("challenge.code_rejected", "Code erroné saisi"),
        ("user.locked", "Compte bloqué après des codes erronés"),
        ("portal.session_opened", "Centre de sécurité ouvert"),
        ("portal.session_revoked", "Session du centre de sécurité fermée"),
    ],
};

pub(super) fn texts(lang: Lang) -> &'static Texts {
    match lang {
        Lang::En => &EN,
        Lang::Fr => &FR,
    }
}

impl Texts {
    pub(super) fn strength(&self, s: Strength) -> &'static str {
        self.strength[s as usize]
    }

    pub(super) fn kind(&self, k: MethodKind) -> &'static str {
        self.kinds[k as usize]
    }

    pub(super) fn kind_of_type(&self, t: &str) -> &'static str {
        match t {
            "totp" => self.kind(MethodKind::AuthenticatorApp),
            "hotp" => self.kind(MethodKind::HardwareToken),
            "webauthn" => self.kinds[0],
            "device" => self.kind(MethodKind::Device),
            "recovery_codes" => self.kind(MethodKind::RecoveryCodes),
            _ => "",
        }
    }

    /// One line of recent activity, or `None` for events not worth showing.
    pub(super) fn activity(&self, e: &Event) -> Option<String> {
        let detail = |k: &str| e.detail.get(k).and_then(|v| v.as_str()).unwrap_or("");
        let key = if e.kind == "factor.added" && detail("factor_type") == "recovery_codes" {
            "factor.recovery_codes"
        } else {
            e.kind.as_str()
        };
        let (_, text) = self.events.iter().find(|(k, _)| *k == key)?;
        let field = match detail("field") {
            "email" => self.email,
            "phone" => self.phone,
            _ => "",
        };
        Some(
            text.replace("{method}", self.kind_of_type(detail("factor_type")))
                .replace("{purpose}", detail("purpose"))
                .replace("{field}", field),
        )
    }
}

/// A date and time as `2026-11-01 14:05 UTC`, with its `datetime` value.
pub(super) fn when(t: Timestamp) -> String {
    let iso = t.to_rfc3339();
    let shown = format!("{} {} UTC", &iso[..10], iso.get(11..16).unwrap_or(""));
    format!("<time datetime=\"{}\">{}</time>", esc(&iso), esc(&shown))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn both_languages_name_the_same_events() {
        let keys = |t: &Texts| t.events.iter().map(|(k, _)| *k).collect::<Vec<_>>();
        assert_eq!(keys(&EN), keys(&FR));
    }

    #[test]
    fn activity_lines_name_the_method_and_skip_the_rest() {
        let e = |kind: &str, detail: serde_json::Value| {
            Event::new("svc", Some("u"), kind, Timestamp(0), None, detail)
        };
        assert_eq!(
            EN.activity(&e("factor.removed", json!({"factor_type": "totp"})))
                .as_deref(),
            Some("Method removed: Authenticator app")
        );
        assert_eq!(
            FR.activity(&e("factor.added", json!({"factor_type": "recovery_codes"})))
                .as_deref(),
            Some("Nouveaux codes de secours")
        );
        assert_eq!(
            EN.activity(&e("factor.added", json!({"factor_type": "totp"}))),
            None
        );
        assert_eq!(
            EN.activity(&e("contact.changed", json!({"field": "email"})))
                .as_deref(),
            Some("Email changed")
        );
    }

    #[test]
    fn times_are_shown_in_utc() {
        assert_eq!(
            when(Timestamp(1_793_491_200_000)),
            "<time datetime=\"2026-11-01T00:00:00Z\">2026-11-01 00:00 UTC</time>"
        );
    }
}
