//! `gen watch` end to end: the real binary on a temporary site, driven over plain HTTP/1.1.
//!
//! Edits a note and waits for the new content to be served, breaks its frontmatter and checks
//! the server keeps serving the last good page while reporting the error (terminal, status
//! endpoint, event stream), fixes it and checks recovery, and tries to escape the output
//! directory. Every wait polls with a deadline; no fixed sleep decides an outcome.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Generous: the first build of a debug binary on a loaded CI machine can be slow.
const DEADLINE: Duration = Duration::from_secs(90);
const POLL: Duration = Duration::from_millis(25);

struct Reply {
    status: u16,
    head: String,
    body: String,
}

fn request(addr: SocketAddr, target: &str) -> Option<Reply> {
    let mut stream = TcpStream::connect(addr).ok()?;
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .ok()?;
    write!(
        stream,
        "GET {target} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .ok()?;
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).ok()?;
    let raw = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = raw.split_once("\r\n\r\n")?;
    Some(Reply {
        status: head.split(' ').nth(1)?.parse().ok()?,
        head: head.to_ascii_lowercase(),
        body: body.to_string(),
    })
}

/// GET, following redirects within the server (a page may live at `x.html` or `x/`).
fn get(addr: SocketAddr, target: &str) -> Reply {
    let mut target = target.to_string();
    for _ in 0..5 {
        let reply = request(addr, &target).expect("the server answers");
        if reply.status != 301 {
            return reply;
        }
        let location = reply
            .head
            .lines()
            .find_map(|l| l.strip_prefix("location: "));
        target = location
            .expect("a redirect has a location")
            .trim()
            .to_string();
    }
    panic!("redirect loop at {target}");
}

fn wait_for(what: &str, mut done: impl FnMut() -> bool) {
    let start = Instant::now();
    while !done() {
        assert!(start.elapsed() < DEADLINE, "timed out waiting for {what}");
        std::thread::sleep(POLL);
    }
}

/// The running `gen watch`, killed on drop; its stdout and stderr are collected.
struct Watch {
    child: Child,
    output: Arc<Mutex<String>>,
}

impl Drop for Watch {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Watch {
    fn start(root: &Path) -> (Watch, SocketAddr) {
        let mut child = Command::new(env!("CARGO_BIN_EXE_gen"))
            .args(["watch", "--port", "0", "--root"])
            .arg(root)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("gen watch starts");
        let output = Arc::new(Mutex::new(String::new()));
        for pipe in [
            Box::new(child.stdout.take().unwrap()) as Box<dyn Read + Send>,
            Box::new(child.stderr.take().unwrap()),
        ] {
            let output = Arc::clone(&output);
            std::thread::spawn(move || {
                for line in BufReader::new(pipe).lines().map_while(Result::ok) {
                    let mut output = output.lock().unwrap();
                    output.push_str(&line);
                    output.push('\n');
                }
            });
        }
        let mut watch = Watch { child, output };
        let mut addr = None;
        wait_for("the URL on start", || {
            addr = watch.output().lines().find_map(|line| {
                let url = line.split("serving http://").nth(1)?;
                url.split('/').next()?.parse().ok()
            });
            addr.is_some() || !watch.running()
        });
        let addr = addr.unwrap_or_else(|| panic!("gen watch exited:\n{}", watch.output()));
        (watch, addr)
    }

    fn output(&self) -> String {
        self.output.lock().unwrap().clone()
    }

    fn running(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }
}

fn temp_site() -> PathBuf {
    let root = std::env::temp_dir().join(format!("gen-watch-test-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    std::fs::create_dir_all(root.join("content")).unwrap();
    std::fs::write(root.join("gen.toml"), "title = \"Watch test\"\n").unwrap();
    std::fs::write(root.join("secret.txt"), "do-not-serve\n").unwrap();
    write_note(&root, "first version");
    root
}

fn write_note(root: &Path, body: &str) {
    let note = format!("---\ntitle: Garbage collection\ntags: [gc]\n---\n\n# GC\n\n{body}\n");
    std::fs::write(root.join("content/gc.md"), note).unwrap();
}

/// `name:LINE:COL` somewhere in `text`.
fn has_position(text: &str, name: &str) -> bool {
    text.match_indices(name).any(|(at, _)| {
        let rest = text[at + name.len()..]
            .strip_prefix(':')
            .unwrap_or_default();
        let (line, rest) = rest.split_once(':').unwrap_or_default();
        let col: String = rest.chars().take_while(char::is_ascii_digit).collect();
        !line.is_empty() && line.chars().all(|c| c.is_ascii_digit()) && !col.is_empty()
    })
}

fn first_event(addr: SocketAddr) -> String {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    write!(stream, "GET /__gen/events HTTP/1.1\r\nHost: {addr}\r\n\r\n").unwrap();
    let reader = BufReader::new(stream);
    let mut lines = reader.lines().map_while(Result::ok);
    let head = lines.next().unwrap_or_default();
    assert!(head.starts_with("HTTP/1.1 200"), "{head}");
    lines
        .find_map(|l| l.strip_prefix("data: ").map(str::to_string))
        .expect("a status event")
}

#[test]
fn watch_serves_edits_survives_errors_and_recovers() {
    let root = temp_site();
    let (mut watch, addr) = Watch::start(&root);

    let page = get(addr, "/gc");
    assert_eq!(page.status, 200, "{}", watch.output());
    assert!(page.head.contains("content-type: text/html"));
    assert!(page.body.contains("first version"));
    assert!(page.body.contains("/__gen/livereload.js"));

    write_note(&root, "second version");
    wait_for("the edit to be served", || {
        get(addr, "/gc").body.contains("second version")
    });

    std::fs::write(
        root.join("content/gc.md"),
        "---\ntitle: [unclosed\ntags: gc\n---\n\nthird version\n",
    )
    .unwrap();
    wait_for("the failure to be reported", || {
        get(addr, "/__gen/status").body.contains(r#""ok":false"#)
    });
    let status = get(addr, "/__gen/status").body;
    assert!(has_position(&status, "gc.md"), "{status}");
    wait_for("the failure in the terminal", || {
        has_position(&watch.output(), "gc.md")
    });
    let event = first_event(addr);
    assert!(
        event.contains(r#""ok":false"#) && has_position(&event, "gc.md"),
        "{event}"
    );
    let still = get(addr, "/gc");
    assert_eq!(still.status, 200);
    assert!(still.body.contains("second version"));
    assert!(!still.body.contains("third version"));

    write_note(&root, "fourth version");
    wait_for("the fix to be served", || {
        get(addr, "/gc").body.contains("fourth version")
    });
    wait_for("the recovery to be reported", || {
        get(addr, "/__gen/status").body.contains(r#""ok":true"#)
    });
    assert!(first_event(addr).contains(r#""ok":true"#));

    for attack in [
        "/../secret.txt",
        "/%2e%2e/secret.txt",
        "/..%2fsecret.txt",
        "/%2e%2e%5csecret.txt",
        "/../../../../etc/passwd",
    ] {
        let reply = get(addr, attack);
        assert!(
            matches!(reply.status, 403 | 404),
            "{attack}: {}",
            reply.status
        );
        assert!(!reply.body.contains("do-not-serve"), "{attack}");
    }
    assert!(watch.running(), "gen watch is still alive");
    drop(watch);
    std::fs::remove_dir_all(root).unwrap();
}

#[test]
fn watch_follows_new_renamed_and_deleted_notes_assets_and_templates() {
    let root = std::env::temp_dir().join(format!("gen-watch-files-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    std::fs::create_dir_all(root.join("content")).unwrap();
    write_note(&root, "the gc note");
    let (mut watch, addr) = Watch::start(&root);
    assert_eq!(get(addr, "/gc/").status, 200, "{}", watch.output());

    let missing = get(addr, "/no/such/page/");
    assert_eq!(missing.status, 404);
    assert!(
        missing.body.contains("Page not found"),
        "the site's 404 page"
    );
    let css = get(addr, "/_gen/gen.css");
    assert!(css.head.contains("content-type: text/css"), "{}", css.head);

    std::fs::write(
        root.join("content/weak.md"),
        "# Weak references\n\nweak body\n",
    )
    .unwrap();
    wait_for("the new note", || {
        get(addr, "/weak/").body.contains("weak body")
    });
    wait_for("the new note in the other pages' sidebar", || {
        get(addr, "/gc/").body.contains("Weak references")
    });

    std::fs::write(root.join("content/heap.png"), b"\x89PNG\r\n\x1a\nfake").unwrap();
    wait_for("the new asset", || get(addr, "/heap.png").status == 200);
    assert!(get(addr, "/heap.png")
        .head
        .contains("content-type: image/png"));

    std::fs::rename(
        root.join("content/weak.md"),
        root.join("content/weakref.md"),
    )
    .unwrap();
    wait_for("the renamed note", || {
        get(addr, "/weakref/").body.contains("weak body")
    });
    wait_for("the old page to disappear", || {
        get(addr, "/weak/").status == 404
    });

    std::fs::remove_file(root.join("content/heap.png")).unwrap();
    wait_for("the deleted asset to disappear", || {
        get(addr, "/heap.png").status == 404
    });

    std::fs::create_dir_all(root.join("templates")).unwrap();
    std::fs::write(
        root.join("templates/page.html"),
        "{% extends \"base.html\" %}{% block main %}CUSTOM {{ content | safe }}{% endblock main %}",
    )
    .unwrap();
    wait_for("the template change on every page", || {
        get(addr, "/gc/").body.contains("CUSTOM") && get(addr, "/weakref/").body.contains("CUSTOM")
    });
    std::fs::remove_file(root.join("templates/page.html")).unwrap();
    wait_for("the built-in template back", || {
        !get(addr, "/gc/").body.contains("CUSTOM")
    });
    assert!(watch.running(), "gen watch is still alive");
    drop(watch);
    std::fs::remove_dir_all(root).unwrap();
}
