//! Every route of the workbench in one place: the page, its assets and the JSON API.

use rusqlite::Connection;

use super::api::{self, ApiError};
use super::assets;
use super::auth::{COOKIE, Guard};
use super::http::{Request, Response};

/// One worker's state: the checks and its own database connection.
pub struct Router {
    /// The checks every request passes first.
    pub guard: Guard,
    /// This worker's connection (SQLite connections are not shared between threads).
    pub conn: Connection,
}

fn id(segment: &str) -> Result<i64, ApiError> {
    segment
        .parse()
        .map_err(|_| ApiError::new(404, format!("no document {segment:?}")))
}

impl Router {
    /// Answers one request.
    pub fn handle(&mut self, req: Request) -> Response {
        let set_cookie = match self.guard.admit(&req) {
            Ok(s) => s,
            Err((status, msg)) => return Response::error(status, msg),
        };
        if let Err((status, msg)) = self.guard.same_origin(&req) {
            return Response::error(status, msg);
        }
        let mut response = match self.route(&req) {
            Ok(r) => r,
            Err(e) => e.into(),
        };
        if set_cookie && let Some(token) = &self.guard.token {
            response.headers.push((
                "Set-Cookie",
                format!("{COOKIE}={token}; HttpOnly; SameSite=Strict; Path=/"),
            ));
        }
        response
    }

    fn route(&mut self, req: &Request) -> Result<Response, ApiError> {
        let segments: Vec<String> = req
            .path
            .trim_start_matches('/')
            .split('/')
            .map(super::http::percent_decode)
            .collect();
        let s: Vec<&str> = segments.iter().map(String::as_str).collect();
        let method = if req.method == "HEAD" {
            "GET"
        } else {
            req.method.as_str()
        };
        let conn = &mut self.conn;
        match (method, s.as_slice()) {
            ("GET", [""]) | ("GET", ["documents", _]) => Ok(assets::page()),
            ("GET", ["favicon.ico"]) => Ok(assets::asset("icon.svg").unwrap_or_else(assets::page)),
            ("GET", ["assets", name]) => {
                assets::asset(name).ok_or_else(|| ApiError::new(404, format!("no asset {name:?}")))
            }
            ("GET", ["api", "documents"]) => api::documents::list(conn),
            ("POST", ["api", "documents"]) => api::documents::create(conn, &req.body),
            ("GET", ["api", "documents", d]) => api::documents::get(conn, id(d)?),
            ("PUT", ["api", "documents", d, "quotes", q]) => {
                api::quotes::put(conn, id(d)?, q, &req.body)
            }
            ("POST", ["api", "documents", d, "sources"]) => {
                api::sources::post(conn, id(d)?, &req.body)
            }
            ("GET", ["api", "documents", d, "export"]) => api::export::get(
                conn,
                id(d)?,
                req.query_param("format").as_deref(),
                req.query_param("excel_safe").as_deref() == Some("true"),
            ),
            _ => Err(ApiError::new(404, format!("nothing at {}", req.path))),
        }
    }
}
