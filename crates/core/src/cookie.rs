//! The session cookies this server gives browsers: a 256-bit token (see
//! [`crate::secret::new_token`]) that only its hash stands for on the
//! server. One shape for all of them, so no session cookie is ever set
//! without `HttpOnly` or `SameSite=Strict`.

use std::time::Duration;

use crate::portal::is_token_shaped;

/// A session cookie: its name, and the one path it is sent to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SessionCookie {
    pub name: &'static str,
    pub path: &'static str,
}

impl SessionCookie {
    /// The `Set-Cookie` value that gives the browser `value`: HttpOnly (no
    /// script reads it), SameSite=Strict (no other site's request carries
    /// it), only under the cookie's path, and Secure whenever the server is
    /// reached over https (plain http is only for development on
    /// localhost, where a Secure cookie could not be set by some clients).
    pub fn set(&self, value: &str, secure: bool, max_age: Duration) -> String {
        format!(
            "{}={value}; Path={}; Max-Age={}; HttpOnly; SameSite=Strict{}",
            self.name,
            self.path,
            max_age.as_secs(),
            if secure { "; Secure" } else { "" }
        )
    }

    /// The `Set-Cookie` value that makes the browser forget the cookie.
    pub fn clear(&self, secure: bool) -> String {
        self.set("", secure, Duration::ZERO)
    }

    /// This cookie's value in a `Cookie` header, if it has the shape of a
    /// token (anything else cannot be one, and never reaches the database).
    pub fn value_in<'h>(&self, header: &'h str) -> Option<&'h str> {
        header
            .split(';')
            .filter_map(|pair| pair.trim().split_once('='))
            .find(|(name, _)| *name == self.name)
            .map(|(_, value)| value.trim())
            .filter(|value| is_token_shaped(value))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const C: SessionCookie = SessionCookie {
        name: "cs_x",
        path: "/x",
    };

    #[test]
    fn set_with_every_flag_and_read_back() {
        let token = crate::secret::new_token();
        assert_eq!(
            C.set(&token, true, Duration::from_secs(60)),
            format!("cs_x={token}; Path=/x; Max-Age=60; HttpOnly; SameSite=Strict; Secure")
        );
        assert!(!C.set(&token, false, Duration::ZERO).contains("Secure"));
        assert_eq!(
            C.clear(false),
            "cs_x=; Path=/x; Max-Age=0; HttpOnly; SameSite=Strict"
        );
        let header = format!("other=1; cs_x={token}; cs_y=2");
        assert_eq!(C.value_in(&header), Some(token.as_str()));
        assert_eq!(C.value_in("cs_x=short"), None, "not a token's shape");
        assert_eq!(C.value_in("cs_xy=1"), None);
    }
}
