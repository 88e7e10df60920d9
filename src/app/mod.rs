//! Application state and edits. Views emit edits; only this layer applies them.

pub mod fairday;
pub mod merge;
