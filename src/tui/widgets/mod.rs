//! Widgets shared by the screens.

pub mod text_field;
pub mod wrap;
