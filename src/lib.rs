//! leakaid (信息泄露维权助手): a terminal companion for people whose personal information has
//! leaked. The library holds the case journal, the domain, the guide content, the wizard and
//! the complaint packet; `main.rs` only parses the command line and maps errors to exit codes.

/// The complaint packet (报案材料) as a printable PDF.
pub mod pdf;
