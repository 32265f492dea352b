//! Which of our languages a reader asked for.

use actix_web::http::header::{AcceptLanguage, Header, Preference};
use actix_web::HttpRequest;

use super::Lang;

/// The language a page is shown in: `?lang=`, else the cookie, else `Accept-Language`,
/// else `default`. An unknown `?lang=` or cookie value is passed over.
pub fn for_page(req: &HttpRequest, cookie: Option<&str>, default: Lang) -> Lang {
    from_query(req.query_string())
        .or_else(|| cookie.and_then(Lang::parse))
        .or_else(|| from_header(req))
        .unwrap_or(default)
}

/// The language a feed is written in: `?lang=` only, so that one cached body serves every
/// subscriber of a URL.
pub fn for_feed(req: &HttpRequest, default: Lang) -> Lang {
    from_query(req.query_string()).unwrap_or(default)
}

/// `lang=xx` in a query string, if `xx` is one of ours.
pub fn from_query(query: &str) -> Option<Lang> {
    url::form_urlencoded::parse(query.as_bytes())
        .find(|(k, _)| k == "lang")
        .and_then(|(_, v)| Lang::parse(v.trim()))
}

fn from_header(req: &HttpRequest) -> Option<Lang> {
    let header = AcceptLanguage::parse(req).ok()?;
    best(&header)
}

/// RFC 9110 §12.5.4 with the lookup of RFC 4647 §3.4: ranges by quality (ties in the order
/// given), `q=0` meaning "not this one"; `*` stands for any language not refused.
fn best(header: &AcceptLanguage) -> Option<Lang> {
    let refused: Vec<Lang> = header
        .iter()
        .filter(|q| q.quality == actix_web::http::header::Quality::ZERO)
        .filter_map(|q| match &q.item {
            Preference::Specific(tag) => ours(tag),
            Preference::Any => None,
        })
        .collect();
    let mut ranked: Vec<_> = header
        .iter()
        .filter(|q| q.quality > actix_web::http::header::Quality::ZERO)
        .collect();
    ranked.sort_by_key(|q| std::cmp::Reverse(q.quality));
    ranked.into_iter().find_map(|q| match &q.item {
        Preference::Specific(tag) => ours(tag).filter(|l| !refused.contains(l)),
        Preference::Any => Lang::ALL.into_iter().find(|l| !refused.contains(l)),
    })
}

/// Our language for a language tag: by its primary subtag, except Chinese written in
/// Traditional characters (`zh-Hant`, `zh-TW`, `zh-HK`, `zh-MO`), which our Simplified
/// Chinese does not serve: such a reader gets their next choice.
fn ours(tag: &actix_web::http::header::LanguageTag) -> Option<Lang> {
    let primary = tag.primary_language().to_ascii_lowercase();
    let lang = Lang::parse(&primary)?;
    if lang == Lang::Zh {
        let traditional = tag.script().is_some_and(|s| s.eq_ignore_ascii_case("hant"))
            || (tag.script().is_none()
                && tag
                    .region()
                    .is_some_and(|r| ["TW", "HK", "MO"].iter().any(|t| r.eq_ignore_ascii_case(t))));
        if traditional {
            return None;
        }
    }
    Some(lang)
}

#[cfg(test)]
mod tests {
    use super::*;
    use actix_web::test::TestRequest;

    fn pick(accept: &str) -> Option<Lang> {
        let req = TestRequest::default()
            .insert_header(("Accept-Language", accept))
            .to_http_request();
        from_header(&req)
    }

    #[test]
    fn quality_decides_not_order() {
        assert_eq!(pick("en;q=0.5, fr;q=0.9"), Some(Lang::Fr));
        assert_eq!(pick("de, ru;q=0.8, en;q=0.7"), Some(Lang::Ru));
        assert_eq!(pick("es-MX, es;q=0.9"), Some(Lang::Es));
        assert_eq!(pick("ar-EG"), Some(Lang::Ar));
    }

    #[test]
    fn equal_quality_keeps_the_order_given() {
        assert_eq!(pick("fr, es"), Some(Lang::Fr));
        assert_eq!(pick("es;q=0.8, fr;q=0.8"), Some(Lang::Es));
    }

    #[test]
    fn q_zero_refuses_and_star_takes_the_rest() {
        assert_eq!(pick("fr;q=0, en;q=0"), None);
        assert_eq!(pick("en;q=0, *"), Some(Lang::Fr));
        assert_eq!(pick("de, *;q=0.1"), Some(Lang::En));
        assert_eq!(pick("de, it"), None);
    }

    #[test]
    fn traditional_chinese_is_not_served_simplified() {
        assert_eq!(pick("zh-CN"), Some(Lang::Zh));
        assert_eq!(pick("zh-Hans-CN"), Some(Lang::Zh));
        assert_eq!(pick("zh-TW, en;q=0.5"), Some(Lang::En));
        assert_eq!(pick("zh-Hant, ru;q=0.3"), Some(Lang::Ru));
    }

    #[test]
    fn query_then_cookie_then_header_then_default() {
        let req = TestRequest::with_uri("/?lang=ar")
            .insert_header(("Accept-Language", "fr"))
            .to_http_request();
        assert_eq!(for_page(&req, Some("es"), Lang::Ru), Lang::Ar);
        let req = TestRequest::with_uri("/?lang=xx")
            .insert_header(("Accept-Language", "fr"))
            .to_http_request();
        assert_eq!(for_page(&req, Some("es"), Lang::Ru), Lang::Es);
        assert_eq!(for_page(&req, None, Lang::Ru), Lang::Fr);
        let req = TestRequest::default().to_http_request();
        assert_eq!(for_page(&req, Some("klingon"), Lang::Ru), Lang::Ru);
        let req = TestRequest::default()
            .insert_header(("Accept-Language", "fr"))
            .to_http_request();
        assert_eq!(for_feed(&req, Lang::Zh), Lang::Zh);
    }
}
