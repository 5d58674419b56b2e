//! Where cases live: the data folder (platform default, `--data-dir` or `LEAKAID_DATA_DIR`)
//! with one folder per case.

use std::path::{Path, PathBuf};

use crate::i18n::{Lang, tr};
use crate::text::shown_line;

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
    /// The case name is too long for the file names made from it.
    #[error("case name of {bytes} bytes is too long")]
    CaseNameTooLong {
        /// The name as given.
        name: String,
        /// Its length in bytes (UTF-8).
        bytes: usize,
    },
}

/// The longest case name, in bytes of UTF-8 (a Chinese character takes 3): every file name
/// made from it — the case folder, `leakaid-NAME-20261201-142431-99.json` in `exports/`, the
/// temporary name written first — then fits in the 255 bytes a file name may have.
pub const MAX_CASE_NAME_BYTES: usize = 200;

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
            // The name is echoed cleaned: it may hold escapes or bidi controls.
            DataDirError::BadCaseName(n) => {
                let n = shown_line(n);
                let on_windows = if cfg!(windows) {
                    lang.pick(
                        "在 Windows 上也不能用 : * ? \" < > |、结尾的点或空格，以及 CON、NUL、COM1 这类设备名。",
                        " On Windows, also no : * ? \" < > |, no dot or space at the end, and no device name such as CON, NUL or COM1.",
                    )
                } else {
                    ""
                };
                tr(
                    lang,
                    format!(
                        "案件名“{n}”不能用：请不要包含 / \\、控制字符或文字方向符号，也不要以点开头，例如 --case 2026-骚扰电话。{on_windows}"
                    ),
                    format!(
                        "The case name “{n}” cannot be used: no / or \\, no control or text-direction characters, and no leading dot, for example --case 2026-scam-calls.{on_windows}"
                    ),
                )
            }
            DataDirError::CaseNameTooLong { bytes, .. } => tr(
                lang,
                format!(
                    "案件名太长（{bytes} 字节）：最多 {MAX_CASE_NAME_BYTES} 字节，约 {} 个汉字，否则导出的文件名会超出系统限制。请用短一点的名字，例如 --case 2026-骚扰电话。",
                    MAX_CASE_NAME_BYTES / 3
                ),
                format!(
                    "The case name is too long ({bytes} bytes): at most {MAX_CASE_NAME_BYTES} bytes (about {} Chinese characters), or the exported file names would exceed what the system allows. Use a shorter name, for example --case 2026-scam-calls.",
                    MAX_CASE_NAME_BYTES / 3
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
        // Anything the sanitiser would change (control codes, escapes, bidi controls, line
        // separators) has no place in a folder name.
        // On Windows also what Windows refuses or reads as a device (`a:b`, `CON`, `nul.txt`).
        let bad = n.is_empty()
            || n.starts_with('.')
            || n.contains(['/', '\\', '\0'])
            || shown_line(n) != n
            || (cfg!(windows) && crate::winname::refused(n));
        if bad {
            return Err(DataDirError::BadCaseName(name.to_string()));
        }
        if n.len() > MAX_CASE_NAME_BYTES {
            return Err(DataDirError::CaseNameTooLong {
                name: name.to_string(),
                bytes: n.len(),
            });
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

#[cfg(test)]
mod tests {
    use super::*;

    fn data() -> DataDir {
        DataDir {
            root: PathBuf::from("/data"),
        }
    }

    #[test]
    fn names_are_limited_in_bytes_so_every_derived_file_name_fits() {
        let longest = "案".repeat(MAX_CASE_NAME_BYTES / 3);
        assert!(data().case_dir(&longest).is_ok());
        let dir = tempfile::tempdir().expect("tmp");
        let name = crate::pdf::export::dated_name(dir.path(), &longest, "json");
        let file = name.file_name().expect("name").len();
        assert!(file + "-999".len() <= 255, "{file} bytes");
        assert!(matches!(
            data().case_dir(&"案".repeat(84)),
            Err(DataDirError::CaseNameTooLong { bytes: 252, .. })
        ));
        let e = data().case_dir(&"案".repeat(84)).expect_err("too long");
        assert!(e.message(Lang::Zh).contains("太长"), "{}", e.message(Lang::Zh));
    }

    #[test]
    fn bidi_and_escapes_are_refused_and_echoed_clean() {
        for bad in [
            "abc\u{202E}gpj.exe",
            "a\u{2066}b",
            "x\u{1b}]0;PWNED\u{7}y",
            "a\u{2028}b",
        ] {
            let e = data().case_dir(bad).expect_err("refused");
            let zh = e.message(Lang::Zh);
            assert!(
                !zh.contains('\u{1b}') && !zh.contains('\u{202E}') && !zh.contains('\u{2066}'),
                "{zh:?}"
            );
        }
        assert!(data().case_dir("2026-骚扰电话").is_ok());
    }
}
