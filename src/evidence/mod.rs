//! Readers of outside evidence: pure functions of the bytes or text the victim brings (a saved
//! email, a phone number as written), returning facts the case records and folds. Nothing here
//! knows the case, the journal or any document.

pub mod bill;
pub mod email;
pub mod number;
pub mod phone;
pub mod phone_backup;
