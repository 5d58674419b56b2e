//! What an I/O error means to the user: the cause in their language (never the system's
//! English words inside a Chinese sentence) and whether trying again can help.

use std::io::{self, ErrorKind};

use crate::i18n::{Lang, tr};

/// The cause of `e` in a few words, in `lang`.
pub fn reason(e: &io::Error, lang: Lang) -> String {
    if in_use_by_another_program(e) {
        return lang
            .pick(
                "文件正被其他程序打开（例如 PDF 阅读器），请关闭它再试",
                "another program has the file open (a PDF reader, say): close it and try again",
            )
            .to_string();
    }
    let (zh, en) = match e.kind() {
        ErrorKind::NotFound => ("文件或文件夹不存在", "it does not exist"),
        ErrorKind::PermissionDenied => ("没有权限", "permission denied"),
        ErrorKind::ReadOnlyFilesystem => ("磁盘是只读的", "the disk is read-only"),
        ErrorKind::StorageFull | ErrorKind::QuotaExceeded => ("磁盘已满", "the disk is full"),
        ErrorKind::AlreadyExists => ("同名文件已存在", "a file of that name exists"),
        ErrorKind::InvalidFilename => ("文件名太长或不能使用", "the file name is too long or not allowed"),
        ErrorKind::IsADirectory => ("这是一个文件夹", "it is a folder"),
        ErrorKind::NotADirectory => ("路径中有一项不是文件夹", "part of the path is not a folder"),
        ErrorKind::FileTooLarge => ("文件太大", "the file is too large"),
        ErrorKind::InvalidData => ("内容无法读取", "the content cannot be read"),
        ErrorKind::Interrupted | ErrorKind::WouldBlock | ErrorKind::TimedOut => {
            ("操作被打断", "the operation was interrupted")
        }
        ErrorKind::ResourceBusy => ("文件正被占用", "the file is busy"),
        ErrorKind::CrossesDevices => ("不能跨磁盘移动", "it cannot be moved across disks"),
        _ => {
            return tr(
                lang,
                format!("系统错误（{}）", code(e)),
                format!("system error ({})", code(e)),
            );
        }
    };
    lang.pick(zh, en).to_string()
}

/// True when the same action may succeed if simply tried again (a passing condition);
/// false when something must change first (a path, a permission, free space).
pub fn retry_helps(e: &io::Error) -> bool {
    in_use_by_another_program(e)
        || matches!(
            e.kind(),
            ErrorKind::Interrupted
                | ErrorKind::WouldBlock
                | ErrorKind::TimedOut
                | ErrorKind::ResourceBusy
                | ErrorKind::UnexpectedEof
        )
        || e.raw_os_error().is_none() && e.kind() == ErrorKind::Other
}

/// True for Windows' sharing and lock violations: another program holds the file open
/// without sharing it (a PDF reader showing the packet being replaced).
fn in_use_by_another_program(e: &io::Error) -> bool {
    #[cfg(windows)]
    {
        e.raw_os_error()
            .is_some_and(|n| crate::winsys::IN_USE.contains(&n))
    }
    #[cfg(not(windows))]
    {
        let _ = e;
        false
    }
}

fn code(e: &io::Error) -> String {
    match e.raw_os_error() {
        Some(n) if cfg!(windows) => format!("Windows {n}"),
        Some(n) => format!("errno {n}"),
        None => format!("{:?}", e.kind()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_name_is_explained_and_not_worth_retrying() {
        let e = io::Error::from_raw_os_error(36); // ENAMETOOLONG on Linux
        if cfg!(target_os = "linux") {
            assert_eq!(reason(&e, Lang::Zh), "文件名太长或不能使用");
            assert!(!retry_helps(&e));
        }
        let busy = io::Error::from(ErrorKind::Interrupted);
        assert!(retry_helps(&busy));
        assert!(!reason(&busy, Lang::Zh).is_ascii());
    }
}
