//! Reading commands: `list`, `show`, `leads`.

use std::fmt::Write as _;
use std::sync::Arc;

use super::{Ctx, Failure, Lines, out};
use crate::case::leads::leads as rank_leads;
use crate::case::state::{ChangeKind, Entry};
use crate::case::{EvidenceFields, EvidencePatch, Knew};
use crate::cli::ListArgs;
use crate::display::{fit, pad, summary_shown, width};
use crate::evidence::number::{LabelCache, NumberLabel};
use crate::i18n::{Lang, tr};
use crate::localtime::{legend, short, system_zone};
use crate::text::shown_line as one_line;

fn knew_words<'a>(knew: impl IntoIterator<Item = &'a Knew>, lang: Lang) -> String {
    let mut out = String::new();
    push_knew_words(&mut out, knew, lang);
    out
}

/// What they knew, in words joined by 、 (or commas), added to the end of `out`.
fn push_knew_words<'a>(out: &mut String, knew: impl IntoIterator<Item = &'a Knew>, lang: Lang) {
    for (i, k) in knew.into_iter().enumerate() {
        if i > 0 {
            out.push_str(lang.pick("、", ", "));
        }
        out.push_str(lang.pick(k.zh(), k.en()));
    }
}

/// An entry in `list --json`: the entry, and what kind of number its counterpart is.
#[derive(serde::Serialize)]
struct Listed<'a> {
    #[serde(flatten)]
    entry: &'a Entry,
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "crate::evidence::number::serialize_shared"
    )]
    label: Option<Arc<NumberLabel>>,
}

/// `leakaid list`.
pub fn list(ctx: &Ctx, args: &ListArgs) -> Result<(), Failure> {
    let case = ctx.read_case()?;
    let state = case.state();
    let mut entries: Vec<&Entry> = state
        .entries
        .iter()
        .filter(|e| args.kind.is_none_or(|k| e.current.kind == k))
        .collect();
    // In the order things happened, which is the order of the one zone the times are shown in
    // (an email dated in another zone takes its place among the rest).
    entries.sort_by_key(|e| (e.current.occurred_at.timestamp(), e.id.0));
    let mut labels = LabelCache::default();
    if args.json {
        let listed: Vec<Listed<'_>> = entries
            .iter()
            .map(|e| Listed {
                entry: e,
                label: labels.label(&e.current.counterpart),
            })
            .collect();
        return super::output::json_out(&listed);
    }
    let lang = ctx.lang;
    if entries.is_empty() {
        out(tr(
            lang,
            "还没有记录。接到骚扰电话时，用 leakaid log call 号码 --note \"对方说了什么\" 记下来。",
            "No entries yet. When a scam call comes in, record it with leakaid log call NUMBER --note \"what they said\".",
        ));
        return Ok(());
    }
    let mut o = Lines::stdout();
    o.line(format!(
        "{} {} {} {} {}",
        pad(lang.pick("编号", "ID"), 6),
        pad(lang.pick("时间", "time"), 16),
        pad(lang.pick("类型", "kind"), 8),
        pad(lang.pick("对方（次数）", "counterpart (times)"), WHO_COLUMNS),
        lang.pick("内容 / 对方知道", "summary / they knew")
    ));
    let tz = system_zone();
    for e in entries {
        let f = &e.current;
        let n = state.same_counterpart_count(e);
        // The count stays whole when a long counterpart is cut to the column.
        let who = if n > 1 {
            let count = format!(" ({n})");
            format!("{}{count}", fit(&f.counterpart, WHO_COLUMNS - width(&count)))
        } else {
            f.counterpart.clone()
        };
        let mut summary = summary_shown(f, lang).into_owned();
        if let Some(label) = labels.label(&f.counterpart).filter(|l| l.caution) {
            summary = format!("[{}] {summary}", label.tag(lang));
        }
        if !f.knew.is_empty() {
            summary = format!(
                "{summary} [{}: {}]",
                lang.pick("知道", "knew"),
                knew_words(&f.knew, lang)
            );
        }
        let mark = if e.retracted.is_some() {
            lang.pick("[已撤回] ", "[retracted] ")
        } else if e.is_corrected() {
            lang.pick("[已更正] ", "[corrected] ")
        } else {
            ""
        };
        o.line(format!(
            "{} {} {} {} {}",
            pad(&e.id.to_string(), 6),
            pad(&short(&f.occurred_at, &tz), 16),
            pad(lang.pick(f.kind.zh(), f.kind.en()), 8),
            pad(&who, WHO_COLUMNS),
            fit(&format!("{mark}{summary}"), 60)
        ));
    }
    // Through the same buffer as the rows, so it is written after them.
    o.line(legend(lang, &tz, jiff::Timestamp::now()));
    Ok(())
}

fn field_lines(f: &EvidenceFields, lang: Lang) -> Vec<String> {
    let mut v = vec![
        format!(
            "  {}: {}",
            lang.pick("类型", "kind"),
            lang.pick(f.kind.zh(), f.kind.en())
        ),
        format!("  {}: {}", lang.pick("时间", "when"), f.occurred_at.long()),
        format!(
            "  {}: {}",
            lang.pick("对方", "counterpart"),
            one_line(&f.counterpart)
        ),
    ];
    if !f.to_mine.is_empty() {
        v.push(format!(
            "  {}: {}",
            lang.pick("打到/发到我的", "reached my"),
            one_line(&f.to_mine)
        ));
    }
    if !f.summary.is_empty() {
        v.push(format!(
            "  {}: {}",
            lang.pick("内容", "summary"),
            summary_shown(f, lang).replace('\n', "\n    ")
        ));
    }
    if !f.knew.is_empty() {
        v.push(format!(
            "  {}: {}",
            lang.pick("对方知道", "they knew"),
            knew_words(&f.knew, lang)
        ));
    }
    if let Some(l) = f.lost {
        v.push(format!(
            "  {}: {l} {}",
            lang.pick("损失", "lost"),
            lang.pick("元", "yuan")
        ));
    }
    for ((zh, en), value) in f.transfer.iter().flat_map(|t| t.parts()) {
        v.push(format!("  {}: {}", lang.pick(zh, en), one_line(&value)));
    }
    if !f.kept_at.is_empty() {
        v.push(format!(
            "  {}: {}",
            lang.pick("原件所在", "original kept"),
            one_line(&f.kept_at)
        ));
    }
    v
}

fn patch_words(p: &EvidencePatch, lang: Lang) -> String {
    let mut parts = Vec::new();
    if let Some(k) = p.kind {
        parts.push(format!(
            "{} → {}",
            lang.pick("类型", "kind"),
            lang.pick(k.zh(), k.en())
        ));
    }
    if let Some(t) = p.occurred_at {
        parts.push(format!("{} → {}", lang.pick("时间", "when"), t.long()));
    }
    if let Some(c) = &p.counterpart {
        parts.push(format!("{} → {}", lang.pick("对方", "counterpart"), one_line(c)));
    }
    if let Some(c) = &p.to_mine {
        parts.push(format!(
            "{} → {}",
            lang.pick("打到/发到我的", "reached my"),
            one_line(c)
        ));
    }
    if let Some(c) = &p.summary {
        parts.push(format!("{} → {}", lang.pick("内容", "summary"), one_line(c)));
    }
    if let Some(k) = &p.knew {
        parts.push(format!(
            "{} → {}",
            lang.pick("对方知道", "they knew"),
            knew_words(k, lang)
        ));
    }
    if let Some(l) = p.lost {
        parts.push(format!("{} → {l}", lang.pick("损失", "lost")));
    }
    for ((zh, en), value) in p.transfer.iter().flat_map(|t| t.parts()) {
        parts.push(format!("{} → {}", lang.pick(zh, en), one_line(&value)));
    }
    if let Some(c) = &p.kept_at {
        parts.push(format!(
            "{} → {}",
            lang.pick("原件所在", "original kept"),
            one_line(c)
        ));
    }
    parts.join("; ")
}

/// `leakaid show ID`.
pub fn show(ctx: &Ctx, id: &str) -> Result<(), Failure> {
    let lang = ctx.lang;
    let id = ctx.entry_id(id)?;
    let case = ctx.read_case()?;
    let e = case
        .state()
        .entry(id)
        .ok_or_else(|| ctx.fail(crate::case::CaseError::UnknownEntry(id.to_string())))?;
    let status = match (&e.retracted, e.is_corrected()) {
        (Some(r), _) => format!("{}（{}）", lang.pick("已撤回", "retracted"), one_line(&r.reason)),
        (None, true) => lang.pick("已更正", "corrected").to_string(),
        (None, false) => lang.pick("有效", "recorded").to_string(),
    };
    out(format!("{} — {status}", e.id));
    for l in field_lines(&e.current, lang) {
        out(l);
    }
    if let Some(m) = &e.current.email {
        out(format!("{}:", lang.pick("邮件来源", "Email origin")));
        for (label, value) in m.describe(lang) {
            if label.is_empty() {
                out(format!("    {value}"));
            } else {
                out(format!("  {label}: {value}"));
            }
        }
    }
    if let Some(p) = &e.current.phone {
        out(format!(
            "{}:",
            lang.pick("来自手机备份", "From the phone's backup")
        ));
        for (label, value) in p.describe(lang) {
            out(format!("  {label}: {}", one_line(&value)));
        }
    }
    for a in &e.attachments {
        out(format!(
            "  {}: {} ({} {}, {})\n    SHA-256 {}",
            lang.pick("附件", "file"),
            one_line(&a.original_name),
            a.size,
            lang.pick("字节", "bytes"),
            one_line(&a.media_type),
            one_line(&a.sha256)
        ));
    }
    out(format!("{}:", lang.pick("历史记录", "History")));
    out(format!(
        "  {} {} (seq {})",
        e.recorded_at.long(),
        lang.pick("首次记录：", "first recorded:"),
        e.seq
    ));
    if !e.history.is_empty() {
        for l in field_lines(e.original(), lang) {
            out(format!("  {l}"));
        }
    }
    for c in &e.history {
        let what = match &c.kind {
            ChangeKind::Corrected { changes, reason } => {
                let why = if reason.is_empty() {
                    String::new()
                } else {
                    format!(" — {}", one_line(reason))
                };
                format!(
                    "{} {}{why}",
                    lang.pick("更正：", "corrected:"),
                    patch_words(changes, lang)
                )
            }
            ChangeKind::AttachmentAdded { attachment } => {
                format!(
                    "{} {} ({})",
                    lang.pick("添加附件：", "file added:"),
                    one_line(&attachment.original_name),
                    one_line(&attachment.sha256)
                )
            }
            ChangeKind::Retracted { reason } => {
                format!("{} {}", lang.pick("撤回：", "retracted:"), one_line(reason))
            }
        };
        out(format!("  {} {what} (seq {})", c.recorded_at.long(), c.seq));
    }
    Ok(())
}

/// Columns of `list`'s counterpart column.
const WHO_COLUMNS: usize = 24;

/// `leakaid leads`.
pub fn leads(ctx: &Ctx, json: bool) -> Result<(), Failure> {
    let case = ctx.read_case()?;
    let ranked = rank_leads(case.state());
    if json {
        let printed = super::output::json_out(&ranked);
        leave_to_exit((case, ranked));
        return printed;
    }
    let lang = ctx.lang;
    if ranked.is_empty() {
        out(lang.pick(
            "还没有线索：记下的电话、短信、邮件的对方会在这里排序列出。",
            "No leads yet: the senders of logged calls, SMS and emails are ranked here.",
        ));
        return Ok(());
    }
    // Each line is built in one reused buffer and written straight out: 200,000 lines for a
    // large case, so no string is made per field.
    let mut o = Lines::stdout();
    let mut line = String::with_capacity(256);
    let tz = system_zone();
    for l in &ranked {
        line.clear();
        line.push_str(&one_line(&l.counterpart));
        let n = l.count;
        match lang {
            Lang::Zh => {
                let _ = write!(line, " — {n} 次（");
            }
            Lang::En => {
                let times = if n == 1 { "time" } else { "times" };
                let _ = write!(line, " — {n} {times} (");
            }
        }
        for (i, k) in l.kinds.iter().enumerate() {
            if i > 0 {
                line.push('/');
            }
            line.push_str(lang.pick(k.zh(), k.en()));
        }
        line.push_str(lang.pick("），从 ", "), from "));
        crate::localtime::push_short(&l.first, &tz, &mut line);
        line.push_str(" … ");
        crate::localtime::push_short(&l.last, &tz, &mut line);
        o.line(&line);
        if let Some(label) = &l.label {
            line.clear();
            line.push_str("    ");
            line.push_str(lang.pick("号码类型", "number"));
            line.push_str(": ");
            line.push_str(label.text(lang));
            o.line(&line);
        }
        if !l.origin_ips.is_empty() || !l.submitter_ips.is_empty() || !l.impersonated.is_empty() {
            let more = |n: usize| tr(lang, format!("另有 {n} 个 IP"), format!("and {n} more IPs"));
            let mut parts: Vec<String> = crate::case::leads::few(l.origin_ips.iter(), more)
                .into_iter()
                .map(|ip| if ip.contains(' ') { ip } else { format!("IP {ip}") })
                .collect();
            parts.extend(
                crate::case::leads::few(l.submitter_ips.iter(), more)
                    .into_iter()
                    .map(|ip| {
                        if ip.contains(' ') {
                            ip
                        } else {
                            format!("{} {ip}", lang.pick("提交方IP", "submitted from IP"))
                        }
                    }),
            );
            let more_addresses = |n: usize| {
                tr(
                    lang,
                    format!("另有 {n} 个地址"),
                    format!("and {n} more addresses"),
                )
            };
            parts.extend(
                crate::case::leads::few(l.impersonated.iter(), more_addresses)
                    .into_iter()
                    .map(|a| {
                        if a.contains('@') {
                            format!("{} {a}", lang.pick("冒用", "impersonated:"))
                        } else {
                            a
                        }
                    }),
            );
            o.line(format!(
                "    {}: {}",
                lang.pick("真实来源", "real origin"),
                parts.join(lang.pick("；", "; "))
            ));
        }
        if !l.knew.is_empty() {
            line.clear();
            line.push_str("    ");
            line.push_str(lang.pick("对方知道", "they knew"));
            line.push_str(": ");
            push_knew_words(&mut line, l.knew.iter(), lang);
            o.line(&line);
        }
        if l.lost.0 > 0 {
            line.clear();
            let _ = write!(
                line,
                "    {}: {} {}",
                lang.pick("损失", "lost"),
                l.lost,
                lang.pick("元", "yuan")
            );
            o.line(&line);
        }
    }
    o.line(legend(lang, &tz, jiff::Timestamp::now()));
    drop(o);
    leave_to_exit((case, ranked));
    Ok(())
}

/// Leaves what a command read to be reclaimed when the process ends, right after the
/// command: giving a large case's memory back piece by piece takes longer than printing it.
fn leave_to_exit<T>(read: T) {
    std::mem::forget(read);
}
