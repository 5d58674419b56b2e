//! Opening a file for reading, bounded: the one way leakaid reads a file the user names (an
//! attachment, a saved email, a font) or a file in the vault.
//!
//! Only regular files are read. The path is opened with `O_NONBLOCK` (a FIFO cannot block
//! the open) and checked with `fstat` on the open file; folders, FIFOs, devices and sockets
//! are refused with a sentence. Vault files are opened with `O_NOFOLLOW` as well, so a
//! symbolic link planted in the vault is refused, not followed. Every read stops at a stated
//! limit, so a file that never ends (or grows while it is read) cannot fill the disk or the
//! memory.

use std::fs::{File, OpenOptions};
use std::io::{self, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

#[cfg(unix)]
use std::os::unix::fs::{FileTypeExt, OpenOptionsExt};

use crate::i18n::{Lang, tr};

const MB: u64 = 1024 * 1024;

/// What a file is read for; each has its own size limit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    /// A file attached to an entry (`--attach`, `attach`): at most 2 GB.
    Attachment,
    /// A saved email (`--eml`): at most 50 MB.
    Email,
    /// A bill from a payment app or a bank (`import bill`): at most 50 MB.
    Bill,
    /// A phone backup (`import phone`): at most 2 GB.
    PhoneBackup,
    /// A contacts file (`--contacts FILE.vcf`): at most 50 MB.
    Contacts,
    /// The user's account read from standard input (`profile story -`): at most 1 MB.
    Story,
    /// A font for the packet (`--font`): at most 64 MB.
    Font,
    /// A file kept in the vault: links are not followed; at most the attachment limit.
    Vault,
    /// The settings file of the data folder: at most 1 MB.
    Settings,
}

impl Purpose {
    /// The most bytes read for this purpose.
    pub const fn limit(self) -> u64 {
        match self {
            Purpose::Attachment | Purpose::Vault | Purpose::PhoneBackup => 2048 * MB,
            Purpose::Email | Purpose::Bill | Purpose::Contacts => 50 * MB,
            Purpose::Story | Purpose::Settings => MB,
            Purpose::Font => 64 * MB,
        }
    }

    /// The limit as people write it: `2 GB`, `50 MB`.
    pub fn limit_text(self) -> String {
        let l = self.limit();
        if l >= 1024 * MB {
            format!("{} GB", l / (1024 * MB))
        } else {
            format!("{} MB", l / MB)
        }
    }

    fn follows_links(self) -> bool {
        self != Purpose::Vault
    }

    fn what(self) -> (&'static str, &'static str) {
        match self {
            Purpose::Attachment => ("附件", "attachment"),
            Purpose::Email => ("邮件文件", "email file"),
            Purpose::Bill => ("账单文件", "bill file"),
            Purpose::PhoneBackup => ("手机备份文件", "phone backup"),
            Purpose::Contacts => ("通讯录文件", "contacts file"),
            Purpose::Story => ("输入的经过", "account on standard input"),
            Purpose::Font => ("字体文件", "font file"),
            Purpose::Vault => ("证据库文件", "vault file"),
            Purpose::Settings => ("设置文件", "settings file"),
        }
    }
}

/// What stands at a path instead of a regular file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotRegular {
    /// A folder.
    Folder,
    /// A named pipe (FIFO): it may never end.
    Fifo,
    /// A device such as `/dev/zero`.
    Device,
    /// A socket.
    Socket,
    /// A symbolic link (refused where links are not followed).
    Link,
}

impl NotRegular {
    fn of(t: std::fs::FileType) -> Option<NotRegular> {
        if t.is_file() {
            return None;
        }
        if t.is_dir() {
            return Some(NotRegular::Folder);
        }
        if t.is_symlink() {
            return Some(NotRegular::Link);
        }
        #[cfg(unix)]
        {
            if t.is_fifo() {
                return Some(NotRegular::Fifo);
            }
            if t.is_socket() {
                return Some(NotRegular::Socket);
            }
        }
        Some(NotRegular::Device)
    }

    /// The word for it.
    pub fn word(self, lang: Lang) -> &'static str {
        let (zh, en) = match self {
            NotRegular::Folder => ("文件夹", "folder"),
            NotRegular::Fifo => ("管道（FIFO）", "named pipe (FIFO)"),
            NotRegular::Device => ("设备文件", "device"),
            NotRegular::Socket => ("套接字", "socket"),
            NotRegular::Link => ("符号链接", "symbolic link"),
        };
        lang.pick(zh, en)
    }
}

/// Why a file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum UserFileError {
    /// Nothing is at the path.
    #[error("{0}: no such file")]
    Missing(PathBuf),
    /// Something other than a regular file is at the path.
    #[error("{path}: not a regular file ({kind:?})")]
    NotRegular {
        /// The path.
        path: PathBuf,
        /// What it is.
        kind: NotRegular,
    },
    /// The file is larger than the limit for its purpose.
    #[error("{path}: larger than {}", purpose.limit_text())]
    TooLarge {
        /// The path.
        path: PathBuf,
        /// What it was read for.
        purpose: Purpose,
    },
    /// Reading failed.
    #[error("{path}: {source}")]
    Io {
        /// The path.
        path: PathBuf,
        /// The cause.
        source: io::Error,
    },
}

impl UserFileError {
    /// The path the error is about.
    pub fn path(&self) -> &Path {
        match self {
            UserFileError::Missing(p) => p,
            UserFileError::NotRegular { path, .. }
            | UserFileError::TooLarge { path, .. }
            | UserFileError::Io { path, .. } => path,
        }
    }

    /// Classifies an error met while reading `path` through a [`Bounded`] reader.
    pub fn reading(path: &Path, purpose: Purpose, source: io::Error) -> UserFileError {
        if source.kind() == io::ErrorKind::FileTooLarge {
            UserFileError::TooLarge {
                path: path.to_path_buf(),
                purpose,
            }
        } else {
            UserFileError::Io {
                path: path.to_path_buf(),
                source,
            }
        }
    }

    /// The sentence shown to the user.
    pub fn message(&self, lang: Lang) -> String {
        let shown = self.path().display();
        match self {
            UserFileError::Missing(_) => tr(
                lang,
                format!("找不到文件 {shown}。请检查路径是否正确（可以把文件拖进终端窗口来填入路径）。"),
                format!(
                    "File {shown} not found. Check the path (you can drag the file into the terminal to paste its path)."
                ),
            ),
            UserFileError::NotRegular {
                kind: NotRegular::Folder,
                ..
            } => tr(
                lang,
                format!("{shown} 是一个文件夹，不是文件。请指定文件夹里的具体文件。"),
                format!("{shown} is a folder, not a file. Name the files inside it."),
            ),
            UserFileError::NotRegular { kind, .. } => tr(
                lang,
                format!(
                    "{shown} 是{}，不是普通文件，没有读取。请指定一个普通文件（例如截图、录音或导出的邮件）。",
                    kind.word(Lang::Zh)
                ),
                format!(
                    "{shown} is a {}, not a regular file, and was not read. Name a regular file (a screenshot, a recording, a saved email).",
                    kind.word(Lang::En)
                ),
            ),
            UserFileError::TooLarge { purpose, .. } => {
                let (zh, en) = purpose.what();
                let limit = purpose.limit_text();
                tr(
                    lang,
                    format!("{shown} 太大：{zh}最多 {limit}。没有保存；请压缩或拆分后再试。"),
                    format!(
                        "{shown} is too large: an {en} may be at most {limit}. Nothing was saved; compress or split it first."
                    ),
                )
            }
            UserFileError::Io { source, .. } => tr(
                lang,
                format!(
                    "读不了 {shown}：{}。请检查这个文件和它的权限。",
                    crate::ioerror::reason(source, Lang::Zh)
                ),
                format!(
                    "Cannot read {shown}: {}. Check the file and its permissions.",
                    crate::ioerror::reason(source, Lang::En)
                ),
            ),
        }
    }
}

/// A regular file opened for reading that yields at most its purpose's limit: reading past
/// the limit fails with [`io::ErrorKind::FileTooLarge`].
#[derive(Debug)]
pub struct Bounded {
    file: File,
    left: u64,
    limit: u64,
    len: u64,
}

impl Bounded {
    /// The size the file had when it was opened.
    pub fn len(&self) -> u64 {
        self.len
    }
}

impl Read for Bounded {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if buf.is_empty() {
            return Ok(0);
        }
        // One byte beyond the limit is asked for, to tell "exactly the limit" from "more".
        let want = (buf.len() as u64).min(self.left.saturating_add(1)) as usize;
        let n = self.file.read(&mut buf[..want])?;
        if n as u64 > self.left {
            return Err(io::Error::new(
                io::ErrorKind::FileTooLarge,
                "the file is larger than the limit",
            ));
        }
        self.left -= n as u64;
        Ok(n)
    }
}

impl Seek for Bounded {
    /// Moves within the file; the limit still counts from the start of the file.
    fn seek(&mut self, pos: SeekFrom) -> io::Result<u64> {
        let at = self.file.seek(pos)?;
        self.left = self.limit.saturating_sub(at);
        Ok(at)
    }
}

/// Opens `path` for reading as `purpose` allows: a regular file, never blocking in open, at
/// most the limit. A file the limit already rules out is refused before anything is read.
pub fn open(path: &Path, purpose: Purpose) -> Result<Bounded, UserFileError> {
    let err = |source: io::Error| classify_open_error(path, purpose, source);
    // Windows names a device or a pipe by name (`CON`, `NUL`, `COM1`, `\\.\pipe\x`) and
    // reports it as a file: known by its name, it is not even looked at.
    if let Some(kind) = windows_device_name(path) {
        return Err(UserFileError::NotRegular {
            path: path.to_path_buf(),
            kind,
        });
    }
    // Look before opening, so a device is not even opened.
    let meta = if purpose.follows_links() {
        std::fs::metadata(path)
    } else {
        std::fs::symlink_metadata(path)
    }
    .map_err(err)?;
    refuse_unless_regular(path, meta.file_type())?;
    let mut o = OpenOptions::new();
    o.read(true);
    #[cfg(unix)]
    {
        let mut flags = libc::O_NONBLOCK | libc::O_NOCTTY | libc::O_CLOEXEC;
        if !purpose.follows_links() {
            flags |= libc::O_NOFOLLOW;
        }
        o.custom_flags(flags);
    }
    #[cfg(windows)]
    if !purpose.follows_links() {
        use std::os::windows::fs::OpenOptionsExt;
        o.custom_flags(crate::winsys::OPEN_REPARSE_POINT);
    }
    let file = o.open(path).map_err(err)?;
    // What was opened is what counts: the path may have been swapped after the look.
    let meta = file.metadata().map_err(err)?;
    refuse_unless_regular(path, meta.file_type())?;
    #[cfg(windows)]
    {
        use crate::winsys::{HandleKind, handle_kind};
        let kind = match handle_kind(&file) {
            HandleKind::Disk => None,
            HandleKind::Pipe => Some(NotRegular::Fifo),
            HandleKind::Device | HandleKind::Other => Some(NotRegular::Device),
        };
        if let Some(kind) = kind {
            return Err(UserFileError::NotRegular {
                path: path.to_path_buf(),
                kind,
            });
        }
    }
    if meta.len() > purpose.limit() {
        return Err(UserFileError::TooLarge {
            path: path.to_path_buf(),
            purpose,
        });
    }
    Ok(Bounded {
        file,
        left: purpose.limit(),
        limit: purpose.limit(),
        len: meta.len(),
    })
}

/// Reads the whole file at `path`, bounded as [`open`] is.
pub fn read(path: &Path, purpose: Purpose) -> Result<Vec<u8>, UserFileError> {
    let mut f = open(path, purpose)?;
    let mut bytes = Vec::with_capacity(usize::try_from(f.len()).unwrap_or(0));
    f.read_to_end(&mut bytes)
        .map_err(|e| UserFileError::reading(path, purpose, e))?;
    Ok(bytes)
}

/// Reads at most `purpose`'s limit from `r` (standard input); more is refused with
/// [`io::ErrorKind::FileTooLarge`].
pub fn read_stream(r: impl Read, purpose: Purpose) -> io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    r.take(purpose.limit().saturating_add(1))
        .read_to_end(&mut bytes)?;
    if bytes.len() as u64 > purpose.limit() {
        return Err(io::Error::new(
            io::ErrorKind::FileTooLarge,
            "the input is larger than the limit",
        ));
    }
    Ok(bytes)
}

/// What a Windows path names instead of a file, known from the name alone: a device path
/// (`\\.\…`, `\\?\pipe\…`) is a pipe or a device, and a reserved name (`CON`, `nul.txt`,
/// `COM1`) in any folder is a device. Only Windows reads paths so; the reading of the text
/// ([`device_name_kind`]) is tested everywhere.
fn windows_device_name(path: &Path) -> Option<NotRegular> {
    if !cfg!(windows) {
        return None;
    }
    device_name_kind(&path.to_string_lossy())
}

/// [`windows_device_name`] for the text of a path.
fn device_name_kind(p: &str) -> Option<NotRegular> {
    let lower = p.to_lowercase().replace('/', "\\");
    if lower.starts_with("\\\\.\\pipe\\") || lower.starts_with("\\\\?\\pipe\\") {
        return Some(NotRegular::Fifo);
    }
    if lower.starts_with("\\\\.\\") || lower.starts_with("\\\\?\\globalroot") {
        return Some(NotRegular::Device);
    }
    let last = p.rsplit(['\\', '/']).next().unwrap_or(p);
    crate::winname::reserved_device(last).then_some(NotRegular::Device)
}

fn refuse_unless_regular(path: &Path, t: std::fs::FileType) -> Result<(), UserFileError> {
    match NotRegular::of(t) {
        None => Ok(()),
        Some(kind) => Err(UserFileError::NotRegular {
            path: path.to_path_buf(),
            kind,
        }),
    }
}

fn classify_open_error(path: &Path, purpose: Purpose, source: io::Error) -> UserFileError {
    if source.kind() == io::ErrorKind::NotFound {
        return UserFileError::Missing(path.to_path_buf());
    }
    // O_NOFOLLOW on a link fails with ELOOP; a socket fails with ENXIO.
    #[cfg(unix)]
    if matches!(source.raw_os_error(), Some(libc::ELOOP) | Some(libc::ENXIO))
        && let Ok(m) = std::fs::symlink_metadata(path)
        && let Some(kind) = NotRegular::of(m.file_type())
        && (kind != NotRegular::Link || !purpose.follows_links())
    {
        return UserFileError::NotRegular {
            path: path.to_path_buf(),
            kind,
        };
    }
    let _ = purpose;
    UserFileError::Io {
        path: path.to_path_buf(),
        source,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_device_paths_and_reserved_names_are_known_by_their_text() {
        for (p, kind) in [
            (r"\\.\pipe\leakaid", NotRegular::Fifo),
            (r"//./PIPE/x", NotRegular::Fifo),
            (r"\\.\COM1", NotRegular::Device),
            ("CON", NotRegular::Device),
            (r"C:\Users\张三\Desktop\nul.txt", NotRegular::Device),
            ("D:/证据/com3", NotRegular::Device),
        ] {
            assert_eq!(device_name_kind(p), Some(kind), "{p}");
        }
        for p in [
            r"C:\Users\张三\Desktop\截图.png",
            r"\\?\C:\长路径\a.eml",
            "console.txt",
            "/tmp/con/a.png",
        ] {
            assert_eq!(device_name_kind(p), None, "{p}");
        }
    }

    #[test]
    fn regular_files_are_read_whole() {
        let dir = tempfile::tempdir().expect("tmp");
        let p = dir.path().join("a.txt");
        std::fs::write(&p, b"hello").expect("write");
        assert_eq!(read(&p, Purpose::Email).expect("read"), b"hello");
        assert_eq!(read(&p, Purpose::Vault).expect("read"), b"hello");
    }

    #[cfg(unix)]
    #[test]
    fn fifos_devices_folders_and_vault_links_are_refused() {
        let dir = tempfile::tempdir().expect("tmp");
        let fifo = dir.path().join("pipe");
        let c = std::ffi::CString::new(fifo.to_str().expect("utf-8")).expect("c path");
        // SAFETY: a valid NUL-terminated path and a mode.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        let zero = dir.path().join("zero");
        std::os::unix::fs::symlink("/dev/zero", &zero).expect("symlink");
        let target = dir.path().join("real");
        std::fs::write(&target, b"x").expect("write");
        let link = dir.path().join("link");
        std::os::unix::fs::symlink(&target, &link).expect("symlink");
        let kind = |p: &Path, purpose| match open(p, purpose) {
            Err(UserFileError::NotRegular { kind, .. }) => Some(kind),
            _ => None,
        };
        assert_eq!(kind(&fifo, Purpose::Attachment), Some(NotRegular::Fifo));
        assert_eq!(kind(&zero, Purpose::Font), Some(NotRegular::Device));
        assert_eq!(kind(dir.path(), Purpose::Email), Some(NotRegular::Folder));
        assert_eq!(kind(&zero, Purpose::Vault), Some(NotRegular::Link));
        assert_eq!(kind(&link, Purpose::Vault), Some(NotRegular::Link));
        assert!(
            open(&link, Purpose::Attachment).is_ok(),
            "a link to a file is fine outside the vault"
        );
    }

    #[test]
    fn reading_stops_at_the_limit() {
        let dir = tempfile::tempdir().expect("tmp");
        let p = dir.path().join("story.txt");
        std::fs::write(&p, vec![b'a'; (Purpose::Story.limit() + 1) as usize]).expect("write");
        assert!(matches!(
            read(&p, Purpose::Story),
            Err(UserFileError::TooLarge {
                purpose: Purpose::Story,
                ..
            })
        ));
        let exact = vec![b'a'; Purpose::Story.limit() as usize];
        assert_eq!(
            read_stream(&exact[..], Purpose::Story)
                .expect("at the limit")
                .len(),
            exact.len()
        );
        let more = vec![b'a'; Purpose::Story.limit() as usize + 1];
        assert_eq!(
            read_stream(&more[..], Purpose::Story).map_err(|e| e.kind()).err(),
            Some(io::ErrorKind::FileTooLarge)
        );
    }

    #[test]
    fn a_file_that_grows_past_the_limit_is_cut_off() {
        let dir = tempfile::tempdir().expect("tmp");
        let p = dir.path().join("grows");
        std::fs::write(&p, b"ab").expect("write");
        let mut f = open(&p, Purpose::Story).expect("open");
        f.left = 1; // as if the limit were 1 byte and the file grew after the check
        let mut out = Vec::new();
        assert_eq!(
            f.read_to_end(&mut out).map_err(|e| e.kind()).err(),
            Some(io::ErrorKind::FileTooLarge)
        );
    }

    #[test]
    fn sentences_name_the_kind_and_the_limit() {
        let e = UserFileError::NotRegular {
            path: PathBuf::from("/tmp/p"),
            kind: NotRegular::Fifo,
        };
        assert!(e.message(Lang::Zh).contains("管道"), "{}", e.message(Lang::Zh));
        let e = UserFileError::TooLarge {
            path: PathBuf::from("/tmp/big.mp4"),
            purpose: Purpose::Attachment,
        };
        assert!(e.message(Lang::Zh).contains("2 GB"), "{}", e.message(Lang::Zh));
        assert!(e.message(Lang::En).contains("2 GB"), "{}", e.message(Lang::En));
    }
}
