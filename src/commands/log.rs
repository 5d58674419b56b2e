//! `leakaid log`: record a contact in seconds; prints the id only once it is on disk.

use super::{Ctx, Failure, eml, out, warn};
use crate::case::Appended;
use crate::case::draft::parse_knew_list;
use crate::case::{Case, EvidenceDraft, EvidenceKind};
use crate::cli::LogArgs;
use crate::i18n::tr;

/// Runs `leakaid log`.
pub fn run(ctx: &Ctx, args: &LogArgs) -> Result<(), Failure> {
    // The time is taken at once: the call happened now, not when the disk finished.
    let now = ctx.now();
    let mut draft = EvidenceDraft {
        kind: Some(args.kind),
        at: args.facts.at.clone().unwrap_or_default(),
        counterpart: args.counterpart.clone().unwrap_or_default(),
        to_mine: args.facts.to.clone().unwrap_or_default(),
        summary: args.facts.note.clone().unwrap_or_default(),
        knew: match &args.facts.knew {
            Some(k) => parse_knew_list(k).map_err(|e| ctx.fail(e))?,
            None => Default::default(),
        },
        lost: args.facts.lost.clone().unwrap_or_default(),
        transfer: args.facts.transfer(),
        email: None,
        kept_at: args.facts.original.clone().unwrap_or_default(),
    };
    let mut files = args.attach.clone();
    let mut doubt = None;
    if let Some(path) = &args.eml {
        if args.kind != EvidenceKind::Email {
            return Err(Failure::new(tr(
                ctx.lang,
                "--eml 只能用于邮件：leakaid log email --eml 文件.eml",
                "--eml is for emails: leakaid log email --eml FILE.eml",
            )));
        }
        let mail = eml::read(path, ctx.lang)?;
        doubt = eml::fill(&mut draft, mail, &now, ctx.lang);
        files.insert(0, path.clone());
    }
    let fields = draft.validate(&now).map_err(|e| ctx.fail(e))?;
    let mut case = Case::for_logging(&ctx.case_dir()?).map_err(|e| ctx.fail(e))?;
    report_swept(ctx, &case);
    let (id, appended) = if fields.email.is_some() {
        case.log_email(fields.clone(), &files, args.again)
    } else {
        case.log(fields.clone(), &files)
    }
    .map_err(|e| ctx.fail(e))?;
    report_repair(ctx, &appended);
    let kind = ctx.lang.pick(fields.kind.zh(), fields.kind.en());
    let who = if fields.counterpart.is_empty() {
        String::new()
    } else {
        format!(" {}", fields.counterpart)
    };
    out(tr(
        ctx.lang,
        format!("已记录 {id}：{kind}{who}，时间 {}", fields.occurred_at.long()),
        format!("Logged {id}: {kind}{who} at {}", fields.occurred_at.long()),
    ));
    if let Some(m) = &fields.email {
        out(format!(
            "  {}: {}",
            ctx.lang.pick("真实来源", "real origin"),
            m.origin().line(ctx.lang)
        ));
        for s in m.signals() {
            out(format!("  ! {}", s.sentence(ctx.lang)));
        }
    }
    if let Some(d) = doubt {
        warn(d.message(ctx.lang));
    }
    if super::money::lacks_account(&fields) {
        super::money::warn_missing_accounts(ctx, &[id]);
    }
    Ok(())
}

/// Tells the user when lost newlines were restored or an interrupted earlier write was moved
/// to quarantine.
pub(crate) fn report_repair(ctx: &Ctx, a: &Appended) {
    if a.restored > 0 {
        warn(tr(
            ctx.lang,
            format!(
                "提示：案件记录末尾有 {} 条完整的记录缺少换行符，已补上；这些记录和它们的编号都保留不变。",
                a.restored
            ),
            format!(
                "Note: {} complete record(s) at the end of the case journal had lost their line break; it was restored and they keep their numbers.",
                a.restored
            ),
        ));
    }
    if let Some(q) = &a.repaired {
        warn(tr(
            ctx.lang,
            format!(
                "提示：发现上次写入被中断留下的 {} 字节，已原样保存到 {}，之前的记录完好。",
                q.bytes,
                q.path.display()
            ),
            format!(
                "Note: {} bytes left by an interrupted write were kept in {}; earlier entries are intact.",
                q.bytes,
                q.path.display()
            ),
        ));
    }
}

/// Tells the user, in one line, that temporary files left by interrupted writes were removed.
pub(crate) fn report_swept(ctx: &Ctx, case: &Case) {
    if let Some(line) = case.swept().message(ctx.lang) {
        warn(line);
    }
}
