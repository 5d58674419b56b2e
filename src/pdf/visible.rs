//! A copy of the packet where people look for files: the Desktop, else Downloads
//! (`directories::UserDirs`, which follows the system's own names for them, e.g. 桌面). On
//! Windows these are the Known Folders (`SHGetKnownFolderPath`), so a Desktop that OneDrive
//! backs up (`C:\Users\张三\OneDrive\桌面`) is the one found, not the empty folder it left
//! behind. The packet in the case's exports folder stays the record; this copy is for printing.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::durable;
use crate::i18n::Lang;

/// The folder a copy goes to: the Desktop if it exists, else Downloads, else `None`.
pub fn visible_folder() -> Option<PathBuf> {
    let dirs = directories::UserDirs::new()?;
    let home = dirs.home_dir().to_path_buf();
    [
        dirs.desktop_dir().map(Path::to_path_buf),
        Some(home.join("Desktop")),
        Some(home.join("桌面")),
        dirs.download_dir().map(Path::to_path_buf),
        Some(home.join("Downloads")),
    ]
    .into_iter()
    .flatten()
    .find(|d| d.is_dir())
}

/// Copies `packet` into `folder` under its own name (`-2`, `-3` … when that is taken; never
/// overwriting: the file is created exclusively), private and synced; returns the copy's path.
pub fn copy_into(packet: &Path, folder: &Path) -> io::Result<PathBuf> {
    let bytes = std::fs::read(packet)?;
    let stem = packet
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "leakaid".into());
    let ext = packet
        .extension()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "pdf".into());
    for n in 1..1000 {
        let name = if n == 1 {
            format!("{stem}.{ext}")
        } else {
            format!("{stem}-{n}.{ext}")
        };
        let dest = folder.join(name);
        match durable::private_options()
            .write(true)
            .create_new(true)
            .open(&dest)
        {
            Ok(mut f) => {
                f.write_all(&bytes)?;
                f.sync_all()?;
                return Ok(dest);
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::new(io::ErrorKind::AlreadyExists, "no free file name"))
}

/// Copies the packet made at `packet` into `folder` for the user to find and print: the one
/// step the wizard and `export pdf --copy-to-desktop` share. `folder` is `None` when no
/// Desktop or Downloads folder was found; the error is a sentence in `lang`.
pub fn copy_for_user(packet: &Path, folder: Option<PathBuf>, lang: Lang) -> Result<PathBuf, String> {
    let Some(folder) = folder else {
        return Err(lang
            .pick("没有找到桌面或下载文件夹", "No Desktop or Downloads folder found")
            .to_string());
    };
    copy_into(packet, &folder).map_err(|e| {
        lang.pick("复制到桌面没有成功：", "Could not copy it to the Desktop: ")
            .to_string()
            + &e.to_string()
    })
}

/// `path` with the home folder written as `~`, short enough to read and find. Windows
/// users know no `~`: there the whole path is shown (`C:\Users\张三\Desktop\…`).
pub fn short_path(path: &Path) -> String {
    if cfg!(windows) {
        return path.display().to_string();
    }
    let home = directories::UserDirs::new().map(|d| d.home_dir().to_path_buf());
    match home.and_then(|h| path.strip_prefix(&h).ok().map(Path::to_path_buf)) {
        Some(rest) => format!("~/{}", rest.display()),
        None => path.display().to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_copy_never_overwrites_and_is_private() {
        let tmp = tempfile::tempdir().expect("tmp");
        let packet = tmp.path().join("leakaid-default-20261129.pdf");
        std::fs::write(&packet, b"%PDF-1.7").expect("write");
        let desk = tmp.path().join("Desktop");
        std::fs::create_dir(&desk).expect("mkdir");
        let a = copy_into(&packet, &desk).expect("copy");
        let b = copy_into(&packet, &desk).expect("copy");
        assert_eq!(a, desk.join("leakaid-default-20261129.pdf"));
        assert_eq!(b, desk.join("leakaid-default-20261129-2.pdf"));
        assert_eq!(std::fs::read(&b).expect("read"), b"%PDF-1.7");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&a).expect("meta").permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
    }
}
