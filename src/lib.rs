//! fairmatch: run a recruitment fair from one window.
//!
//! Layers, each usable alone, data flowing one way:
//! - [`text`]: normalization and comparison keys (width, phone, email, pinyin) used by all layers.
//! - [`model`]: the fair as plain serde data, validation, the skills dictionary.
//! - [`matching`]: pure scoring, top-K ranking, incremental updates, allocation.
//! - [`insight`]: the fair in figures (counts, funnel, supply and demand, engagement), floor plan.
//! - [`schedule`]: interview timetables from allocations and invitations, and their rules.
//! - [`store`]: RON fair files, CSV import/export.
//! - [`report`]: the fair report as PDF or Excel workbook, from [`insight`].
//! - [`generate`]: deterministic synthetic fairs at any scale.
//! - [`app`]: application state, the only writer of the fair: undoable edits, desk actions,
//!   live re-matching, and jobs for files and slow work.
//! - [`ui`]: egui views; they read [`app`] state and push commands, applied after each frame.
//! - [`cli`]: the headless commands.

pub mod app;
pub mod cli;
pub mod generate;
pub mod insight;
pub mod matching;
pub mod model;
pub mod report;
pub mod schedule;
pub mod store;
pub mod sync;
pub mod text;
#[cfg(feature = "gui")]
pub mod ui;
