//! Where an export goes: `-o FILE` (never replacing without `--force`, never through a link),
//! standard output (`-o -`), or a new dated file in the case's exports folder. Shared by
//! `export json|csv` and `export pdf`.

use std::path::Path;

use super::{Ctx, Failure, out};
use crate::cli::ExportFileArgs;
use crate::durable::{self, Replace};
use crate::i18n::tr;
use crate::pdf::export::{dated_name, write_dated, write_failure};

/// Writes an export to `-o FILE`, standard output (`-o -`), or a dated file in the case's
/// exports folder, and prints where it went.
pub fn write_export(
    ctx: &Ctx,
    case: &crate::case::Case,
    bytes: &[u8],
    ext: &str,
    args: &ExportFileArgs,
) -> Result<(), Failure> {
    write_export_named(ctx, case, bytes, ctx.case_name(), ext, args)
}

/// As [`write_export`], with `stem` in the dated file's name instead of the case's name
/// (`leakaid-STEM-YYYYMMDD-HHMMSS.EXT`).
pub fn write_export_named(
    ctx: &Ctx,
    case: &crate::case::Case,
    bytes: &[u8],
    stem: &str,
    ext: &str,
    args: &ExportFileArgs,
) -> Result<(), Failure> {
    if args.output.as_deref() == Some(Path::new("-")) {
        use std::io::Write;
        let _ = std::io::stdout().lock().write_all(bytes);
        return Ok(());
    }
    let path = match &args.output {
        Some(p) => {
            let replace = if args.force { Replace::Yes } else { Replace::No };
            check_target(ctx, p, replace)?;
            durable::write_file(p, bytes, replace).map_err(|e| match e.kind() {
                // Appeared since the check.
                std::io::ErrorKind::AlreadyExists => exists_failure(ctx, p),
                _ => io_failure(ctx, p, &e),
            })?;
            p.clone()
        }
        None => {
            write_dated(&case.exports_dir(), stem, ext, bytes).map_err(|(p, e)| io_failure(ctx, &p, &e))?
        }
    };
    out(path.display().to_string());
    Ok(())
}

/// Streams pretty JSON to stdout (a 100,000-entry list is never held as one string), with the
/// controls a terminal acts on escaped ([`crate::text::json`]); a closed pipe
/// (`leakaid list --json | head`) is not an error.
pub fn json_out<T: serde::Serialize>(v: &T) -> Result<(), Failure> {
    use std::io::Write;
    let o = std::io::BufWriter::with_capacity(64 * 1024, std::io::stdout().lock());
    let mut safe = crate::text::json::SafeJson::new(o);
    let written = serde_json::to_writer_pretty(&mut safe, v)
        .map_err(std::io::Error::from)
        .and_then(|()| writeln!(safe))
        .and_then(|()| safe.into_inner())
        .and_then(|mut o| o.flush());
    match written {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Failure::new(e.to_string())),
        _ => Ok(()),
    }
}

/// As [`write_export`], with the content written by `fill` straight into the file (or
/// standard output) as it is made, never held whole in memory: `export json` of a large case.
/// The file is written durably like the others; a failed `fill` leaves nothing behind.
pub fn write_export_streamed(
    ctx: &Ctx,
    case: &crate::case::Case,
    ext: &str,
    args: &ExportFileArgs,
    fill: &dyn Fn(&mut dyn std::io::Write) -> std::io::Result<()>,
) -> Result<(), Failure> {
    use std::io::Write;
    if args.output.as_deref() == Some(Path::new("-")) {
        let mut w = std::io::BufWriter::new(std::io::stdout().lock());
        let _ = fill(&mut w).and_then(|()| w.flush());
        return Ok(());
    }
    let into_file = |f: &mut std::fs::File| {
        let mut w = std::io::BufWriter::with_capacity(256 * 1024, f);
        fill(&mut w)?;
        w.flush()
    };
    let path = match &args.output {
        Some(p) => {
            let replace = if args.force { Replace::Yes } else { Replace::No };
            check_target(ctx, p, replace)?;
            durable::write_file_with(p, replace, into_file).map_err(|e| match e.kind() {
                // Appeared since the check.
                std::io::ErrorKind::AlreadyExists => exists_failure(ctx, p),
                _ => io_failure(ctx, p, &e),
            })?;
            p.clone()
        }
        None => write_dated_with(&case.exports_dir(), ctx.case_name(), ext, &into_file)
            .map_err(|(p, e)| io_failure(ctx, &p, &e))?,
    };
    out(path.display().to_string());
    Ok(())
}

/// A new dated file in `dir` (as `write_dated` makes it: the folder private, never replacing
/// a name that is taken), its content written by `fill`. On failure the error names the path.
fn write_dated_with(
    dir: &Path,
    case: &str,
    ext: &str,
    fill: &dyn Fn(&mut std::fs::File) -> std::io::Result<()>,
) -> Result<std::path::PathBuf, (std::path::PathBuf, std::io::Error)> {
    durable::private_dir(dir).map_err(|e| (dir.to_path_buf(), e))?;
    let mut last = dated_name(dir, case, ext);
    for _ in 0..100 {
        let path = dated_name(dir, case, ext);
        match durable::write_file_with(&path, Replace::No, fill) {
            Ok(()) => return Ok(path),
            // Taken between the look and the rename (another export): the next free name.
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => last = path,
            Err(e) => return Err((path, e)),
        }
    }
    Err((last, std::io::Error::from(std::io::ErrorKind::AlreadyExists)))
}

/// Refuses a target that is not a regular file (a link, device, FIFO or folder: never, even
/// with --force) and an existing file unless it may be replaced.
pub(super) fn check_target(ctx: &Ctx, p: &Path, replace: Replace) -> Result<(), Failure> {
    let Ok(meta) = std::fs::symlink_metadata(p) else {
        return Ok(());
    };
    let t = meta.file_type();
    if t.is_file() {
        return match replace {
            Replace::Yes => Ok(()),
            Replace::No => Err(exists_failure(ctx, p)),
        };
    }
    let (zh, en) = if t.is_dir() {
        ("文件夹", "folder")
    } else if t.is_symlink() {
        ("符号链接", "symbolic link")
    } else {
        ("特殊文件（设备、管道等）", "special file (a device or pipe)")
    };
    Err(Failure::new(tr(
        ctx.lang,
        format!(
            "{} 是{zh}，不是普通文件，不会写入（加 --force 也不会）。请用 -o 指定一个新的文件名。",
            p.display()
        ),
        format!(
            "{} is a {en}, not a regular file; nothing is written there, even with --force. Name a new file with -o.",
            p.display()
        ),
    )))
}

/// The date to print: `--date YYYY-MM-DD`, or today. A date after tomorrow is refused: a
/// letter dated ahead cites the law of a day that has not come.
pub fn print_date(ctx: &Ctx, arg: Option<&str>) -> Result<jiff::civil::Date, Failure> {
    let today = ctx.now().date();
    let Some(s) = arg else {
        return Ok(today);
    };
    let shown = crate::text::shown_line(s);
    let shown: String = shown.chars().take(40).collect();
    let date = crate::text::halfwidth::to_halfwidth(s)
        .trim()
        .parse::<jiff::civil::Date>()
        .map_err(|_| {
            Failure::new(tr(
                ctx.lang,
                format!("“{shown}”不是日期。请写成 2025-06-01 这样的格式。"),
                format!("“{shown}” is not a date. Write it like 2025-06-01."),
            ))
        })?;
    let tomorrow = today.tomorrow().unwrap_or(today);
    if date > tomorrow {
        return Err(Failure::new(tr(
            ctx.lang,
            format!("日期 {date} 还没有到。请写今天或之前的日期，不写 --date 就用今天（{today}）。"),
            format!(
                "The date {date} has not come yet. Give today or an earlier day; without --date today ({today}) is used."
            ),
        )));
    }
    Ok(date)
}

/// Refuses a printed date before the last thing the case records: a letter dated before its
/// own facts, citing the law of that earlier day.
pub fn check_print_date(
    ctx: &Ctx,
    date: jiff::civil::Date,
    state: &crate::case::CaseState,
) -> Result<(), Failure> {
    let zone = crate::localtime::system_zone();
    let last = state
        .live_entries()
        .map(|e| crate::localtime::in_zone(&e.current.occurred_at, &zone).date())
        .max();
    match last {
        Some(last) if date < last => Err(Failure::new(tr(
            ctx.lang,
            format!(
                "日期 {date} 早于案件里最后一条记录的日期（{last}）。请写 {last} 或之后的日期，不写 --date 就用今天。"
            ),
            format!(
                "The date {date} is before the case's last entry ({last}). Give {last} or a later day; without --date today is used."
            ),
        ))),
        _ => Ok(()),
    }
}

fn exists_failure(ctx: &Ctx, p: &Path) -> Failure {
    Failure::new(exists_sentence(ctx.lang, p))
}

/// A file that exists and was not replaced, and how to replace it.
pub(super) fn exists_sentence(lang: crate::i18n::Lang, p: &Path) -> String {
    tr(
        lang,
        format!(
            "{} 已经存在，没有覆盖。请换一个文件名，或加 --force 替换它。",
            p.display()
        ),
        format!(
            "{} already exists and was not replaced. Choose another name, or add --force to replace it.",
            p.display()
        ),
    )
}

fn io_failure(ctx: &Ctx, path: &Path, e: &std::io::Error) -> Failure {
    Failure::new(write_failure(ctx.lang, path, e))
}
