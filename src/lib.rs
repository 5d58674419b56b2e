//! leakaid (信息泄露维权助手): a terminal companion for people whose personal information has
//! leaked. The library holds the case journal, the domain, the guide content, the wizard and
//! the complaint packet; `main.rs` only parses the command line and maps errors to exit codes.

pub mod backup;
pub mod bundle;
pub(crate) mod bytescan;
pub mod case;
pub mod casedir;
pub mod cli;
pub mod commands;
pub(crate) mod config;
pub mod console;
pub(crate) mod display;
pub(crate) mod durable;
pub mod evidence;
pub mod export;
pub mod guide;
pub mod i18n;
pub(crate) mod ioerror;
pub mod journal;
pub mod letters;
pub(crate) mod linebreak;
pub(crate) mod localtime;
pub mod moment;
pub mod money;
pub mod pdf;
pub(crate) mod redact;
#[cfg(any(test, feature = "test-support"))]
pub mod synthetic;
pub(crate) mod template;
pub mod text;
pub mod tui;
pub(crate) mod userfile;
pub mod vault;
pub(crate) mod winname;
#[cfg(windows)]
pub(crate) mod winsys;
pub mod wording;
