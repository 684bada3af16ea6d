//! The server end to end in-process: real sockets against a temporary output directory.

use super::{bind, start_server, Reload};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

struct Reply {
    status: u16,
    head: String,
    body: String,
}

fn get(addr: SocketAddr, target: &str) -> Reply {
    let mut stream = TcpStream::connect(addr).unwrap();
    write!(
        stream,
        "GET {target} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).unwrap();
    let raw = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = raw.split_once("\r\n\r\n").unwrap();
    let status = head.split(' ').nth(1).unwrap().parse().unwrap();
    Reply {
        status,
        head: head.to_ascii_lowercase(),
        body: body.to_string(),
    }
}

fn serve(name: &str, mount: &str) -> (PathBuf, SocketAddr, Arc<Reload>) {
    let base = std::env::temp_dir().join(format!("gen-serve-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&base);
    let out = base.join("public");
    std::fs::create_dir_all(out.join("notes")).unwrap();
    std::fs::write(
        out.join("index.html"),
        "<html><body><h1>home</h1></body></html>",
    )
    .unwrap();
    std::fs::write(out.join("notes/gc.html"), "<body>gc</body>").unwrap();
    std::fs::write(out.join("404.html"), "<body>custom missing</body>").unwrap();
    std::fs::write(out.join("logo.svg"), "<svg/>").unwrap();
    std::fs::write(base.join("secret.txt"), "secret").unwrap();
    let bound = bind(0).unwrap();
    let addr = bound.addr;
    let reload = Arc::new(Reload::new());
    start_server(bound, &out, mount, Some(Arc::clone(&reload))).unwrap();
    (base, addr, reload)
}

#[test]
fn serves_pages_with_the_reload_script_and_assets_untouched() {
    let (base, addr, reload) = serve("pages", "/");
    let home = get(addr, "/");
    assert_eq!(home.status, 200);
    assert!(home.head.contains("content-type: text/html; charset=utf-8"));
    assert!(home
        .body
        .ends_with(&format!("{}</body></html>", reload.script_tag())));
    let built = std::fs::read_to_string(base.join("public/index.html")).unwrap();
    assert!(!built.contains("livereload"), "the built file stays clean");
    let svg = get(addr, "/logo.svg");
    assert!(svg.head.contains("content-type: image/svg+xml"));
    assert_eq!(svg.body, "<svg/>");
    assert_eq!(
        get(addr, "/notes/gc").body,
        format!("<body>gc{}</body>", reload.script_tag())
    );
    assert_eq!(get(addr, "/notes").status, 301);
    let script = get(addr, "/__gen/livereload.js");
    assert!(script.head.contains("content-type: text/javascript"));
    assert!(script.body.contains("EventSource"));
    std::fs::remove_dir_all(base).unwrap();
}

#[test]
fn missing_pages_get_the_site_404_and_escapes_are_refused() {
    let (base, addr, _) = serve("missing", "/");
    let missing = get(addr, "/nope/");
    assert_eq!(missing.status, 404);
    assert!(missing.body.contains("custom missing"));
    for attack in [
        "/../secret.txt",
        "/%2e%2e/secret.txt",
        "/..%2fsecret.txt",
        "/..%5csecret.txt",
    ] {
        let reply = get(addr, attack);
        assert!(
            matches!(reply.status, 403 | 404),
            "{attack}: {}",
            reply.status
        );
        assert!(!reply.body.contains("secret"), "{attack}");
    }
    std::fs::remove_dir_all(base).unwrap();
}

#[test]
fn a_sub_path_site_is_served_under_its_mount() {
    let (base, addr, _) = serve("mount", "/notes-site/");
    let root = get(addr, "/");
    assert_eq!(root.status, 301);
    assert!(root.head.contains("location: /notes-site/"));
    assert!(get(addr, "/notes-site/notes/gc.html")
        .body
        .starts_with("<body>gc"));
    assert_eq!(get(addr, "/notes/gc.html").status, 404);
    assert_eq!(get(addr, "/notes-siteX/index.html").status, 404);
    std::fs::remove_dir_all(base).unwrap();
}

#[test]
fn status_endpoint_and_event_stream_follow_the_builds() {
    let (base, addr, reload) = serve("events", "/");
    reload.publish_failure("content/a.md:1:4: bad <frontmatter>");
    let status = get(addr, "/__gen/status");
    assert!(status.head.contains("content-type: application/json"));
    assert!(status.body.contains(r#""ok":false"#));
    assert!(status.body.contains("content/a.md:1:4: bad <frontmatter>"));

    let mut stream = TcpStream::connect(addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    write!(stream, "GET /__gen/events HTTP/1.1\r\nHost: {addr}\r\n\r\n").unwrap();
    let mut lines = BufReader::new(stream).lines().map_while(Result::ok);
    let mut next_data = || lines.find(|l| l.starts_with("data: ")).unwrap();
    assert!(next_data().contains(r#""ok":false"#));
    reload.publish_success();
    let fixed = next_data();
    assert!(fixed.contains(r#""ok":true"#));
    assert!(fixed.contains(&reload.status().build));
    std::fs::remove_dir_all(base).unwrap();
}

fn raw(addr: SocketAddr, request: &str) -> String {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream.write_all(request.as_bytes()).unwrap();
    let mut reply = String::new();
    stream.read_to_string(&mut reply).unwrap();
    reply
}

#[test]
fn head_other_methods_and_garbage_get_proper_replies() {
    let (base, addr, _) = serve("methods", "/");
    let head = raw(addr, "HEAD /logo.svg HTTP/1.1\r\nHost: x\r\n\r\n");
    assert!(head.starts_with("HTTP/1.1 200 OK\r\n"), "{head}");
    assert!(head.to_ascii_lowercase().contains("content-length: 6\r\n"));
    assert!(head.ends_with("\r\n\r\n"), "no body after HEAD: {head}");
    let post = raw(addr, "POST / HTTP/1.1\r\nContent-Length: 0\r\n\r\n");
    assert!(post.starts_with("HTTP/1.1 405 "), "{post}");
    assert!(raw(addr, "nonsense\r\n\r\n").starts_with("HTTP/1.1 400 "));
    let huge = format!("GET / HTTP/1.1\r\nX: {}\r\n\r\n", "a".repeat(20_000));
    assert!(raw(addr, &huge).starts_with("HTTP/1.1 431 "));
    std::fs::remove_dir_all(base).unwrap();
}

#[test]
fn parallel_connections_are_all_answered() {
    let (base, addr, _) = serve("parallel", "/");
    // Idle connections (a browser's spare keep-alive sockets) must not hold up others.
    let idle: Vec<TcpStream> = (0..8).map(|_| TcpStream::connect(addr).unwrap()).collect();
    let replies: Vec<_> = (0..16)
        .map(|_| std::thread::spawn(move || get(addr, "/logo.svg").status))
        .collect();
    for r in replies {
        assert_eq!(r.join().unwrap(), 200);
    }
    drop(idle);
    std::fs::remove_dir_all(base).unwrap();
}
