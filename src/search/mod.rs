//! The site's search index, built with the site for `static/_gen/search.js`. Every page
//! is cut into sections at its headings ([`sections`]), the sections' text is tokenized
//! ([`tokenize`]: words, and CJK as character bigrams) and each (term, section) pair gets
//! a BM25 score, quantized to an integer, at build time; the browser only adds scores.
//!
//! Files, under `_gen/search/`, sized so that a query on a large site fetches little and
//! the build writes few files:
//! - `index.json`: every page's `[title, url, number of sections]`, the number of term
//!   shards and the first page of each text chunk; fetched when a reader opens search.
//! - `t<k>.json`: one shard of the terms (by their first characters, [`shard_of`]), each
//!   with its postings `[section delta, score, …]`; a query fetches the shards of its
//!   terms.
//! - `p<k>.json`: consecutive pages' sections as `[heading, id, text]`, fetched for the
//!   results shown, to title them and cut excerpts.

pub mod sections;
pub mod tokenize;

use std::collections::BTreeMap;
use std::io::Write;

use rayon::prelude::*;
use serde::Serialize;

use crate::config::Config;
use crate::content::Library;
use crate::markdown::Rendered;
use crate::output::OutFile;

/// Where the index is written, relative to the output root (`search.js` knows it).
pub const INDEX_PATH: &str = "_gen/search/index.json";

/// BM25's parameters (the usual ones).
const K1: f64 = 1.2;
const B: f64 = 0.75;
/// How much a term in a section's heading counts against one in its text; the page's
/// title is the heading of its first section and counts once in every other section.
const HEADING_WEIGHT: f64 = 3.0;
const PAGE_TITLE_WEIGHT: f64 = 1.0;
/// Scores are stored as integers: tenths.
const SCORE_SCALE: f64 = 10.0;
/// The size a term shard and a text chunk aim at.
const SHARD_BYTES: usize = 48 * 1024;
const CHUNK_BYTES: usize = 64 * 1024;
const MAX_SHARDS: usize = 512;

/// What the index holds and weighs, for the build's report.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stats {
    pub pages: usize,
    pub sections: usize,
    pub terms: usize,
    pub shards: usize,
    /// `index.json` and every term shard together, raw and gzipped.
    pub index_bytes: usize,
    pub index_gzip_bytes: usize,
    pub largest_shard_bytes: usize,
    /// The text chunks together.
    pub text_bytes: usize,
    pub chunks: usize,
}

impl Stats {
    /// One line for the build output.
    pub fn summary(&self) -> String {
        format!(
            "search index: {} ({} gzipped) for {} pages, {} sections, {} terms in {} (largest {}); excerpt texts {} in {}; nothing loads before a reader searches",
            kb(self.index_bytes),
            kb(self.index_gzip_bytes),
            self.pages,
            self.sections,
            self.terms,
            plural(self.shards, "shard"),
            kb(self.largest_shard_bytes),
            kb(self.text_bytes),
            plural(self.chunks, "file"),
        )
    }
}

fn kb(bytes: usize) -> String {
    format!("{:.1} KB", bytes as f64 / 1024.0)
}

fn plural(n: usize, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
}

/// `index.json` as the browser reads it.
#[derive(Serialize)]
struct Index<'a> {
    /// The format version `search.js` expects.
    v: u32,
    /// How many `t<k>.json` files the terms are spread over.
    shards: usize,
    /// `[title, url, sections]` per page; sections are numbered page after page.
    pages: Vec<(&'a str, String, usize)>,
    /// The first page of each `p<k>.json`.
    chunks: Vec<usize>,
}

/// Builds the index files.
pub fn build(config: &Config, lib: &Library, rendered: &[Rendered]) -> (Vec<OutFile>, Stats) {
    let pages: Vec<usize> = lib
        .reading_order()
        .into_iter()
        .filter(|&i| is_searchable(lib, i))
        .collect();
    let split: Vec<Vec<sections::Section>> = pages
        .par_iter()
        .map(|&i| sections::split(&rendered[i].html))
        .collect();

    // Term frequencies (field-weighted) and lengths per section.
    let mut postings: BTreeMap<String, Vec<(u32, f64)>> = BTreeMap::new();
    let mut lengths: Vec<f64> = Vec::new();
    for (&i, secs) in pages.iter().zip(&split) {
        let page = &lib.pages[i];
        for (s, section) in secs.iter().enumerate() {
            let doc = u32::try_from(lengths.len()).unwrap_or(u32::MAX);
            let mut tf: BTreeMap<String, f64> = BTreeMap::new();
            let mut len = count(&section.text, 1.0, &mut tf);
            if s == 0 && section.id.is_empty() {
                len += count(&page.title, HEADING_WEIGHT, &mut tf);
            } else {
                len += count(&section.heading, HEADING_WEIGHT, &mut tf);
                count(&page.title, PAGE_TITLE_WEIGHT, &mut tf);
            }
            lengths.push(len.max(1.0));
            for (term, f) in tf {
                postings.entry(term).or_default().push((doc, f));
            }
        }
    }

    let n = lengths.len() as f64;
    let avg = lengths.iter().sum::<f64>() / n.max(1.0);
    let terms: Vec<(String, Vec<u32>)> = postings
        .into_iter()
        .map(|(term, list)| {
            let df = list.len() as f64;
            let idf = (1.0 + (n - df + 0.5) / (df + 0.5)).ln();
            let mut flat = Vec::with_capacity(list.len() * 2);
            let mut prev = 0;
            for (doc, tf) in list {
                let dl = lengths[doc as usize];
                let score = idf * tf * (K1 + 1.0) / (tf + K1 * (1.0 - B + B * dl / avg));
                flat.push(doc - prev);
                flat.push(((score * SCORE_SCALE).round() as u32).max(1));
                prev = doc;
            }
            (term, flat)
        })
        .collect();

    let mut stats = Stats {
        pages: pages.len(),
        sections: lengths.len(),
        terms: terms.len(),
        ..Stats::default()
    };
    let mut files = Vec::new();
    let shards = shard_files(terms, &mut files, &mut stats);
    let texts: Vec<String> = split
        .iter()
        .map(|secs| {
            let rows: Vec<(&str, &str, &str)> = secs
                .iter()
                .map(|s| (s.heading.as_str(), s.id.as_str(), s.text.as_str()))
                .collect();
            serde_json::to_string(&rows).expect("texts serialize")
        })
        .collect();
    let chunks = chunk_files(&texts, &mut files, &mut stats);
    let index = Index {
        v: 2,
        shards,
        pages: pages
            .iter()
            .zip(&split)
            .map(|(&i, secs)| {
                let page = &lib.pages[i];
                (
                    page.title.as_str(),
                    format!("{}{}", config.base_path, page.path),
                    secs.len(),
                )
            })
            .collect(),
        chunks,
    };
    let json = serde_json::to_string(&index).expect("the index serializes");
    stats.index_bytes += json.len();
    stats.index_gzip_bytes += gzip_len(json.as_bytes());
    files.push(OutFile::Text {
        rel: INDEX_PATH.to_string(),
        text: json,
    });
    (files, stats)
}

/// Spreads the terms over `t<k>.json` files by their first character; returns how many.
fn shard_files(
    terms: Vec<(String, Vec<u32>)>,
    files: &mut Vec<OutFile>,
    stats: &mut Stats,
) -> usize {
    let estimate: usize = terms.iter().map(|(t, p)| t.len() + 4 + p.len() * 4).sum();
    let count = estimate.div_ceil(SHARD_BYTES).clamp(1, MAX_SHARDS);
    let mut shards: Vec<BTreeMap<String, Vec<u32>>> = vec![BTreeMap::new(); count];
    for (term, list) in terms {
        shards[shard_of(&term, count)].insert(term, list);
    }
    for (k, shard) in shards.iter().enumerate() {
        let json = serde_json::to_string(shard).expect("a shard serializes");
        stats.index_bytes += json.len();
        stats.index_gzip_bytes += gzip_len(json.as_bytes());
        stats.largest_shard_bytes = stats.largest_shard_bytes.max(json.len());
        files.push(OutFile::Text {
            rel: format!("_gen/search/t{k}.json"),
            text: json,
        });
    }
    stats.shards = count;
    count
}

/// The shard of a term (`search.js` computes the same): a word's first character's code
/// point modulo the number of shards, so that every word a prefix matches is in one
/// shard; for CJK terms (never prefix-matched) the sum of both characters' code points,
/// which spreads a frequent character's bigrams.
fn shard_of(term: &str, count: usize) -> usize {
    let mut chars = term.chars().map(|c| c as usize);
    let Some(first) = chars.next() else {
        return 0;
    };
    let key = if tokenize::is_cjk(char::from_u32(first as u32).unwrap_or(' ')) {
        first + chars.next().unwrap_or(0)
    } else {
        first
    };
    key % count
}

/// Writes the pages' section texts, in order, into `p<k>.json` files of about
/// [`CHUNK_BYTES`]; returns the first page of each.
fn chunk_files(texts: &[String], files: &mut Vec<OutFile>, stats: &mut Stats) -> Vec<usize> {
    let mut firsts = Vec::new();
    let mut start = 0;
    while start < texts.len() {
        let mut end = start + 1;
        let mut size = texts[start].len();
        while end < texts.len() && size + texts[end].len() <= CHUNK_BYTES {
            size += texts[end].len();
            end += 1;
        }
        let text = format!("[{}]", texts[start..end].join(","));
        stats.text_bytes += text.len();
        files.push(OutFile::Text {
            rel: format!("_gen/search/p{}.json", firsts.len()),
            text,
        });
        firsts.push(start);
        start = end;
    }
    stats.chunks = firsts.len();
    firsts
}

/// Adds `text`'s terms to `tf` with `weight`; returns its length in tokens.
fn count(text: &str, weight: f64, tf: &mut BTreeMap<String, f64>) -> f64 {
    tokenize::index_terms(text, |t| *tf.entry(t.to_string()).or_default() += weight) as f64
}

/// False for the pages that say `search: false` in their frontmatter (as in VitePress).
fn is_searchable(lib: &Library, i: usize) -> bool {
    lib.pages[i].front.extra.get("search") != Some(&serde_json::Value::Bool(false))
}

/// The size of `bytes` gzipped, as a static host would send them.
fn gzip_len(bytes: &[u8]) -> usize {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    let _ = encoder.write_all(bytes);
    encoder.finish().map_or(0, |v| v.len())
}
