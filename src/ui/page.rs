//! The page layout the three record screens share: heading with an Add button, search and
//! filters, then the table with the selected record's editor (and its match panel) at the
//! right. Each screen says only what is its own through [`RecordPage`].

use super::table::{self, ColumnDef, FilterSet};
use super::{Workspace, i18n::Tr};
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
    /// Adds a new record and selects it.
    fn add(ws: &mut Workspace);
    fn editor(ui: &mut egui::Ui, ws: &mut Workspace, id: &Self::Id);
    /// The match panel beside the editor, if the screen has one.
    const HAS_MATCH_PANEL: bool = false;
    fn match_panel(_ui: &mut egui::Ui, _ws: &mut Workspace, _id: &Self::Id) {}
}

pub fn show<P: RecordPage>(ui: &mut egui::Ui, ws: &mut Workspace) {
    ui.horizontal(|ui| {
        ui.heading(ws.t(P::TITLE));
        if ui.button(ws.t(P::ADD_LABEL)).clicked() {
            P::add(ws);
        }
    });
    table::filter_bar(ui, ws, P::TABLE, &P::FILTERS);
    ui.separator();
    let selected = P::selected(&ws.app.selection).clone();
    let selected_index = ws.app.selected_row(P::TABLE);
    if let Some(id) = &selected {
        if P::HAS_MATCH_PANEL {
            egui::Panel::right((P::KEY, "matches"))
                .default_size(290.0)
                .min_size(220.0)
                .show(ui, |ui| P::match_panel(ui, ws, id));
        }
        let (default_width, min_width) = P::EDITOR_WIDTH;
        egui::Panel::right((P::KEY, "editor"))
            .default_size(default_width)
            .min_size(min_width)
            .show(ui, |ui| {
                egui::ScrollArea::vertical()
                    .id_salt((P::KEY, "editor_scroll"))
                    .show(ui, |ui| P::editor(ui, ws, id))
            });
    }
    if let Some(index) = table::rows(ui, ws, P::TABLE, P::COLUMNS, selected_index, P::cell) {
        ws.app.select_row(P::TABLE, index);
    }
}
