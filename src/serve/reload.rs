//! Live reload: the build status shared between the rebuild loop and the HTTP side, the
//! Server-Sent Events stream that pushes it to open tabs, and the script injected into pages.
//!
//! Every publish bumps a sequence number and wakes the event streams. The status carries the
//! id of the last good build; a page knows the id it was served with (`data-build` on the
//! injected script), so a tab reloads exactly when a newer good build exists, even if that
//! build finished before the tab connected, and shows the error overlay while the latest
//! build failed.

use serde::Serialize;
use std::io::{self, Write};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// The browser side, served at [`SCRIPT_PATH`].
pub const SCRIPT: &str = include_str!("livereload.js");
pub const SCRIPT_PATH: &str = "/__gen/livereload.js";
pub const EVENTS_PATH: &str = "/__gen/events";
pub const STATUS_PATH: &str = "/__gen/status";

/// Event streams served at once; each holds one thread. Further tabs get 503.
const MAX_STREAMS: usize = 32;
/// A comment line is sent this often so dead connections are noticed and their thread ends.
const KEEPALIVE: Duration = Duration::from_secs(10);

/// What the browser is told after each build.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BuildStatus {
    /// The id of the last good build (what is being served).
    pub build: String,
    /// Whether the latest build succeeded.
    pub ok: bool,
    /// The latest failure's diagnostics (`file:line:col: message` lines), empty when `ok`.
    pub errors: String,
}

struct State {
    seq: u64,
    good_builds: u64,
    status: BuildStatus,
}

/// The shared build status and the registry of open event streams.
pub struct Reload {
    session: String,
    state: Mutex<State>,
    changed: Condvar,
    streams: AtomicUsize,
}

impl Default for Reload {
    fn default() -> Self {
        Self::new()
    }
}

impl Reload {
    pub fn new() -> Self {
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or_default();
        let session = format!("{:x}", nanos & 0xffff_ffff_ffff);
        let status = BuildStatus {
            build: format!("{session}-0"),
            ok: true,
            errors: String::new(),
        };
        Reload {
            session,
            state: Mutex::new(State {
                seq: 0,
                good_builds: 0,
                status,
            }),
            changed: Condvar::new(),
            streams: AtomicUsize::new(0),
        }
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub fn status(&self) -> BuildStatus {
        self.lock().status.clone()
    }

    /// A build succeeded: open tabs reload.
    pub fn publish_success(&self) {
        let mut state = self.lock();
        state.good_builds += 1;
        state.status = BuildStatus {
            build: format!("{}-{}", self.session, state.good_builds),
            ok: true,
            errors: String::new(),
        };
        state.seq += 1;
        self.changed.notify_all();
    }

    /// A build failed: the last good output stays served and open tabs show `diagnostics`.
    pub fn publish_failure(&self, diagnostics: &str) {
        let mut state = self.lock();
        state.status.ok = false;
        state.status.errors = diagnostics.to_string();
        state.seq += 1;
        self.changed.notify_all();
    }

    /// Waits until a status newer than `seen` is published or `timeout` passes.
    fn wait_newer(&self, seen: u64, timeout: Duration) -> (u64, BuildStatus) {
        let state = self.lock();
        let (state, _) = self
            .changed
            .wait_timeout_while(state, timeout, |s| s.seq == seen)
            .unwrap_or_else(|e| e.into_inner());
        (state.seq, state.status.clone())
    }

    /// Reserves a slot for one more event stream, or `None` when [`MAX_STREAMS`] are open.
    pub fn open_stream(self: &Arc<Self>) -> Option<StreamSlot> {
        self.streams
            .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| {
                (n < MAX_STREAMS).then_some(n + 1)
            })
            .ok()
            .map(|_| StreamSlot(Arc::clone(self)))
    }

    /// The tag injected into each served HTML page.
    pub fn script_tag(&self) -> String {
        format!(
            "<script src=\"{SCRIPT_PATH}\" data-build=\"{}\"></script>",
            self.status().build
        )
    }
}

/// One reserved event stream; dropping it frees the slot.
pub struct StreamSlot(Arc<Reload>);

impl Drop for StreamSlot {
    fn drop(&mut self) {
        self.0.streams.fetch_sub(1, Ordering::SeqCst);
    }
}

impl StreamSlot {
    /// Writes the event-stream response on `out` (a raw connection): the current status at
    /// once, then every newer one, until the client goes away.
    pub fn stream(self, mut out: impl Write) -> io::Result<()> {
        out.write_all(
            b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\n\
              Connection: close\r\n\r\nretry: 1000\n\n",
        )?;
        let (mut seen, mut status) = {
            let state = self.0.lock();
            (state.seq, state.status.clone())
        };
        loop {
            out.write_all(status_event(&status).as_bytes())?;
            out.flush()?;
            loop {
                let (seq, latest) = self.0.wait_newer(seen, KEEPALIVE);
                if seq != seen {
                    seen = seq;
                    status = latest;
                    break;
                }
                out.write_all(b": keepalive\n\n")?;
                out.flush()?;
            }
        }
    }
}

/// One SSE `status` event; JSON keeps it on a single `data:` line.
fn status_event(status: &BuildStatus) -> String {
    let json = serde_json::to_string(status).unwrap_or_else(|_| "{}".into());
    format!("event: status\ndata: {json}\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn failures_keep_the_good_build_and_successes_advance_it() {
        let reload = Reload::new();
        let first = reload.status();
        assert!(first.ok);
        reload.publish_failure("content/a.md:2:1: bad frontmatter");
        let failed = reload.status();
        assert!(!failed.ok);
        assert_eq!(failed.build, first.build);
        assert!(reload.script_tag().contains(&first.build));
        reload.publish_success();
        let fixed = reload.status();
        assert!(fixed.ok && fixed.errors.is_empty());
        assert_ne!(fixed.build, first.build);
    }

    #[test]
    fn events_are_single_line_json() {
        let status = BuildStatus {
            build: "s-1".into(),
            ok: false,
            errors: "a.md:1:1: x\n<b>".into(),
        };
        let event = status_event(&status);
        assert!(event.ends_with("}\n\n"));
        assert_eq!(event.matches('\n').count(), 3);
        assert!(event.starts_with("event: status\ndata: {"));
        assert!(event.contains(r#"a.md:1:1: x\n<b>"#));
    }

    #[test]
    fn streams_are_bounded() {
        let reload = Arc::new(Reload::new());
        let slots: Vec<_> = (0..MAX_STREAMS)
            .map(|_| reload.open_stream().expect("slot"))
            .collect();
        assert!(reload.open_stream().is_none());
        drop(slots);
        assert!(reload.open_stream().is_some());
    }

    #[test]
    fn a_stream_sends_the_current_status_then_stops_on_a_closed_client() {
        /// Takes writes, then fails at the first flush as a closed socket would.
        struct Closing(Vec<u8>);
        impl Write for Closing {
            fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
                self.0.extend_from_slice(buf);
                Ok(buf.len())
            }
            fn flush(&mut self) -> io::Result<()> {
                Err(io::ErrorKind::BrokenPipe.into())
            }
        }
        let reload = Arc::new(Reload::new());
        reload.publish_failure("x.md:1:2: oops");
        let mut sink = Closing(Vec::new());
        let slot = reload.open_stream().unwrap();
        assert!(slot.stream(&mut sink).is_err());
        let text = String::from_utf8(sink.0).unwrap();
        assert!(text.starts_with("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream"));
        assert!(text.contains(r#""ok":false"#) && text.contains("x.md:1:2: oops"));
        assert_eq!(reload.streams.load(Ordering::SeqCst), 0);
    }
}
