//! Who may talk to the workbench.
//!
//! - Host: on loopback only `127.0.0.1`, `localhost` and `[::1]` with our port are
//!   accepted, so a web page cannot reach the server through a rebound DNS name.
//! - Token: with `--token`, every request carries it, as `Authorization: Bearer TOKEN`, or
//!   the `quotecheck_token` cookie the page gets when first opened with `?token=TOKEN`.
//! - CSRF: a request that changes state must come from our own origin (`Origin` equal to
//!   `http://` + Host, or `Sec-Fetch-Site: same-origin`) and send `application/json`, which
//!   a cross-site form cannot.

use super::http::Request;

/// What the server checks, fixed at start.
#[derive(Clone, Debug)]
pub struct Guard {
    /// The port the server listens on.
    pub port: u16,
    /// Whether it listens on loopback only.
    pub loopback: bool,
    /// The token every request must carry, if set.
    pub token: Option<String>,
}

/// The cookie that carries the token for the page's own requests.
pub const COOKIE: &str = "quotecheck_token";

/// Compares without stopping at the first difference.
fn same(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

impl Guard {
    /// Refuses a request whose Host is not ours (421) or that lacks the token (401).
    /// `Ok(true)` when the request presented the token in the query string, so the
    /// response should set the cookie.
    pub fn admit(&self, req: &Request) -> Result<bool, (u16, String)> {
        let host = req.header("host").unwrap_or("");
        if self.loopback {
            let port = self.port;
            let ok = [
                format!("127.0.0.1:{port}"),
                format!("localhost:{port}"),
                format!("[::1]:{port}"),
            ];
            if !ok.iter().any(|h| h.eq_ignore_ascii_case(host)) {
                return Err((421, format!("this server answers to 127.0.0.1:{port} only")));
            }
        }
        let Some(token) = &self.token else {
            return Ok(false);
        };
        let bearer = req
            .header("authorization")
            .and_then(|v| v.strip_prefix("Bearer "))
            .is_some_and(|t| same(t.trim(), token));
        let cookie = req.header("cookie").is_some_and(|c| {
            c.split(';').any(|kv| {
                kv.trim()
                    .strip_prefix(COOKIE)
                    .and_then(|r| r.strip_prefix('='))
                    .is_some_and(|t| same(t, token))
            })
        });
        if bearer || cookie {
            return Ok(false);
        }
        if req.method == "GET" && req.query_param("token").is_some_and(|t| same(&t, token)) {
            return Ok(true);
        }
        Err((
            401,
            "a token is required: open the URL the server printed".into(),
        ))
    }

    /// Refuses a state-changing request that is not from our own page (403) or does not
    /// send JSON (415).
    pub fn same_origin(&self, req: &Request) -> Result<(), (u16, String)> {
        if matches!(req.method.as_str(), "GET" | "HEAD") {
            return Ok(());
        }
        let host = req.header("host").unwrap_or("");
        let from_us = match req.header("origin") {
            Some(origin) => origin.eq_ignore_ascii_case(&format!("http://{host}")),
            None => req.header("sec-fetch-site") == Some("same-origin"),
        };
        if !from_us {
            return Err((
                403,
                "refused: a request that changes data must come from the workbench's own page \
                 (Origin header)"
                    .into(),
            ));
        }
        let json = req.header("content-type").is_some_and(|c| {
            c.trim()
                .to_ascii_lowercase()
                .starts_with("application/json")
        });
        if !json {
            return Err((415, "send the body as application/json".into()));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn req(method: &str, headers: &[(&str, &str)]) -> Request {
        Request {
            method: method.into(),
            path: "/api/documents".into(),
            query: String::new(),
            headers: headers
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            body: Vec::new(),
        }
    }

    fn guard(token: Option<&str>) -> Guard {
        Guard {
            port: 8080,
            loopback: token.is_none(),
            token: token.map(str::to_string),
        }
    }

    #[test]
    fn a_rebound_host_name_is_refused_on_loopback() {
        let g = guard(None);
        assert!(g.admit(&req("GET", &[("host", "127.0.0.1:8080")])).is_ok());
        assert!(g.admit(&req("GET", &[("host", "localhost:8080")])).is_ok());
        assert_eq!(
            g.admit(&req("GET", &[("host", "evil.example:8080")]))
                .unwrap_err()
                .0,
            421
        );
    }

    #[test]
    fn the_token_comes_in_a_header_a_cookie_or_once_in_the_query() {
        let g = guard(Some("s3cret"));
        let h = ("host", "10.0.0.2:8080");
        assert_eq!(g.admit(&req("GET", &[h])).unwrap_err().0, 401);
        assert_eq!(
            g.admit(&req("GET", &[h, ("authorization", "Bearer nope")]))
                .unwrap_err()
                .0,
            401
        );
        assert_eq!(
            g.admit(&req("GET", &[h, ("authorization", "Bearer s3cret")])),
            Ok(false)
        );
        assert_eq!(
            g.admit(&req(
                "GET",
                &[h, ("cookie", "a=b; quotecheck_token=s3cret")]
            )),
            Ok(false)
        );
        let mut q = req("GET", &[h]);
        q.query = "token=s3cret".into();
        assert_eq!(g.admit(&q), Ok(true));
        q.method = "POST".into();
        assert!(g.admit(&q).is_err(), "a POST cannot use the query token");
    }

    #[test]
    fn state_changes_need_our_origin_and_json() {
        let g = guard(None);
        let host = ("host", "127.0.0.1:8080");
        let json = ("content-type", "application/json");
        assert!(g.same_origin(&req("GET", &[host])).is_ok());
        assert_eq!(
            g.same_origin(&req("POST", &[host, json])).unwrap_err().0,
            403
        );
        assert_eq!(
            g.same_origin(&req(
                "POST",
                &[host, json, ("origin", "http://evil.example")]
            ))
            .unwrap_err()
            .0,
            403
        );
        assert_eq!(
            g.same_origin(&req(
                "POST",
                &[
                    host,
                    ("origin", "http://127.0.0.1:8080"),
                    ("content-type", "text/plain")
                ]
            ))
            .unwrap_err()
            .0,
            415
        );
        assert!(
            g.same_origin(&req(
                "PUT",
                &[host, json, ("origin", "http://127.0.0.1:8080")]
            ))
            .is_ok()
        );
        assert!(
            g.same_origin(&req(
                "PUT",
                &[host, json, ("sec-fetch-site", "same-origin")]
            ))
            .is_ok()
        );
    }
}
