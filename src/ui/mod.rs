//! egui views. They read `app` state and emit edits; they never change the fair directly.

use crate::model::Fair;

/// The window until the organizer workspace lands: the loaded fair's counts.
pub struct FairApp {
    fair: Fair,
}

impl FairApp {
    pub fn new(fair: Fair) -> Self {
        Self { fair }
    }
}

impl eframe::App for FairApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        ui.heading(&self.fair.meta.name);
        ui.label(format!(
            "{} booths, {} positions, {} candidates, {} visits",
            self.fair.booths.len(),
            self.fair.positions.len(),
            self.fair.candidates.len(),
            self.fair.visits.len()
        ));
    }
}

/// Opens the window on `fair`.
pub fn run(fair: Fair) -> eframe::Result {
    let options = eframe::NativeOptions::default();
    eframe::run_native("fairmatch", options, Box::new(|_cc| Ok(Box::new(FairApp::new(fair)))))
}
