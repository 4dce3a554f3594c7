//! The page and its script and style, compiled in (`src/serve/assets/`).
//!
//! The page is a shell: `app.js` fetches the API and builds every element with
//! `createElement` and `textContent`, never `innerHTML`, so article, speaker, source and
//! note text stays text; the Content-Security-Policy ([`super::http::SECURITY_HEADERS`])
//! allows scripts and styles from this server only, so nothing inline can run either.

use super::http::Response;

const PAGE: &str = include_str!("assets/index.html");
const APP_JS: &str = include_str!("assets/app.js");
const APP_CSS: &str = include_str!("assets/app.css");
const ICON: &str = include_str!("assets/icon.svg");

/// The page (the same shell for the story list and a story).
pub fn page() -> Response {
    Response {
        status: 200,
        content_type: "text/html; charset=utf-8",
        body: PAGE.as_bytes().to_vec(),
        headers: Vec::new(),
    }
}

/// `app.js`, `app.css` or `icon.svg`.
pub fn asset(name: &str) -> Option<Response> {
    let (content_type, body) = match name {
        "app.js" => ("text/javascript; charset=utf-8", APP_JS),
        "app.css" => ("text/css; charset=utf-8", APP_CSS),
        "icon.svg" => ("image/svg+xml", ICON),
        _ => return None,
    };
    Some(Response {
        status: 200,
        content_type,
        body: body.as_bytes().to_vec(),
        headers: Vec::new(),
    })
}
