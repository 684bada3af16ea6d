//! The HTTP side of `gen watch`: answers one request from the output directory or the
//! `/__gen/` endpoints, with content types, the site's 404 page, and the live-reload script
//! injected into HTML on the fly (the built files never contain it).

use super::paths::{resolve, Resolved};
use super::reload::{Reload, EVENTS_PATH, SCRIPT, SCRIPT_PATH, STATUS_PATH};
use std::fs;
use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use tiny_http::{Header, Method, Request, Response, StatusCode};

/// What every request handler needs.
pub struct Context {
    /// The output directory being served.
    pub out_dir: PathBuf,
    /// The URL path the site lives under (from the base URL), starting and ending with `/`.
    pub mount: String,
    pub reload: Arc<Reload>,
}

/// Answers `request`. Event streams are handed to a thread of their own; I/O errors mean the
/// client went away and are dropped.
pub fn handle(request: Request, ctx: &Context) {
    let url = request.url().to_string();
    let path = url.split(['?', '#']).next().unwrap_or_default();
    if path == EVENTS_PATH {
        return open_event_stream(request, ctx);
    }
    let response = if !matches!(request.method(), Method::Get | Method::Head) {
        text(405, "method not allowed")
    } else {
        route(path, ctx)
    };
    let _ = request.respond(response);
}

fn route(path: &str, ctx: &Context) -> Response<Cursor<Vec<u8>>> {
    match path {
        SCRIPT_PATH => return body(200, "text/javascript; charset=utf-8", SCRIPT.into()),
        STATUS_PATH => {
            let json = serde_json::to_vec(&ctx.reload.status()).unwrap_or_default();
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

fn open_event_stream(request: Request, ctx: &Context) {
    match ctx.reload.open_stream() {
        Some(slot) => {
            let spawned = std::thread::Builder::new()
                .name("gen-sse".into())
                .spawn(move || slot.stream(request.into_writer()));
            if spawned.is_err() {
                eprintln!("gen watch: could not start a live-reload stream");
            }
        }
        None => {
            let _ = request.respond(text(503, "too many live-reload connections"));
        }
    }
}

fn not_found(ctx: &Context) -> Response<Cursor<Vec<u8>>> {
    match resolve(&ctx.out_dir, "/404.html") {
        Resolved::File(page) => file_response(404, &page, ctx),
        _ => text(404, "404 not found"),
    }
}

fn file_response(status: u16, file: &Path, ctx: &Context) -> Response<Cursor<Vec<u8>>> {
    let Ok(bytes) = fs::read(file) else {
        return text(404, "404 not found");
    };
    let kind = content_type(file);
    if kind.starts_with("text/html") {
        let html = inject(&String::from_utf8_lossy(&bytes), &ctx.reload.script_tag());
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

fn body(status: u16, kind: &str, bytes: Vec<u8>) -> Response<Cursor<Vec<u8>>> {
    let response = Response::from_data(bytes)
        .with_status_code(StatusCode(status))
        .with_chunked_threshold(usize::MAX);
    let response = with_header(response, "Content-Type", kind);
    with_header(response, "Cache-Control", "no-store")
}

/// Adds a header; a value that is not valid in a header (never the case for ours) is left out.
fn with_header(
    response: Response<Cursor<Vec<u8>>>,
    name: &str,
    value: &str,
) -> Response<Cursor<Vec<u8>>> {
    match Header::from_bytes(name.as_bytes(), value.as_bytes()) {
        Ok(header) => response.with_header(header),
        Err(()) => response,
    }
}

fn text(status: u16, message: &str) -> Response<Cursor<Vec<u8>>> {
    body(
        status,
        "text/plain; charset=utf-8",
        message.as_bytes().to_vec(),
    )
}

fn redirect(to: &str) -> Response<Cursor<Vec<u8>>> {
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
