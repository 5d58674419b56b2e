//! One module per screen. Each draws into the body area from the app and the case state.

pub mod checklist;
pub mod dashboard;
pub mod detail;
pub mod evidence;
pub mod export;
pub mod form;
pub mod profile;
pub mod steps;
pub mod text;
