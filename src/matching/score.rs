//! Resolved, dense forms of candidates and positions, and the one scoring kernel every path uses.
//!
//! Every path computes a pair's numbers with [`combine`]: one pair at a time through
//! [`evaluate`] (incremental updates, `explain`), or a [`Block`] of a row's pairs at once (full
//! build, allocation). So a pair gets bit-identical numbers whichever way it was reached.
//!
//! The parts: [`records`] (the dense forms and how fair records resolve into them), [`rules`]
//! (weights, hard rules, a pair's inputs and [`combine`]) and [`block`] (a row's pairs scored
//! on vector lanes).

mod block;
mod records;
mod rules;

pub(crate) use block::Block;
pub(crate) use records::{
    BoothVisits, Cand, Ids, Interner, KnownIds, Pos, PosHot, SkillBits, city_key, resolve_candidate, resolve_position,
    summarize_visits,
};
pub use rules::Rule;
#[cfg(test)]
pub(crate) use rules::{PairInputs, combine};
pub(crate) use rules::{
    PairScore, Weights, evaluate, evaluate_all, exact_increment, exact_required, fit_inputs, hard_rules_at, inputs,
};
