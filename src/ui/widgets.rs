//! Labelled form rows, label above input. Every input is tied to its visible label (`labelled_by`), so screen
//! readers and the headless tests find it by that label.

use std::collections::HashMap;

use crate::app::Field;
use crate::model::{Lang, LocalTime, SkillDictionary, skills::split_list};

use super::i18n;

pub fn field_label(field: Field, lang: Lang) -> &'static str {
    lang.pick(field.en, field.zh)
}

/// What the editors keep between frames: text being typed in fields that parse (numbers,
/// lists, ids) and in the skill pickers, by widget id.
#[derive(Debug, Default)]
pub struct EditorState {
    drafts: HashMap<egui::Id, String>,
    queries: HashMap<egui::Id, String>,
}

impl EditorState {
    /// A form over this state; `salt` keeps one record's drafts from leaking into another's.
    pub fn form(&mut self, lang: Lang, salt: impl Into<String>) -> Form<'_> {
        Form {
            lang,
            drafts: &mut self.drafts,
            queries: &mut self.queries,
            changed: None,
            salt: salt.into(),
        }
    }

    /// Drops what is being typed (after undo, redo or another fair).
    pub fn clear(&mut self) {
        self.drafts.clear();
        self.queries.clear();
    }

    /// How many fields hold typed text (benchmarks).
    pub fn drafts_len(&self) -> usize {
        self.drafts.len()
    }
}

/// A two-column form; each row reports whether its value changed.
pub struct Form<'a> {
    pub lang: Lang,
    pub drafts: &'a mut HashMap<egui::Id, String>,
    pub queries: &'a mut HashMap<egui::Id, String>,
    /// The last field changed this frame.
    pub changed: Option<Field>,
    /// Distinguishes the records' widgets so drafts do not leak between records.
    pub salt: String,
}

impl Form<'_> {
    fn id(&self, field: Field) -> egui::Id {
        egui::Id::unique((self.salt.as_str(), field.en))
    }

    /// The row's label, above its input (a side panel is too narrow for two columns).
    fn label(&self, ui: &mut egui::Ui, field: Field) -> egui::Response {
        ui.add_space(super::style::SPACE_TIGHT);
        ui.label(egui::RichText::new(field_label(field, self.lang)).strong())
    }

    fn mark(&mut self, changed: bool, field: Field) {
        if changed {
            self.changed = Some(field);
        }
    }

    /// A problem with the row's value, in the current language, shown under the input.
    fn problem(ui: &mut egui::Ui, message: Option<String>) {
        if let Some(message) = message {
            ui.colored_label(ui.visuals().error_fg_color, message);
        }
    }

    pub fn text(&mut self, ui: &mut egui::Ui, field: Field, value: &mut String, problem: Option<String>) {
        let label = self.label(ui, field);
        let id = self.id(field);
        let changed = ui
            .vertical(|ui| {
                let r = ui
                    .add(egui::TextEdit::singleline(value).id(id).desired_width(f32::INFINITY))
                    .labelled_by(label.id);
                Self::problem(ui, problem);
                r.changed()
            })
            .inner;
        self.mark(changed, field);
    }

    /// A record's id. What is typed stays a draft, checked as it is typed (`problem` says why
    /// it cannot be used, e.g. taken); it becomes the id when the field is left or Enter is
    /// pressed, and only if valid. So the field can be cleared and retyped freely, the record
    /// never passes through half-typed ids, and an invalid draft is dropped on leaving.
    pub fn id_text(
        &mut self,
        ui: &mut egui::Ui,
        field: Field,
        value: &mut String,
        problem: impl Fn(&str) -> Option<String>,
    ) {
        let label = self.label(ui, field);
        let id = self.id(field);
        let lang = self.lang;
        let mut changed = false;
        ui.vertical(|ui| {
            let focused = ui.memory(|m| m.has_focus(id));
            let draft = self.drafts.entry(id).or_insert_with(|| value.clone());
            if !focused && draft != value {
                *draft = value.clone();
            }
            let response = ui
                .add(egui::TextEdit::singleline(draft).id(id).desired_width(f32::INFINITY))
                .labelled_by(label.id);
            let typed = draft.trim();
            let issue = if typed.is_empty() {
                Some(i18n::ID_REQUIRED.get(lang).to_owned())
            } else if typed == value.as_str() {
                None
            } else {
                problem(typed)
            };
            if response.lost_focus() {
                if issue.is_none() && typed != value.as_str() {
                    *value = typed.to_owned();
                    changed = true;
                }
                *draft = value.clone();
            } else if response.has_focus() {
                Self::problem(ui, issue);
            }
        });
        self.mark(changed, field);
    }

    pub fn multiline(&mut self, ui: &mut egui::Ui, field: Field, value: &mut String) {
        let label = self.label(ui, field);
        let id = self.id(field);
        let changed = ui
            .add(
                egui::TextEdit::multiline(value)
                    .id(id)
                    .desired_rows(3)
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id)
            .changed();
        self.mark(changed, field);
    }

    /// A text input that keeps what is typed while it does not parse yet.
    fn buffered(&mut self, ui: &mut egui::Ui, field: Field, label: egui::Id, model_text: String) -> Option<String> {
        let id = self.id(field);
        let focused = ui.memory(|m| m.has_focus(id));
        let buffer = self.drafts.entry(id).or_insert_with(|| model_text.clone());
        if !focused && *buffer != model_text {
            *buffer = model_text;
        }
        let response = ui
            .add(egui::TextEdit::singleline(buffer).id(id).desired_width(f32::INFINITY))
            .labelled_by(label);
        response.changed().then(|| buffer.clone())
    }

    /// An optional whole number (salary, year); empty means none.
    pub fn opt_number<T>(&mut self, ui: &mut egui::Ui, field: Field, value: &mut Option<T>, problem: Option<String>)
    where
        T: std::str::FromStr + std::fmt::Display + Copy + PartialEq,
    {
        let label = self.label(ui, field);
        let model_text = value.map(|v| v.to_string()).unwrap_or_default();
        let mut changed = false;
        let lang = self.lang;
        ui.vertical(|ui| {
            let typed = self.buffered(ui, field, label.id, model_text);
            let id = self.id(field);
            let current = self.drafts.get(&id).cloned().unwrap_or_default();
            let parsed = parse_number::<T>(&current);
            if let Some(text) = typed
                && let Ok(new) = parse_number::<T>(&text)
                && new != *value
            {
                *value = new;
                changed = true;
            }
            match parsed {
                Err(()) => Self::problem(ui, Some(i18n::NOT_WHOLE_NUMBER.get(lang).to_owned())),
                Ok(_) => Self::problem(ui, problem),
            }
        });
        self.mark(changed, field);
    }

    pub fn number<T: egui::emath::Numeric>(
        &mut self,
        ui: &mut egui::Ui,
        field: Field,
        value: &mut T,
        range: std::ops::RangeInclusive<T>,
        problem: Option<String>,
    ) {
        let label = self.label(ui, field);
        let changed = ui
            .vertical(|ui| {
                let r = ui
                    .add(egui::DragValue::new(value).range(range))
                    .labelled_by(label.id)
                    .changed();
                Self::problem(ui, problem);
                r
            })
            .inner;
        self.mark(changed, field);
    }

    /// A time of day in minutes from midnight, shown and typed as HH:MM.
    pub fn time_of_day(&mut self, ui: &mut egui::Ui, field: Field, minutes: &mut u32) {
        let label = self.label(ui, field);
        let changed = ui
            .add(
                egui::DragValue::new(minutes)
                    .range(0..=24 * 60 - 1)
                    .speed(0.5)
                    .custom_formatter(|m, _| format!("{:02}:{:02}", m as u32 / 60, m as u32 % 60))
                    .custom_parser(|text| {
                        let (h, m) = text.trim().split_once([':', '：'])?;
                        let (h, m) = (h.trim().parse::<u32>().ok()?, m.trim().parse::<u32>().ok()?);
                        (h < 24 && m < 60).then_some(f64::from(h * 60 + m))
                    }),
            )
            .labelled_by(label.id)
            .changed();
        self.mark(changed, field);
    }

    /// A value shown masked and read-only (`why` says how to see it in full, on hover).
    pub fn masked(&mut self, ui: &mut egui::Ui, field: Field, shown: &str, why: &str) {
        let label = self.label(ui, field);
        let mut text = shown;
        ui.add(
            egui::TextEdit::singleline(&mut text)
                .id(self.id(field))
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id)
        .on_hover_text(why);
    }

    pub fn check(&mut self, ui: &mut egui::Ui, field: Field, value: &mut bool, text: &str) {
        let _ = self.label(ui, field);
        let changed = ui.checkbox(value, text).changed();
        self.mark(changed, field);
    }

    /// A list typed as `a, b; c` (any separator people use).
    pub fn list(&mut self, ui: &mut egui::Ui, field: Field, values: &mut Vec<String>) {
        let label = self.label(ui, field);
        let model_text = values.join(", ");
        let mut changed = false;
        if let Some(text) = self.buffered(ui, field, label.id, model_text) {
            let parsed = split_list(&text);
            if parsed != *values {
                *values = parsed;
                changed = true;
            }
        }
        self.mark(changed, field);
    }

    pub fn choice<T: Copy + PartialEq>(
        &mut self,
        ui: &mut egui::Ui,
        field: Field,
        value: &mut T,
        all: &[T],
        name: impl Fn(T) -> &'static str,
    ) {
        let label = self.label(ui, field);
        let before = *value;
        let combo = egui::ComboBox::from_id_salt(self.id(field))
            .selected_text(name(*value))
            .width(200.0)
            .show_ui(ui, |ui| {
                for &option in all {
                    ui.selectable_value(value, option, name(option));
                }
            });
        combo.response.labelled_by(label.id);
        self.mark(*value != before, field);
    }

    /// A set of enum values as checkboxes.
    pub fn set<T: Copy + PartialEq + Ord>(
        &mut self,
        ui: &mut egui::Ui,
        field: Field,
        values: &mut Vec<T>,
        all: &[T],
        name: impl Fn(T) -> &'static str,
    ) {
        let _ = self.label(ui, field);
        let mut changed = false;
        ui.horizontal_wrapped(|ui| {
            for &option in all {
                let mut on = values.contains(&option);
                if ui.checkbox(&mut on, name(option)).changed() {
                    if on {
                        values.push(option);
                        values.sort();
                    } else {
                        values.retain(|v| *v != option);
                    }
                    changed = true;
                }
            }
        });
        self.mark(changed, field);
    }

    /// Several yes/no values under one label, side by side.
    pub fn checks(&mut self, ui: &mut egui::Ui, field: Field, values: &mut [(&mut bool, &str)]) {
        let _ = self.label(ui, field);
        let mut changed = false;
        ui.horizontal_wrapped(|ui| {
            for (value, text) in values.iter_mut() {
                changed |= ui.checkbox(value, *text).changed();
            }
        });
        self.mark(changed, field);
    }

    /// A date and time typed as `2026-02-21 13:30`; what does not parse yet stays a draft,
    /// with what is expected shown under it.
    pub fn date_time(&mut self, ui: &mut egui::Ui, field: Field, value: &mut LocalTime, problem: Option<String>) {
        let label = self.label(ui, field);
        let model_text = value.format(DATE_TIME).to_string();
        let lang = self.lang;
        let mut changed = false;
        ui.vertical(|ui| {
            let typed = self.buffered(ui, field, label.id, model_text);
            let current = self.drafts.get(&self.id(field)).cloned().unwrap_or_default();
            if let Some(text) = typed
                && let Some(new) = parse_date_time(&text)
                && new != *value
            {
                *value = new;
                changed = true;
            }
            if parse_date_time(&current).is_none() {
                Self::problem(ui, Some(i18n::DATE_TIME_EXPECTED.get(lang).to_owned()));
            } else {
                Self::problem(ui, problem);
            }
        });
        self.mark(changed, field);
    }

    /// Records picked from the fair as removable chips, and a search box that offers up to
    /// eight more (`find` says which, with their names); `name` names a chosen one.
    pub fn picks<T: Clone + PartialEq>(
        &mut self,
        ui: &mut egui::Ui,
        field: Field,
        values: &mut Vec<T>,
        name: impl Fn(&T) -> String,
        find: impl Fn(&str) -> Vec<(T, String)>,
    ) {
        let label = self.label(ui, field);
        let id = self.id(field);
        let mut changed = false;
        ui.vertical(|ui| {
            let mut remove = None;
            ui.horizontal_wrapped(|ui| {
                for (i, value) in values.iter().enumerate() {
                    if ui.small_button(format!("{} ✕", name(value))).clicked() {
                        remove = Some(i);
                    }
                }
            });
            if let Some(i) = remove {
                values.remove(i);
                changed = true;
            }
            let query = self.queries.entry(id).or_default();
            let response = ui
                .add(
                    egui::TextEdit::singleline(query)
                        .id(id.with("find"))
                        .hint_text(i18n::FIND_TO_ADD.get(self.lang))
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(label.id);
            let entered = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if query.trim().is_empty() {
                return;
            }
            let offered: Vec<(T, String)> = find(query.trim())
                .into_iter()
                .filter(|(v, _)| !values.contains(v))
                .take(8)
                .collect();
            let mut picked = entered.then(|| offered.first().map(|(v, _)| v.clone())).flatten();
            ui.horizontal_wrapped(|ui| {
                for (value, text) in &offered {
                    if ui.small_button(format!("+ {text}")).clicked() {
                        picked = Some(value.clone());
                    }
                }
            });
            if let Some(value) = picked {
                values.push(value);
                query.clear();
                changed = true;
            }
        });
        self.mark(changed, field);
    }

    /// Skills as removable chips plus an input suggesting dictionary skills in both languages.
    pub fn skills(&mut self, ui: &mut egui::Ui, field: Field, values: &mut Vec<String>, add_label: &str) {
        let _ = self.label(ui, field);
        let id = self.id(field);
        let lang = self.lang;
        let mut changed = false;
        ui.vertical(|ui| {
            let dictionary = SkillDictionary::builtin();
            ui.horizontal_wrapped(|ui| {
                let mut remove = None;
                for (i, skill) in values.iter().enumerate() {
                    let known = dictionary.resolve(skill).is_some();
                    let text = if known {
                        format!("{skill} ✕")
                    } else {
                        format!("{skill}? ✕")
                    };
                    let hover = match (lang, known) {
                        (Lang::En, true) => "remove",
                        (Lang::En, false) => "not in the skills dictionary; kept as typed. Click to remove",
                        (Lang::Zh, true) => "移除",
                        (Lang::Zh, false) => "技能词典中没有，按原样保留。点击移除",
                    };
                    if ui.small_button(text).on_hover_text(hover).clicked() {
                        remove = Some(i);
                    }
                }
                if let Some(i) = remove {
                    values.remove(i);
                    changed = true;
                }
            });
            let query = self.queries.entry(id).or_default();
            let label = ui.label(add_label);
            let input_id = id.with("add");
            let response = ui
                .add(
                    egui::TextEdit::singleline(query)
                        .id(input_id)
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(label.id);
            let entered = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            let suggestions = dictionary.suggest(query, 8);
            let mut picked = None;
            if !query.trim().is_empty() {
                ui.horizontal_wrapped(|ui| {
                    for skill_id in &suggestions {
                        let skill = dictionary.get(*skill_id);
                        let (first, second) = lang.pick((&skill.en, &skill.zh), (&skill.zh, &skill.en));
                        let text = format!("+ {first} {second}");
                        if ui.small_button(text).clicked() {
                            picked = Some(lang.pick(&skill.en, &skill.zh).clone());
                        }
                    }
                });
            }
            if picked.is_none() && entered && !query.trim().is_empty() {
                // Enter takes the best suggestion, or the text as typed when none fits.
                picked = Some(match suggestions.first() {
                    Some(&s) => {
                        let skill = dictionary.get(s);
                        lang.pick(&skill.en, &skill.zh).clone()
                    }
                    None => query.trim().to_owned(),
                });
            }
            if let Some(skill) = picked {
                let resolved = dictionary.resolve(&skill);
                let duplicate = values
                    .iter()
                    .any(|v| v == &skill || (resolved.is_some() && dictionary.resolve(v) == resolved));
                if !duplicate {
                    values.push(skill);
                    changed = true;
                }
                query.clear();
            }
        });
        self.mark(changed, field);
    }
}

const DATE_TIME: &str = "%Y-%m-%d %H:%M";

/// `2026-02-21 13:30`, also with `T` or `/`, full-width colons or seconds.
fn parse_date_time(text: &str) -> Option<LocalTime> {
    let text = text.trim().replace('：', ":").replace('/', "-").replace('T', " ");
    ["%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S"]
        .iter()
        .find_map(|format| LocalTime::parse_from_str(&text, format).ok())
}

fn parse_number<T: std::str::FromStr>(text: &str) -> Result<Option<T>, ()> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    text.parse::<T>().map(Some).map_err(|_| ())
}

/// A bar from 0 to 100 with the number on it.
pub fn score_bar(ui: &mut egui::Ui, label: &str, value: f32, width: f32) {
    ui.horizontal(|ui| {
        ui.add_sized([44.0, 14.0], egui::Label::new(egui::RichText::new(label).small()));
        ui.add(
            egui::ProgressBar::new((value / 100.0).clamp(0.0, 1.0))
                .desired_width(width)
                .desired_height(14.0)
                .text(format!("{value:.0}")),
        );
    });
}
