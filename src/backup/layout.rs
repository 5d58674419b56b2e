//! The names inside a backup archive: what `make` writes, and the only names `restore`
//! accepts. An archive is hostile input until it has been checked: a name is taken only when
//! it is one of these, component by component (no absolute path, no `..`, no link).

use crate::journal::{JOURNAL_FILE, QUARANTINE_DIR};
use crate::vault::VAULT_DIR;

/// The case folder's part of the archive.
pub const CASE: &str = "case";
/// The data folder's settings in the archive.
pub const SETTINGS: &str = "settings";

/// What an archive name stands for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Item {
    /// [`super::MANIFEST`].
    Manifest,
    /// A folder of the layout (`case`, `case/vault` …), relative to the unpacking folder.
    Dir(String),
    /// A file of the case, relative to the unpacking folder (`case/vault/<sha256>` …).
    CaseFile(String),
    /// `settings/config.toml`.
    Settings,
}

/// The folders a backup may hold, in the order they are made.
pub const DIRS: [&str; 5] = [
    "case",
    "case/vault",
    "case/quarantine",
    "case/exports",
    "settings",
];

/// The archive name of a file in the case folder's subfolder `sub` (`vault`, `exports` …).
pub fn in_case(sub: &str, name: &str) -> String {
    format!("{CASE}/{sub}/{name}")
}

/// The archive name of the journal.
pub fn journal() -> String {
    format!("{CASE}/{JOURNAL_FILE}")
}

/// The archive name of the settings.
pub fn settings() -> String {
    format!("{SETTINGS}/{}", crate::config::CONFIG_FILE)
}

/// True for a SHA-256 in lowercase hex: the only names in the vault.
pub fn is_sha256(name: &str) -> bool {
    name.len() == 64 && name.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// True for a name that may stand for a file of its own in `exports/` or `quarantine/`: one
/// plain component, no dot first (never a temporary name), nothing the screen would clean.
pub fn is_plain_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 255
        && !name.starts_with('.')
        && !name.contains(['/', '\\', '\0', ':'])
        && crate::text::shown_line(name) == name
        && !crate::winname::refused(name)
}

/// What the archive name `raw` stands for; `None` for anything a leakaid backup never holds.
/// `dir` says whether the entry is a folder.
pub fn classify(raw: &[u8], dir: bool) -> Option<Item> {
    let name = std::str::from_utf8(raw).ok()?;
    let name = if dir {
        name.strip_suffix('/').unwrap_or(name)
    } else {
        name
    };
    if name.is_empty() || name.starts_with('/') || name.contains('\\') {
        return None;
    }
    let parts: Vec<&str> = name.split('/').collect();
    if parts.iter().any(|p| p.is_empty() || *p == "." || *p == "..") {
        return None;
    }
    if dir {
        return DIRS.contains(&name).then(|| Item::Dir(name.to_string()));
    }
    match parts.as_slice() {
        [m] if *m == super::MANIFEST => Some(Item::Manifest),
        [c, j] if *c == CASE && *j == JOURNAL_FILE => Some(Item::CaseFile(name.to_string())),
        [c, v, h] if *c == CASE && *v == VAULT_DIR && is_sha256(h) => Some(Item::CaseFile(name.to_string())),
        [c, sub, n]
            if *c == CASE
                && (*sub == QUARANTINE_DIR || *sub == crate::case::ops::EXPORTS_DIR)
                && is_plain_name(n) =>
        {
            Some(Item::CaseFile(name.to_string()))
        }
        [s, f] if *s == SETTINGS && *f == crate::config::CONFIG_FILE => Some(Item::Settings),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_layout_is_accepted() {
        let hash = "a".repeat(64);
        for ok in [
            "leakaid-backup.json".to_string(),
            "case/journal.jsonl".into(),
            format!("case/vault/{hash}"),
            "case/exports/leakaid-default-20261201.pdf".into(),
            "case/quarantine/torn-at-12-abcd.bin".into(),
            "settings/config.toml".into(),
        ] {
            assert!(classify(ok.as_bytes(), false).is_some(), "{ok}");
        }
        for bad in [
            "/etc/passwd".to_string(),
            "../journal.jsonl".into(),
            "case/../../x".into(),
            "case/./journal.jsonl".into(),
            "case//journal.jsonl".into(),
            "case/vault/notahash".into(),
            format!("case/vault/{}", "A".repeat(64)),
            "case/exports/.x.pdf.tmp-123".into(),
            "case/exports/sub/x.pdf".into(),
            "case/exports/a\u{202E}fdp.exe".into(),
            "case\\journal.jsonl".into(),
            "journal.jsonl".into(),
            "settings/other.toml".into(),
        ] {
            assert_eq!(classify(bad.as_bytes(), false), None, "{bad}");
        }
        assert_eq!(
            classify(b"case/vault/", true),
            Some(Item::Dir("case/vault".into()))
        );
        assert_eq!(classify(b"case/other/", true), None);
        assert_eq!(classify(b"../", true), None);
        assert_eq!(classify(b"case/\xff", false), None);
    }
}
