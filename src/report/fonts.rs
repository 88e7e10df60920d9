//! The report's font: a CJK font found on the system with `fontdb`, embedded by krilla as a
//! subset of the glyphs used. Text is laid out one glyph per character from the font's cmap
//! and advances (no shaping: Chinese and the Latin text of tables need none).

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;

use krilla::text::{Font, GlyphId, KrillaGlyph};
use skrifa::instance::{LocationRef, Size};
use skrifa::{FontRef, MetadataProvider};

use super::ReportError;

/// Families tried first, most preferred first; any other face with Chinese glyphs comes after.
const PREFERRED: &[&str] = &[
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "Noto Sans CJK TC",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "Microsoft YaHei",
    "PingFang SC",
    "Noto Serif CJK SC",
    "Source Han Serif SC",
    "AR PL UMing CN",
    "SimHei",
    "SimSun",
    "Droid Sans Fallback",
];

/// What the report names when no font is found.
pub const FONT_PACKAGE: &str = "fonts-noto-cjk";

/// One face: the data krilla embeds and a cache of character → glyph and advance.
pub struct Face {
    pub font: Font,
    data: Arc<Vec<u8>>,
    index: u32,
    glyphs: RefCell<HashMap<char, (u32, f32)>>,
}

/// The regular face and, when the family has one, the bold face for headings.
pub struct Fonts {
    pub regular: Face,
    pub bold: Option<Face>,
    pub family: String,
}

impl Face {
    fn new(data: Vec<u8>, index: u32) -> Option<Face> {
        let data = Arc::new(data);
        FontRef::from_index(data.as_slice(), index).ok()?;
        let font = Font::new(data.clone().into(), index)?;
        Some(Face {
            font,
            data,
            index,
            glyphs: RefCell::new(HashMap::new()),
        })
    }

    /// Glyph id and advance (in ems) of a character; glyph 0 when the font lacks it.
    fn glyph(&self, c: char) -> (u32, f32) {
        if let Some(&hit) = self.glyphs.borrow().get(&c) {
            return hit;
        }
        let found = FontRef::from_index(self.data.as_slice(), self.index)
            .ok()
            .map(|font| {
                let gid = font.charmap().map(c).unwrap_or_default();
                let upem = font
                    .metrics(Size::unscaled(), LocationRef::default())
                    .units_per_em
                    .max(1);
                let advance = font
                    .glyph_metrics(Size::unscaled(), LocationRef::default())
                    .advance_width(gid)
                    .unwrap_or(0.0);
                (gid.to_u32(), advance / f32::from(upem))
            })
            .unwrap_or((0, 0.5));
        self.glyphs.borrow_mut().insert(c, found);
        found
    }

    /// Whether the font has a glyph for `c` (else it prints as an empty box).
    pub fn has(&self, c: char) -> bool {
        self.glyph(c).0 != 0
    }

    /// Width of `text` at `size` points.
    pub fn width(&self, text: &str, size: f32) -> f32 {
        text.chars().map(|c| self.glyph(c).1).sum::<f32>() * size
    }

    /// The glyphs krilla draws for `text`, each covering its character's bytes.
    pub fn glyphs(&self, text: &str) -> Vec<KrillaGlyph> {
        text.char_indices()
            .map(|(at, c)| {
                let (gid, advance) = self.glyph(c);
                KrillaGlyph::new(GlyphId::new(gid), advance, 0.0, 0.0, 0.0, at..at + c.len_utf8(), None)
            })
            .collect()
    }
}

/// Finds a font with Chinese glyphs on the system.
pub fn find() -> Result<Fonts, ReportError> {
    let mut db = fontdb::Database::new();
    db.load_system_fonts();
    let query = |family: &str, weight: fontdb::Weight| {
        db.query(&fontdb::Query {
            families: &[fontdb::Family::Name(family)],
            weight,
            ..fontdb::Query::default()
        })
    };
    // Checked in place (memory-mapped) before the face is copied for embedding.
    let covers = |id: fontdb::ID| {
        db.with_face_data(id, |data, index| {
            FontRef::from_index(data, index).is_ok_and(|font| {
                let map = font.charmap();
                map.map('中').is_some() && map.map('会').is_some()
            })
        })
        .unwrap_or(false)
    };
    let load = |id: fontdb::ID| -> Option<Face> {
        if !covers(id) {
            return None;
        }
        let (data, index) = db.with_face_data(id, |data, index| (data.to_vec(), index))?;
        Face::new(data, index)
    };
    for family in PREFERRED {
        let Some(id) = query(family, fontdb::Weight::NORMAL) else {
            continue;
        };
        let Some(regular) = load(id) else { continue };
        let bold = query(family, fontdb::Weight::BOLD)
            .filter(|&b| b != id && db.face(b).is_some_and(|f| f.weight.0 >= 600))
            .and_then(load);
        return Ok(Fonts {
            regular,
            bold,
            family: (*family).to_owned(),
        });
    }
    // Any other face that has Chinese glyphs.
    for face in db.faces() {
        if let Some(regular) = load(face.id) {
            let family = face.families.first().map(|f| f.0.clone()).unwrap_or_default();
            return Ok(Fonts {
                regular,
                bold: None,
                family,
            });
        }
    }
    Err(ReportError::NoCjkFont)
}
