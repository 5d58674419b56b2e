//! Where cases live: the data folder (platform default, `--data-dir` or `LEAKAID_DATA_DIR`)
//! with one folder per case.

use std::path::{Path, PathBuf};

use crate::i18n::{Lang, tr};

/// The folder holding all cases.
#[derive(Clone, Debug)]
pub struct DataDir {
    root: PathBuf,
}

/// Why the data folder or a case name cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum DataDirError {
    /// The folder the user named does not exist.
    #[error("data folder {0} does not exist")]
    Missing(PathBuf),
    /// The path names a file.
    #[error("{0} is not a folder")]
    NotAFolder(PathBuf),
    /// No home folder to put the default data folder in.
    #[error("no home folder")]
    NoHome,
    /// The case name cannot be a folder name.
    #[error("bad case name {0:?}")]
    BadCaseName(String),
}

impl DataDirError {
    /// The sentence shown to the user.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            DataDirError::Missing(p) => tr(
                lang,
                format!(
                    "数据文件夹 {} 不存在。请先创建它（mkdir -p），或换一个已有的文件夹。",
                    p.display()
                ),
                format!(
                    "The data folder {} does not exist. Create it first (mkdir -p) or choose an existing folder.",
                    p.display()
                ),
            ),
            DataDirError::NotAFolder(p) => tr(
                lang,
                format!(
                    "{} 是文件，不是文件夹。请用 --data-dir 指定一个文件夹。",
                    p.display()
                ),
                format!(
                    "{} is a file, not a folder. Give a folder with --data-dir.",
                    p.display()
                ),
            ),
            DataDirError::NoHome => tr(
                lang,
                "找不到用户主目录，请用 --data-dir 指定保存案件的文件夹。",
                "No home folder found; choose where cases are kept with --data-dir.",
            ),
            DataDirError::BadCaseName(n) => tr(
                lang,
                format!("案件名“{n}”不能用：请不要包含 / \\ 或以点开头，例如 --case 2026-骚扰电话。"),
                format!(
                    "The case name “{n}” cannot be used: no / or \\ and no leading dot, for example --case 2026-scam-calls."
                ),
            ),
        }
    }
}

impl DataDir {
    /// The folder named by the user (it must exist), or the platform default (created on
    /// first write).
    pub fn resolve(explicit: Option<&Path>) -> Result<DataDir, DataDirError> {
        match explicit {
            Some(p) if p.as_os_str().is_empty() => Self::default_dir(),
            Some(p) => {
                if !p.exists() {
                    return Err(DataDirError::Missing(p.to_path_buf()));
                }
                if !p.is_dir() {
                    return Err(DataDirError::NotAFolder(p.to_path_buf()));
                }
                Ok(DataDir {
                    root: p.to_path_buf(),
                })
            }
            None => Self::default_dir(),
        }
    }

    fn default_dir() -> Result<DataDir, DataDirError> {
        let dirs = directories::ProjectDirs::from("", "", "leakaid").ok_or(DataDirError::NoHome)?;
        Ok(DataDir {
            root: dirs.data_dir().to_path_buf(),
        })
    }

    /// The data folder.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The folder of the case called `name`.
    pub fn case_dir(&self, name: &str) -> Result<PathBuf, DataDirError> {
        let n = name.trim();
        let bad = n.is_empty()
            || n.starts_with('.')
            || n.contains(['/', '\\', '\0'])
            || n.chars().any(char::is_control)
            || n.chars().count() > 100;
        if bad {
            return Err(DataDirError::BadCaseName(name.to_string()));
        }
        Ok(self.root.join(n))
    }

    /// The names of the cases: folders that hold a journal, sorted.
    pub fn cases(&self) -> std::io::Result<Vec<String>> {
        let mut out = Vec::new();
        let rd = match std::fs::read_dir(&self.root) {
            Ok(rd) => rd,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(out),
            Err(e) => return Err(e),
        };
        for e in rd {
            let e = e?;
            if e.path().join(crate::journal::JOURNAL_FILE).is_file() {
                out.push(e.file_name().to_string_lossy().into_owned());
            }
        }
        out.sort();
        Ok(out)
    }
}
