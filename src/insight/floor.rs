//! The floor plan's geometry: zones as labelled rectangles around their booths, booth
//! rectangles, an automatic layout by zone in rows for booths without a spot, grid snapping.
//!
//! Lengths are metres from the hall's top-left corner, `y` growing downwards, as in
//! [`FloorSpot`]. Booths are 3 m × 3 m stands, set back to back in double rows with 2.5 m aisles
//! between the double rows; zones are separated by 4 m main aisles.

use rustc_hash::FxHashMap as HashMap;

use crate::model::{Booth, Fair, FloorSpot};

/// A booth's width and depth.
pub const BOOTH_SIZE: f32 = 3.0;
/// Between two double rows of booths inside a zone.
pub const AISLE: f32 = 2.5;
/// Between zones.
pub const MAIN_AISLE: f32 = 4.0;
/// Space between a zone's edge and its booths.
pub const ZONE_MARGIN: f32 = 1.5;
/// Band at the top of a zone for its name.
pub const ZONE_LABEL: f32 = 2.0;
/// Spots snap to this grid.
pub const GRID: f32 = 0.5;
/// Most booths in one row of a zone.
const MAX_PER_ROW: usize = 16;

/// An axis-aligned rectangle in metres.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Rect {
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
}

impl Rect {
    pub fn right(&self) -> f32 {
        self.x + self.w
    }

    pub fn bottom(&self) -> f32 {
        self.y + self.h
    }

    pub fn contains(&self, x: f32, y: f32) -> bool {
        x >= self.x && x < self.right() && y >= self.y && y < self.bottom()
    }

    pub fn union(&self, other: &Rect) -> Rect {
        let (x, y) = (self.x.min(other.x), self.y.min(other.y));
        Rect {
            x,
            y,
            w: self.right().max(other.right()) - x,
            h: self.bottom().max(other.bottom()) - y,
        }
    }
}

/// A zone on the plan.
#[derive(Debug, Clone, PartialEq)]
pub struct ZoneArea {
    /// As the booths write it (`A 人工智能与虚拟现实`); empty for booths without a zone.
    pub name: String,
    /// Index into the view's palette; the zone's place in [`zone_order`].
    pub colour: usize,
    /// Around its booths, with the name band on top; `None` while it has no booth.
    pub rect: Option<Rect>,
}

/// A booth on the plan.
#[derive(Debug, Clone, PartialEq)]
pub struct BoothArea {
    /// Index into `fair.booths`.
    pub booth: usize,
    pub rect: Rect,
    /// Index into [`FloorPlan::zones`].
    pub zone: usize,
    /// Placed by the automatic layout because the booth has no spot yet.
    pub auto: bool,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct FloorPlan {
    pub zones: Vec<ZoneArea>,
    pub booths: Vec<BoothArea>,
    /// Everything drawn; empty at the origin for a fair without booths.
    pub bounds: Rect,
}

impl FloorPlan {
    /// The booth under a point, the last drawn first (booths may overlap after a drag).
    pub fn booth_at(&self, x: f32, y: f32) -> Option<&BoothArea> {
        self.booths.iter().rev().find(|b| b.rect.contains(x, y))
    }
}

/// Zones in display order: the fair's list (`meta.zones`), then zones only booths name, in
/// the order booths first name them. Every booth's zone is in it (the empty name included).
pub fn zone_order(fair: &Fair) -> Vec<String> {
    let mut order: Vec<String> = Vec::new();
    let mut seen: HashMap<&str, ()> = HashMap::default();
    let listed = fair.meta.zones.iter().map(String::as_str);
    for zone in listed.chain(fair.booths.iter().map(|b| b.zone.as_str())) {
        if seen.insert(zone, ()).is_none() {
            order.push(zone.to_owned());
        }
    }
    order
}

/// A spot snapped to the [`GRID`].
pub fn snap(spot: FloorSpot) -> FloorSpot {
    let to_grid = |v: f32| if v.is_finite() { (v / GRID).round() * GRID } else { 0.0 };
    FloorSpot {
        x: to_grid(spot.x),
        y: to_grid(spot.y),
    }
}

/// The floor plan: booths at their spots, booths without one laid out by zone below them.
pub fn plan(fair: &Fair) -> FloorPlan {
    let zones = zone_order(fair);
    let zone_of: HashMap<&str, usize> = zones.iter().enumerate().map(|(i, z)| (z.as_str(), i)).collect();
    let zone_index = |b: &Booth| zone_of.get(b.zone.as_str()).copied().unwrap_or(0);
    let square = |spot: FloorSpot| Rect {
        x: spot.x,
        y: spot.y,
        w: BOOTH_SIZE,
        h: BOOTH_SIZE,
    };
    let mut booths = Vec::with_capacity(fair.booths.len());
    let mut placed_bounds: Option<Rect> = None;
    let mut missing = Vec::new();
    for (i, b) in fair.booths.iter().enumerate() {
        match b.floor.filter(|s| s.x.is_finite() && s.y.is_finite()) {
            Some(spot) => {
                let rect = square(spot);
                placed_bounds = Some(placed_bounds.map_or(rect, |r| r.union(&rect)));
                booths.push(BoothArea {
                    booth: i,
                    rect,
                    zone: zone_index(b),
                    auto: false,
                });
            }
            None => missing.push(i),
        }
    }
    if !missing.is_empty() {
        // Below what is already placed, so nothing overlaps.
        let origin = placed_bounds.map_or(FloorSpot::default(), |r| {
            snap(FloorSpot {
                x: r.x - ZONE_MARGIN,
                y: r.bottom() + ZONE_MARGIN + MAIN_AISLE,
            })
        });
        let spots = layout(fair, &missing, &zone_of, origin);
        for (&i, spot) in missing.iter().zip(spots) {
            booths.push(BoothArea {
                booth: i,
                rect: square(spot),
                zone: zone_index(&fair.booths[i]),
                auto: true,
            });
        }
        booths.sort_by_key(|b| b.booth);
    }

    let mut areas: Vec<ZoneArea> = zones
        .into_iter()
        .enumerate()
        .map(|(colour, name)| ZoneArea {
            name,
            colour,
            rect: None,
        })
        .collect();
    for b in &booths {
        let around = Rect {
            x: b.rect.x - ZONE_MARGIN,
            y: b.rect.y - ZONE_MARGIN - ZONE_LABEL,
            w: b.rect.w + 2.0 * ZONE_MARGIN,
            h: b.rect.h + 2.0 * ZONE_MARGIN + ZONE_LABEL,
        };
        let area = &mut areas[b.zone];
        area.rect = Some(area.rect.map_or(around, |r| r.union(&around)));
    }
    let bounds = areas
        .iter()
        .filter_map(|a| a.rect)
        .reduce(|a, b| a.union(&b))
        .unwrap_or_default();
    FloorPlan {
        zones: areas,
        booths,
        bounds,
    }
}

/// A fresh layout of every booth by zone, ignoring their spots; one spot per booth, in order.
pub fn auto_layout(fair: &Fair) -> Vec<FloorSpot> {
    let zones = zone_order(fair);
    let zone_of: HashMap<&str, usize> = zones.iter().enumerate().map(|(i, z)| (z.as_str(), i)).collect();
    let all: Vec<usize> = (0..fair.booths.len()).collect();
    layout(fair, &all, &zone_of, FloorSpot::default())
}

/// Gives every booth a spot from [`auto_layout`] (generated fairs, the bundled sample).
pub fn lay_out_all(fair: &mut Fair) {
    let spots = auto_layout(fair);
    for (booth, spot) in fair.booths.iter_mut().zip(spots) {
        booth.floor = Some(spot);
    }
}

/// Gives the booths without a spot the one [`plan`] shows them at; returns how many.
pub fn lay_out_missing(fair: &mut Fair) -> usize {
    let plan = plan(fair);
    let mut count = 0;
    for area in plan.booths.iter().filter(|b| b.auto) {
        if let Some(booth) = fair.booths.get_mut(area.booth) {
            booth.floor = Some(FloorSpot {
                x: area.rect.x,
                y: area.rect.y,
            });
            count += 1;
        }
    }
    count
}

/// Spots for `which` booths (indexes into `fair.booths`), zone by zone in zone order, each zone
/// a block of double rows; blocks fill shelves across a hall about 1.6 times wider than deep.
fn layout(fair: &Fair, which: &[usize], zone_of: &HashMap<&str, usize>, origin: FloorSpot) -> Vec<FloorSpot> {
    let mut by_zone: Vec<Vec<usize>> = vec![Vec::new(); zone_of.len().max(1)];
    for (k, &i) in which.iter().enumerate() {
        let zone = zone_of.get(fair.booths[i].zone.as_str()).copied().unwrap_or(0);
        by_zone[zone].push(k);
    }
    struct Block {
        members: Vec<usize>,
        per_row: usize,
        w: f32,
        h: f32,
    }
    let blocks: Vec<Block> = by_zone
        .into_iter()
        .filter(|members| !members.is_empty())
        .map(|members| {
            let n = members.len();
            // About square: k booths wide makes ceil(n / 2k) double rows of 8.5 m each.
            let per_row = ((1.42 * n as f32).sqrt().ceil() as usize).clamp(2, MAX_PER_ROW).min(n);
            let rows = n.div_ceil(per_row);
            let pairs = rows.div_ceil(2);
            let rows_h = rows as f32 * BOOTH_SIZE + (pairs - 1) as f32 * AISLE;
            Block {
                members,
                per_row,
                w: per_row as f32 * BOOTH_SIZE + 2.0 * ZONE_MARGIN,
                h: rows_h + 2.0 * ZONE_MARGIN + ZONE_LABEL,
            }
        })
        .collect();
    let area: f32 = blocks.iter().map(|b| (b.w + MAIN_AISLE) * (b.h + MAIN_AISLE)).sum();
    let widest = blocks.iter().map(|b| b.w).fold(0.0, f32::max);
    let hall_width = widest.max((area * 1.6).sqrt());

    let mut spots = vec![FloorSpot::default(); which.len()];
    let (mut x, mut y, mut shelf_h) = (0.0f32, 0.0f32, 0.0f32);
    for block in &blocks {
        if x > 0.0 && x + block.w > hall_width {
            x = 0.0;
            y += shelf_h + MAIN_AISLE;
            shelf_h = 0.0;
        }
        for (n, &k) in block.members.iter().enumerate() {
            let (row, col) = (n / block.per_row, n % block.per_row);
            spots[k] = snap(FloorSpot {
                x: origin.x + x + ZONE_MARGIN + col as f32 * BOOTH_SIZE,
                y: origin.y + y + ZONE_MARGIN + ZONE_LABEL + row as f32 * BOOTH_SIZE + (row / 2) as f32 * AISLE,
            });
        }
        x += block.w + MAIN_AISLE;
        shelf_h = shelf_h.max(block.h);
    }
    spots
}
