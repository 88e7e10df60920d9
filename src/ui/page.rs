//! The page layout the three record screens share: heading with an Add button, search and
//! filters, then the table with the selected record's editor (and its match panel) at the
//! right. Each screen says only what is its own through [`RecordPage`].

use super::command::{Command, ViewCtx};
use super::table::{self, ColumnDef, FilterSet};
use super::{EditorState, RecordsState, i18n::Tr};
use crate::app::search::Query;
use crate::app::{AppState, Column, Selection, Table};

/// What one record screen (booths, positions, candidates) adds to the shared page.
pub trait RecordPage {
    type Id: Clone;
    const TABLE: Table;
    const TITLE: Tr;
    const ADD_LABEL: Tr;
    const FILTERS: FilterSet;
    const COLUMNS: &'static [ColumnDef];
    /// Names the side panels, so each screen keeps its own panel widths.
    const KEY: &'static str;
    /// (default, minimum) width of the editor panel.
    const EDITOR_WIDTH: (f32, f32) = (340.0, 260.0);
    /// The screen's own entry in the selection.
    fn selected(selection: &Selection) -> &Option<Self::Id>;
    fn cell(app: &AppState, row: usize, column: Column) -> String;
    /// Why a row matched the search when the hit is in a column not shown (e.g. "badge ZW-…").
    fn search_note(_app: &AppState, _row: usize, _query: &Query) -> Option<String> {
        None
    }
    /// Adds a new record and selects it.
    fn add(cx: &mut ViewCtx);
    fn editor(ui: &mut egui::Ui, cx: &mut ViewCtx, editor: &mut EditorState, id: &Self::Id);
    /// The match panel beside the editor, if the screen has one.
    const HAS_MATCH_PANEL: bool = false;
    fn match_panel(_ui: &mut egui::Ui, _cx: &mut ViewCtx, _id: &Self::Id) {}
}

pub fn show<P: RecordPage>(ui: &mut egui::Ui, cx: &mut ViewCtx, editor: &mut EditorState, records: &mut RecordsState) {
    ui.horizontal(|ui| {
        ui.heading(cx.t(P::TITLE));
        if ui.button(cx.t(P::ADD_LABEL)).clicked() {
            P::add(cx);
        }
    });
    table::filter_bar(ui, cx, records, P::TABLE, &P::FILTERS);
    ui.separator();
    let selected = P::selected(cx.app.selection()).clone();
    let selected_index = cx.app.selected_row(P::TABLE);
    if let Some(id) = &selected {
        if P::HAS_MATCH_PANEL {
            egui::Panel::right((P::KEY, "matches"))
                .default_size(290.0)
                .min_size(220.0)
                .show(ui, |ui| P::match_panel(ui, cx, id));
        }
        let (default_width, min_width) = P::EDITOR_WIDTH;
        egui::Panel::right((P::KEY, "editor"))
            .default_size(default_width)
            .min_size(min_width)
            .show(ui, |ui| {
                egui::ScrollArea::vertical()
                    .id_salt((P::KEY, "editor_scroll"))
                    .show(ui, |ui| P::editor(ui, cx, editor, id))
            });
    }
    let cells = table::Cells {
        text: P::cell,
        note: P::search_note,
    };
    if let Some(index) = table::rows(ui, cx, records, P::TABLE, P::COLUMNS, selected_index, cells)
        && let Some(record) = cx.app.record_at(P::TABLE, index)
    {
        cx.push(Command::Select(record));
    }
}
