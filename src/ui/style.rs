//! One type scale and one spacing scale for every view, set on the context once; views use
//! the text styles (body, small, heading) and these constants instead of sizes of their own.

use egui::{Color32, FontFamily, FontId, TextStyle};

/// Running text, buttons, form labels, reasons: never smaller.
pub const BODY: f32 = 14.5;
/// Secondary notes (a column's unit, why a row matched): still legible.
pub const SMALL: f32 = 12.5;
pub const HEADING: f32 = 21.0;
/// What a desk reads from across the counter: the person's name, the result of a scan.
pub const LARGE: f32 = 20.0;
/// The desks' lookup field (scanned badges, typed names).
pub const LOOKUP: f32 = 26.0;

/// Gaps between items: tight (inside a row), between rows, between groups, between sections.
pub const SPACE_TIGHT: f32 = 4.0;
pub const SPACE_ROW: f32 = 6.0;
pub const SPACE_GROUP: f32 = 10.0;
pub const SPACE_SECTION: f32 = 16.0;

/// Sets the scales on both themes, and secondary text that keeps its contrast in the dark theme.
pub fn apply(ctx: &egui::Context) {
    ctx.all_styles_mut(|style| {
        style.text_styles = [
            (TextStyle::Small, FontId::new(SMALL, FontFamily::Proportional)),
            (TextStyle::Body, FontId::new(BODY, FontFamily::Proportional)),
            (TextStyle::Button, FontId::new(BODY, FontFamily::Proportional)),
            (TextStyle::Heading, FontId::new(HEADING, FontFamily::Proportional)),
            (TextStyle::Monospace, FontId::new(BODY - 1.0, FontFamily::Monospace)),
        ]
        .into();
        style.spacing.item_spacing = egui::vec2(8.0, SPACE_ROW);
        style.spacing.button_padding = egui::vec2(6.0, 3.0);
        style.spacing.interact_size.y = 22.0;
    });
    ctx.style_mut_of(egui::Theme::Dark, |style| {
        // egui's grey-on-grey secondary text is about 3:1 on the dark panels; this is over 7:1.
        style.visuals.widgets.noninteractive.fg_stroke.color = Color32::from_gray(215);
        style.visuals.weak_text_color = Some(Color32::from_gray(170));
    });
    ctx.style_mut_of(egui::Theme::Light, |style| {
        style.visuals.weak_text_color = Some(Color32::from_gray(92));
    });
}
