//! The language of a page request: the `Ui` extractor, and the middleware that remembers a
//! chosen language in a cookie and marks pages as varying by language.

use std::future::{ready, Ready};

use actix_web::body::MessageBody;
use actix_web::cookie::time::Duration as CookieDuration;
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderValue};
use actix_web::middleware::Next;
use actix_web::{FromRequest, HttpMessage, HttpRequest};

use super::{negotiate, Lang};
use crate::cookies::SiteCookie;

/// The language cookie: `lang`, or `__Host-lang` (Secure) with an https base URL.
pub const COOKIE: SiteCookie = SiteCookie {
    plain: "lang",
    plain_path: "/",
};

/// What the choice of a page's language depends on (app data, from the settings).
#[derive(Debug, Clone, Copy)]
pub struct Choice {
    /// `QUORUM_DEFAULT_LANG`.
    pub default: Lang,
    /// Whether the base URL is https (then the cookie is `__Host-lang`, Secure).
    pub https: bool,
}

impl Choice {
    const ENGLISH: Choice = Choice {
        default: Lang::En,
        https: false,
    };
}

/// What a public page needs to speak the reader's language: the language, and where each
/// link of the language switcher goes.
#[derive(Debug, Clone)]
pub struct Ui {
    pub lang: Lang,
    /// This page's path and query without `lang`, ready for `lang=xx` to be appended.
    here: String,
}

impl Ui {
    /// The language chosen for `req` (see `negotiate::for_page`).
    pub fn of(req: &HttpRequest) -> Ui {
        if let Some(ui) = req.extensions().get::<Ui>() {
            return ui.clone();
        }
        let Choice { default, https } =
            req.app_data::<Choice>().copied().unwrap_or(Choice::ENGLISH);
        let cookie = COOKIE.value(req, https);
        Ui {
            lang: negotiate::for_page(req, cookie.as_deref(), default),
            here: without_lang(req.path(), req.query_string()),
        }
    }

    /// For pages that are always in English (staff) and for tests.
    pub fn english() -> Ui {
        Ui {
            lang: Lang::En,
            here: "/?".into(),
        }
    }

    /// The message `id` in the page's language.
    pub fn msg(&self, id: &str) -> String {
        self.lang.msg(id)
    }

    /// The languages of the switcher, each with its link; the current one has none.
    pub fn switcher(&self) -> Vec<(Lang, Option<String>)> {
        Lang::ALL
            .into_iter()
            .map(|l| {
                (
                    l,
                    (l != self.lang).then(|| format!("{}lang={}", self.here, l.code())),
                )
            })
            .collect()
    }
}

fn without_lang(path: &str, query: &str) -> String {
    let kept: Vec<(String, String)> = url::form_urlencoded::parse(query.as_bytes())
        .filter(|(k, _)| k != "lang")
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    if kept.is_empty() {
        return format!("{path}?");
    }
    let query = url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(kept)
        .finish();
    format!("{path}?{query}&")
}

impl FromRequest for Ui {
    type Error = actix_web::Error;
    type Future = Ready<Result<Ui, actix_web::Error>>;
    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(Ok(Ui::of(req)))
    }
}

/// Middleware of the public pages: chooses the language once per request; a `?lang=`
/// choice is kept in the cookie for a year; HTML answers say their language
/// (`Content-Language`) and that they vary by `Accept-Language` and `Cookie`, so that no
/// cache serves one reader's language to another.
pub async fn remember(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    // Staff pages are in English and the API speaks JSON: neither chooses a language.
    let path = req.path();
    if path.starts_with("/staff") || path.starts_with("/api/") {
        return next.call(req).await;
    }
    let ui = Ui::of(req.request());
    let chosen = negotiate::from_query(req.query_string());
    let https = req.app_data::<Choice>().is_some_and(|c| c.https);
    req.extensions_mut().insert(ui.clone());
    let mut res = next.call(req).await?;
    if let Some(lang) = chosen {
        let mut cookie = COOKIE.set(lang.code().to_string(), https);
        cookie.set_max_age(CookieDuration::days(365));
        res.response_mut().add_cookie(&cookie).ok();
    }
    let is_html = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if is_html {
        let headers = res.headers_mut();
        headers.append(
            header::VARY,
            HeaderValue::from_static("Accept-Language, Cookie"),
        );
        headers.insert(
            header::CONTENT_LANGUAGE,
            HeaderValue::from_static(ui.lang.code()),
        );
    }
    Ok(res)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_switcher_keeps_the_rest_of_the_query() {
        assert_eq!(without_lang("/meetings/past", ""), "/meetings/past?");
        assert_eq!(
            without_lang("/staff/x", "past=1&lang=fr&a=b%20c"),
            "/staff/x?past=1&a=b+c&"
        );
    }
}
