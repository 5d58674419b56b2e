//! The few Windows calls leakaid needs where the standard library has no portable word for
//! them: a rename that is on disk when it returns and never replaces unless asked, what kind
//! of thing an open handle is (a disk file, a console or device, a pipe), and whether this
//! program's console window is its own (started by a double-click).

use std::fs::File;
use std::io;
use std::os::windows::ffi::OsStrExt;
use std::os::windows::io::AsRawHandle;
use std::path::Path;

use windows_sys::Win32::Storage::FileSystem::{
    FILE_TYPE_CHAR, FILE_TYPE_DISK, FILE_TYPE_PIPE, GetFileType, MOVEFILE_REPLACE_EXISTING,
    MOVEFILE_WRITE_THROUGH, MoveFileExW,
};

/// Opens a link or junction itself instead of what it points to (`O_NOFOLLOW`'s counterpart,
/// for [`std::os::windows::fs::OpenOptionsExt::custom_flags`]).
pub const OPEN_REPARSE_POINT: u32 = windows_sys::Win32::Storage::FileSystem::FILE_FLAG_OPEN_REPARSE_POINT;

/// `ERROR_SHARING_VIOLATION` and `ERROR_LOCK_VIOLATION`: another program has the file open
/// (a PDF reader holding the packet) or locked.
pub const IN_USE: [i32; 2] = [
    windows_sys::Win32::Foundation::ERROR_SHARING_VIOLATION as i32,
    windows_sys::Win32::Foundation::ERROR_LOCK_VIOLATION as i32,
];

fn wide(p: &Path) -> Vec<u16> {
    p.as_os_str().encode_wide().chain(std::iter::once(0)).collect()
}

/// Renames `from` to `to` with `MOVEFILE_WRITE_THROUGH` (the call returns once the move is on
/// the disk: Windows has no fsync of a folder). Without `replace`, a taken name fails with
/// [`io::ErrorKind::AlreadyExists`] and is left as it was.
pub fn rename(from: &Path, to: &Path, replace: bool) -> io::Result<()> {
    let mut flags = MOVEFILE_WRITE_THROUGH;
    if replace {
        flags |= MOVEFILE_REPLACE_EXISTING;
    }
    let (f, t) = (wide(from), wide(to));
    // SAFETY: both are NUL-terminated UTF-16 strings that live across the call.
    if unsafe { MoveFileExW(f.as_ptr(), t.as_ptr(), flags) } == 0 {
        return Err(io::Error::last_os_error());
    }
    Ok(())
}

/// What an open handle is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HandleKind {
    /// A file on a disk.
    Disk,
    /// A console or another character device (`CON`, `NUL`, `COM1`).
    Device,
    /// A named or anonymous pipe.
    Pipe,
    /// Anything else.
    Other,
}

/// What `f` is, from `GetFileType`.
pub fn handle_kind(f: &File) -> HandleKind {
    // SAFETY: the handle is open for as long as `f` is borrowed.
    match unsafe { GetFileType(f.as_raw_handle()) } {
        FILE_TYPE_DISK => HandleKind::Disk,
        FILE_TYPE_CHAR => HandleKind::Device,
        FILE_TYPE_PIPE => HandleKind::Pipe,
        _ => HandleKind::Other,
    }
}

/// True when no other program shares this console: Windows made the window for this program
/// (a double-click in Explorer), and it closes the moment the program ends.
pub fn owns_console() -> bool {
    let mut ids = [0u32; 4];
    // SAFETY: the buffer holds `ids.len()` process ids.
    let n = unsafe {
        windows_sys::Win32::System::Console::GetConsoleProcessList(ids.as_mut_ptr(), ids.len() as u32)
    };
    n == 1
}
