//! Deterministic synthetic fairs.
