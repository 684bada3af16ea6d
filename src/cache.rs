//! The build cache: string values stored by a hash of their key, in memory and, when a
//! directory is given (the site's `.gen-cache/`), on disk so they survive between builds.
//!
//! The hash is 128-bit FNV-1a: stable across Rust versions and platforms (unlike std's
//! `DefaultHasher`), dependency-free and fast on the few kilobytes of a snippet. It is not
//! collision-resistant against an adversary, so every entry also stores its full key and a
//! lookup only hits when the stored key equals the requested one: a collision or a corrupt
//! or truncated file is a miss, never a wrong value and never an error. Files are written
//! to a temporary name and renamed into place, so a crash never leaves half an entry.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, RwLock};

use serde::{Deserialize, Serialize};

/// One stored value with the key it was stored under.
#[derive(Debug, Serialize, Deserialize)]
struct Entry {
    key: String,
    value: String,
}

/// A thread-safe cache shared by all pages of a build.
#[derive(Debug, Default)]
pub struct Cache {
    dir: Option<PathBuf>,
    memory: RwLock<HashMap<u128, Arc<Entry>>>,
    temp_counter: AtomicU64,
    hits: AtomicU64,
    misses: AtomicU64,
}

impl Cache {
    /// A cache that lives as long as the process.
    pub fn in_memory() -> Self {
        Cache::default()
    }

    /// A cache that also persists entries under `dir` (created when first written).
    pub fn on_disk(dir: impl Into<PathBuf>) -> Self {
        Cache {
            dir: Some(dir.into()),
            ..Cache::default()
        }
    }

    /// The value stored for `key` in `namespace`, from memory or disk.
    pub fn get(&self, namespace: &str, key: &str) -> Option<String> {
        let hash = hash(namespace, key);
        let found = self
            .get_memory(hash, key)
            .or_else(|| self.get_disk(namespace, hash, key));
        let counter = if found.is_some() {
            &self.hits
        } else {
            &self.misses
        };
        counter.fetch_add(1, Ordering::Relaxed);
        found
    }

    /// Stores `value` for `key` in `namespace`. Disk failures are ignored: the cache only
    /// ever saves work.
    pub fn put(&self, namespace: &str, key: &str, value: &str) {
        let hash = hash(namespace, key);
        let entry = Arc::new(Entry {
            key: key.to_owned(),
            value: value.to_owned(),
        });
        if let Some(path) = self.path(namespace, hash) {
            self.write_disk(&path, &entry);
        }
        if let Ok(mut memory) = self.memory.write() {
            memory.insert(hash, entry);
        }
    }

    /// `(hits, misses)` since the cache was created.
    pub fn stats(&self) -> (u64, u64) {
        (
            self.hits.load(Ordering::Relaxed),
            self.misses.load(Ordering::Relaxed),
        )
    }

    fn get_memory(&self, hash: u128, key: &str) -> Option<String> {
        let memory = self.memory.read().ok()?;
        let entry = memory.get(&hash)?;
        (entry.key == key).then(|| entry.value.clone())
    }

    fn get_disk(&self, namespace: &str, hash: u128, key: &str) -> Option<String> {
        let text = std::fs::read_to_string(self.path(namespace, hash)?).ok()?;
        let entry: Entry = serde_json::from_str(&text).ok()?;
        if entry.key != key {
            return None;
        }
        let value = entry.value.clone();
        if let Ok(mut memory) = self.memory.write() {
            memory.insert(hash, Arc::new(entry));
        }
        Some(value)
    }

    fn path(&self, namespace: &str, hash: u128) -> Option<PathBuf> {
        Some(
            self.dir
                .as_ref()?
                .join(namespace)
                .join(format!("{hash:032x}.json")),
        )
    }

    fn write_disk(&self, path: &std::path::Path, entry: &Entry) {
        let (Some(parent), Ok(text)) = (path.parent(), serde_json::to_string(entry)) else {
            return;
        };
        if std::fs::create_dir_all(parent).is_err() {
            return;
        }
        let n = self.temp_counter.fetch_add(1, Ordering::Relaxed);
        let temp = path.with_extension(format!("{}.{n}.tmp", std::process::id()));
        if std::fs::write(&temp, text).is_err() || std::fs::rename(&temp, path).is_err() {
            let _ = std::fs::remove_file(&temp);
        }
    }
}

/// FNV-1a, 128-bit, over the namespace, a separator and the key.
fn hash(namespace: &str, key: &str) -> u128 {
    const OFFSET: u128 = 0x6c62272e07bb014262b821756295c58d;
    const PRIME: u128 = 0x0000000001000000000000000000013B;
    let bytes = namespace.bytes().chain([0u8]).chain(key.bytes());
    bytes.fold(OFFSET, |h, b| (h ^ u128::from(b)).wrapping_mul(PRIME))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_dir(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("gen-cache-test-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        dir
    }

    #[test]
    fn fnv1a_128_matches_the_reference_vectors() {
        // FNV-1a 128 of "" is the offset basis; of "a" it is the published test vector.
        let h = |s: &str| {
            s.bytes()
                .fold(0x6c62272e07bb014262b821756295c58d_u128, |h, b| {
                    (h ^ u128::from(b)).wrapping_mul(0x0000000001000000000000000000013B)
                })
        };
        assert_eq!(h("a"), 0xd228cb696f1a8caf78912b704e4a8964);
        assert_ne!(hash("exec", "a"), hash("mermaid", "a"));
    }

    #[test]
    fn miss_then_hit_in_memory() {
        let cache = Cache::in_memory();
        assert_eq!(cache.get("exec", "k"), None);
        cache.put("exec", "k", "v");
        assert_eq!(cache.get("exec", "k").as_deref(), Some("v"));
        assert_eq!(cache.get("other", "k"), None);
        assert_eq!(cache.stats(), (1, 2));
    }

    #[test]
    fn entries_survive_a_new_cache_on_the_same_directory() {
        let dir = temp_dir("persist");
        Cache::on_disk(&dir).put("exec", "key", "value");
        let again = Cache::on_disk(&dir);
        assert_eq!(again.get("exec", "key").as_deref(), Some("value"));
        let files: Vec<_> = std::fs::read_dir(dir.join("exec")).unwrap().collect();
        assert_eq!(files.len(), 1, "no temporary file left behind");
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn corrupt_or_foreign_entries_are_misses() {
        let dir = temp_dir("corrupt");
        let cache = Cache::on_disk(&dir);
        cache.put("exec", "key", "value");
        let path = cache.path("exec", hash("exec", "key")).unwrap();
        std::fs::write(&path, "{\"key\": \"key\", \"val").unwrap();
        assert_eq!(Cache::on_disk(&dir).get("exec", "key"), None);
        std::fs::write(&path, r#"{"key":"another key","value":"wrong"}"#).unwrap();
        assert_eq!(Cache::on_disk(&dir).get("exec", "key"), None);
        let _ = std::fs::remove_dir_all(&dir);
    }
}
