//! `leakaid backup FILE` and `leakaid restore FILE`: the passphrase (asked without echo, or
//! read from a file descriptor), then `crate::backup`, then what happened in one or two lines.

use std::io::Read;
use std::path::Path;

use super::{Ctx, Failure, out, warn};
use crate::backup::{self, SecretString, Strength, Work};
use crate::cli::{BackupArgs, RestoreArgs};
use crate::durable::Replace;
use crate::i18n::{Lang, tr};

/// Runs `leakaid backup FILE`.
pub fn backup(ctx: &Ctx, args: &BackupArgs) -> Result<(), Failure> {
    let lang = ctx.lang;
    let case_dir = ctx.case_dir()?;
    let data = ctx.data_dir()?;
    if !case_dir.join(crate::journal::JOURNAL_FILE).is_file() {
        return Err(Failure::new(backup::BackupError::NoCase(case_dir).message(lang)));
    }
    let passphrase = match args.passphrase_fd {
        Some(fd) => read_fd(fd, lang)?,
        None => ask_twice(lang)?,
    };
    if backup::strength(&passphrase, &[ctx.case_name()]) == Strength::Weak {
        warn(tr(
            lang,
            "注意：这个口令容易被猜到。捡到这个文件的人可以不停地试口令；建议用 4 个以上不相关的词或一句只有你知道的话。备份仍会生成。",
            "Note: this passphrase is easy to guess. Whoever finds the file can try passphrases as long as they like; four or more unrelated words, or a sentence only you know, is better. The backup is still made.",
        ));
    }
    let replace = if args.force { Replace::Yes } else { Replace::No };
    let made = backup::make(
        &case_dir,
        Some(data.root()),
        &args.file,
        replace,
        SecretString::from(passphrase),
        work_for_tests(),
    )
    .map_err(|e| Failure::new(e.message(lang)))?;
    for p in &made.report.problems {
        warn(p.message(lang));
    }
    if !made.report.is_intact() {
        warn(tr(
            lang,
            "注意：这个案件核对没有通过（见上），备份原样保存了它，恢复后也会是这样。",
            "Note: this case did not verify (see above); the backup keeps it as it is, and a restore will give it back as it is.",
        ));
    }
    if !made.skipped.is_empty() {
        warn(tr(
            lang,
            format!(
                "注意：案件文件夹里有 {} 项不属于案件记录（例如证据库里不是以哈希命名的文件），没有放进备份。",
                made.skipped.len()
            ),
            format!(
                "Note: {} item(s) in the case folder are not part of the case (such as a file in the vault not named by its hash) and were left out.",
                made.skipped.len()
            ),
        ));
    }
    let fp = &made.report.fingerprint;
    // Remembered for the wizard's reminder; the backup is made whether or not this is saved.
    let mut settings = crate::config::Config::load(data.root());
    let key = case_dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    settings.backups.insert(
        key,
        crate::config::LastBackup {
            at: jiff::Timestamp::now(),
            lines: fp.count,
        },
    );
    if settings.save(data.root()).is_err() {
        warn(tr(
            lang,
            "注意：备份已生成，但没能在设置里记下备份日期，向导里不会显示它。",
            "Note: the backup is made, but its date could not be noted in the settings, so the wizard will not show it.",
        ));
    }
    let shown = args.file.display();
    out(tr(
        lang,
        format!(
            "已备份到 {shown}（{} 个附件，{}，已加密）。案件指纹：{}:{}",
            made.report.attachments,
            size(made.size),
            fp.count,
            fp.head
        ),
        format!(
            "Backed up to {shown} ({} attachments, {}, encrypted). Case fingerprint: {}:{}",
            made.report.attachments,
            size(made.size),
            fp.count,
            fp.head
        ),
    ));
    out(tr(
        lang,
        "请把这个文件另存一份在电脑以外的地方（U盘、网盘），口令另外记好：忘了口令谁也打不开它。恢复：leakaid restore 文件 --case 新名字。",
        "Keep a copy of this file away from this computer (a USB drive, a cloud folder) and note the passphrase elsewhere: without it no one can open the file. To restore: leakaid restore FILE --case NEW-NAME.",
    ));
    Ok(())
}

/// Runs `leakaid restore FILE`.
pub fn restore(ctx: &Ctx, args: &RestoreArgs) -> Result<(), Failure> {
    let lang = ctx.lang;
    let (data, made) = ctx.data_dir_made()?;
    // A data folder made for this restore goes again when nothing could be restored into it
    // (`remove_dir` removes only an empty folder).
    let undo = |f: Failure| {
        if made {
            let _ = std::fs::remove_dir(data.root());
        }
        f
    };
    let case_dir = ctx.case_dir()?;
    if std::fs::symlink_metadata(&case_dir).is_ok() {
        return Err(Failure::new(
            backup::BackupError::TargetExists(case_dir).message(lang),
        ));
    }
    let passphrase = match args.passphrase_fd {
        Some(fd) => read_fd(fd, lang).map_err(undo)?,
        None => ask(lang, lang.pick("备份的口令：", "Backup passphrase: ")).map_err(undo)?,
    };
    if passphrase.is_empty() {
        return Err(undo(empty(lang)));
    }
    let restored = backup::restore(
        &args.file,
        data.root(),
        &case_dir,
        SecretString::from(passphrase),
        None,
    )
    .map_err(|e| undo(Failure::new(e.message(lang))))?;
    let fp = &restored.fingerprint;
    let name = ctx.case_name();
    if !restored.intact {
        warn(tr(
            lang,
            "注意：这个案件在备份时就没有通过核对，恢复后仍是那样；用 leakaid verify 查看问题在哪里。",
            "Note: this case did not verify when it was backed up and comes back as it was; leakaid verify shows where.",
        ));
    }
    let checked = match (lang, restored.intact) {
        (Lang::Zh, true) => "核对完好",
        (Lang::Zh, false) => "与备份时一致",
        (Lang::En, true) => "it verifies",
        (Lang::En, false) => "as it was backed up",
    };
    out(tr(
        lang,
        format!(
            "已恢复为案件“{name}”（{}，{} 个附件），{checked}。案件指纹：{}:{}",
            case_dir.display(),
            restored.attachments,
            fp.count,
            fp.head
        ),
        format!(
            "Restored as the case “{name}” ({}, {} attachments); {checked}. Case fingerprint: {}:{}",
            case_dir.display(),
            restored.attachments,
            fp.count,
            fp.head
        ),
    ));
    if restored.settings {
        out(tr(
            lang,
            "备份里的设置（语言等）也已恢复到这个数据文件夹。",
            "The settings in the backup (language and so on) now apply to this data folder.",
        ));
    }
    out(tr(
        lang,
        format!("与备份时 leakaid backup 显示的指纹对照一下；以后用 leakaid --case {name} 打开它。"),
        format!("Compare with the fingerprint leakaid backup showed; open it with leakaid --case {name}."),
    ));
    Ok(())
}

/// The passphrase, asked twice without echo.
fn ask_twice(lang: Lang) -> Result<String, Failure> {
    let first = ask(
        lang,
        lang.pick(
            "给备份设一个口令（输入时不显示）：",
            "Choose a passphrase for the backup (not shown as you type): ",
        ),
    )?;
    if first.is_empty() {
        return Err(empty(lang));
    }
    let second = ask(lang, lang.pick("再输入一次：", "Type it again: "))?;
    if first != second {
        return Err(Failure::new(tr(
            lang,
            "两次输入的口令不一样，没有备份。请重新运行，慢慢输入。",
            "The two passphrases differ; nothing was backed up. Run it again and type slowly.",
        )));
    }
    Ok(first)
}

/// One passphrase from the terminal, not echoed.
fn ask(lang: Lang, prompt: &str) -> Result<String, Failure> {
    rpassword::prompt_password(prompt).map_err(|_| {
        Failure::new(tr(
            lang,
            "没有可以输入口令的终端。在脚本里请用 --passphrase-fd N 从文件描述符读口令（第一行）。",
            "There is no terminal to type the passphrase in. In a script, give it on a file descriptor with --passphrase-fd N (its first line).",
        ))
    })
}

/// The first line read from the open file descriptor `fd` (a pipe or a file a script opened).
fn read_fd(fd: i32, lang: Lang) -> Result<String, Failure> {
    let unreadable = || {
        Failure::new(tr(
            lang,
            format!("无法从文件描述符 {fd} 读取口令：请确认脚本打开了它（例如 3< 口令文件）。"),
            format!(
                "Cannot read the passphrase from file descriptor {fd}: make sure the script opened it (for example 3< passfile)."
            ),
        ))
    };
    if fd < 0 || !cfg!(unix) {
        return Err(unreadable());
    }
    // The descriptor is opened again by its name, so no descriptor is taken over unsafely.
    let path = Path::new("/dev/fd").join(fd.to_string());
    let file = std::fs::File::open(&path).map_err(|_| unreadable())?;
    let mut bytes = Vec::new();
    file.take(64 * 1024)
        .read_to_end(&mut bytes)
        .map_err(|_| unreadable())?;
    let line = bytes.split(|b| *b == b'\n').next().unwrap_or_default();
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    let text = String::from_utf8(line.to_vec()).map_err(|_| unreadable())?;
    if text.is_empty() {
        return Err(empty(lang));
    }
    Ok(text)
}

/// The refusal of an empty passphrase.
fn empty(lang: Lang) -> Failure {
    Failure::new(tr(
        lang,
        "口令不能为空：没有口令，捡到文件的人就能读到全部证据和你的身份证号。",
        "The passphrase cannot be empty: without one, whoever finds the file can read all the evidence and your ID number.",
    ))
}

/// A size in MB with one decimal (KB below 1 MB).
fn size(bytes: u64) -> String {
    if bytes < 1_000_000 {
        format!("{} KB", bytes.div_ceil(1000))
    } else {
        format!("{:.1} MB", bytes as f64 / 1e6)
    }
}

/// The scrypt work factor: age's default, except in the test build, where
/// `LEAKAID_TEST_SCRYPT_LOG_N` may make it small so the tests do not spend seconds on it.
fn work_for_tests() -> Work {
    #[cfg(feature = "test-support")]
    if let Some(n) = std::env::var("LEAKAID_TEST_SCRYPT_LOG_N")
        .ok()
        .and_then(|v| v.parse::<u8>().ok())
    {
        return Work::LogN(n);
    }
    Work::Default
}
