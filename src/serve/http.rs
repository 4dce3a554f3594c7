//! A small HTTP/1.1 server over `std::net`: one request per connection, a fixed pool of
//! workers, and a bound on everything a client controls.
//!
//! Why not a server crate: the workbench needs a read deadline per request so a client that
//! stalls (or drips one byte a second) cannot hold a worker, and tiny_http gives no access
//! to the socket's timeouts. Parsing is `httparse` (hyper's parser); the rest is a loop.
//!
//! Bounds: the request head is at most [`MAX_HEAD`] bytes and [`MAX_HEADERS`] headers, the
//! body at most [`MAX_BODY`] bytes (announced with `Content-Length`; chunked bodies are
//! refused), and the whole request must arrive within [`READ_DEADLINE`].

use std::io::{self, Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The largest request body accepted: 16 MiB (an article, a page or a transcript).
pub const MAX_BODY: usize = 16 * 1024 * 1024;
/// The largest request line plus headers.
pub const MAX_HEAD: usize = 64 * 1024;
/// The most headers a request may have.
pub const MAX_HEADERS: usize = 64;
/// The time a client has to send a whole request, head and body.
pub const READ_DEADLINE: Duration = Duration::from_secs(20);
/// The time a single read or write may block.
const IO_TIMEOUT: Duration = Duration::from_secs(5);

/// A parsed request.
#[derive(Debug)]
pub struct Request {
    /// `GET`, `POST`, …
    pub method: String,
    /// The path, percent-encoded as sent, without the query.
    pub path: String,
    /// The query string (after `?`), or empty.
    pub query: String,
    /// Header names lowercased, values as sent (invalid UTF-8 is dropped).
    pub headers: Vec<(String, String)>,
    /// The body (empty when none was sent).
    pub body: Vec<u8>,
}

impl Request {
    /// The first header called `name` (lowercase).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The query parameter `name`, percent-decoded.
    pub fn query_param(&self, name: &str) -> Option<String> {
        self.query.split('&').find_map(|kv| {
            let (k, v) = kv.split_once('=').unwrap_or((kv, ""));
            (k == name).then(|| percent_decode(v))
        })
    }
}

/// Decodes `%XX` escapes and `+`; invalid escapes are kept as written, invalid UTF-8 is
/// replaced.
pub fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'%' if i + 2 < b.len() => {
                let hex = std::str::from_utf8(&b[i + 1..i + 3]).ok();
                match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                    Some(v) => {
                        out.push(v);
                        i += 3;
                    }
                    None => {
                        out.push(b'%');
                        i += 1;
                    }
                }
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            c => {
                out.push(c);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A response: status, content type, body and any extra headers.
#[derive(Debug)]
pub struct Response {
    /// The status code.
    pub status: u16,
    /// The `Content-Type`.
    pub content_type: &'static str,
    /// The body.
    pub body: Vec<u8>,
    /// More headers (`Content-Disposition`, `Set-Cookie`).
    pub headers: Vec<(&'static str, String)>,
}

impl Response {
    /// A JSON response.
    pub fn json(status: u16, value: &impl serde::Serialize) -> Response {
        let body = serde_json::to_vec(value).unwrap_or_else(|_| b"{}".to_vec());
        Response {
            status,
            content_type: "application/json; charset=utf-8",
            body,
            headers: Vec::new(),
        }
    }

    /// An error as JSON: `{"error": message}`.
    pub fn error(status: u16, message: impl Into<String>) -> Response {
        Response::json(status, &serde_json::json!({ "error": message.into() }))
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        201 => "Created",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        411 => "Length Required",
        413 => "Content Too Large",
        415 => "Unsupported Media Type",
        421 => "Misdirected Request",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "",
    }
}

/// Headers every response carries: a strict Content-Security-Policy (scripts and styles
/// from this server only, no inline code, no frames, no plugins), no sniffing, no
/// referrer, no caching of user data.
pub const SECURITY_HEADERS: &[(&str, &str)] = &[
    (
        "Content-Security-Policy",
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; \
         img-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'",
    ),
    ("X-Content-Type-Options", "nosniff"),
    ("X-Frame-Options", "DENY"),
    ("Referrer-Policy", "no-referrer"),
    ("Cache-Control", "no-store"),
    ("Cross-Origin-Opener-Policy", "same-origin"),
    ("Cross-Origin-Resource-Policy", "same-origin"),
];

fn write_response(stream: &mut TcpStream, r: &Response, head_only: bool) -> io::Result<()> {
    let mut head = format!(
        "HTTP/1.1 {} {}\r\nContent-Type: {}\r\nContent-Length: {}\r\nConnection: close\r\n",
        r.status,
        reason(r.status),
        r.content_type,
        r.body.len()
    );
    for (k, v) in SECURITY_HEADERS {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    for (k, v) in &r.headers {
        // Values are ours; a stray newline would split the header, so it is dropped.
        let v: String = v.chars().filter(|c| !c.is_control()).collect();
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes())?;
    if !head_only {
        stream.write_all(&r.body)?;
    }
    stream.flush()
}

/// Why a request could not be read; each maps to a 4xx (or to silence when the client left).
#[derive(Debug)]
enum ReadError {
    /// The client closed or timed out before sending anything: nothing to answer.
    Gone,
    /// A 4xx with a message.
    Refuse(u16, String),
}

fn read_request(stream: &mut TcpStream) -> Result<Request, ReadError> {
    let started = Instant::now();
    let mut buf: Vec<u8> = Vec::with_capacity(4096);
    let mut chunk = [0u8; 8192];
    let head_end = loop {
        if let Some(end) = find_head_end(&buf) {
            break end;
        }
        if buf.len() > MAX_HEAD {
            return Err(ReadError::Refuse(
                431,
                format!("request head over {MAX_HEAD} bytes"),
            ));
        }
        if started.elapsed() > READ_DEADLINE {
            return Err(timeout(&buf));
        }
        match stream.read(&mut chunk) {
            Ok(0) => return Err(ReadError::Gone),
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
            Err(e) if is_timeout(&e) => return Err(timeout(&buf)),
            Err(_) => return Err(ReadError::Gone),
        }
    };
    let mut headers = [httparse::EMPTY_HEADER; MAX_HEADERS];
    let mut parsed = httparse::Request::new(&mut headers);
    match parsed.parse(&buf[..head_end]) {
        Ok(httparse::Status::Complete(_)) => {}
        Ok(httparse::Status::Partial) => {
            return Err(ReadError::Refuse(400, "incomplete request head".into()));
        }
        Err(httparse::Error::TooManyHeaders) => {
            return Err(ReadError::Refuse(
                431,
                format!("more than {MAX_HEADERS} headers"),
            ));
        }
        Err(e) => return Err(ReadError::Refuse(400, format!("malformed request: {e}"))),
    }
    let method = parsed.method.unwrap_or("").to_string();
    let target = parsed.path.unwrap_or("/");
    let (path, query) = target.split_once('?').unwrap_or((target, ""));
    let headers: Vec<(String, String)> = parsed
        .headers
        .iter()
        .filter_map(|h| {
            Some((
                h.name.to_ascii_lowercase(),
                std::str::from_utf8(h.value).ok()?.trim().to_string(),
            ))
        })
        .collect();
    let mut request = Request {
        method,
        path: path.to_string(),
        query: query.to_string(),
        headers,
        body: Vec::new(),
    };
    if request.header("transfer-encoding").is_some() {
        return Err(ReadError::Refuse(
            411,
            "chunked bodies are not accepted; send Content-Length".into(),
        ));
    }
    let length = match request.header("content-length") {
        None => 0,
        Some(v) => v
            .parse::<usize>()
            .map_err(|_| ReadError::Refuse(400, format!("Content-Length {v:?} is not a number")))?,
    };
    if length > MAX_BODY {
        return Err(ReadError::Refuse(
            413,
            format!(
                "request body of {length} bytes is over the limit of {MAX_BODY} bytes (16 MiB)"
            ),
        ));
    }
    let mut body = buf.split_off(head_end);
    if body.len() > length {
        body.truncate(length);
    }
    body.reserve(length - body.len());
    while body.len() < length {
        if started.elapsed() > READ_DEADLINE {
            return Err(ReadError::Refuse(
                408,
                "the request body came too slowly".into(),
            ));
        }
        let want = (length - body.len()).min(chunk.len());
        match stream.read(&mut chunk[..want]) {
            Ok(0) => return Err(ReadError::Gone),
            Ok(n) => body.extend_from_slice(&chunk[..n]),
            Err(e) if is_timeout(&e) => {
                return Err(ReadError::Refuse(
                    408,
                    "the request body came too slowly".into(),
                ));
            }
            Err(_) => return Err(ReadError::Gone),
        }
    }
    request.body = body;
    Ok(request)
}

fn timeout(buf: &[u8]) -> ReadError {
    if buf.is_empty() {
        ReadError::Gone
    } else {
        ReadError::Refuse(408, "the request came too slowly".into())
    }
}

fn is_timeout(e: &io::Error) -> bool {
    matches!(
        e.kind(),
        io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut
    )
}

fn find_head_end(buf: &[u8]) -> Option<usize> {
    buf.windows(4).position(|w| w == b"\r\n\r\n").map(|p| p + 4)
}

fn handle_connection<H: FnMut(Request) -> Response>(mut stream: TcpStream, handler: &mut H) {
    let _ = stream.set_read_timeout(Some(IO_TIMEOUT));
    let _ = stream.set_write_timeout(Some(IO_TIMEOUT));
    let _ = stream.set_nodelay(true);
    match read_request(&mut stream) {
        Ok(request) => {
            let head_only = request.method == "HEAD";
            let response = handler(request);
            let _ = write_response(&mut stream, &response, head_only);
        }
        Err(ReadError::Refuse(status, message)) => {
            let _ = write_response(&mut stream, &Response::error(status, message), false);
        }
        Err(ReadError::Gone) => {}
    }
    let _ = stream.shutdown(Shutdown::Both);
}

/// Serves `listener` forever with `workers` threads; each builds its handler once with
/// `make` (so it can own a database connection). Connections beyond what the queue holds
/// get a 503 at once.
pub fn serve<H, F>(listener: TcpListener, workers: usize, make: F) -> io::Result<()>
where
    H: FnMut(Request) -> Response,
    F: Fn() -> anyhow::Result<H> + Send + Sync + 'static,
{
    let (tx, rx) = mpsc::sync_channel::<TcpStream>(64);
    let rx = Arc::new(Mutex::new(rx));
    let make = Arc::new(make);
    for _ in 0..workers.max(1) {
        let rx = Arc::clone(&rx);
        let make = Arc::clone(&make);
        std::thread::spawn(move || {
            let mut handler = match make() {
                Ok(h) => h,
                Err(e) => {
                    eprintln!("quotecheck serve: worker cannot start: {e:#}");
                    return;
                }
            };
            loop {
                let next = rx.lock().map(|r| r.recv());
                match next {
                    Ok(Ok(stream)) => handle_connection(stream, &mut handler),
                    _ => return,
                }
            }
        });
    }
    for stream in listener.incoming() {
        let Ok(stream) = stream else { continue };
        if let Err(mpsc::TrySendError::Full(mut stream)) = tx.try_send(stream) {
            let _ = stream.set_write_timeout(Some(Duration::from_secs(1)));
            let _ = write_response(
                &mut stream,
                &Response::error(503, "the server is busy; try again"),
                false,
            );
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_decoding_keeps_bad_escapes() {
        assert_eq!(percent_decode("a%20b+c"), "a b c");
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%zz%4"), "%zz%4");
        assert_eq!(percent_decode("%E2%80%9C"), "“");
    }
}
