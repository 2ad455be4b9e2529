//! The cookies Countersign sets, named and scoped in this one place.
//!
//! Reached over https (`public_url`), every cookie is a `__Host-` cookie:
//! Secure, `Path=/` and no `Domain`, which the browser itself enforces, so
//! neither a sibling subdomain nor a plain-http page can set, replace or
//! shadow it (cookie tossing, session fixation). Over plain http, which is
//! only for development on localhost, the prefix and `Secure` cannot be
//! used and the bare name is. A cookie that must stay apart per resource
//! (a challenge's page) puts the resource in its name, not in its path.

use std::time::Duration;

/// The cookies of a server reached over https (`secure`) or plain http.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cookies {
    secure: bool,
}

impl Cookies {
    /// The cookies for a server whose public address is `public_url`.
    pub fn for_public_url(public_url: &str) -> Cookies {
        Cookies {
            secure: public_url.starts_with("https://"),
        }
    }

    /// The name the browser stores `base` under.
    pub fn name(self, base: &str) -> String {
        if self.secure {
            format!("__Host-{base}")
        } else {
            base.to_owned()
        }
    }

    /// The `Set-Cookie` value for `base`: HttpOnly (no script reads it),
    /// with this `same_site` (`Strict` or `Lax`), and `Max-Age=0` to forget it.
    pub fn set(self, base: &str, value: &str, max_age: Duration, same_site: &str) -> String {
        format!(
            "{}={value}; Path=/; Max-Age={}; HttpOnly; SameSite={same_site}{}",
            self.name(base),
            max_age.as_secs(),
            if self.secure { "; Secure" } else { "" }
        )
    }

    /// The value of `base` in a `Cookie` header. Only the name this server
    /// sets counts: over https a bare `base` (which any subdomain could
    /// have planted) is ignored.
    pub fn value<'h>(self, base: &str, header: &'h str) -> Option<&'h str> {
        let name = self.name(base);
        header
            .split(';')
            .filter_map(|pair| pair.trim().split_once('='))
            .find(|(n, _)| *n == name)
            .map(|(_, value)| value.trim())
    }

    /// The value of `base` if it has the shape of a session token (see
    /// [`crate::portal::is_token_shaped`]): anything else cannot be one, and
    /// never reaches the database.
    pub fn token<'h>(self, base: &str, header: &'h str) -> Option<&'h str> {
        self.value(base, header)
            .filter(|value| crate::portal::is_token_shaped(value))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn over_https_cookies_are_host_cookies() {
        let https = Cookies::for_public_url("https://verify.bank.test");
        assert_eq!(
            https.set("cs_portal", "abc", Duration::from_secs(60), "Strict"),
            "__Host-cs_portal=abc; Path=/; Max-Age=60; HttpOnly; SameSite=Strict; Secure"
        );
        assert_eq!(
            https.value("cs_portal", "a=1; __Host-cs_portal=abc"),
            Some("abc")
        );
        assert_eq!(
            https.value("cs_portal", "cs_portal=planted"),
            None,
            "a bare name is not ours over https"
        );
    }

    #[test]
    fn over_plain_http_the_bare_name_without_secure() {
        let http = Cookies::for_public_url("http://localhost:8080");
        let set = http.set("cs_verify_ch_1", "t", Duration::ZERO, "Lax");
        assert_eq!(
            set,
            "cs_verify_ch_1=t; Path=/; Max-Age=0; HttpOnly; SameSite=Lax"
        );
        assert_eq!(http.value("cs_verify_ch_1", "cs_verify_ch_1=t"), Some("t"));
        assert_eq!(http.value("cs_verify_ch_1", "cs_verify_ch_2=t"), None);
    }
}
