//! Watches a site's sources (`content/`, `templates/`, `static/`, `gen.toml`) with notify,
//! debounces bursts of events into one batch, and classifies each changed path.
//!
//! The debounce is our own (not a debouncer crate) so the batch keeps what happened to each
//! path: created, modified or removed. A rename arrives as the old path removed and the new
//! path created. Editor droppings (swap files, backups, hidden files) are ignored.

use notify::event::{EventKind, ModifyKind, RenameMode};
use notify::{RecommendedWatcher, RecursiveMode, Watcher as _};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{channel, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

/// A batch is closed once no event arrived for this long...
const QUIET: Duration = Duration::from_millis(20);
/// ...or once it has been open this long, whichever comes first.
const MAX_WAIT: Duration = Duration::from_millis(300);

/// The source directories watched recursively, relative to the site root.
pub const SOURCE_DIRS: [&str; 3] = ["content", "templates", "static"];
pub const CONFIG_FILE: &str = "gen.toml";

/// Which part of the site a changed path belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ChangeKind {
    /// A Markdown note (or a folder of them) under `content/`.
    Page,
    /// Any other file under `content/` or `static/` (images, CSS...), copied as is.
    Asset,
    /// A Tera template under `templates/`.
    Template,
    /// `gen.toml`.
    Config,
}

/// What happened to a changed path within one batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeOp {
    Created,
    Modified,
    Removed,
}

/// One changed path, relative to the site root.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub kind: ChangeKind,
    pub op: ChangeOp,
    pub path: PathBuf,
}

/// The notify watcher plus its event channel.
pub struct Watcher {
    root: PathBuf,
    watcher: RecommendedWatcher,
    events: Receiver<notify::Result<notify::Event>>,
    watched: Vec<PathBuf>,
}

impl Watcher {
    /// Starts watching the sources under `root` (the root itself non-recursively, so that
    /// `gen.toml` and newly created source folders are seen).
    pub fn new(root: &Path) -> notify::Result<Self> {
        let root = root.canonicalize()?;
        let (tx, events) = channel();
        let mut watcher = notify::recommended_watcher(tx)?;
        watcher.watch(&root, RecursiveMode::NonRecursive)?;
        let mut this = Watcher {
            root,
            watcher,
            events,
            watched: Vec::new(),
        };
        this.watch_source_dirs();
        Ok(this)
    }

    fn watch_source_dirs(&mut self) {
        for dir in SOURCE_DIRS.map(|d| self.root.join(d)) {
            if dir.is_dir()
                && !self.watched.contains(&dir)
                && self.watcher.watch(&dir, RecursiveMode::Recursive).is_ok()
            {
                self.watched.push(dir);
            }
        }
    }

    /// Blocks until something changes, then returns the debounced, classified batch.
    /// `None` when the watcher has stopped.
    pub fn next_batch(&mut self) -> Option<Vec<Change>> {
        match self.next_batch_until(None) {
            Next::Batch(changes) => Some(changes),
            Next::Quiet | Next::Stopped => None,
        }
    }

    /// [`Watcher::next_batch`], but gives up with [`Next::Quiet`] when nothing changed
    /// within `quiet`.
    pub fn next_batch_within(&mut self, quiet: Duration) -> Next {
        self.next_batch_until(Some(Instant::now() + quiet))
    }

    fn next_batch_until(&mut self, deadline: Option<Instant>) -> Next {
        loop {
            let first = match deadline {
                None => match self.events.recv() {
                    Ok(event) => event,
                    Err(_) => return Next::Stopped,
                },
                Some(deadline) => {
                    let left = deadline.saturating_duration_since(Instant::now());
                    match self.events.recv_timeout(left) {
                        Ok(event) => event,
                        Err(RecvTimeoutError::Timeout) => return Next::Quiet,
                        Err(RecvTimeoutError::Disconnected) => return Next::Stopped,
                    }
                }
            };
            let started = Instant::now();
            let mut batch = Batch::default();
            batch.add(&self.root, first);
            while let Some(left) = MAX_WAIT.checked_sub(started.elapsed()) {
                match self.events.recv_timeout(QUIET.min(left)) {
                    Ok(event) => batch.add(&self.root, event),
                    Err(RecvTimeoutError::Timeout) => break,
                    Err(RecvTimeoutError::Disconnected) => return Next::Stopped,
                }
            }
            self.watch_source_dirs();
            let changes = batch.into_changes();
            if !changes.is_empty() {
                return Next::Batch(changes);
            }
        }
    }
}

/// What waiting for changes gave.
#[derive(Debug)]
pub enum Next {
    Batch(Vec<Change>),
    /// Nothing changed before the deadline.
    Quiet,
    /// The watcher stopped.
    Stopped,
}

/// Changes gathered during one debounce window, merged per path.
#[derive(Default)]
struct Batch(BTreeMap<PathBuf, Change>);

impl Batch {
    fn add(&mut self, root: &Path, event: notify::Result<notify::Event>) {
        let Ok(event) = event else { return };
        let ops: Vec<(ChangeOp, &PathBuf)> = match event.kind {
            EventKind::Create(_) => with_op(ChangeOp::Created, &event.paths),
            EventKind::Remove(_) => with_op(ChangeOp::Removed, &event.paths),
            EventKind::Modify(ModifyKind::Name(RenameMode::Both)) if event.paths.len() == 2 => {
                vec![
                    (ChangeOp::Removed, &event.paths[0]),
                    (ChangeOp::Created, &event.paths[1]),
                ]
            }
            EventKind::Modify(ModifyKind::Name(RenameMode::From)) => {
                with_op(ChangeOp::Removed, &event.paths)
            }
            EventKind::Modify(ModifyKind::Name(RenameMode::To)) => {
                with_op(ChangeOp::Created, &event.paths)
            }
            EventKind::Modify(ModifyKind::Name(_)) => event
                .paths
                .iter()
                .map(|p| {
                    let op = if p.exists() {
                        ChangeOp::Created
                    } else {
                        ChangeOp::Removed
                    };
                    (op, p)
                })
                .collect(),
            EventKind::Access(_) => Vec::new(),
            _ => with_op(ChangeOp::Modified, &event.paths),
        };
        for (op, path) in ops {
            let Some((kind, relative)) = classify(root, path) else {
                continue;
            };
            self.merge(Change {
                kind,
                op,
                path: relative,
            });
        }
    }

    /// Keeps the net effect: created-then-modified stays created, removed-then-created is a
    /// modification, created-then-removed disappears.
    fn merge(&mut self, change: Change) {
        use ChangeOp::*;
        let Some(previous) = self.0.get(&change.path) else {
            self.0.insert(change.path.clone(), change);
            return;
        };
        let op = match (previous.op, change.op) {
            (Created, Removed) => {
                self.0.remove(&change.path);
                return;
            }
            (Created, _) => Created,
            (Removed, Created) | (Removed, Modified) => Modified,
            (_, op) => op,
        };
        self.0.insert(change.path.clone(), Change { op, ..change });
    }

    fn into_changes(self) -> Vec<Change> {
        self.0.into_values().collect()
    }
}

fn with_op(op: ChangeOp, paths: &[PathBuf]) -> Vec<(ChangeOp, &PathBuf)> {
    paths.iter().map(|p| (op, p)).collect()
}

/// Which part of the site `path` (absolute, under `root`) is, and its root-relative form;
/// `None` for paths gen does not read (output, caches, editor temporary files).
pub fn classify(root: &Path, path: &Path) -> Option<(ChangeKind, PathBuf)> {
    let relative = path.strip_prefix(root).ok()?.to_path_buf();
    let name = relative.file_name()?.to_str()?;
    if is_editor_temp(name) {
        return None;
    }
    let mut parts = relative.components();
    let top = parts.next()?.as_os_str().to_str()?;
    let nested = parts.next().is_some();
    let kind = match top {
        CONFIG_FILE if !nested => ChangeKind::Config,
        "content" => match relative.extension() {
            Some(ext) if ext == "md" => ChangeKind::Page,
            Some(_) => ChangeKind::Asset,
            None => ChangeKind::Page,
        },
        "static" => ChangeKind::Asset,
        "templates" => ChangeKind::Template,
        _ => return None,
    };
    Some((kind, relative))
}

/// Swap, backup and lock files editors write next to the file being edited.
fn is_editor_temp(name: &str) -> bool {
    name.starts_with('.')
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".tmp")
        || (!name.is_empty() && name.bytes().all(|b| b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(path: &str) -> Option<ChangeKind> {
        classify(Path::new("/site"), &Path::new("/site").join(path)).map(|(k, _)| k)
    }

    #[test]
    fn classifies_by_location() {
        assert_eq!(kind("content/py/gc.md"), Some(ChangeKind::Page));
        assert_eq!(kind("content/py"), Some(ChangeKind::Page));
        assert_eq!(kind("content/py/heap.png"), Some(ChangeKind::Asset));
        assert_eq!(kind("static/style.css"), Some(ChangeKind::Asset));
        assert_eq!(kind("templates/page.html"), Some(ChangeKind::Template));
        assert_eq!(kind("gen.toml"), Some(ChangeKind::Config));
        assert_eq!(kind("public/index.html"), None);
        assert_eq!(kind(".gen-cache/x"), None);
        assert_eq!(kind("other/gen.toml"), None);
        assert_eq!(kind("content/.gc.md.swp"), None);
        assert_eq!(kind("content/gc.md~"), None);
        assert_eq!(kind("content/4913"), None);
    }

    fn change(op: ChangeOp, path: &str) -> Change {
        Change {
            kind: ChangeKind::Page,
            op,
            path: path.into(),
        }
    }

    #[test]
    fn merges_to_the_net_effect() {
        use ChangeOp::*;
        let mut batch = Batch::default();
        for (op, path) in [
            (Created, "a.md"),
            (Modified, "a.md"),
            (Created, "b.md"),
            (Removed, "b.md"),
            (Removed, "c.md"),
            (Created, "c.md"),
            (Modified, "d.md"),
            (Removed, "d.md"),
        ] {
            batch.merge(change(op, path));
        }
        assert_eq!(
            batch.into_changes(),
            vec![
                change(Created, "a.md"),
                change(Modified, "c.md"),
                change(Removed, "d.md")
            ]
        );
    }

    #[test]
    fn a_rename_is_a_removal_and_a_creation() {
        let mut batch = Batch::default();
        let event = notify::Event::new(EventKind::Modify(ModifyKind::Name(RenameMode::Both)))
            .add_path("/site/content/old.md".into())
            .add_path("/site/content/new.md".into());
        batch.add(Path::new("/site"), Ok(event));
        assert_eq!(
            batch.into_changes(),
            vec![
                change(ChangeOp::Created, "content/new.md"),
                change(ChangeOp::Removed, "content/old.md")
            ]
        );
    }

    #[test]
    fn sees_an_edit_on_disk() {
        let root = std::env::temp_dir().join(format!("gen-watcher-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        std::fs::create_dir_all(root.join("content")).unwrap();
        let mut watcher = Watcher::new(&root).unwrap();
        std::fs::write(root.join("content/note.md"), "# hi\n").unwrap();
        let batch = watcher.next_batch().unwrap();
        assert!(batch.iter().any(|c| c.path == Path::new("content/note.md")
            && c.kind == ChangeKind::Page
            && c.op == ChangeOp::Created));
        std::fs::remove_dir_all(root).unwrap();
    }
}
