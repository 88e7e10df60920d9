//! The virtualized, sortable table and the search/filter bar shared by the three record views.

use egui_extras::{Column as Width, TableBuilder};

use super::RecordsState;
use super::command::{Command, TableChange, ViewCtx};
use super::i18n::{self, Tr};
use crate::app::search::Query;
use crate::app::{AppState, Column, Table};
use crate::model::{Education, Industry, Lang, TalentTier};

pub struct ColumnDef {
    pub column: Column,
    pub title: Tr,
    /// The narrowest it gets (a text column) or the width it starts from before fitting its content.
    pub width: f32,
    /// A text column (name, title, employer): the columns that share the width left over.
    pub grow: bool,
    /// When the table is too narrow for all columns (an editor is open), the columns with the
    /// highest `keep` are left out first; 0 is always shown.
    pub keep: u8,
}

/// The columns that fit in `width`, in their order: the least needed leave first.
fn fitting(columns: &[ColumnDef], width: f32) -> Vec<&ColumnDef> {
    let mut shown: Vec<&ColumnDef> = columns.iter().collect();
    let needed = |shown: &[&ColumnDef]| shown.iter().map(|c| c.width + 8.0).sum::<f32>();
    while needed(&shown) > width {
        let Some((i, _)) = shown
            .iter()
            .enumerate()
            .filter(|(_, c)| c.keep > 0)
            .max_by_key(|(i, c)| (c.keep, *i))
        else {
            break;
        };
        shown.remove(i);
    }
    shown
}

/// Which filters a table offers.
pub struct FilterSet {
    pub industry: bool,
    pub zone: bool,
    pub education: bool,
    pub tier: bool,
    pub city: bool,
    pub checked_in: bool,
}

/// Search box and filters; a change reorders the rows once the frame is drawn.
pub fn filter_bar(ui: &mut egui::Ui, cx: &mut ViewCtx, records: &mut RecordsState, table: Table, set: &FilterSet) {
    let lang = cx.lang();
    let any = cx.t(i18n::ANY);
    // Menu choices are derived from the whole fair, so they are cached per fair revision.
    let revision = cx.app.revision();
    if records
        .filter_choices
        .as_ref()
        .is_none_or(|c| c.0 != revision || c.1 != table)
    {
        records.filter_choices = Some((revision, table, zones(cx.app), cities(cx.app, table)));
    }
    let (zones, cities) = match &records.filter_choices {
        Some((_, _, zones, cities)) => (zones.as_slice(), cities.as_slice()),
        None => (&[][..], &[][..]),
    };
    let labels = (
        cx.t(i18n::SEARCH),
        cx.t(i18n::SEARCH_HINT),
        cx.t(i18n::INDUSTRY),
        cx.t(i18n::ZONE),
        cx.t(i18n::EDUCATION),
        cx.t(i18n::TIER),
        cx.t(i18n::CITY),
        cx.t(i18n::CHECKED_IN),
    );
    let view = cx.app.view(table);
    let mut search = view.search.clone();
    let mut filters = view.filters.clone();
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(labels.0);
        ui.add(
            egui::TextEdit::singleline(&mut search)
                .id(egui::Id::unique(("search", table)))
                .hint_text(labels.1)
                .desired_width(220.0),
        )
        .labelled_by(label.id);
        if set.industry {
            combo(
                ui,
                labels.2,
                ("industry", table),
                &mut filters.industry,
                Industry::ALL,
                any,
                |v| v.label(lang),
            );
        }
        if set.zone {
            string_combo(ui, labels.3, ("zone", table), &mut filters.zone, zones, any);
        }
        if set.education {
            combo(
                ui,
                labels.4,
                ("education", table),
                &mut filters.education,
                Education::ALL,
                any,
                |v| v.label(lang),
            );
        }
        if set.tier {
            combo(
                ui,
                labels.5,
                ("tier", table),
                &mut filters.tier,
                TalentTier::ALL,
                any,
                |v| v.label(lang),
            );
        }
        if set.city {
            string_combo(ui, labels.6, ("city", table), &mut filters.city, cities, any);
        }
        if set.checked_in {
            let yes_no: &[bool] = &[true, false];
            combo(
                ui,
                labels.7,
                ("checked_in", table),
                &mut filters.checked_in,
                yes_no,
                any,
                |v| match (v, lang) {
                    (true, Lang::En) => "yes",
                    (false, Lang::En) => "no",
                    (true, Lang::Zh) => "已签到",
                    (false, Lang::Zh) => "未签到",
                },
            );
        }
    });
    if search != view.search {
        cx.push(Command::Table(table, TableChange::Search(search)));
    }
    if filters != view.filters {
        cx.push(Command::Table(table, TableChange::Filters(filters)));
    }
}

fn combo<T: Copy + PartialEq>(
    ui: &mut egui::Ui,
    label: &str,
    salt: impl std::hash::Hash + std::fmt::Debug,
    value: &mut Option<T>,
    all: &[T],
    any: &str,
    name: impl Fn(T) -> &'static str,
) {
    let l = ui.label(label);
    let selected = value.map_or_else(|| any.to_owned(), |v| name(v).to_owned());
    let r = egui::ComboBox::from_id_salt(salt)
        .selected_text(selected)
        .show_ui(ui, |ui| {
            ui.selectable_value(value, None, any);
            for &option in all {
                ui.selectable_value(value, Some(option), name(option));
            }
        });
    r.response.labelled_by(l.id);
}

fn string_combo(
    ui: &mut egui::Ui,
    label: &str,
    salt: impl std::hash::Hash + std::fmt::Debug,
    value: &mut Option<String>,
    all: &[String],
    any: &str,
) {
    let l = ui.label(label);
    let selected = value.clone().unwrap_or_else(|| any.to_owned());
    let r = egui::ComboBox::from_id_salt(salt)
        .selected_text(selected)
        .show_ui(ui, |ui| {
            ui.selectable_value(value, None, any);
            for option in all {
                ui.selectable_value(value, Some(option.clone()), option);
            }
        });
    r.response.labelled_by(l.id);
}

fn zones(app: &AppState) -> Vec<String> {
    let mut zones: Vec<String> = app.fair().meta.zones.clone();
    for booth in &app.fair().booths {
        if !booth.zone.is_empty() && !zones.contains(&booth.zone) {
            zones.push(booth.zone.clone());
        }
    }
    zones
}

fn cities(app: &AppState, table: Table) -> Vec<String> {
    let mut cities = std::collections::BTreeSet::new();
    match table {
        Table::Candidates => {
            // Preferred cities of the first rows are enough to fill a menu; positions name the rest.
            for c in app.fair().candidates.iter().take(2000) {
                cities.extend(c.cities.iter().cloned());
            }
            cities.extend(app.fair().positions.iter().map(|p| p.city.clone()));
        }
        _ => cities.extend(app.fair().positions.iter().map(|p| p.city.clone())),
    }
    cities.remove("");
    cities.into_iter().collect()
}

/// What a table shows in its cells: the text of a column, and a note on the first cell saying
/// why the row matched the search when the hit is in a column not shown.
pub struct Cells {
    pub text: fn(&AppState, usize, Column) -> String,
    pub note: fn(&AppState, usize, &Query) -> Option<String>,
}

/// Draws the rows of `table` in the view's order; returns the fair index of a clicked row.
pub fn rows(
    ui: &mut egui::Ui,
    cx: &mut ViewCtx,
    records: &mut RecordsState,
    table: Table,
    columns: &[ColumnDef],
    selected: Option<usize>,
    cells: Cells,
) -> Option<usize> {
    let lang = cx.lang();
    let app = cx.app;
    let query = Query::parse(&app.view(table).search);
    let scroll_to = if records.scroll_to == Some(table) {
        records.scroll_to = None;
        selected.and_then(|s| app.view(table).rows().iter().position(|&r| r == s))
    } else {
        None
    };
    let mut clicked = None;
    let mut sort_clicked = None;
    let sort = app.view(table).sort;
    let row_count = app.view(table).rows().len();
    ui.label(format!("{} {row_count}", cx.t(i18n::ROWS)));
    let columns = fitting(columns, ui.available_width());
    // Columns remember their widths; with an editor open beside the table there is less
    // room, so the two layouts remember theirs apart. Whatever still does not fit is cut at
    // the table's edge instead of being drawn over the editor.
    let clip = ui.available_rect_before_wrap().intersect(ui.clip_rect());
    ui.scope(|ui| {
        ui.set_clip_rect(clip);
        let mut builder = TableBuilder::new(ui)
            .id_salt(("table", table, selected.is_some()))
            .striped(true)
            .resizable(true)
            .auto_shrink([false, false])
            .sense(egui::Sense::click())
            .cell_layout(egui::Layout::left_to_right(egui::Align::Center));
        // Short columns fit their content; text columns share what is left, so titles and
        // employers are not cut while the table has room.
        for def in &columns {
            let width = if def.grow {
                Width::remainder().at_least(def.width).clip(true)
            } else {
                Width::auto_with_initial_suggestion(def.width).at_least(40.0).clip(true)
            };
            builder = builder.column(width);
        }
        if let Some(row) = scroll_to {
            builder = builder.scroll_to_row(row, Some(egui::Align::Center));
        }
        builder
            .header(22.0, |mut header| {
                for def in &columns {
                    header.col(|ui| {
                        let arrow = match sort {
                            Some((c, true)) if c == def.column => " ▲",
                            Some((c, false)) if c == def.column => " ▼",
                            _ => "",
                        };
                        let title = format!("{}{arrow}", def.title.get(lang));
                        if ui
                            .add(egui::Button::new(egui::RichText::new(title).strong()).frame(false))
                            .clicked()
                        {
                            sort_clicked = Some(def.column);
                        }
                    });
                }
            })
            .body(|body| {
                let order = app.view(table).rows();
                body.rows(20.0, order.len(), |mut row| {
                    let Some(&index) = order.get(row.index()) else { return };
                    let is_selected = selected == Some(index);
                    row.set_selected(is_selected);
                    for (i, def) in columns.iter().enumerate() {
                        let text = (cells.text)(app, index, def.column);
                        row.col(|ui| {
                            if i == 0 {
                                if ui
                                    .add(egui::Button::selectable(is_selected, text).frame(false))
                                    .clicked()
                                {
                                    clicked = Some(index);
                                }
                                let note = if query.is_empty() {
                                    None
                                } else {
                                    (cells.note)(app, index, &query)
                                };
                                if let Some(note) = note {
                                    ui.add(
                                        egui::Label::new(egui::RichText::new(note).small().weak())
                                            .truncate()
                                            .selectable(false),
                                    );
                                }
                            } else if def.grow {
                                ui.add(egui::Label::new(text).truncate().selectable(false));
                            } else {
                                // Not truncated: an auto-sized column measures its widest cell.
                                ui.add(egui::Label::new(text).extend().selectable(false));
                            }
                        });
                    }
                    if row.response().clicked() {
                        clicked = Some(index);
                    }
                });
            });
    });
    if let Some(column) = sort_clicked {
        cx.push(Command::Table(table, TableChange::Sort(column)));
    }
    clicked
}
