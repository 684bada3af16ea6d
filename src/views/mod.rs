//! The run panel drawn under each executed fence, from a simulator's `gen_trace::Outcome`.

pub mod html;
