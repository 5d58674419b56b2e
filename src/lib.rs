//! leakaid (信息泄露维权助手): a terminal companion for people whose personal information has
//! leaked. The library holds the case journal, the domain, the guide content, the wizard and
//! the complaint packet; `main.rs` only parses the command line and maps errors to exit codes.

pub mod bytescan;
pub mod case;
pub mod casedir;
pub mod cli;
pub mod commands;
pub mod config;
pub mod display;
pub mod durable;
pub mod evidence;
pub mod export;
pub mod guide;
pub mod i18n;
pub mod ioerror;
pub mod journal;
pub mod letters;
pub mod linebreak;
pub mod localtime;
pub mod moment;
pub mod pdf;
pub mod redact;
#[cfg(any(test, feature = "test-support"))]
pub mod synthetic;
pub mod template;
pub mod text;
pub mod tui;
pub mod userfile;
pub mod vault;
