//! Build script: precompiles syntect's syntax and theme sets into uncompressed binary
//! dumps in OUT_DIR, so `gen` never parses syntax definitions at start-up (it loads the
//! dumps lazily with `from_uncompressed_data`). Extra grammars in `syntaxes/` (those the
//! default set lacks, such as TOML) are compiled in beside syntect's defaults.

use std::path::PathBuf;

use syntect::dumps::dump_to_uncompressed_file;
use syntect::highlighting::ThemeSet;
use syntect::parsing::SyntaxSet;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=syntaxes");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));

    let mut builder = SyntaxSet::load_defaults_newlines().into_builder();
    builder
        .add_from_folder("syntaxes", true)
        .expect("the grammars in syntaxes/ load");
    let syntaxes = builder.build();
    dump_to_uncompressed_file(&syntaxes, out.join("syntaxes.bin")).expect("dump syntaxes");

    let themes = ThemeSet::load_defaults();
    dump_to_uncompressed_file(&themes, out.join("themes.bin")).expect("dump themes");
}
