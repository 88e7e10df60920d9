//! The figures' charts, drawn with `egui_plot`: fixed (no pan or zoom, which a dashboard does not
//! need and which would steal the scroll wheel), labelled on the axes, each bar's figure on hover.

use egui::Color32;
use egui_plot::{AxisHints, Bar, BarChart, GridMark, Plot};

/// Height of one row of a horizontal bar chart, in points.
const ROW: f32 = 22.0;
/// Room under a chart for the value axis.
const AXIS: f32 = 24.0;
/// Points per unit of a label's width: a Latin letter is about one unit, a Chinese character two.
const POINTS_PER_UNIT: f32 = 7.0;

/// A plot that shows its data as given: no drag, zoom, scroll or box zoom.
fn fixed_plot(id: &str, height: f32) -> Plot<'static> {
    Plot::new(id)
        .height(height)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .show_x(false)
        .show_y(false)
        .set_margin_fraction(egui::vec2(0.04, 0.05))
        // Fewer, clearer grid lines than the default's fine subdivisions.
        .grid_spacing(24.0..=240.0)
}

/// The label cut to about `width` points (the whole name is on the bar's hover).
fn short(label: &str, width: f32) -> String {
    let room = (width / POINTS_PER_UNIT) as usize;
    let units = |c: char| if c.is_ascii() { 1 } else { 2 };
    if label.chars().map(units).sum::<usize>() <= room {
        return label.to_owned();
    }
    let mut used = 1;
    let mut cut: String = label
        .chars()
        .take_while(|&c| {
            used += units(c);
            used <= room
        })
        .collect();
    cut.push('…');
    cut
}

/// One bar: its category, its figure, and what hovering it says.
pub struct Row {
    pub label: String,
    pub value: f64,
    pub hover: String,
}

/// Categories as horizontal bars, the first on top, each labelled on the left (shortened to
/// fit `label_width`); returns the row clicked, if any.
pub fn horizontal_bars(ui: &mut egui::Ui, id: &str, rows: &[Row], fill: Color32, label_width: f32) -> Option<usize> {
    let n = rows.len();
    if n == 0 {
        return None;
    }
    // Row i is drawn at y = n - 1 - i, so the list reads top to bottom.
    let at = move |i: usize| (n - 1 - i) as f64;
    let labels: Vec<String> = rows.iter().map(|r| short(&r.label, label_width - 8.0)).collect();
    let bars: Vec<Bar> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| Bar::new(at(i), r.value).name(&r.hover).fill(fill).width(0.7))
        .collect();
    let chart = BarChart::new(id, bars)
        .horizontal()
        .color(fill)
        .element_formatter(Box::new(|bar, _| bar.name.clone()));
    let most = rows.iter().map(|r| r.value).fold(0.0, f64::max);
    let least = rows.iter().map(|r| r.value).fold(0.0, f64::min);
    let response = fixed_plot(id, n as f32 * ROW + AXIS)
        .custom_y_axes(vec![
            // Every category labelled at full strength: rows are closer than egui_plot's
            // default spacing for numbers, at which it fades labels out.
            AxisHints::new_y()
                .label_spacing(8.0..=10.0)
                .min_thickness(label_width)
                .formatter(move |mark, _| {
                    let i = mark.value.round();
                    if (mark.value - i).abs() > 0.01 || i < 0.0 || i as usize >= n {
                        return String::new();
                    }
                    labels.get(n - 1 - i as usize).cloned().unwrap_or_default()
                }),
        ])
        .y_grid_spacer(move |_| {
            (0..n)
                .map(|i| GridMark {
                    value: i as f64,
                    step_size: 1.0,
                })
                .collect()
        })
        .include_x(least)
        .include_x(most.max(1.0))
        .show_grid([true, false])
        .show(ui, |plot| {
            plot.bar_chart(chart);
            plot.pointer_coordinate()
        });
    if !response.response.clicked() {
        return None;
    }
    let y = response.inner?.y.round();
    (y >= 0.0 && (y as usize) < n).then(|| n - 1 - y as usize)
}

/// Counts over time as columns; `axis` names the columns that get a label under them.
pub fn columns(ui: &mut egui::Ui, id: &str, rows: &[Row], axis: &[usize], fill: Color32, height: f32) {
    let n = rows.len();
    let bars: Vec<Bar> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| Bar::new(i as f64, r.value).name(&r.hover).fill(fill).width(0.85))
        .collect();
    let chart = BarChart::new(id, bars)
        .color(fill)
        .element_formatter(Box::new(|bar, _| bar.name.clone()));
    let marks: Vec<usize> = axis.to_vec();
    let labels: Vec<String> = rows.iter().map(|r| r.label.clone()).collect();
    let most = rows.iter().map(|r| r.value).fold(0.0, f64::max);
    fixed_plot(id, height)
        .x_grid_spacer(move |_| {
            marks
                .iter()
                .map(|&i| GridMark {
                    value: i as f64,
                    step_size: 4.0,
                })
                .collect()
        })
        .x_axis_formatter(move |mark, _| {
            let i = mark.value.round();
            if i < 0.0 || i as usize >= n {
                return String::new();
            }
            labels.get(i as usize).cloned().unwrap_or_default()
        })
        .y_axis_min_width(28.0)
        .include_y(0.0)
        .include_y(most.max(1.0))
        .include_x(-0.5)
        .include_x(n as f64 - 0.5)
        .show(ui, |plot| plot.bar_chart(chart));
}
