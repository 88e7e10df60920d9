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
    const SELECTED: fn(&Selection) -> &Option<Self::Id>;
    const CELL: fn(&AppState, usize, Column) -> String;
    /// Adds a new record and selects it.
    const ADD: fn(&mut Workspace);
    const EDITOR: fn(&mut egui::Ui, &mut Workspace, &Self::Id);
    /// The match panel beside the editor, if the screen has one.
    const MATCHES: Option<fn(&mut egui::Ui, &mut Workspace, &Self::Id)> = None;
}

pub fn show<P: RecordPage>(ui: &mut egui::Ui, ws: &mut Workspace) {
    ui.horizontal(|ui| {
        ui.heading(ws.t(P::TITLE));
        if ui.button(ws.t(P::ADD_LABEL)).clicked() {
            (P::ADD)(ws);
        }
    });
    table::filter_bar(ui, ws, P::TABLE, &P::FILTERS);
    ui.separator();
    let selected = (P::SELECTED)(&ws.app.selection).clone();
    let selected_index = ws.app.selected_row(P::TABLE);
    if let Some(id) = &selected {
        if let Some(matches) = P::MATCHES {
            egui::Panel::right((P::KEY, "matches"))
                .default_size(290.0)
                .min_size(220.0)
                .show(ui, |ui| matches(ui, ws, id));
        }
        let (default_width, min_width) = P::EDITOR_WIDTH;
        egui::Panel::right((P::KEY, "editor"))
            .default_size(default_width)
            .min_size(min_width)
            .show(ui, |ui| {
                egui::ScrollArea::vertical()
                    .id_salt((P::KEY, "editor_scroll"))
                    .show(ui, |ui| (P::EDITOR)(ui, ws, id))
            });
    }
    if let Some(index) = table::rows(ui, ws, P::TABLE, P::COLUMNS, selected_index, P::CELL) {
        ws.app.select_row(P::TABLE, index);
    }
}
