//! The site's search index, built with the site for `static/_gen/search.js`. Every page
//! is cut into sections at its headings ([`sections`]), the sections' text is tokenized
//! ([`tokenize`]: words, and CJK as character bigrams) and each (term, section) pair gets
//! a BM25 score, quantized to an integer, at build time; the browser only adds scores.
//!
//! Files: `_gen/search/index.json` (pages, sections, terms → postings), fetched the first
//! time a reader opens search, and `_gen/search/<page>.json` (the page's section texts),
//! fetched for the results shown, to cut excerpts from.

pub mod sections;
pub mod tokenize;

use std::collections::BTreeMap;
use std::io::Write;

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

/// What the index holds and weighs, for the build's report.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stats {
    pub pages: usize,
    pub sections: usize,
    pub terms: usize,
    pub index_bytes: usize,
    pub index_gzip_bytes: usize,
    /// The per-page section texts, all files together.
    pub text_bytes: usize,
}

impl Stats {
    /// One line for the build output.
    pub fn summary(&self) -> String {
        format!(
            "search index: {} ({} gzipped) for {} pages, {} sections, {} terms, loaded on first search; excerpt texts {} in {} files",
            kb(self.index_bytes),
            kb(self.index_gzip_bytes),
            self.pages,
            self.sections,
            self.terms,
            kb(self.text_bytes),
            self.pages
        )
    }
}

fn kb(bytes: usize) -> String {
    format!("{:.1} KB", bytes as f64 / 1024.0)
}

/// `index.json` as the browser reads it.
#[derive(Serialize)]
struct Index<'a> {
    /// The format version `search.js` expects.
    v: u32,
    /// `[title, url]` per page.
    pages: Vec<(&'a str, String)>,
    /// `[page, heading, id]` per section.
    sections: Vec<(usize, &'a str, &'a str)>,
    /// term → `[section delta, score, section delta, score, …]`, sections ascending.
    terms: BTreeMap<String, Vec<u32>>,
}

/// Builds the index and the per-page text files.
pub fn build(config: &Config, lib: &Library, rendered: &[Rendered]) -> (Vec<OutFile>, Stats) {
    let pages: Vec<usize> = lib
        .reading_order()
        .into_iter()
        .filter(|&i| is_searchable(lib, i))
        .collect();
    let split: Vec<Vec<sections::Section>> = pages
        .iter()
        .map(|&i| sections::split(&rendered[i].html))
        .collect();

    // Term frequencies (field-weighted) and lengths per section.
    let mut postings: BTreeMap<String, Vec<(u32, f64)>> = BTreeMap::new();
    let mut lengths: Vec<f64> = Vec::new();
    let mut index = Index {
        v: 1,
        pages: Vec::with_capacity(pages.len()),
        sections: Vec::new(),
        terms: BTreeMap::new(),
    };
    for (k, (&i, secs)) in pages.iter().zip(&split).enumerate() {
        let page = &lib.pages[i];
        index.pages.push((
            page.title.as_str(),
            format!("{}{}", config.base_path, page.path),
        ));
        for (s, section) in secs.iter().enumerate() {
            let doc = u32::try_from(index.sections.len()).unwrap_or(u32::MAX);
            index
                .sections
                .push((k, section.heading.as_str(), section.id.as_str()));
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
    for (term, list) in postings {
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
        index.terms.insert(term, flat);
    }

    let json = serde_json::to_string(&index).expect("the index serializes");
    let mut stats = Stats {
        pages: pages.len(),
        sections: index.sections.len(),
        terms: index.terms.len(),
        index_bytes: json.len(),
        index_gzip_bytes: gzip_len(json.as_bytes()),
        text_bytes: 0,
    };
    let mut files = vec![OutFile::Text {
        rel: INDEX_PATH.to_string(),
        text: json,
    }];
    for (k, secs) in split.iter().enumerate() {
        let texts: Vec<&str> = secs.iter().map(|s| s.text.as_str()).collect();
        let text = serde_json::to_string(&texts).expect("texts serialize");
        stats.text_bytes += text.len();
        files.push(OutFile::Text {
            rel: format!("_gen/search/{k}.json"),
            text,
        });
    }
    (files, stats)
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
