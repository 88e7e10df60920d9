//! The PDF's charts, drawn as vector shapes: headline tiles, the funnel, check-ins over time and
//! the talent heat map.

use crate::insight::{Funnel, TalentMap};
use crate::model::{Lang, LocalTime};

use super::layout::{ACCENT, Align, INK, LEFT, Layout, MUTED, RULE, Rgb, STRIPE, WIDTH};
use super::tables::thousands;

/// Big numbers with their labels, four to a row.
pub fn tiles(layout: &mut Layout, items: &[(String, String)]) {
    const PER_ROW: usize = 4;
    const H: f32 = 54.0;
    const GAP: f32 = 8.0;
    let w = (WIDTH - GAP * (PER_ROW as f32 - 1.0)) / PER_ROW as f32;
    for chunk in items.chunks(PER_ROW) {
        layout.ensure(H + GAP);
        for (i, (label, value)) in chunk.iter().enumerate() {
            let x = LEFT + i as f32 * (w + GAP);
            layout.rect(x, layout.y, w, H, STRIPE);
            layout.rect(x, layout.y, 3.0, H, ACCENT);
            let value = layout.fit(value, 20.0, true, w - 14.0);
            layout.text_at(x + 10.0, layout.y + 26.0, 20.0, true, INK, Align::Left, &value);
            let label = layout.fit(label, 8.0, false, w - 14.0);
            layout.text_at(x + 10.0, layout.y + 44.0, 8.0, false, MUTED, Align::Left, &label);
        }
        layout.y += H + GAP;
    }
    layout.y += 6.0;
}

/// Horizontal bars, one per stage, with counts and the share of the first stage.
pub fn funnel(layout: &mut Layout, funnel: &Funnel, lang: Lang) {
    const BAR: f32 = 18.0;
    const LABEL: f32 = 110.0;
    let stages = funnel.stages();
    layout.ensure(stages.len() as f32 * (BAR + 6.0) + 10.0);
    let top = stages.first().map_or(0, |s| s.1).max(1);
    let span = WIDTH - LABEL - 90.0;
    for (stage, n) in stages {
        let y = layout.y;
        layout.text_at(LEFT, y + 13.0, 9.0, false, INK, Align::Left, stage.label(lang));
        let w = span * n as f32 / top as f32;
        // Centred bars make the funnel's shape.
        let x = LEFT + LABEL + (span - w) / 2.0;
        layout.rect(x, y, w.max(0.5), BAR, ACCENT);
        let share = 100.0 * f64::from(n) / f64::from(top);
        let label = format!("{}  ({share:.1}%)", thousands(i64::from(n)));
        layout.text_at(
            LEFT + LABEL + span + 6.0,
            y + 13.0,
            8.5,
            false,
            INK,
            Align::Left,
            &label,
        );
        layout.y += BAR + 6.0;
    }
    layout.y += 8.0;
}

/// Check-ins per quarter hour as columns, with the hours along the bottom.
pub fn check_ins(layout: &mut Layout, slots: &[(LocalTime, u32)], empty: &str) {
    const H: f32 = 120.0;
    if slots.is_empty() {
        layout.paragraph(empty, 9.0, false, MUTED);
        return;
    }
    layout.ensure(H + 40.0);
    let top = slots.iter().map(|s| s.1).max().unwrap_or(1).max(1);
    let axis = 36.0;
    let plot_w = WIDTH - axis;
    let y0 = layout.y + 8.0;
    let base = y0 + H;
    // Value axis: zero, half and the maximum.
    for (fraction, value) in [(0.0, 0), (0.5, top / 2), (1.0, top)] {
        let y = base - H * fraction;
        layout.line((LEFT + axis, y), (LEFT + WIDTH, y), 0.3, RULE);
        let label = thousands(i64::from(value));
        layout.text_at(LEFT + axis - 4.0, y + 3.0, 7.0, false, MUTED, Align::Right, &label);
    }
    let step = plot_w / slots.len() as f32;
    let every = (slots.len() / 12).max(1);
    for (i, (at, n)) in slots.iter().enumerate() {
        let h = H * *n as f32 / top as f32;
        let x = LEFT + axis + i as f32 * step;
        layout.rect(x + step * 0.1, base - h, step * 0.8, h, ACCENT);
        if i % every == 0 {
            let label = at.format("%H:%M").to_string();
            layout.text_at(x + step / 2.0, base + 11.0, 7.0, false, MUTED, Align::Centre, &label);
        }
    }
    layout.y = base + 24.0;
}

/// No openings: candidates there are counted but not coloured as a surplus, so the cells
/// with demand stand out.
const NO_DEMAND: Rgb = (232, 234, 237);

/// Colour for openings per candidate: blue below 1 (surplus), white at 1, red above
/// (shortage), on a log scale saturating at 1/8 and 8; dark red for openings nobody supplies,
/// light grey without openings.
pub fn ratio_colour(openings: u64, candidates: u32) -> Rgb {
    if openings == 0 {
        return NO_DEMAND;
    }
    if candidates == 0 {
        return (127, 0, 0);
    }
    let ratio = openings as f64 / f64::from(candidates);
    let t = if ratio > 0.0 {
        (ratio.log2() / 3.0).clamp(-1.0, 1.0)
    } else {
        -1.0
    };
    let mix = |from: Rgb, to: Rgb, t: f64| {
        let lerp = |a: u8, b: u8| (f64::from(a) + (f64::from(b) - f64::from(a)) * t).round() as u8;
        (lerp(from.0, to.0), lerp(from.1, to.1), lerp(from.2, to.2))
    };
    if t >= 0.0 {
        mix((255, 255, 255), (203, 24, 29), t)
    } else {
        mix((255, 255, 255), (33, 102, 172), -t)
    }
}

/// Skill groups down, industries across, each cell coloured by openings per candidate and
/// labelled with it; a legend below.
pub fn heat_map(layout: &mut Layout, map: &TalentMap, lang: Lang, legend: [&str; 5]) {
    if map.groups.is_empty() || map.columns.is_empty() {
        return;
    }
    let label_w = 92.0;
    let header_h = 78.0;
    let cell_w = ((WIDTH - label_w) / map.columns.len() as f32).min(40.0);
    let cell_h = 15.0;
    layout.ensure(header_h + cell_h * map.groups.len() as f32 + 40.0);
    let top = layout.y;
    for (k, key) in map.columns.iter().enumerate() {
        let x = LEFT + label_w + k as f32 * cell_w + cell_w / 2.0 + 3.0;
        let name = layout.fit(key.label(lang), 7.0, false, header_h - 6.0);
        layout.text_turned(x, top + header_h - 4.0, 7.0, INK, -90.0, &name);
    }
    let grid_top = top + header_h;
    for (g, group) in map.groups.iter().enumerate() {
        let y = grid_top + g as f32 * cell_h;
        let name = layout.fit(group.label(lang), 7.5, false, label_w - 6.0);
        layout.text_at(LEFT, y + cell_h - 4.0, 7.5, false, INK, Align::Left, &name);
        for k in 0..map.columns.len() {
            let cell = map.cell(g, k);
            let x = LEFT + label_w + k as f32 * cell_w;
            let colour = ratio_colour(cell.demand_openings, cell.supply_candidates);
            layout.rect(x + 0.5, y + 0.5, cell_w - 1.0, cell_h - 1.0, colour);
            let text = match cell.ratio() {
                Some(r) if cell.demand_openings > 0 => format!("{r:.1}"),
                _ => String::new(),
            };
            let dark = colour.0 as u32 + colour.1 as u32 + colour.2 as u32 <= 360;
            let ink = if dark { (255, 255, 255) } else { INK };
            let text = layout.fit(&text, 6.0, false, cell_w - 2.0);
            layout.text_at(
                x + cell_w / 2.0,
                y + cell_h - 4.5,
                6.0,
                false,
                ink,
                Align::Centre,
                &text,
            );
        }
    }
    layout.y = grid_top + map.groups.len() as f32 * cell_h + 10.0;
    // Legend: surplus, balance, shortage, nobody, no openings.
    let swatches = [
        ((33, 102, 172), legend[0]),
        ((255, 255, 255), legend[1]),
        ((203, 24, 29), legend[2]),
        ((127, 0, 0), legend[3]),
        (NO_DEMAND, legend[4]),
    ];
    let mut x = LEFT;
    for (colour, label) in swatches {
        layout.rect(x, layout.y, 10.0, 10.0, RULE);
        layout.rect(x + 0.5, layout.y + 0.5, 9.0, 9.0, colour);
        layout.text_at(x + 14.0, layout.y + 8.5, 7.5, false, MUTED, Align::Left, label);
        x += 18.0 + layout.width(label, 7.5, false) + 14.0;
    }
    layout.y += 22.0;
}
