//! The cookies Quorum sets, by name and path. With an `https` base URL a cookie whose path
//! is `/` is named with the `__Host-` prefix and is `Secure` (browsers then refuse it from
//! plain http and from other hosts); over plain http the names stay as they are. Cookies set
//! under the old names keep working until they are replaced.

use actix_web::cookie::time::Duration as CookieDuration;
use actix_web::cookie::{Cookie, SameSite};
use actix_web::HttpRequest;

/// A cookie of this site.
#[derive(Clone, Copy, Debug)]
pub struct SiteCookie {
    /// The name over plain http, and the one a browser may still hold from before https.
    pub plain: &'static str,
    /// The path over plain http.
    pub plain_path: &'static str,
}

/// The staff session.
pub const SESSION: SiteCookie = SiteCookie {
    plain: "quorum_staff",
    plain_path: "/staff",
};

/// The CSRF cookie of every form.
pub const CSRF: SiteCookie = SiteCookie {
    plain: "quorum_csrf",
    plain_path: "/",
};

impl SiteCookie {
    /// The name used with this base URL.
    pub fn name(&self, https: bool) -> String {
        if https {
            format!("__Host-{}", self.plain)
        } else {
            self.plain.to_string()
        }
    }

    fn path(&self, https: bool) -> &'static str {
        if https {
            "/"
        } else {
            self.plain_path
        }
    }

    /// The value the browser sent: under the current name, else under the old plain one.
    pub fn value(&self, req: &HttpRequest, https: bool) -> Option<String> {
        req.cookie(&self.name(https))
            .or_else(|| req.cookie(self.plain))
            .map(|c| c.value().to_string())
    }

    /// Whether the browser holds it only under the old plain name (to be replaced).
    pub fn only_plain(&self, req: &HttpRequest, https: bool) -> bool {
        https && req.cookie(&self.name(true)).is_none() && req.cookie(self.plain).is_some()
    }

    /// The cookie to set: HttpOnly, SameSite=Lax, and Secure over https.
    pub fn set(&self, value: String, https: bool) -> Cookie<'static> {
        Cookie::build(self.name(https), value)
            .path(self.path(https))
            .http_only(true)
            .secure(https)
            .same_site(SameSite::Lax)
            .finish()
    }

    /// Over https, the removal of the cookie under its old plain name and path.
    pub fn removal_of_plain(&self, https: bool) -> Option<Cookie<'static>> {
        https.then(|| gone(self.plain.to_string(), self.plain_path, false))
    }

    /// Removals for every name and path the cookie may have been set under.
    pub fn removal(&self, https: bool) -> Vec<Cookie<'static>> {
        std::iter::once(gone(self.name(https), self.path(https), https))
            .chain(self.removal_of_plain(https))
            .collect()
    }
}

fn gone(name: String, path: &'static str, secure: bool) -> Cookie<'static> {
    let mut gone = Cookie::build(name, "").path(path).secure(secure).finish();
    gone.set_max_age(CookieDuration::ZERO);
    gone
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn host_prefix_only_over_https() {
        assert_eq!(SESSION.name(false), "quorum_staff");
        let c = SESSION.set("v".into(), true);
        assert_eq!(c.name(), "__Host-quorum_staff");
        assert_eq!(c.path(), Some("/"));
        assert_eq!(c.secure(), Some(true));
        assert_eq!(CSRF.set("v".into(), false).name(), "quorum_csrf");
        assert_eq!(SESSION.removal(true).len(), 2);
    }
}
