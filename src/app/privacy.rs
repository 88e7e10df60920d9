//! What the organizer screens show of a person's contacts: masked (`138****0001`,
//! `z***@example.com`) unless this user switched "Show contacts" on. The booth desk keeps its
//! own rule (the candidate's consent).

use super::AppState;
use crate::store::csv_export::{mask_email, mask_phone};

impl AppState {
    /// Whether organizer screens show phone numbers and emails in full.
    pub fn contacts_shown(&self) -> bool {
        self.prefs().show_contacts
    }

    /// A phone number as the organizer screens show it.
    pub fn shown_phone(&self, phone: &str) -> String {
        if self.contacts_shown() {
            phone.to_owned()
        } else {
            mask_phone(phone)
        }
    }

    /// An email address as the organizer screens show it.
    pub fn shown_email(&self, email: &str) -> String {
        if self.contacts_shown() {
            email.to_owned()
        } else {
            mask_email(email)
        }
    }
}
