//! The import's questions: which text encoding a file is in (with a line of it read each way),
//! and which label each value in organizers' own words means. OK runs the import again with
//! the answers.

use super::command::{Command, ViewCtx};
use super::{Dialog, i18n};
use crate::app::{ImportAnswers, ImportQuestion, Job};
use crate::model::{LabelMapping, Lang};

/// A question on screen with the answers picked so far.
#[derive(Debug, Clone, PartialEq)]
pub struct Answering {
    pub question: ImportQuestion,
    /// The encoding picked (an index into the choices).
    pub encoding: usize,
    /// The label picked for each unknown value (its English name), if any.
    pub labels: Vec<Option<&'static str>>,
}

impl Answering {
    pub fn new(question: ImportQuestion) -> Self {
        let labels = match &question {
            ImportQuestion::Labels { unknown, .. } => vec![None; unknown.len()],
            ImportQuestion::Encoding { .. } => Vec::new(),
        };
        Self {
            question,
            encoding: 0,
            labels,
        }
    }

    /// The import again, with the answers.
    fn job(&self) -> Job {
        let (kind, path, answers) = match &self.question {
            ImportQuestion::Encoding {
                kind,
                path,
                answers,
                choices,
            } => {
                let answers = ImportAnswers {
                    encoding: choices.get(self.encoding).map(|c| c.name.clone()),
                    ..answers.clone()
                };
                (*kind, path.clone(), answers)
            }
            ImportQuestion::Labels {
                kind,
                path,
                answers,
                unknown,
            } => {
                let mut answers = answers.clone();
                // Asked once: values left unmapped are bad rows on the next run.
                answers.labels_answered = true;
                for (value, label) in unknown.iter().zip(&self.labels) {
                    if let Some(label) = label {
                        answers.mappings.push(LabelMapping {
                            vocabulary: value.vocabulary,
                            value: value.value.clone(),
                            label: (*label).to_owned(),
                        });
                    }
                }
                (*kind, path.clone(), answers)
            }
        };
        Job::ImportCsv { kind, path, answers }
    }
}

/// A label as the window names it: its Chinese spelling in Chinese, its English name in English.
fn label_name(lang: Lang, en: &'static str, spellings: &[&'static str]) -> String {
    let zh = spellings.iter().find(|s| !s.is_ascii()).copied().unwrap_or(en);
    lang.pick(en, zh).to_owned()
}

pub fn show(ctx: &egui::Context, cx: &mut ViewCtx, mut answering: Answering) -> Option<Dialog> {
    let lang = cx.lang();
    let mut done = None;
    let modal = egui::Modal::new(egui::Id::unique("import_question")).show(ctx, |ui| {
        ui.set_width(620.0_f32.min(ctx.content_rect().width() - 80.0));
        match &answering.question {
            ImportQuestion::Encoding { path, choices, .. } => {
                let file = path.file_name().unwrap_or_default().to_string_lossy();
                ui.heading(i18n::ENCODING_TITLE.fill(lang, &[("file", &file)]));
                ui.label(cx.t(i18n::ENCODING_BODY));
                ui.add_space(super::style::SPACE_ROW);
                for (i, choice) in choices.iter().enumerate() {
                    ui.radio_value(&mut answering.encoding, i, &choice.name);
                    ui.indent(("encoding_preview", i), |ui| {
                        ui.add(egui::Label::new(egui::RichText::new(&choice.preview).monospace()).truncate());
                    });
                }
            }
            ImportQuestion::Labels { path, unknown, .. } => {
                let file = path.file_name().unwrap_or_default().to_string_lossy();
                ui.heading(i18n::UNKNOWN_VALUES_TITLE.fill(lang, &[("file", &file)]));
                ui.label(cx.t(i18n::UNKNOWN_VALUES_BODY));
                ui.add_space(super::style::SPACE_ROW);
                egui::ScrollArea::vertical().max_height(320.0).show(ui, |ui| {
                    egui::Grid::new("unknown_values").striped(true).show(ui, |ui| {
                        for heading in [i18n::COLUMN, i18n::VALUE, i18n::ROW_COUNT, i18n::LABEL] {
                            ui.strong(cx.t(heading));
                        }
                        ui.end_row();
                        for (i, (value, picked)) in unknown.iter().zip(answering.labels.iter_mut()).enumerate() {
                            ui.label(&value.column);
                            let value_label = ui.label(&value.value);
                            ui.label(i18n::UNKNOWN_VALUE_ROWS.fill(lang, &[("rows", &value.rows)]));
                            let labels = value.vocabulary.labels();
                            let shown = picked
                                .and_then(|en| labels.iter().find(|(l, _)| *l == en))
                                .map_or_else(|| cx.t(i18n::NOT_MAPPED).to_owned(), |(en, s)| label_name(lang, en, s));
                            let combo = egui::ComboBox::from_id_salt(("unknown_value_label", i))
                                .selected_text(shown)
                                .width(200.0)
                                .show_ui(ui, |ui| {
                                    ui.selectable_value(picked, None, cx.t(i18n::NOT_MAPPED));
                                    for (en, spellings) in &labels {
                                        ui.selectable_value(picked, Some(*en), label_name(lang, en, spellings));
                                    }
                                });
                            combo.response.labelled_by(value_label.id);
                            ui.end_row();
                        }
                    });
                });
            }
        }
        ui.add_space(super::style::SPACE_GROUP);
        ui.horizontal(|ui| {
            if ui.button(cx.t(i18n::IMPORT_AGAIN)).clicked() {
                done = Some(true);
            }
            if ui.button(cx.t(i18n::CANCEL)).clicked() {
                done = Some(false);
            }
        });
    });
    if modal.should_close() && done.is_none() {
        done = Some(false);
    }
    match done {
        Some(true) => {
            cx.push(Command::Start(answering.job()));
            None
        }
        Some(false) => None,
        None => Some(Dialog::ImportQuestion(Box::new(answering))),
    }
}
