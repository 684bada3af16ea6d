//! The HTTP side of `gen watch`: a small HTTP/1.1 server on std's sockets that answers
//! `GET`/`HEAD` from the output directory or the `/__gen/` endpoints, with content types,
//! the site's 404 page, and the live-reload script injected into HTML on the fly (the built
//! files never contain it). Without live reload (the browser tests) it serves the output
//! exactly as built.
//!
//! One thread per connection, at most [`MAX_CONNECTIONS`] at once, and every response
//! closes its connection: a browser's parallel requests never queue behind an idle
//! keep-alive connection (the hang that made us leave tiny_http), and on loopback a new
//! connection costs microseconds.

use super::paths::{resolve, Resolved};
use super::reload::{Reload, EVENTS_PATH, SCRIPT, SCRIPT_PATH, STATUS_PATH};
use std::fs;
use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

/// Connections served at once (live-reload streams included); more get a 503.
const MAX_CONNECTIONS: usize = 128;
/// The longest request head read (request line and headers).
const MAX_HEAD: usize = 16 * 1024;
/// A client that sends nothing for this long is dropped.
const IO_TIMEOUT: Duration = Duration::from_secs(15);

/// What every request handler needs.
pub struct Context {
    /// The output directory being served.
    pub out_dir: PathBuf,
    /// The URL path the site lives under (from the base URL), starting and ending with `/`.
    pub mount: String,
    /// Live reload: the `/__gen/` endpoints and the script injected into pages.
    pub reload: Option<Arc<Reload>>,
}

/// One response, before it is written.
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(&'static str, String)>,
    pub body: Vec<u8>,
}

/// Accepts connections on `listener` forever, each on a thread of its own.
pub fn accept_loop(listener: TcpListener, ctx: Arc<Context>) {
    let open = Arc::new(AtomicUsize::new(0));
    for stream in listener.incoming() {
        let Ok(mut stream) = stream else {
            // Out of file descriptors or a connection reset before accept: try again soon.
            std::thread::sleep(Duration::from_millis(10));
            continue;
        };
        if open.fetch_add(1, Ordering::SeqCst) >= MAX_CONNECTIONS {
            open.fetch_sub(1, Ordering::SeqCst);
            let _ = write_reply(&mut stream, &text(503, "too many connections"), false);
            continue;
        }
        let (ctx, guard) = (Arc::clone(&ctx), Arc::clone(&open));
        let spawned = std::thread::Builder::new()
            .name("gen-http".into())
            .spawn(move || {
                serve_connection(stream, &ctx);
                guard.fetch_sub(1, Ordering::SeqCst);
            });
        if spawned.is_err() {
            open.fetch_sub(1, Ordering::SeqCst);
        }
    }
}

/// Reads one request from `stream` and answers it; the event stream keeps the connection.
/// I/O errors mean the client went away and are dropped.
fn serve_connection(mut stream: TcpStream, ctx: &Context) {
    let _ = stream.set_read_timeout(Some(IO_TIMEOUT));
    let _ = stream.set_write_timeout(Some(IO_TIMEOUT));
    let request = match read_request(&stream) {
        Ok(Some(request)) => request,
        Ok(None) => return,
        Err(reply) => {
            let _ = write_reply(&mut stream, &reply, false);
            drain(&mut stream);
            return;
        }
    };
    let path = request.target.split(['?', '#']).next().unwrap_or_default();
    if let (EVENTS_PATH, Some(reload)) = (path, &ctx.reload) {
        match reload.open_stream() {
            Some(slot) => {
                let _ = slot.stream(stream);
            }
            None => {
                let _ = write_reply(
                    &mut stream,
                    &text(503, "too many live-reload connections"),
                    false,
                );
            }
        }
        return;
    }
    let head_only = request.method == "HEAD";
    if request.method == "GET" || head_only {
        let _ = write_reply(&mut stream, &route(path, ctx), head_only);
    } else {
        let reply = with_header(text(405, "method not allowed"), "Allow", "GET, HEAD");
        let _ = write_reply(&mut stream, &reply, false);
        drain(&mut stream);
    }
}

/// After an error reply to a request not read to its end: closes our side, then reads
/// (briefly) what the client still sends, so the kernel does not reset the connection
/// and destroy the reply before the client has read it.
fn drain(stream: &mut TcpStream) {
    let _ = stream.shutdown(std::net::Shutdown::Write);
    let _ = stream.set_read_timeout(Some(Duration::from_millis(500)));
    let _ = io::copy(&mut Read::take(&*stream, 1 << 20), &mut io::sink());
}

/// The request line of one request.
struct Request {
    method: String,
    target: String,
}

/// Reads the request head; `Ok(None)` when the client closed without sending one, `Err`
/// with the reply for a malformed or oversized head.
fn read_request(stream: &TcpStream) -> Result<Option<Request>, Reply> {
    let mut reader = BufReader::new(Read::take(stream, MAX_HEAD as u64));
    let mut first = String::new();
    let mut total = 0;
    loop {
        let mut line = String::new();
        match reader.read_line(&mut line) {
            Ok(0) if first.is_empty() => return Ok(None),
            Ok(0) => return Err(text(431, "request head too large or cut short")),
            Ok(n) => total += n,
            Err(_) => return Err(text(400, "bad request")),
        }
        if first.is_empty() {
            if line.trim().is_empty() {
                continue;
            }
            first = line;
        } else if line == "\r\n" || line == "\n" {
            break;
        }
        if total >= MAX_HEAD {
            return Err(text(431, "request head too large"));
        }
    }
    let mut parts = first.split_whitespace();
    match (parts.next(), parts.next(), parts.next()) {
        (Some(method), Some(target), Some(version)) if version.starts_with("HTTP/1.") => {
            Ok(Some(Request {
                method: method.to_string(),
                target: target.to_string(),
            }))
        }
        _ => Err(text(400, "bad request")),
    }
}

/// Writes `reply` with its length, `Connection: close`, and (unless `head_only`) its body.
fn write_reply(stream: &mut TcpStream, reply: &Reply, head_only: bool) -> io::Result<()> {
    let mut head = format!("HTTP/1.1 {} {}\r\n", reply.status, reason(reply.status));
    for (name, value) in &reply.headers {
        head.push_str(name);
        head.push_str(": ");
        head.push_str(value);
        head.push_str("\r\n");
    }
    head.push_str(&format!(
        "Content-Length: {}\r\nConnection: close\r\n\r\n",
        reply.body.len()
    ));
    let mut bytes = head.into_bytes();
    if !head_only {
        bytes.extend_from_slice(&reply.body);
    }
    stream.write_all(&bytes)?;
    stream.flush()
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        301 => "Moved Permanently",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        431 => "Request Header Fields Too Large",
        503 => "Service Unavailable",
        _ => "",
    }
}

/// The reply for a `GET` of `path` (without query or fragment).
pub fn route(path: &str, ctx: &Context) -> Reply {
    match (path, &ctx.reload) {
        (SCRIPT_PATH, Some(_)) => {
            return body(200, "text/javascript; charset=utf-8", SCRIPT.into())
        }
        (STATUS_PATH, Some(reload)) => {
            let json = serde_json::to_vec(&reload.status()).unwrap_or_default();
            return body(200, "application/json", json);
        }
        _ => {}
    }
    let rest = match path.strip_prefix(ctx.mount.trim_end_matches('/')) {
        Some("") => return redirect(&ctx.mount),
        Some(rest) if rest.starts_with('/') => rest,
        _ if path == "/" => return redirect(&ctx.mount),
        _ => return not_found(ctx),
    };
    match resolve(&ctx.out_dir, rest) {
        Resolved::File(file) => file_response(200, &file, ctx),
        Resolved::Redirect(to) => redirect(&format!("{}{to}", ctx.mount.trim_end_matches('/'))),
        Resolved::NotFound => not_found(ctx),
        Resolved::Forbidden => text(403, "forbidden"),
    }
}

fn not_found(ctx: &Context) -> Reply {
    match resolve(&ctx.out_dir, "/404.html") {
        Resolved::File(page) => file_response(404, &page, ctx),
        _ => text(404, "404 not found"),
    }
}

fn file_response(status: u16, file: &Path, ctx: &Context) -> Reply {
    let Ok(bytes) = fs::read(file) else {
        return text(404, "404 not found");
    };
    let kind = content_type(file);
    if let (true, Some(reload)) = (kind.starts_with("text/html"), &ctx.reload) {
        let html = inject(&String::from_utf8_lossy(&bytes), &reload.script_tag());
        return body(status, kind, html.into_bytes());
    }
    body(status, kind, bytes)
}

/// Inserts `tag` before the last `</body>` (any case), or appends it.
pub fn inject(html: &str, tag: &str) -> String {
    let at = html
        .to_ascii_lowercase()
        .rfind("</body>")
        .unwrap_or(html.len());
    let mut out = String::with_capacity(html.len() + tag.len());
    out.push_str(&html[..at]);
    out.push_str(tag);
    out.push_str(&html[at..]);
    out
}

/// The `Content-Type` for a served file, by extension.
pub fn content_type(path: &Path) -> &'static str {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
        .to_ascii_lowercase();
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" | "map" => "application/json",
        "xml" => "application/xml",
        "txt" | "md" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "ico" => "image/x-icon",
        "woff" => "font/woff",
        "woff2" => "font/woff2",
        "ttf" => "font/ttf",
        "wasm" => "application/wasm",
        "pdf" => "application/pdf",
        _ => "application/octet-stream",
    }
}

fn body(status: u16, kind: &str, bytes: Vec<u8>) -> Reply {
    Reply {
        status,
        headers: vec![
            ("Content-Type", kind.to_string()),
            ("Cache-Control", "no-store".to_string()),
        ],
        body: bytes,
    }
}

fn with_header(mut reply: Reply, name: &'static str, value: &str) -> Reply {
    reply.headers.push((name, value.to_string()));
    reply
}

fn text(status: u16, message: &str) -> Reply {
    body(
        status,
        "text/plain; charset=utf-8",
        message.as_bytes().to_vec(),
    )
}

fn redirect(to: &str) -> Reply {
    with_header(text(301, "moved"), "Location", to)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn injects_before_the_last_body_close() {
        let tag = "<script></script>";
        assert_eq!(
            inject("<p>a</p></BODY></html>", tag),
            "<p>a</p><script></script></BODY></html>"
        );
        assert_eq!(inject("<p>x</p>", tag), "<p>x</p><script></script>");
        assert_eq!(
            inject("<pre>&lt;/body&gt;</pre></body>", tag),
            "<pre>&lt;/body&gt;</pre><script></script></body>"
        );
    }

    #[test]
    fn content_types_by_extension() {
        for (file, kind) in [
            ("a.html", "text/html; charset=utf-8"),
            ("a.CSS", "text/css; charset=utf-8"),
            ("a.js", "text/javascript; charset=utf-8"),
            ("a.svg", "image/svg+xml"),
            ("a.png", "image/png"),
            ("a.jpg", "image/jpeg"),
            ("a.gif", "image/gif"),
            ("a.webp", "image/webp"),
            ("a.ico", "image/x-icon"),
            ("a.json", "application/json"),
            ("a.xml", "application/xml"),
            ("a.txt", "text/plain; charset=utf-8"),
            ("a.woff2", "font/woff2"),
            ("a.wasm", "application/wasm"),
            ("a", "application/octet-stream"),
        ] {
            assert_eq!(content_type(Path::new(file)), kind, "{file}");
        }
    }
}
