//! Allocation: run the stable allocation on demand, show who goes where and unfilled openings.

use std::path::Path;

use super::{FilePurpose, Workspace, i18n};

/// One line of the proposal.
#[derive(Debug, Clone, PartialEq)]
pub struct Assigned {
    pub candidate: String,
    /// Empty when the candidate was not placed.
    pub position: String,
    pub reason: String,
}

#[derive(Debug, Default)]
pub struct AllocationView {
    pub rows: Vec<Assigned>,
    /// Revision of the fair the rows were computed for.
    pub computed_for: Option<u64>,
}

impl AllocationView {
    /// Writes `candidate_id,position_id,reason` (empty position for the unassigned).
    pub fn export_csv(&self, path: &Path) -> Result<(), String> {
        let mut out = Vec::new();
        {
            let mut writer = csv::Writer::from_writer(&mut out);
            writer
                .write_record(["candidate_id", "position_id", "reason"])
                .map_err(|e| e.to_string())?;
            for row in &self.rows {
                writer
                    .write_record([&row.candidate, &row.position, &row.reason])
                    .map_err(|e| e.to_string())?;
            }
            writer.flush().map_err(|e| e.to_string())?;
        }
        atomicwrites::AtomicFile::new(path, atomicwrites::AllowOverwrite)
            .write(|f| std::io::Write::write_all(f, &out))
            .map_err(|e| e.to_string())
    }
}

pub fn show(ui: &mut egui::Ui, ws: &mut Workspace) {
    ui.heading(ws.t(i18n::ALLOCATION));
    ui.label(ws.t(i18n::ALLOCATION_HELP));
    ui.horizontal(|ui| {
        let can_export = !ws.allocation.rows.is_empty();
        if ui
            .add_enabled(can_export, egui::Button::new(ws.t(i18n::EXPORT_CSV)))
            .clicked()
        {
            ws.pick_file(FilePurpose::ExportAllocation);
        }
    });
    ui.label(ws.t(i18n::ALLOCATION_UNAVAILABLE));
}
