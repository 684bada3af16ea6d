//! Text conversions: `repr` / `str` of every type (`repr.rs`), float to text as
//! CPython's `PyOS_double_to_string` (`float.rs`), the format-spec mini-language
//! (`spec.rs`), `%`-formatting (`printf.rs`) and `str.format` (`strformat.rs`).

pub mod float;
pub mod printf;
pub mod repr;
pub mod spec;
pub mod strformat;
