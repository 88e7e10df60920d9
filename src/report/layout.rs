//! Page flow for the PDF: a display list per A4 page (text, rectangles, lines), filled from
//! top to bottom with page breaks, then drawn by krilla. Keeping layout apart from krilla keeps
//! the report's sections plain functions and lets the job stop between them.

use super::fonts::Fonts;
use super::tables::{Table, Value};
use crate::model::Lang;

pub const PAGE_W: f32 = 595.28;
pub const PAGE_H: f32 = 841.89;
pub const LEFT: f32 = 48.0;
pub const RIGHT: f32 = PAGE_W - 48.0;
pub const TOP: f32 = 56.0;
pub const BOTTOM: f32 = PAGE_H - 56.0;
pub const WIDTH: f32 = RIGHT - LEFT;

pub type Rgb = (u8, u8, u8);

pub const INK: Rgb = (33, 37, 41);
pub const MUTED: Rgb = (108, 117, 125);
pub const ACCENT: Rgb = (13, 94, 166);
pub const RULE: Rgb = (206, 212, 218);
pub const STRIPE: Rgb = (244, 246, 248);
pub const HEADER: Rgb = (226, 234, 243);

/// How a [`Layout::grid`] sets its cells.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TableStyle {
    /// Text size in points; the row height follows it.
    pub size: f32,
    /// Wrap a long cell onto more lines instead of cutting it.
    pub wrap: bool,
}

impl TableStyle {
    /// The report's dense tables: small type, one line per row.
    pub const REPORT: TableStyle = TableStyle { size: 8.0, wrap: false };
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
    Centre,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Op {
    /// `y` is the baseline; `angle` in degrees, clockwise, about (`x`, `y`).
    Text {
        x: f32,
        y: f32,
        size: f32,
        bold: bool,
        colour: Rgb,
        angle: f32,
        text: String,
    },
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        colour: Rgb,
    },
    Line {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        width: f32,
        colour: Rgb,
    },
}

pub struct Layout<'f> {
    pub fonts: &'f Fonts,
    pub pages: Vec<Vec<Op>>,
    /// The page drawn on.
    pub current: usize,
    /// Top of the free space on the current page.
    pub y: f32,
}

impl<'f> Layout<'f> {
    pub fn new(fonts: &'f Fonts) -> Self {
        Self {
            fonts,
            pages: vec![Vec::new()],
            current: 0,
            y: TOP,
        }
    }

    pub fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.current = self.pages.len() - 1;
        self.y = TOP;
    }

    /// Starts a new page unless `height` still fits on this one.
    pub fn ensure(&mut self, height: f32) {
        if self.y + height > BOTTOM && self.y > TOP {
            self.new_page();
        }
    }

    fn push(&mut self, op: Op) {
        if let Some(page) = self.pages.get_mut(self.current) {
            page.push(op);
        }
    }

    pub fn width(&self, text: &str, size: f32, bold: bool) -> f32 {
        match (&self.fonts.bold, bold) {
            (Some(face), true) => face.width(text, size),
            _ => self.fonts.regular.width(text, size),
        }
    }

    /// `text` cut to fit `max` points, with an ellipsis when cut.
    pub fn fit(&self, text: &str, size: f32, bold: bool, max: f32) -> String {
        if self.width(text, size, bold) <= max {
            return text.to_owned();
        }
        let ellipsis = self.width("…", size, bold);
        let mut out = String::new();
        let mut used = 0.0;
        for c in text.chars() {
            let w = self.width(c.encode_utf8(&mut [0; 4]), size, bold);
            if used + w + ellipsis > max {
                break;
            }
            used += w;
            out.push(c);
        }
        out.push('…');
        out
    }

    #[allow(clippy::too_many_arguments)]
    pub fn text_at(&mut self, x: f32, y: f32, size: f32, bold: bool, colour: Rgb, align: Align, text: &str) {
        if text.is_empty() {
            return;
        }
        let w = self.width(text, size, bold);
        let x = match align {
            Align::Left => x,
            Align::Right => x - w,
            Align::Centre => x - w / 2.0,
        };
        self.push(Op::Text {
            x,
            y,
            size,
            bold,
            colour,
            angle: 0.0,
            text: text.to_owned(),
        });
    }

    /// Text turned `angle` degrees clockwise about its start.
    pub fn text_turned(&mut self, x: f32, y: f32, size: f32, colour: Rgb, angle: f32, text: &str) {
        self.push(Op::Text {
            x,
            y,
            size,
            bold: false,
            colour,
            angle,
            text: text.to_owned(),
        });
    }

    pub fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, colour: Rgb) {
        if w > 0.0 && h > 0.0 {
            self.push(Op::Rect { x, y, w, h, colour });
        }
    }

    pub fn line(&mut self, (x1, y1): (f32, f32), (x2, y2): (f32, f32), width: f32, colour: Rgb) {
        self.push(Op::Line {
            x1,
            y1,
            x2,
            y2,
            width,
            colour,
        });
    }

    /// Lines of `text` wrapped to `max` points: Latin words stay whole where they fit on a
    /// line, Chinese breaks between any two characters.
    pub fn wrap(&self, text: &str, size: f32, bold: bool, max: f32) -> Vec<String> {
        let mut lines = Vec::new();
        let mut line: Vec<char> = Vec::new();
        let mut width = 0.0;
        for c in text.chars() {
            let w = self.width(c.encode_utf8(&mut [0; 4]), size, bold);
            if !line.is_empty() && width + w > max {
                // Break after the last space, or between the last two characters either of
                // which is not ASCII; else wherever the line is full.
                let cut = (1..line.len())
                    .rev()
                    .find(|&i| line[i - 1] == ' ' || !line[i - 1].is_ascii() || !line[i].is_ascii())
                    .filter(|_| c.is_ascii() && c != ' ')
                    .unwrap_or(line.len());
                let rest: Vec<char> = line.split_off(cut);
                lines.push(line.iter().collect::<String>().trim_end().to_owned());
                line = rest.into_iter().skip_while(|&r| r == ' ').collect();
                width = line
                    .iter()
                    .map(|r| self.width(r.encode_utf8(&mut [0; 4]), size, bold))
                    .sum();
                if c == ' ' && line.is_empty() {
                    continue;
                }
            }
            line.push(c);
            width += w;
        }
        if !line.is_empty() {
            lines.push(line.into_iter().collect());
        }
        lines
    }

    /// A paragraph at the cursor, wrapped to the page width.
    pub fn paragraph(&mut self, text: &str, size: f32, bold: bool, colour: Rgb) {
        let leading = size * 1.45;
        for line in self.wrap(text, size, bold, WIDTH) {
            self.ensure(leading);
            self.text_at(LEFT, self.y + size, size, bold, colour, Align::Left, &line);
            self.y += leading;
        }
    }

    /// A section heading with a rule under it; kept with `keep` points of what follows.
    pub fn heading(&mut self, text: &str, keep: f32) {
        self.ensure(40.0 + keep);
        self.y += 10.0;
        self.text_at(LEFT, self.y + 15.0, 15.0, true, ACCENT, Align::Left, text);
        self.y += 22.0;
        self.line((LEFT, self.y), (RIGHT, self.y), 0.8, ACCENT);
        self.y += 10.0;
    }

    pub fn subheading(&mut self, text: &str, keep: f32) {
        self.ensure(24.0 + keep);
        self.y += 4.0;
        self.text_at(LEFT, self.y + 11.0, 11.0, true, INK, Align::Left, text);
        self.y += 18.0;
    }

    /// A table at the cursor: at most `max_rows` rows, header repeated on every page, numbers
    /// right-aligned. Says how many rows were left out, if any.
    pub fn table(&mut self, table: &Table, max_rows: usize, more: &dyn Fn(usize) -> String) {
        let shown = &table.rows[..table.rows.len().min(max_rows)];
        self.grid(&table.columns, &table.widths, shown, TableStyle::REPORT);
        if table.rows.len() > max_rows {
            self.paragraph(&more(table.rows.len() - max_rows), 8.0, false, MUTED);
        } else if table.rows.is_empty() {
            self.paragraph("–", 8.0, false, MUTED);
        }
        self.y += 8.0;
    }

    /// `rows` under a shaded header of `columns`, `widths` relative (shared out over the page
    /// width); the header is repeated on every page, a column of numbers is right-aligned, and
    /// a cell too long for its column is cut with an ellipsis or, with `style.wrap`, wrapped.
    pub fn grid(&mut self, columns: &[String], widths: &[f32], rows: &[Vec<Value>], style: TableStyle) {
        let TableStyle { size, wrap } = style;
        let row = size * 1.75;
        let leading = size * 1.3;
        let total: f32 = widths.iter().sum::<f32>().max(f32::EPSILON);
        let widths: Vec<f32> = widths.iter().map(|w| w / total * WIDTH).collect();
        let numeric: Vec<bool> = (0..columns.len())
            .map(|c| !rows.is_empty() && rows.iter().all(|r| r.get(c).is_some_and(Value::is_number)))
            .collect();
        let header = |layout: &mut Layout| {
            layout.rect(LEFT, layout.y, WIDTH, row + 4.0, HEADER);
            let mut x = LEFT;
            for (c, name) in columns.iter().enumerate() {
                let w = widths.get(c).copied().unwrap_or(0.0);
                let cell = layout.fit(name, size, true, w - 6.0);
                let (tx, align) = if numeric[c] {
                    (x + w - 3.0, Align::Right)
                } else {
                    (x + 3.0, Align::Left)
                };
                layout.text_at(tx, layout.y + row - 2.0, size, true, INK, align, &cell);
                x += w;
            }
            layout.y += row + 4.0;
        };
        self.ensure(3.0 * row);
        header(self);
        for (r, values) in rows.iter().enumerate() {
            let cells: Vec<Vec<String>> = values
                .iter()
                .enumerate()
                .map(|(c, value)| {
                    let w = widths.get(c).copied().unwrap_or(0.0) - 6.0;
                    let text = value.display();
                    if wrap && !numeric[c] {
                        self.wrap(&text, size, false, w)
                    } else {
                        vec![self.fit(&text, size, false, w)]
                    }
                })
                .collect();
            let lines = cells.iter().map(Vec::len).max().unwrap_or(1).max(1);
            let height = row + (lines - 1) as f32 * leading;
            if self.y + height > BOTTOM {
                self.new_page();
                header(self);
            }
            if r % 2 == 1 {
                self.rect(LEFT, self.y, WIDTH, height, STRIPE);
            }
            let mut x = LEFT;
            for (c, cell) in cells.iter().enumerate() {
                let w = widths.get(c).copied().unwrap_or(0.0);
                let (tx, align) = if numeric[c] {
                    (x + w - 3.0, Align::Right)
                } else {
                    (x + 3.0, Align::Left)
                };
                for (n, line) in cell.iter().enumerate() {
                    let baseline = self.y + row - size * 0.5 + n as f32 * leading;
                    self.text_at(tx, baseline, size, false, INK, align, line);
                }
                x += w;
            }
            self.y += height;
        }
        self.line((LEFT, self.y), (RIGHT, self.y), 0.5, RULE);
        self.y += 6.0;
    }

    /// The fair's name and the page number at the foot of every page from `first` (0-based) on.
    pub fn footers(&mut self, name: &str, lang: Lang, first: usize) {
        let total = self.pages.len();
        let name = self.fit(name, 7.5, false, RIGHT - LEFT - 80.0);
        for page in first..total {
            let number = match lang {
                Lang::En => format!("{} / {total}", page + 1),
                Lang::Zh => format!("第 {} 页，共 {total} 页", page + 1),
            };
            self.current = page;
            self.line((LEFT, PAGE_H - 40.0), (RIGHT, PAGE_H - 40.0), 0.4, RULE);
            self.text_at(LEFT, PAGE_H - 28.0, 7.5, false, MUTED, Align::Left, &name);
            self.text_at(RIGHT, PAGE_H - 28.0, 7.5, false, MUTED, Align::Right, &number);
        }
    }
}
