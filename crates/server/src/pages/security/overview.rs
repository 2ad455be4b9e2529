//! The security center's first page: the account's methods with their
//! strength, trusted devices, recovery codes, contacts, recent activity and
//! open sessions.

use countersign_app::portal::Overview;
use countersign_core::contact::{mask_email, mask_phone};
use countersign_core::factor::{Factor, FactorType};
use countersign_core::portal::{MethodKind, SENT_CODE_STRENGTH};

use super::texts::when;
use super::{sessions, Portal, ACTIVITY_SHOWN};
use crate::pages::esc;

/// The page's HTML, with `notice` (what the last action did) on top, and
/// after a security change (`changed`) the offer to end other sessions.
pub(super) fn render(
    p: &Portal,
    overview: &Overview,
    notice: Option<&str>,
    changed: bool,
) -> String {
    let t = p.texts();
    let (factors, events) = (&overview.factors, &overview.events);
    let csrf = p.csrf_field();
    let mut html = format!(
        "<p class=\"eyebrow\">{service}</p>\n<h1>{title}</h1>\n<p class=\"lead\">{lead}</p>\n",
        service = esc(&p.service.name),
        title = esc(t.title),
        lead = esc(t.lead),
    );
    if let Some(n) = notice {
        html.push_str(&format!(
            "<p class=\"note\" role=\"status\">{}</p>\n",
            esc(n)
        ));
    }
    if changed {
        let others = overview
            .sessions
            .iter()
            .filter(|s| s.id != p.session.id)
            .count();
        html.push_str(&sessions::end_others_offer(p, others));
    }

    let method_item = |f: &Factor| {
        let kind = MethodKind::of(f);
        let name = t.kind(kind);
        let label = f
            .label
            .as_deref()
            .map(|l| format!(" <span class=\"label\">{}</span>", esc(l)))
            .unwrap_or_default();
        let used = match f.last_used_at {
            Some(at) if f.kind != FactorType::RecoveryCodes || f.codes_left.is_some() => {
                format!("{} {}", esc(t.last_used), when(at))
            }
            _ => esc(t.never_used),
        };
        format!(
            "<li class=\"method\">\n<div class=\"method-head\"><strong>{name}</strong>{label} \
             <span class=\"strength strength-{class}\">{strength}</span></div>\n\
             <p class=\"hint\">{added} {created} · {used}</p>\n\
             <form method=\"post\" action=\"/security/methods/{id}/remove\">{csrf}\
             <button type=\"submit\" class=\"secondary\" aria-label=\"{remove} {aria}\">{remove}</button></form>\n</li>\n",
            name = esc(name),
            class = kind.strength().as_str(),
            strength = esc(t.strength(kind.strength())),
            added = esc(t.added),
            created = when(f.created_at),
            id = esc(&f.id),
            remove = esc(t.remove),
            aria = esc(&format!("{name} {}", f.label.as_deref().unwrap_or(""))),
        )
    };

    html.push_str(&format!(
        "<section aria-labelledby=\"methods-title\">\n<h2 id=\"methods-title\">{}</h2>\n<ul class=\"methods\">\n",
        esc(t.methods)
    ));
    let authenticators: Vec<&Factor> = factors
        .iter()
        .filter(|f| {
            matches!(
                f.kind,
                FactorType::Webauthn | FactorType::Totp | FactorType::Hotp
            )
        })
        .collect();
    for f in &authenticators {
        html.push_str(&method_item(f));
    }
    if p.user.email.is_some() || p.user.phone.is_some() {
        html.push_str(&format!(
            "<li class=\"method\">\n<div class=\"method-head\"><strong>{}</strong> \
             <span class=\"strength strength-{}\">{}</span></div>\n</li>\n",
            esc(t.sent_codes),
            SENT_CODE_STRENGTH.as_str(),
            esc(t.strength(SENT_CODE_STRENGTH)),
        ));
    }
    html.push_str("</ul>\n");
    if authenticators.is_empty() {
        html.push_str(&format!("<p class=\"hint\">{}</p>\n", esc(t.no_methods)));
    }
    html.push_str(&format!(
        "<h3>{add}</h3>\n<div class=\"actions\">\n\
         <form method=\"post\" action=\"/security/totp\">{csrf}<button type=\"submit\">{totp}</button></form>\n\
         <a class=\"button\" href=\"/security/webauthn?kind=passkey\">{passkey}</a>\n\
         <a class=\"button\" href=\"/security/webauthn?kind=security_key\">{key}</a>\n</div>\n</section>\n",
        add = esc(t.add_method),
        totp = esc(t.add_totp),
        passkey = esc(t.add_passkey),
        key = esc(t.add_security_key),
    ));

    html.push_str(&format!(
        "<section aria-labelledby=\"devices-title\">\n<h2 id=\"devices-title\">{}</h2>\n",
        esc(t.devices)
    ));
    let devices: Vec<&Factor> = factors
        .iter()
        .filter(|f| f.kind == FactorType::Device)
        .collect();
    if devices.is_empty() {
        html.push_str(&format!("<p class=\"hint\">{}</p>\n", esc(t.no_devices)));
    } else {
        html.push_str("<ul class=\"methods\">\n");
        for f in devices {
            html.push_str(&method_item(f));
        }
        html.push_str("</ul>\n");
    }
    html.push_str("</section>\n");

    html.push_str(&format!(
        "<section aria-labelledby=\"recovery-title\">\n<h2 id=\"recovery-title\">{}</h2>\n",
        esc(t.recovery)
    ));
    match factors.iter().find(|f| f.kind == FactorType::RecoveryCodes) {
        Some(f) => {
            html.push_str(&format!(
                "<p>{}</p>\n<ul class=\"methods\">\n{}</ul>\n",
                esc(&t
                    .recovery_left
                    .replace("{n}", &f.codes_left.unwrap_or(0).to_string())),
                method_item(f)
            ));
        }
        None => html.push_str(&format!("<p class=\"hint\">{}</p>\n", esc(t.no_recovery))),
    }
    html.push_str(&format!(
        "<form method=\"post\" action=\"/security/recovery-codes\">{csrf}<button type=\"submit\" class=\"secondary\">{}</button></form>\n</section>\n",
        esc(t.new_recovery)
    ));

    html.push_str(&format!(
        "<section aria-labelledby=\"contacts-title\">\n<h2 id=\"contacts-title\">{}</h2>\n<dl class=\"contacts\">\n",
        esc(t.contacts)
    ));
    let contact = |name: &str, value: Option<String>, verified: bool| {
        let state = match (&value, verified) {
            (None, _) => String::new(),
            (Some(_), true) => format!(
                " <span class=\"strength strength-strong\">{}</span>",
                esc(t.verified)
            ),
            (Some(_), false) => format!(
                " <span class=\"strength strength-weaker\">{}</span>",
                esc(t.unverified)
            ),
        };
        format!(
            "<dt>{}</dt><dd>{}{state}</dd>\n",
            esc(name),
            esc(&value.unwrap_or_else(|| t.none.to_owned()))
        )
    };
    html.push_str(&contact(
        t.email,
        p.user.email.as_deref().map(mask_email),
        p.user.email_verified,
    ));
    html.push_str(&contact(
        t.phone,
        p.user.phone.as_deref().map(mask_phone),
        p.user.phone_verified,
    ));
    html.push_str("</dl>\n</section>\n");

    html.push_str(&format!(
        "<section aria-labelledby=\"activity-title\">\n<h2 id=\"activity-title\">{}</h2>\n",
        esc(t.activity)
    ));
    let lines: Vec<String> = events
        .iter()
        .filter_map(|e| {
            let text = t.activity(e)?;
            let ip =
                e.ip.as_deref()
                    .map(|ip| format!(" <span class=\"hint\">{}</span>", esc(ip)))
                    .unwrap_or_default();
            Some(format!("<li>{} {}{ip}</li>\n", when(e.at), esc(&text)))
        })
        .take(ACTIVITY_SHOWN)
        .collect();
    if lines.is_empty() {
        html.push_str(&format!("<p class=\"hint\">{}</p>\n", esc(t.no_activity)));
    } else {
        html.push_str(&format!(
            "<ol class=\"activity\">\n{}</ol>\n",
            lines.concat()
        ));
    }
    html.push_str("</section>\n");

    html.push_str(&sessions::render(p, &overview.sessions));

    html.push_str(&format!(
        "<div class=\"actions\">\n<form method=\"post\" action=\"/security/sign-out\">{csrf}<button type=\"submit\" class=\"secondary\">{}</button></form>\n",
        esc(t.sign_out)
    ));
    if let Some(url) = &p.session.return_url {
        html.push_str(&format!(
            "<a class=\"button secondary\" href=\"{}\">{}</a>\n",
            esc(url),
            esc(t.back_to_app)
        ));
    }
    html.push_str("</div>");
    html
}
