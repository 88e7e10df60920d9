//! Scoring one candidate's row or one position's column: the pairs that share a skill are
//! gathered through the indexes, the hard rules pass or drop them, and the scoring kernel
//! scores the rest in blocks. Every build, edit and allocation rescan goes through here.

use super::Matcher;
use super::keys::{from_total_order_bits, score_key};
use super::lists::Entry;
use super::score;

/// Reusable counts for gathering the pairs that share a skill. Marked slots come back in
/// ascending order, so scoring walks the dense position records forwards.
#[derive(Debug, Default)]
pub(super) struct Scratch {
    count: Vec<u32>,
    /// Bit per slot: counted since the last [`Scratch::take`].
    marks: Vec<u64>,
    bits: score::SkillBits,
    /// Made on first use, so that an empty `Scratch` (taken for every edit) costs nothing.
    block: Option<Box<score::Block>>,
    /// The marked slots of one row with their counts, in ascending order: one slot per
    /// position, of which a row uses a prefix.
    found: Vec<(u32, u32)>,
}

impl Scratch {
    /// Makes room for `size` slots; counts and marks are all zero between uses.
    fn begin(&mut self, size: usize) {
        if self.count.len() < size {
            self.count.resize(size, 0);
            self.marks.resize(size.div_ceil(64), 0);
        }
    }

    #[inline]
    fn add(&mut self, slot: u32, increment: u32) {
        let i = slot as usize;
        self.count[i] += increment;
        self.marks[i / 64] |= 1 << (i % 64);
    }

    /// Calls `f(slot, count)` for every marked slot in ascending order, leaving all zero.
    #[inline]
    fn take(count: &mut [u32], marks: &mut [u64], mut f: impl FnMut(u32, u32)) {
        for (w, word) in marks.iter_mut().enumerate() {
            let mut bits = std::mem::take(word);
            while bits != 0 {
                let slot = w * 64 + bits.trailing_zeros() as usize;
                bits &= bits - 1;
                f(slot as u32, std::mem::take(&mut count[slot]));
            }
        }
    }
}

/// The pairs of one candidate's row an allocation rescan wants: those that could displace the
/// worst candidate a position holds.
pub(super) struct Wanted<'a> {
    /// Per position slot, the [`score_key`] of the worst held (fit, candidate id rank): 0 while
    /// the position has room, `u64::MAX` when it has none.
    pub(super) bars: &'a [u64],
    /// Per position slot, [`score::Weights::exact_needed`] for the fit of its bar: a pair of an
    /// unrated candidate with fewer exactly matched required skills cannot displace, and is
    /// dropped before its position's record is read.
    pub(super) need_exact: &'a [u8],
    /// The candidate's id rank.
    pub(super) rank: u32,
}

/// [`Wanted::need_exact`] for `bars`.
pub(super) fn exact_needed_for(w: &score::Weights, hot: &[score::PosHot], bars: &[u64]) -> Vec<u8> {
    bars.iter()
        .zip(hot)
        .map(|(&bar, h)| match bar {
            0 => 0,
            u64::MAX => u8::MAX,
            _ => w.exact_needed(h.required_len, from_total_order_bits((bar >> 32) as u32)),
        })
        .collect()
}

impl Wanted<'_> {
    /// Whether a pair with this position and this fit could displace.
    #[inline]
    pub(super) fn admits(&self, position: u32, fit: f32) -> bool {
        score_key(fit, self.rank) > self.bars[position as usize]
    }
}

/// Asks the CPU to bring `value` into cache ahead of its use.
#[inline(always)]
fn prefetch<T>(value: &T) {
    prefetch_at(value as *const T);
}

/// [`prefetch`] for an address that need not point at anything.
#[inline(always)]
pub(super) fn prefetch_at<T>(address: *const T) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch is only a hint; it never faults, whatever the address.
    unsafe {
        std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>(address.cast());
    }
}

impl Matcher {
    /// Eligible pairs of one candidate (unsorted).
    pub(super) fn score_row(&self, c: u32, scratch: &mut Scratch, out: &mut Vec<Entry>) {
        self.score_row_where(c, scratch, out, None);
    }

    /// Like [`Matcher::score_row`], but when `wanted` is given, pairs whose fit it does not
    /// admit are left out without their appeal being computed.
    pub(super) fn score_row_where(&self, c: u32, scratch: &mut Scratch, out: &mut Vec<Entry>, wanted: Option<&Wanted>) {
        self.score_row_with(c, scratch, wanted, |p, s| out.push(Entry::scored(p, s)));
    }

    /// Calls `emit(position slot, scores)` for each eligible pair of candidate `c` (that `wanted`
    /// admits, when given), in ascending slot order.
    #[inline(always)]
    pub(super) fn score_row_with(
        &self,
        c: u32,
        scratch: &mut Scratch,
        wanted: Option<&Wanted>,
        mut emit: impl FnMut(u32, score::PairScore),
    ) {
        let cand = &self.cands[c as usize];
        if !cand.alive {
            return;
        }
        scratch.begin(self.poss.len());
        let (modes, education) = (cand.mode_rank, cand.education);
        for &s in cand.skills.iter() {
            let inc = score::exact_increment(self.dict_len, s);
            for list in self.skill_positions.reachable(Some(s), modes, education) {
                for &p in list {
                    scratch.add(p, inc);
                }
            }
        }
        for list in self.skill_positions.reachable(None, modes, education) {
            for &p in list {
                scratch.add(p, 0);
            }
        }
        let Scratch {
            count,
            marks,
            bits,
            block,
            found,
        } = scratch;
        let w = &self.weights;
        bits.set(&cand.skills);
        let block = block.get_or_insert_with(score::Block::new);
        block.begin(cand);
        if found.len() < self.poss.len() {
            found.resize(self.poss.len(), (0, 0));
        }
        // Every marked slot is written, and the end moves on past those kept: no branch.
        let mut kept = 0;
        match wanted {
            // A rating moves the fit by the booth's bonus, which the bound leaves out.
            Some(wanted) if cand.visits.iter().all(|v| v.rating.is_none()) => {
                // About half the pairs fall short here, in no order the CPU could predict.
                Scratch::take(count, marks, |p, exact| {
                    found[kept] = (p, exact);
                    kept += usize::from(exact & 0xFFFF >= u32::from(wanted.need_exact[p as usize]));
                })
            }
            _ => Scratch::take(count, marks, |p, exact| {
                found[kept] = (p, exact);
                kept += 1;
            }),
        }
        let found = &found[..kept];
        match wanted {
            None => {
                self.for_each_passing(cand, found, |p, exact, hot, pos, rating| {
                    if block.push(p, &score::inputs(w, cand, &*bits, hot, pos, exact, rating)) {
                        block.flush(w, &mut emit);
                    }
                });
                block.flush(w, &mut emit);
            }
            Some(wanted) => {
                // The fit alone rules out most pairs, so only the admitted ones are scored in
                // full, one by one.
                let mut admitted = |p: u32, exact: u32, fit: f32| {
                    if wanted.admits(p, fit) {
                        let i = p as usize;
                        if let Ok(s) = score::evaluate(w, cand, &*bits, &self.pos_hot[i], &self.poss[i], exact) {
                            emit(p, s);
                        }
                    }
                };
                self.for_each_passing(cand, found, |p, exact, hot, pos, rating| {
                    if block.push_fit(p, exact, &score::fit_inputs(w, cand, &*bits, hot, pos, exact, rating)) {
                        block.flush_fit(w, &mut admitted);
                    }
                });
                block.flush_fit(w, &mut admitted);
            }
        }
        bits.clear(&cand.skills);
    }

    /// Calls `f(slot, exact, record, position, rating)` for each gathered `(slot, exact)` pair
    /// of `cand` that passes [`score::hard_rules_at`], in order.
    #[inline(always)]
    fn for_each_passing(
        &self,
        cand: &score::Cand,
        found: &[(u32, u32)],
        mut f: impl FnMut(u32, u32, &score::PosHot, &score::Pos, Option<u8>),
    ) {
        // Records are read in ascending but scattered order, too sparse for the hardware to
        // foresee: ask for them a few pairs ahead.
        const AHEAD: usize = 12;
        for (j, &(p, exact)) in found.iter().enumerate() {
            if let Some(&(ahead, _)) = found.get(j + AHEAD) {
                prefetch(&self.pos_hot[ahead as usize]);
            }
            let i = p as usize;
            let (hot, pos) = (&self.pos_hot[i], &self.poss[i]);
            if let Ok(rating) = score::hard_rules_at(cand, hot, self.pos_booth[i], pos, exact) {
                f(p, exact, hot, pos, rating);
            }
        }
    }

    /// Eligible pairs of one position (unsorted).
    pub(super) fn score_col(&self, p: u32, scratch: &mut Scratch, out: &mut Vec<Entry>) {
        let pos = &self.poss[p as usize];
        if !pos.alive {
            return;
        }
        let mut consider = |c: u32, exact: u32| {
            let cand = &self.cands[c as usize];
            if let Ok(s) = score::evaluate(&self.weights, cand, &*cand.skills, &pos.hot, pos, exact) {
                out.push(Entry::scored(c, s));
            }
        };
        if pos.required.is_empty() {
            for (c, cand) in self.cands.iter().enumerate() {
                if cand.alive {
                    consider(c as u32, 0);
                }
            }
            return;
        }
        scratch.begin(self.cands.len());
        for &s in pos.required.iter() {
            if let Some(list) = self.skill_candidates.get(s as usize) {
                let inc = score::exact_increment(self.dict_len, s);
                for &c in list {
                    scratch.add(c, inc);
                }
            }
        }
        Scratch::take(&mut scratch.count, &mut scratch.marks, consider);
    }
}
