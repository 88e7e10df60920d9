//! Drawing laid-out pages ([`Op`]s) into a PDF with krilla: the report and the printed
//! itinerary share it, so both embed the same CJK font subset the same way.

use std::sync::atomic::{AtomicBool, Ordering};

use krilla::Document;
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect, Transform};
use krilla::metadata::Metadata;
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, FillRule, Stroke};

use crate::model::Lang;

use super::ReportError;
use super::fonts::Fonts;
use super::layout::{Op, PAGE_H, PAGE_W, Rgb};

pub(super) fn check(cancel: &AtomicBool) -> Result<(), ReportError> {
    if cancel.load(Ordering::Relaxed) {
        Err(ReportError::Cancelled)
    } else {
        Ok(())
    }
}

fn paint(colour: Rgb) -> krilla::paint::Paint {
    rgb::Color::new(colour.0, colour.1, colour.2).into()
}

/// The PDF of `pages`, titled `title` in its metadata; `progress` goes from 0.6 to 1.0 here.
pub fn draw(
    pages: &[Vec<Op>],
    fonts: &Fonts,
    title: &str,
    lang: Lang,
    progress: &dyn Fn(f32),
    cancel: &AtomicBool,
) -> Result<Vec<u8>, ReportError> {
    let mut document = Document::new();
    document.set_metadata(
        Metadata::new()
            .title(title.to_owned())
            .language(lang.pick("en", "zh-CN").to_owned())
            .creator("fairmatch".to_owned()),
    );
    let settings = PageSettings::from_wh(PAGE_W, PAGE_H).ok_or_else(|| ReportError::Pdf("bad page size".into()))?;
    for (n, ops) in pages.iter().enumerate() {
        if n % 8 == 0 {
            check(cancel)?;
            progress(0.6 + 0.2 * n as f32 / pages.len().max(1) as f32);
        }
        let mut page = document.start_page_with(settings.clone());
        let mut surface = page.surface();
        for op in ops {
            match op {
                Op::Text {
                    x,
                    y,
                    size,
                    bold,
                    colour,
                    angle,
                    text,
                } => {
                    let face = match (&fonts.bold, bold) {
                        (Some(face), true) => face,
                        _ => &fonts.regular,
                    };
                    surface.set_stroke(None);
                    surface.set_fill(Some(Fill {
                        paint: paint(*colour),
                        opacity: NormalizedF32::ONE,
                        rule: FillRule::NonZero,
                    }));
                    let turned = *angle != 0.0;
                    if turned {
                        surface.push_transform(&Transform::from_rotate_at(*angle, *x, *y));
                    }
                    let glyphs = face.glyphs(text);
                    surface.draw_glyphs(Point::from_xy(*x, *y), &glyphs, face.font.clone(), text, *size, false);
                    if turned {
                        surface.pop();
                    }
                }
                Op::Rect { x, y, w, h, colour } => {
                    let mut path = PathBuilder::new();
                    if let Some(rect) = Rect::from_xywh(*x, *y, *w, *h) {
                        path.push_rect(rect);
                    }
                    if let Some(path) = path.finish() {
                        surface.set_stroke(None);
                        surface.set_fill(Some(Fill {
                            paint: paint(*colour),
                            opacity: NormalizedF32::ONE,
                            rule: FillRule::NonZero,
                        }));
                        surface.draw_path(&path);
                    }
                }
                Op::Line {
                    x1,
                    y1,
                    x2,
                    y2,
                    width,
                    colour,
                } => {
                    let mut path = PathBuilder::new();
                    path.move_to(*x1, *y1);
                    path.line_to(*x2, *y2);
                    if let Some(path) = path.finish() {
                        surface.set_fill(None);
                        surface.set_stroke(Some(Stroke {
                            paint: paint(*colour),
                            width: *width,
                            ..Stroke::default()
                        }));
                        surface.draw_path(&path);
                        surface.set_stroke(None);
                    }
                }
            }
        }
        surface.finish();
        page.finish();
    }
    check(cancel)?;
    progress(0.85);
    // Subsets and embeds the fonts, compresses the pages.
    let bytes = document.finish().map_err(|e| ReportError::Pdf(format!("{e:?}")))?;
    progress(1.0);
    Ok(bytes)
}
