//! The user's settings, kept in `config.toml` in the data folder: for now the language, so a
//! helper who reads English can switch once instead of typing `--lang en` every time.

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
}

/// Where the settings of the data folder `root` live.
pub fn path_in(root: &Path) -> PathBuf {
    root.join(CONFIG_FILE)
}

impl Config {
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
        durable::write_new(&path_in(root), text.as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_tolerates_garbage() {
        let dir = tempfile::tempdir().expect("tempdir");
        assert_eq!(Config::load(dir.path()), Config::default());
        let c = Config { lang: Some(Lang::En) };
        c.save(dir.path()).expect("save");
        assert_eq!(Config::load(dir.path()), c);
        std::fs::write(path_in(dir.path()), "lang = [").expect("write");
        assert_eq!(Config::load(dir.path()), Config::default());
    }

    #[cfg(unix)]
    #[test]
    fn a_settings_file_that_never_ends_gives_the_defaults() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::os::unix::fs::symlink("/dev/zero", path_in(dir.path())).expect("symlink");
        assert_eq!(Config::load(dir.path()), Config::default());
    }
}
