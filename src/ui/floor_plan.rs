//! The floor plan: booths at their spots inside labelled, coloured zones, coloured by visits,
//! unfilled openings or rating. Drag the floor to pan, scroll to pan, Ctrl + scroll to zoom;
//! drag a booth to move it (one undoable edit on release, snapped to the grid); click a booth to
//! open it. Booths without a spot show where the automatic layout puts them.

use egui::emath::TSTransform;
use egui::{Align2, Color32, FontId, Pos2, Rect, Sense, Stroke, Vec2, pos2, vec2};

use super::command::{Command, ViewCtx};
use super::i18n::{Tr, tr};
use super::style;
use crate::app::{Edit, Record};
use crate::insight::BoothEngagement;
use crate::insight::floor::{self, FloorPlan};
use crate::model::{BoothId, FloorSpot};

pub const TITLE: Tr = tr("Floor plan", "展位平面图");
const HELP: Tr = tr(
    "Drag a booth to move it; drag the floor or scroll to pan, Ctrl + scroll to zoom; click a booth to open it.",
    "拖动展位可移动位置；拖动空白处或滚动可平移，按住 Ctrl 滚动可缩放；点击展位打开详情。",
);
/// The canvas's accessible name.
pub const CANVAS: Tr = tr("Floor plan of the hall", "展厅平面图");
const COLOUR_BY: Tr = tr("Colour by", "着色");
const BY_VISITS: Tr = tr("Visits", "到访人次");
const BY_UNFILLED: Tr = tr("Unfilled openings", "未招满名额");
const BY_RATING: Tr = tr("Average rating", "平均评分");
const FIT: Tr = tr("Fit to window", "适应窗口");
const LAY_OUT: Tr = tr("Lay out unplaced booths", "自动排布未定位展位");
const UNPLACED: Tr = tr(
    "{n} booths have no spot yet: dashed, where the automatic layout would put them.",
    "{n} 个展位尚无坐标：以虚线显示在自动排布的位置。",
);
const NO_BOOTHS: Tr = tr("No booths yet.", "暂无展位。");
const NOT_RATED: Tr = tr("not rated", "未评分");
const ZONE: Tr = tr("Zone", "展区");
const POSITIONS: Tr = tr("Positions", "岗位");
const OPENINGS: Tr = tr("Openings filled", "已招满名额");
const VISITS: Tr = tr("Visits", "到访人次");
const RATING: Tr = tr("Average rating", "平均评分");
const NO_ZONE: Tr = tr("(no zone)", "（未分区）");

/// Points per metre at most and at least.
const ZOOM_RANGE: (f32, f32) = (0.5, 80.0);
/// A booth's id is written on it from this size on screen (points).
const LABEL_FROM: f32 = 26.0;
/// Its employer too from this size.
const EMPLOYER_FROM: f32 = 70.0;
/// Positions named in the hover card at most.
const CARD_POSITIONS: usize = 6;

/// What the booths' colour shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ColourBy {
    #[default]
    Visits,
    Unfilled,
    Rating,
}

/// A booth being dragged: which (index into `FloorPlan::booths`), where the pointer holds it
/// (metres from its corner), and the snapped spot it would land on.
#[derive(Debug, Clone, Copy)]
struct Drag {
    area: usize,
    grab: Vec2,
    spot: FloorSpot,
}

/// The plan's geometry (cached per fair version), the view's pan and zoom, and a drag under way.
#[derive(Debug, Default)]
pub struct FloorPlanView {
    pub colour_by: ColourBy,
    plan: Option<(u64, FloorPlan)>,
    /// Metres to points, relative to the canvas's corner; `None` until fitted.
    view: Option<TSTransform>,
    drag: Option<Drag>,
    /// Metres to screen points as last drawn (for tests and the hover card).
    pub to_screen: TSTransform,
}

impl FloorPlanView {
    /// Where a floor spot was drawn in the last frame.
    pub fn screen_pos(&self, spot: FloorSpot) -> Pos2 {
        self.to_screen.mul_pos(pos2(spot.x, spot.y))
    }
}

pub fn show(ui: &mut egui::Ui, cx: &mut ViewCtx, view: &mut FloorPlanView) {
    let app = cx.app;
    let version = app.fair_version();
    if view.plan.as_ref().is_none_or(|(v, _)| *v != version) {
        view.plan = Some((version, floor::plan(app.fair())));
        if view.drag.is_some() {
            // The booth under the pointer may have gone.
            view.drag = None;
        }
    }
    let Some((_, plan)) = &view.plan else { return };
    ui.heading(cx.t(TITLE));
    ui.label(egui::RichText::new(cx.t(HELP)).size(style::SMALL));
    let unplaced = plan.booths.iter().filter(|b| b.auto).count();
    ui.horizontal_wrapped(|ui| {
        ui.label(cx.t(COLOUR_BY));
        for (choice, label) in [
            (ColourBy::Visits, BY_VISITS),
            (ColourBy::Unfilled, BY_UNFILLED),
            (ColourBy::Rating, BY_RATING),
        ] {
            if ui.selectable_label(view.colour_by == choice, cx.t(label)).clicked() {
                view.colour_by = choice;
            }
        }
        ui.separator();
        if ui.button(cx.t(FIT)).clicked() {
            view.view = None;
        }
        if unplaced > 0 && ui.button(cx.t(LAY_OUT)).clicked() {
            let fair = app.fair();
            let spots = plan
                .booths
                .iter()
                .filter(|b| b.auto)
                .map(|b| (fair.booths[b.booth].id.clone(), Some(corner(&b.rect))))
                .collect();
            cx.push(Command::Apply(Edit::SetFloorSpots { spots }));
        }
    });
    let scale = Scale::of(app, view.colour_by);
    ui.horizontal(|ui| scale.legend(ui, cx));
    if unplaced > 0 {
        ui.label(
            egui::RichText::new(UNPLACED.fill(cx.lang(), &[("n", &unplaced)]))
                .size(style::SMALL)
                .weak(),
        );
    }
    if plan.booths.is_empty() {
        ui.label(cx.t(NO_BOOTHS));
        return;
    }
    canvas(ui, cx, view, &scale);
}

/// The booth's spot: its rectangle's corner.
fn corner(rect: &floor::Rect) -> FloorSpot {
    FloorSpot { x: rect.x, y: rect.y }
}

fn to_rect(rect: &floor::Rect) -> Rect {
    Rect::from_min_size(pos2(rect.x, rect.y), vec2(rect.w, rect.h))
}

/// The drawing area: pan, zoom, drag, hover, click, then the shapes.
fn canvas(ui: &mut egui::Ui, cx: &mut ViewCtx, view: &mut FloorPlanView, scale: &Scale) {
    let Some((_, plan)) = &view.plan else { return };
    let size = ui.available_size().max(vec2(200.0, 200.0));
    let (canvas, response) = ui.allocate_exact_size(size, Sense::click_and_drag());
    let name = cx.t(CANVAS);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Canvas, true, name));
    let bounds = to_rect(&plan.bounds);
    let mut local = *view.view.get_or_insert_with(|| fit(bounds, canvas.size()));

    // Zoom about the pointer with Ctrl + scroll (or a pinch); pan with the wheel.
    if let Some(pointer) = response.hover_pos() {
        let (zoom, scroll) = ui.input(|i| (i.zoom_delta(), i.smooth_scroll_delta));
        if zoom != 1.0 {
            let at = pointer - canvas.min;
            let target = (local.scaling * zoom).clamp(ZOOM_RANGE.0, ZOOM_RANGE.1);
            let factor = target / local.scaling;
            local = TSTransform::from_translation(at)
                * TSTransform::from_scaling(factor)
                * TSTransform::from_translation(-at)
                * local;
        } else if scroll != Vec2::ZERO {
            local.translation += scroll;
        }
    }
    let to_screen = TSTransform::from_translation(canvas.min.to_vec2()) * local;
    let to_floor = to_screen.inverse();

    let fair = cx.app.fair();
    if response.drag_started() {
        let origin = ui
            .input(|i| i.pointer.press_origin())
            .or(response.interact_pointer_pos());
        if let Some(origin) = origin {
            let at = to_floor.mul_pos(origin);
            view.drag = plan
                .booths
                .iter()
                .rposition(|b| b.rect.contains(at.x, at.y))
                .map(|area| {
                    let rect = &plan.booths[area].rect;
                    Drag {
                        area,
                        grab: at - pos2(rect.x, rect.y),
                        spot: corner(rect),
                    }
                });
        }
    }
    if response.dragged() {
        match (&mut view.drag, response.interact_pointer_pos()) {
            (Some(drag), Some(pointer)) => {
                let corner = to_floor.mul_pos(pointer) - drag.grab;
                drag.spot = floor::snap(FloorSpot {
                    x: corner.x,
                    y: corner.y,
                });
            }
            _ => local.translation += response.drag_delta(),
        }
    }
    if response.drag_stopped()
        && let Some(drag) = view.drag.take()
        && let Some(area) = plan.booths.get(drag.area)
        && (area.auto || corner(&area.rect) != drag.spot)
    {
        let id = fair.booths[area.booth].id.clone();
        cx.push(Command::Apply(Edit::SetFloorSpots {
            spots: vec![(id, Some(drag.spot))],
        }));
    }
    let hovered = response
        .hover_pos()
        .map(|p| to_floor.mul_pos(p))
        .and_then(|at| plan.booth_at(at.x, at.y));
    if response.clicked()
        && let Some(area) = hovered
    {
        cx.push(Command::JumpTo(Record::Booth(fair.booths[area.booth].id.clone())));
    }
    view.view = Some(local);
    view.to_screen = to_screen;

    let painter = ui.painter_at(canvas);
    draw(&painter, ui.visuals(), cx, plan, scale, to_screen, view.drag);
    if view.drag.is_none()
        && let Some(area) = hovered
    {
        let booth = area.booth;
        response.on_hover_ui_at_pointer(|ui| card(ui, cx, booth));
    }
}

/// The transform that shows `bounds` whole in a canvas of `size`, centred.
fn fit(bounds: Rect, size: Vec2) -> TSTransform {
    let margin = 12.0;
    let room = (size - Vec2::splat(2.0 * margin)).max(Vec2::splat(10.0));
    let scaling = if bounds.width() > 0.0 && bounds.height() > 0.0 {
        (room.x / bounds.width()).min(room.y / bounds.height())
    } else {
        10.0
    }
    .clamp(ZOOM_RANGE.0, ZOOM_RANGE.1);
    let drawn = bounds.size() * scaling;
    let translation = (size - drawn) / 2.0 - bounds.min.to_vec2() * scaling;
    TSTransform::new(translation, scaling)
}

/// Pale zone fills, told apart by hue.
const ZONE_HUES: [(u8, u8, u8); 8] = [
    (66, 133, 244),
    (52, 168, 83),
    (251, 188, 5),
    (171, 71, 188),
    (0, 172, 193),
    (255, 112, 67),
    (121, 85, 72),
    (124, 179, 66),
];

fn zone_colour(index: usize) -> Color32 {
    let (r, g, b) = ZONE_HUES[index % ZONE_HUES.len()];
    Color32::from_rgb(r, g, b)
}

/// Zones, then the booths inside the visible part of the hall, then the booth being dragged.
fn draw(
    painter: &egui::Painter,
    visuals: &egui::Visuals,
    cx: &ViewCtx,
    plan: &FloorPlan,
    scale: &Scale,
    to_screen: TSTransform,
    drag: Option<Drag>,
) {
    let fair = cx.app.fair();
    let clip = painter.clip_rect();
    let visible = to_screen.inverse().mul_rect(clip);
    let points_per_metre = to_screen.scaling;
    let text = visuals.text_color();
    for zone in &plan.zones {
        let Some(rect) = zone.rect.as_ref().map(to_rect) else {
            continue;
        };
        if !rect.intersects(visible) {
            continue;
        }
        let colour = zone_colour(zone.colour);
        let on_screen = to_screen.mul_rect(rect);
        painter.rect(
            on_screen,
            4.0,
            colour.gamma_multiply(0.12),
            Stroke::new(1.5, colour),
            egui::StrokeKind::Inside,
        );
        let band = floor::ZONE_LABEL * points_per_metre;
        let name = if zone.name.is_empty() {
            cx.t(NO_ZONE)
        } else {
            &zone.name
        };
        // As large as the band allows, smaller where a long name would overrun the zone.
        let mut size = (band * 0.7).clamp(10.0, 18.0);
        let room = on_screen.width() - 12.0;
        let wide = painter
            .layout_no_wrap(name.to_owned(), FontId::proportional(size), text)
            .size()
            .x;
        if wide > room && room > 0.0 {
            size = (size * room / wide).max(9.0);
        }
        painter.with_clip_rect(on_screen.intersect(clip)).text(
            on_screen.min + vec2(6.0, band.max(size + 4.0) / 2.0 + 2.0),
            Align2::LEFT_CENTER,
            name,
            FontId::proportional(size),
            text,
        );
    }
    let selected = cx
        .app
        .selection()
        .booth
        .as_ref()
        .and_then(|id| cx.app.index().booths.get(id).copied());
    let side = floor::BOOTH_SIZE * points_per_metre;
    let font = FontId::proportional((side * 0.2).clamp(9.0, 14.0));
    let dragged = drag.map(|d| d.area);
    for (n, area) in plan.booths.iter().enumerate() {
        let rect = to_rect(&area.rect);
        if !rect.intersects(visible) {
            continue;
        }
        let on_screen = to_screen.mul_rect(rect).shrink(0.5);
        if dragged == Some(n) {
            // Where it was, faint, until it is dropped.
            painter.rect_stroke(
                on_screen,
                2.0,
                Stroke::new(1.0, visuals.weak_text_color()),
                egui::StrokeKind::Inside,
            );
            continue;
        }
        booth_shape(painter, visuals, fair, plan, scale, n, on_screen, selected, &font);
    }
    if let Some(drag) = drag
        && let Some(area) = plan.booths.get(drag.area)
    {
        let rect = Rect::from_min_size(pos2(drag.spot.x, drag.spot.y), vec2(area.rect.w, area.rect.h));
        let on_screen = to_screen.mul_rect(rect);
        booth_shape(
            painter, visuals, fair, plan, scale, drag.area, on_screen, selected, &font,
        );
        painter.rect_stroke(
            on_screen,
            2.0,
            Stroke::new(2.0, visuals.selection.stroke.color),
            egui::StrokeKind::Outside,
        );
    }
}

#[allow(clippy::too_many_arguments)]
fn booth_shape(
    painter: &egui::Painter,
    visuals: &egui::Visuals,
    fair: &crate::model::Fair,
    plan: &FloorPlan,
    scale: &Scale,
    n: usize,
    on_screen: Rect,
    selected: Option<usize>,
    font: &FontId,
) {
    let area = &plan.booths[n];
    let fill = scale.colour(scale.value(area.booth));
    let stroke = if selected == Some(area.booth) {
        Stroke::new(3.0, visuals.selection.stroke.color)
    } else {
        Stroke::new(1.0, Color32::from_gray(60))
    };
    painter.rect_filled(on_screen, 2.0, fill);
    if area.auto {
        let corners = [
            on_screen.left_top(),
            on_screen.right_top(),
            on_screen.right_bottom(),
            on_screen.left_bottom(),
            on_screen.left_top(),
        ];
        painter.add(egui::Shape::dashed_line(&corners, stroke, 4.0, 3.0));
    } else {
        painter.rect_stroke(on_screen, 2.0, stroke, egui::StrokeKind::Inside);
    }
    let side = on_screen.width();
    if side < LABEL_FROM {
        return;
    }
    let booth = &fair.booths[area.booth];
    let ink = if fill.intensity() > 0.55 {
        Color32::BLACK
    } else {
        Color32::WHITE
    };
    let clipped = painter.with_clip_rect(on_screen.intersect(painter.clip_rect()));
    let top = on_screen.center_top() + vec2(0.0, 3.0);
    clipped.text(top, Align2::CENTER_TOP, booth.id.as_str(), font.clone(), ink);
    if side >= EMPLOYER_FROM {
        clipped.text(
            on_screen.center(),
            Align2::CENTER_CENTER,
            &booth.employer,
            font.clone(),
            ink,
        );
    }
}

/// The chosen figure per booth and its colour ramp, read from the kept figures each frame
/// (they change with every visit) without copying them.
struct Scale<'a> {
    by: ColourBy,
    booths: &'a [BoothEngagement],
    most: f32,
}

impl<'a> Scale<'a> {
    fn of(app: &'a crate::app::AppState, by: ColourBy) -> Self {
        let booths = app.insight().booths();
        let mut scale = Scale { by, booths, most: 0.0 };
        scale.most = booths.iter().filter_map(|b| scale.figure(b)).fold(0.0, f32::max);
        scale
    }

    fn figure(&self, b: &BoothEngagement) -> Option<f32> {
        match self.by {
            ColourBy::Visits => Some(b.visits as f32),
            ColourBy::Unfilled => Some(b.openings.saturating_sub(b.filled) as f32),
            ColourBy::Rating => (b.rated > 0).then(|| b.rating_sum as f32 / b.rated as f32),
        }
    }

    /// The figure of a booth (index into the fair's booths, the figures' order too).
    fn value(&self, booth: usize) -> Option<f32> {
        self.booths.get(booth).and_then(|b| self.figure(b))
    }

    /// 0..1 along the ramp.
    fn position(&self, value: f32) -> f32 {
        match self.by {
            ColourBy::Rating => ((value - 1.0) / 4.0).clamp(0.0, 1.0),
            _ if self.most > 0.0 => (value / self.most).clamp(0.0, 1.0),
            _ => 0.0,
        }
    }

    fn colour(&self, value: Option<f32>) -> Color32 {
        let Some(value) = value else {
            return Color32::from_gray(190);
        };
        let t = self.position(value);
        let stops: [(u8, u8, u8); 3] = match self.by {
            // Pale yellow to deep red: the busiest booths glow.
            ColourBy::Visits => [(255, 247, 220), (253, 174, 97), (215, 48, 39)],
            // Pale to deep purple: where openings are still waiting.
            ColourBy::Unfilled => [(242, 240, 247), (158, 154, 200), (84, 39, 143)],
            // Red (poor) through pale yellow to green (good).
            ColourBy::Rating => [(215, 48, 39), (255, 255, 191), (26, 152, 80)],
        };
        let (a, b, t) = if t < 0.5 {
            (stops[0], stops[1], t * 2.0)
        } else {
            (stops[1], stops[2], t * 2.0 - 1.0)
        };
        let mix = |x: u8, y: u8| (f32::from(x) + (f32::from(y) - f32::from(x)) * t).round() as u8;
        Color32::from_rgb(mix(a.0, b.0), mix(a.1, b.1), mix(a.2, b.2))
    }

    /// Five swatches from the lowest to the highest figure, and "not rated" for ratings.
    fn legend(&self, ui: &mut egui::Ui, cx: &ViewCtx) {
        let (low, high) = match self.by {
            ColourBy::Rating => (1.0, 5.0),
            _ => (0.0, self.most),
        };
        for step in 0..5 {
            let value = low + (high - low) * step as f32 / 4.0;
            let (rect, _) = ui.allocate_exact_size(vec2(28.0, 14.0), Sense::hover());
            ui.painter().rect_filled(rect, 2.0, self.colour(Some(value)));
            let text = match self.by {
                ColourBy::Rating => format!("{value:.0}"),
                _ => format!("{}", value.round() as u64),
            };
            ui.label(egui::RichText::new(text).size(style::SMALL));
        }
        if self.by == ColourBy::Rating {
            let (rect, _) = ui.allocate_exact_size(vec2(28.0, 14.0), Sense::hover());
            ui.painter().rect_filled(rect, 2.0, self.colour(None));
            ui.label(egui::RichText::new(cx.t(NOT_RATED)).size(style::SMALL));
        }
    }
}

/// The hovered booth's card: employer, zone, positions, openings, visits, rating.
fn card(ui: &mut egui::Ui, cx: &ViewCtx, booth: usize) {
    let app = cx.app;
    let Some(b) = app.fair().booths.get(booth) else { return };
    ui.strong(format!("{} — {}", b.id, b.employer));
    let zone = if b.zone.is_empty() { cx.t(NO_ZONE) } else { &b.zone };
    ui.label(format!("{}: {zone}", cx.t(ZONE)));
    let engagement = app.insight().booths().get(booth).filter(|e| e.booth == b.id);
    if let Some(e) = engagement {
        ui.label(format!("{}: {}", cx.t(POSITIONS), e.positions));
        ui.label(format!("{}: {} / {}", cx.t(OPENINGS), e.filled, e.openings));
        ui.label(format!("{}: {}", cx.t(VISITS), e.visits));
        let rating = if e.rated > 0 {
            format!("{:.1} ({})", e.rating_sum as f32 / e.rated as f32, e.rated)
        } else {
            cx.t(NOT_RATED).to_owned()
        };
        ui.label(format!("{}: {rating}", cx.t(RATING)));
    }
    let titles: Vec<&str> = positions_of(app, &b.id).take(CARD_POSITIONS + 1).collect();
    for title in titles.iter().take(CARD_POSITIONS) {
        ui.label(egui::RichText::new(format!("· {title}")).size(style::SMALL));
    }
    if titles.len() > CARD_POSITIONS {
        ui.label(egui::RichText::new("…").size(style::SMALL));
    }
}

fn positions_of<'a>(app: &'a crate::app::AppState, booth: &'a BoothId) -> impl Iterator<Item = &'a str> + 'a {
    app.fair()
        .positions
        .iter()
        .filter(move |p| &p.booth == booth)
        .map(|p| p.title.as_str())
}
