//! The user's settings, kept in `config.toml` in the data folder: the language, so a helper
//! who reads English can switch once instead of typing `--lang en` every time, and whether a
//! packet made is also copied to the Desktop (`copy_to_desktop = true|false`).

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::durable;
use crate::i18n::Lang;

/// The settings file's name in the data folder.
pub const CONFIG_FILE: &str = "config.toml";

/// The settings.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Config {
    /// The language everything is shown in, unless `--lang` / `LEAKAID_LANG` say otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<Lang>,
    /// Copy each packet made to the Desktop (or Downloads): when unset, the wizard does and
    /// `export pdf` does only with `--copy-to-desktop`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub copy_to_desktop: Option<bool>,
    /// When each case (by its name) was last backed up with `leakaid backup`, and how many
    /// journal lines it had then: the dashboard shows the date, and whether the case changed
    /// since. A reminder, not evidence, so it is kept here and not in the journal.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub backups: std::collections::BTreeMap<String, LastBackup>,
}

/// The last backup of a case.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LastBackup {
    /// When it was made.
    pub at: jiff::Timestamp,
    /// The journal lines it holds (the fingerprint's count).
    pub lines: u64,
}

/// Where the settings of the data folder `root` live.
pub fn path_in(root: &Path) -> PathBuf {
    root.join(CONFIG_FILE)
}

impl Config {
    /// Whether the wizard copies a packet it made to the Desktop (yes unless the setting
    /// says no).
    pub fn copy_in_wizard(&self) -> bool {
        self.copy_to_desktop.unwrap_or(true)
    }

    /// Whether `export pdf` copies the packet to the Desktop: with `--copy-to-desktop`, or
    /// when the setting says so.
    pub fn copy_on_command_line(&self, flag: bool) -> bool {
        flag || self.copy_to_desktop.unwrap_or(false)
    }

    /// Reads the settings; a missing or unreadable file (or one that is not a regular file
    /// of at most 1 MB) gives the defaults: settings never stop the user from recording
    /// evidence.
    pub fn load(root: &Path) -> Config {
        crate::userfile::read(&path_in(root), crate::userfile::Purpose::Settings)
            .ok()
            .and_then(|bytes| String::from_utf8(bytes).ok())
            .and_then(|text| toml::from_str(&text).ok())
            .unwrap_or_default()
    }

    /// Writes the settings durably (0600), creating the data folder if needed.
    pub fn save(&self, root: &Path) -> std::io::Result<()> {
        durable::private_dir(root)?;
        let text = toml::to_string(self).map_err(std::io::Error::other)?;
        durable::write_replacing(&path_in(root), text.as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_tolerates_garbage() {
        let dir = tempfile::tempdir().expect("tempdir");
        assert_eq!(Config::load(dir.path()), Config::default());
        let c = Config {
            lang: Some(Lang::En),
            copy_to_desktop: Some(false),
            backups: [(
                "2026-骚扰电话".to_string(),
                LastBackup {
                    at: "2026-12-01T08:00:00Z".parse().expect("time"),
                    lines: 12,
                },
            )]
            .into(),
        };
        c.save(dir.path()).expect("save");
        assert_eq!(Config::load(dir.path()), c);
        std::fs::write(path_in(dir.path()), "lang = [").expect("write");
        assert_eq!(Config::load(dir.path()), Config::default());
    }

    #[test]
    fn the_desktop_copy_is_on_in_the_wizard_and_asked_for_on_the_command_line() {
        let dir = tempfile::tempdir().expect("tempdir");
        let unset = Config::load(dir.path());
        assert!(unset.copy_in_wizard() && !unset.copy_on_command_line(false));
        assert!(unset.copy_on_command_line(true));
        std::fs::write(path_in(dir.path()), "copy_to_desktop = true\n").expect("write");
        assert!(Config::load(dir.path()).copy_on_command_line(false));
        std::fs::write(path_in(dir.path()), "lang = \"en\"\ncopy_to_desktop = false\n").expect("write");
        let off = Config::load(dir.path());
        assert!(!off.copy_in_wizard() && off.lang == Some(Lang::En));
    }

    #[cfg(unix)]
    #[test]
    fn a_settings_file_that_never_ends_gives_the_defaults() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::os::unix::fs::symlink("/dev/zero", path_in(dir.path())).expect("symlink");
        assert_eq!(Config::load(dir.path()), Config::default());
    }
}
