//! A block of one row's pairs, scored together on vector lanes.

use super::records::Cand;
use super::rules::{PairInputs, PairScore, Weights, below_threshold, combine};

/// Pairs per [`Block`].
const BLOCK: usize = 64;

/// One candidate's pairs, gathered a block at a time and scored together: the inputs are read
/// pair by pair, then [`combine`] runs over the whole block as one loop on vector lanes. The
/// numbers are those [`evaluate`](super::rules::evaluate) gives, lane for lane.
#[derive(Debug)]
pub(crate) struct Block {
    len: usize,
    slot: [u32; BLOCK],
    /// The index count of each pair (see [`exact_required`](super::rules::exact_required)), for
    /// [`Block::flush_fit`].
    raw_exact: [u32; BLOCK],
    exact: [u32; BLOCK],
    group_only: [u32; BLOCK],
    required_len: [f32; BLOCK],
    matched: [u32; BLOCK],
    preferred_len: [f32; BLOCK],
    edu_gap: [i32; BLOCK],
    min_experience: [f32; BLOCK],
    bonus: [f32; BLOCK],
    has_salary: [bool; BLOCK],
    salary_max: [f32; BLOCK],
    city: [f32; BLOCK],
    industry: [f32; BLOCK],
    work_mode: [f32; BLOCK],
    /// Per candidate: the same for every pair of the block.
    experience: f32,
    expected: f32,
}

impl Block {
    pub fn new() -> Box<Self> {
        Box::new(Self {
            len: 0,
            slot: [0; BLOCK],
            raw_exact: [0; BLOCK],
            exact: [0; BLOCK],
            group_only: [0; BLOCK],
            required_len: [0.0; BLOCK],
            matched: [0; BLOCK],
            preferred_len: [0.0; BLOCK],
            edu_gap: [0; BLOCK],
            min_experience: [0.0; BLOCK],
            bonus: [0.0; BLOCK],
            has_salary: [false; BLOCK],
            salary_max: [0.0; BLOCK],
            city: [0.0; BLOCK],
            industry: [0.0; BLOCK],
            work_mode: [0.0; BLOCK],
            experience: 0.0,
            expected: 0.0,
        })
    }

    /// Starts a row of candidate `c`: empty, with the candidate's own inputs.
    pub fn begin(&mut self, c: &Cand) {
        self.len = 0;
        self.experience = f32::from(c.experience);
        self.expected = c.expected_salary.unwrap_or(0) as f32;
    }

    /// Adds one pair that passed [`hard_rules`](super::rules::hard_rules); true when the block is
    /// now full.
    #[inline(always)]
    pub fn push(&mut self, slot: u32, x: &PairInputs) -> bool {
        let i = self.len;
        self.store_fit_inputs(i, slot, x);
        self.has_salary[i] = x.has_salary;
        self.salary_max[i] = x.salary_max;
        self.city[i] = x.city;
        self.industry[i] = x.industry;
        self.work_mode[i] = x.work_mode;
        self.len += 1;
        self.len == BLOCK
    }

    /// Adds one pair that passed [`hard_rules`](super::rules::hard_rules) with its
    /// [`fit_inputs`](super::rules::fit_inputs) only, for [`Block::flush_fit`]; true when the
    /// block is now full.
    #[inline(always)]
    pub fn push_fit(&mut self, slot: u32, raw_exact: u32, x: &PairInputs) -> bool {
        let i = self.len;
        self.store_fit_inputs(i, slot, x);
        self.raw_exact[i] = raw_exact;
        self.len += 1;
        self.len == BLOCK
    }

    #[inline(always)]
    fn store_fit_inputs(&mut self, i: usize, slot: u32, x: &PairInputs) {
        self.slot[i] = slot;
        self.exact[i] = x.exact;
        self.group_only[i] = x.group_only;
        self.required_len[i] = x.required_len;
        self.matched[i] = x.matched;
        self.preferred_len[i] = x.preferred_len;
        self.edu_gap[i] = x.edu_gap;
        self.min_experience[i] = x.min_experience;
        self.bonus[i] = x.bonus;
    }

    /// Lane `i`'s inputs. Lanes past `len` hold inputs of earlier pairs or zeros.
    #[inline(always)]
    fn lane(&self, i: usize) -> PairInputs {
        PairInputs {
            exact: self.exact[i],
            group_only: self.group_only[i],
            required_len: self.required_len[i],
            matched: self.matched[i],
            preferred_len: self.preferred_len[i],
            edu_gap: self.edu_gap[i],
            experience: self.experience,
            min_experience: self.min_experience[i],
            bonus: self.bonus[i],
            has_salary: self.has_salary[i],
            salary_max: self.salary_max[i],
            expected: self.expected,
            city: self.city[i],
            industry: self.industry[i],
            work_mode: self.work_mode[i],
        }
    }

    /// Computes the fit of the pairs added with [`Block::push_fit`] since the last flush and
    /// calls `emit(slot, raw_exact, fit)` for each, in the order they were added.
    #[inline]
    pub fn flush_fit(&mut self, w: &Weights, mut emit: impl FnMut(u32, u32, f32)) {
        let mut fit = [0.0f32; BLOCK];
        // The appeal's inputs are left over from earlier pairs; only the fit is used.
        for (i, fit) in fit.iter_mut().enumerate() {
            *fit = combine(w, &self.lane(i)).0.fit;
        }
        for ((&slot, &raw_exact), &fit) in self.slot.iter().zip(&self.raw_exact).zip(&fit).take(self.len) {
            emit(slot, raw_exact, fit);
        }
        self.len = 0;
    }

    /// Scores the pairs added since the last flush and calls `emit(slot, score)` for each one
    /// above the threshold, in the order they were added.
    #[inline]
    pub fn flush(&mut self, w: &Weights, emit: impl FnMut(u32, PairScore)) {
        #[cfg(target_arch = "x86_64")]
        if std::arch::is_x86_feature_detected!("avx2") {
            // SAFETY: the CPU has AVX2, as just checked.
            return unsafe { self.flush_avx2(w, emit) };
        }
        self.flush_lanes(w, emit)
    }

    /// [`Block::flush`] on eight lanes at a time where the CPU can. The same operations in the
    /// same order, so the same numbers (Rust never fuses a multiply and an add on its own); the
    /// tests that compare the full build with one-pair scoring check it, lane for lane.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2")]
    fn flush_avx2(&mut self, w: &Weights, emit: impl FnMut(u32, PairScore)) {
        self.flush_lanes(w, emit)
    }

    #[inline(always)]
    fn flush_lanes(&mut self, w: &Weights, mut emit: impl FnMut(u32, PairScore)) {
        let mut fit = [0.0f32; BLOCK];
        let mut appeal = [0.0f32; BLOCK];
        let mut score = [0.0f32; BLOCK];
        let mut keep = [false; BLOCK];
        // Every lane, used or not, so the loop has a fixed length; unused lanes hold inputs of
        // earlier pairs or zeros and are never emitted.
        for i in 0..BLOCK {
            let x = self.lane(i);
            let (s, _) = combine(w, &x);
            fit[i] = s.fit;
            appeal[i] = s.appeal;
            score[i] = s.score;
            keep[i] = !below_threshold(w, &s);
        }
        for i in 0..self.len {
            if keep[i] {
                emit(
                    self.slot[i],
                    PairScore {
                        fit: fit[i],
                        appeal: appeal[i],
                        score: score[i],
                    },
                );
            }
        }
        self.len = 0;
    }
}
