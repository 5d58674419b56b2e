//! Steps 2–4 on the command line: `report`, `warn`, `lawyer`.

use jiff::ZonedDateTime;

use super::{Ctx, Failure, out};
use crate::case::amend::Amendable;
use crate::case::sent::{SentLetter, SentLetterDraft, follow_up_basis, letter_kind};
use crate::case::signals::report_count;
use crate::case::steps::day_text;
use crate::case::steps::{
    ConsultationCorrectionDraft, ConsultationDraft, ConsultationPatch, ReportDraft, ReportUpdateDraft,
    WarningCorrectionDraft, WarningDraft, WarningPatch,
};
use crate::cli::{LawyerCommand, ReportCommand, SentLetterArgs, WarnCommand};
use crate::i18n::{Lang, tr};
use crate::letters::brief::{lawyer_brief, warning_message};
use crate::localtime::{legend, short, system_zone};
use crate::text::shown_line as one_line;
use crate::text::shown_line;
use crate::userfile::{Purpose, UserFileError};

/// A record of steps 3-4 in `--json`: its id, its fields as they stand, and its history
/// (what it first said, the changes, the withdrawal) when it has one.
#[derive(serde::Serialize)]
struct Listed<'a, F, H> {
    id: &'a str,
    #[serde(flatten)]
    fields: &'a F,
    #[serde(skip_serializing_if = "Option::is_none")]
    history: Option<&'a H>,
}

fn listed<'a, I: Ord + std::ops::Deref<Target = str>, F, H>(
    list: &'a [(I, F)],
    history: &'a std::collections::BTreeMap<I, H>,
) -> Vec<Listed<'a, F, H>> {
    list.iter()
        .map(|(id, fields)| Listed {
            id,
            fields,
            history: history.get(id),
        })
        .collect()
}

/// After a list with times: the line naming the one zone they are shown in.
fn zone_legend(lang: crate::i18n::Lang, tz: &jiff::tz::TimeZone, any: bool) {
    if any {
        out(legend(lang, tz, jiff::Timestamp::now()));
    }
}

fn text(s: &Option<String>) -> String {
    s.clone().unwrap_or_default()
}

/// `leakaid report …`.
pub fn report(ctx: &Ctx, cmd: &ReportCommand) -> Result<(), Failure> {
    let lang = ctx.lang;
    let now = ctx.now();
    match cmd {
        ReportCommand::Add(a) => {
            let letter = sent_letter_draft(ctx, &a.letter)?;
            let channel = match (&a.channel, &letter) {
                (Some(c), _) => c.clone(),
                (None, Some(l)) => default_channel(&l.kind, lang).ok_or_else(|| {
                    ctx.fail(crate::case::CaseError::Required(
                        "信寄给了谁（--channel 公司或商家的名称）",
                        "who the letter went to (--channel with the company's name)",
                    ))
                })?,
                (None, None) => String::new(),
            };
            let fields = ReportDraft {
                channel,
                at: text(&a.at),
                how: text(&a.how),
                receipt: text(&a.progress.receipt),
                officer: text(&a.progress.officer),
                status: a.progress.status,
                notice_date: text(&a.progress.notice_date),
                follow_up: text(&a.progress.follow_up),
                note: text(&a.progress.note),
                letter,
            }
            .validate(&now)
            .map_err(|e| ctx.fail(e))?;
            let mut case = ctx.open_case()?;
            let has_receipt = !fields.receipt.is_empty();
            let status_given_not_filed = fields.status != crate::case::steps::ReportStatus::Filed;
            let sent = fields.letter.as_ref().map(|l| {
                (
                    l.kind.clone(),
                    crate::letters::sent_letter_name(l, lang).to_string(),
                    fields.follow_up,
                )
            });
            let id = case.add_report(fields).map_err(|e| ctx.fail(e))?;
            if let Some((kind, name, follow_up)) = sent {
                out(tr(
                    lang,
                    format!("已记录 {id}：已发出{name}。"),
                    format!("Recorded {id}: {name} sent."),
                ));
                if let Some(day) = follow_up {
                    out(format!("{}: {day}", lang.pick("跟进日期", "Follow up on")));
                }
                out(follow_up_basis(&kind, lang));
            } else if let Some(line) = next_line(&case, &id, &now, lang) {
                // Not taken, not opened, not decided: what to do now, not a receipt hint.
                out(tr(
                    lang,
                    format!("已记录报案 {id}。"),
                    format!("Recorded report {id}."),
                ));
                out(line);
            } else if has_receipt || status_given_not_filed {
                out(tr(
                    lang,
                    format!("已记录报案 {id}。"),
                    format!("Recorded report {id}."),
                ));
            } else {
                out(tr(
                    lang,
                    format!(
                        "已记录报案 {id}。拿到受案回执后，用 leakaid report update {id} --receipt 回执号 --status accepted 记下来。"
                    ),
                    format!(
                        "Recorded report {id}. When you get the receipt, record it with leakaid report update {id} --receipt NUMBER --status accepted."
                    ),
                ));
            }
        }
        ReportCommand::Update(a) => {
            let patch = ReportUpdateDraft {
                status: a.progress.status,
                notice_date: a.progress.notice_date.clone(),
                receipt: a.progress.receipt.clone(),
                officer: a.progress.officer.clone(),
                follow_up: a.progress.follow_up.clone(),
                note: a.progress.note.clone(),
            }
            .validate(&now)
            .map_err(|e| ctx.fail(e))?;
            let mut case = ctx.open_case()?;
            case.update_report(&a.id, patch).map_err(|e| ctx.fail(e))?;
            let id = a.id.trim().to_uppercase();
            out(tr(lang, format!("已更新 {id}。"), format!("Updated {id}.")));
            if let Some(line) = next_line(&case, &id, &now, lang) {
                out(line);
            }
        }
        ReportCommand::List { json } => {
            let case = ctx.read_case()?;
            let reports = &case.state().reports;
            if *json {
                return super::output::json_out(reports);
            }
            if reports.is_empty() {
                out(tr(
                    lang,
                    "还没有报案记录。报案后用 leakaid report add --channel 派出所 --receipt 回执号 记下来。",
                    "No reports yet. After reporting, record it with leakaid report add --channel police --receipt NUMBER.",
                ));
            } else {
                out(report_count(case.state()).words(lang));
            }
            let tz = system_zone();
            for r in reports {
                let c = &r.current;
                out(format!(
                    "{}  {}  {}  {}",
                    one_line(&r.id),
                    short(&c.filed_at, &tz),
                    one_line(c.channel.as_str()),
                    c.status_words(lang)
                ));
                let letter = c
                    .letter
                    .as_ref()
                    .map(|l| sent_letter_line(l, lang))
                    .unwrap_or_default();
                for (k, v) in [
                    (lang.pick("寄出的信", "letter sent"), &letter),
                    (lang.pick("方式", "how"), &c.how),
                    (lang.pick("回执/编号", "receipt"), &c.receipt),
                    (lang.pick("通知书日期", "notice date"), &day_text(c.notice_date)),
                    (lang.pick("经办人", "officer"), &c.officer),
                    (lang.pick("跟进日期", "follow up"), &day_text(c.follow_up)),
                    (lang.pick("备注", "note"), &c.note),
                ] {
                    if !v.is_empty() {
                        out(format!("    {k}: {}", one_line(v)));
                    }
                }
                if let Some(l) = &c.letter {
                    out(format!("    {}", follow_up_basis(&l.kind, lang)));
                }
                if !r.updates.is_empty() {
                    out(format!("    {}:", lang.pick("历史记录", "history")));
                    for l in r.history_lines(lang) {
                        out(format!("      {l}"));
                    }
                }
            }
            zone_legend(lang, &tz, !reports.is_empty());
        }
    }
    Ok(())
}

/// What report `id` needs next, in one line with its rule, when it was not taken, not opened
/// or not decided.
fn next_line(case: &crate::case::Case, id: &str, now: &ZonedDateTime, lang: Lang) -> Option<String> {
    let state = case.state();
    let r = state.report(id)?;
    crate::case::standing::next_for(r, state, now.date()).map(|n| n.now_line(&r.id, lang))
}

/// "[已撤回] " / "[已更正] " before a record of steps 3-4, or nothing.
fn record_mark(retracted: bool, corrected: bool, lang: Lang) -> &'static str {
    if retracted {
        lang.pick("[已撤回] ", "[withdrawn] ")
    } else if corrected {
        lang.pick("[已更正] ", "[corrected] ")
    } else {
        ""
    }
}

/// The history lines of a corrected or withdrawn record, indented under it.
fn history_out<F, P>(
    h: Option<&crate::case::steps::RecordHistory<F, P>>,
    lang: Lang,
    describe: impl Fn(&P, Lang) -> String,
) {
    if let Some(h) = h {
        for l in h.lines(lang, describe) {
            out(format!("    {l}"));
        }
    }
}

/// The letter `report add --letter` records, with the hash of `--letter-file` when given.
fn sent_letter_draft(ctx: &Ctx, a: &SentLetterArgs) -> Result<Option<SentLetterDraft>, Failure> {
    let Some(kind) = &a.letter else {
        return Ok(None);
    };
    let sha256 = match &a.letter_file {
        Some(path) => file_sha256(path).map_err(|e| Failure::new(e.message(ctx.lang)))?,
        None => text(&a.sha256),
    };
    Ok(Some(SentLetterDraft {
        kind: kind.clone(),
        via: text(&a.sent_via),
        sha256,
    }))
}

/// The SHA-256 of a saved letter, read as the user's file.
fn file_sha256(path: &std::path::Path) -> Result<String, UserFileError> {
    use sha2::{Digest, Sha256};
    let mut input = crate::userfile::open(path, Purpose::Attachment)?;
    let mut hasher = Sha256::new();
    std::io::copy(&mut input, &mut hasher)
        .map_err(|e| UserFileError::reading(path, Purpose::Attachment, e))?;
    Ok(hex::encode(hasher.finalize()))
}

/// Where a letter goes when `--channel` is not given: the guide channel's name; `None` for the
/// company letter, whose recipient only the user knows.
fn default_channel(kind: &str, lang: crate::i18n::Lang) -> Option<String> {
    match letter_kind(kind) {
        Ok(k) => k
            .channel()
            .map(|id| crate::guide::Guide::get(lang).channel(id).name.clone()),
        // An unknown kind: validation names it.
        Err(_) => Some(String::new()),
    }
}

/// `邮寄 · SHA-256 1a2b…` for a report line.
fn sent_letter_line(l: &SentLetter, lang: crate::i18n::Lang) -> String {
    let mut line = format!(
        "{} ({})",
        crate::letters::sent_letter_name(l, lang),
        lang.pick(l.via.zh(), l.via.en())
    );
    if !l.sha256.is_empty() {
        line.push_str(&format!(" SHA-256 {}", l.sha256));
    }
    line
}

/// `leakaid warn …`.
pub fn warn(ctx: &Ctx, cmd: &WarnCommand) -> Result<(), Failure> {
    let lang = ctx.lang;
    match cmd {
        WarnCommand::Message => {
            let state = match ctx.read_case() {
                Ok(c) => c.state().clone(),
                Err(_) => Default::default(),
            };
            out(warning_message(&state, lang));
        }
        WarnCommand::Add {
            who,
            via,
            at,
            note,
            contacts,
        } => {
            let (who, number) = match contacts {
                Some(file) => from_contacts(who, file, lang)?,
                None => (who.clone(), String::new()),
            };
            let fields = WarningDraft {
                who,
                via: text(via),
                at: text(at),
                note: text(note),
            }
            .validate_with_number(&number, &ctx.now())
            .map_err(|e| ctx.fail(e))?;
            let mut case = ctx.open_case()?;
            let id = case.add_warning(fields.clone()).map_err(|e| ctx.fail(e))?;
            let whom = if fields.number.is_empty() {
                fields.who.clone()
            } else {
                format!("{}（{}）", fields.who, fields.number)
            };
            out(tr(
                lang,
                format!("已记录 {id}：已提醒 {whom}。"),
                format!("Recorded {id}: warned {whom}."),
            ));
        }
        WarnCommand::List { json } => {
            let case = ctx.read_case()?;
            let list = &case.state().warnings;
            if *json {
                return super::output::json_out(&listed(list, &case.state().warning_history));
            }
            if list.is_empty() {
                out(tr(
                    lang,
                    "还没有提醒记录。用 leakaid warn message 复制提醒短信，发给家人后用 leakaid warn add 妈妈 --via 微信 记下来。",
                    "Nobody recorded as warned yet. Copy the text from leakaid warn message, send it, then record it with leakaid warn add Mum --via WeChat.",
                ));
            }
            let state = case.state();
            if !list.is_empty() {
                out(tr(
                    lang,
                    format!("已提醒 {} 位（{} 条记录）", state.people_warned(), list.len()),
                    format!("{} people warned ({} records)", state.people_warned(), list.len()),
                ));
            }
            let tz = system_zone();
            for (id, w) in list {
                let h = state.warning_history.get(id);
                out(format!(
                    "{}  {}  {}{}  {}",
                    one_line(id),
                    short(&w.warned_at, &tz),
                    record_mark(state.warning_retracted(id), h.is_some(), lang),
                    one_line(&w.who),
                    one_line(&w.via)
                ));
                if !w.number.is_empty() {
                    out(format!(
                        "    {} {}",
                        lang.pick("号码", "number"),
                        one_line(&w.number)
                    ));
                }
                history_out(h, lang, WarningPatch::describe);
            }
            zone_legend(lang, &tz, !list.is_empty());
        }
        WarnCommand::Correct { id, who, via, change } => {
            let draft = WarningCorrectionDraft {
                who: who.clone(),
                via: via.clone(),
                at: change.at.clone(),
                note: change.note.clone(),
            };
            correct_record(ctx, id, draft.validate(&ctx.now()), &change.reason)?;
        }
        WarnCommand::Retract { id, reason } => retract_record::<WarningPatch>(ctx, id, reason)?,
    }
    Ok(())
}

/// `warn correct` / `lawyer correct`: the correction as checked (or why it was refused)
/// applied to record `id`, and where to see its history.
fn correct_record<P: Amendable>(
    ctx: &Ctx,
    id: &str,
    patch: Result<P, crate::case::CaseError>,
    reason: &str,
) -> Result<(), Failure> {
    let patch = patch.map_err(|e| ctx.fail(e))?;
    let id = ctx
        .open_case()?
        .correct_record(id, patch, reason)
        .map_err(|e| ctx.fail(e))?;
    let group = P::GROUP;
    out(tr(
        ctx.lang,
        format!("已更正 {id}。原来的内容仍保留在记录里（leakaid {group} list 可查看历史）。"),
        format!("Corrected {id}. The original stays in the record (leakaid {group} list shows the history)."),
    ));
    Ok(())
}

/// `warn retract` / `lawyer retract`.
fn retract_record<P: Amendable>(ctx: &Ctx, id: &str, reason: &str) -> Result<(), Failure> {
    let id = ctx
        .open_case()?
        .retract_record::<P>(id, reason)
        .map_err(|e| ctx.fail(e))?;
    out(tr(
        ctx.lang,
        format!("已撤回 {id}。它仍保留在记录里，并标明撤回原因。"),
        format!("Withdrew {id}. It stays in the record, marked with the reason."),
    ));
    Ok(())
}

/// `leakaid lawyer …`.
pub fn lawyer(ctx: &Ctx, cmd: &LawyerCommand) -> Result<(), Failure> {
    let lang = ctx.lang;
    match cmd {
        LawyerCommand::Add {
            lawyer,
            firm,
            at,
            note,
        } => {
            let fields = ConsultationDraft {
                lawyer: lawyer.clone(),
                firm: text(firm),
                at: text(at),
                note: text(note),
            }
            .validate(&ctx.now())
            .map_err(|e| ctx.fail(e))?;
            let mut case = ctx.open_case()?;
            let id = case.add_consultation(fields).map_err(|e| ctx.fail(e))?;
            out(tr(
                lang,
                format!("已记录咨询 {id}。"),
                format!("Recorded consultation {id}."),
            ));
        }
        LawyerCommand::List { json } => {
            let case = ctx.read_case()?;
            let list = &case.state().consultations;
            if *json {
                return super::output::json_out(&listed(list, &case.state().consultation_history));
            }
            if list.is_empty() {
                out(tr(
                    lang,
                    "还没有咨询记录。可拨打 12348 公共法律服务热线免费咨询。",
                    "No consultations yet. The public legal-service line 12348 gives free advice.",
                ));
            }
            let state = case.state();
            let tz = system_zone();
            for (id, c) in list {
                let h = state.consultation_history.get(id);
                out(format!(
                    "{}  {}  {}{} {}",
                    one_line(id),
                    short(&c.consulted_at, &tz),
                    record_mark(state.consultation_retracted(id), h.is_some(), lang),
                    one_line(&c.lawyer),
                    one_line(&c.firm)
                ));
                if !c.note.is_empty() {
                    out(format!("    {}", one_line(&c.note)));
                }
                history_out(h, lang, ConsultationPatch::describe);
            }
            zone_legend(lang, &tz, !list.is_empty());
        }
        LawyerCommand::Correct {
            id,
            lawyer,
            firm,
            change,
        } => {
            let draft = ConsultationCorrectionDraft {
                lawyer: lawyer.clone(),
                firm: firm.clone(),
                at: change.at.clone(),
                note: change.note.clone(),
            };
            correct_record(ctx, id, draft.validate(&ctx.now()), &change.reason)?;
        }
        LawyerCommand::Retract { id, reason } => retract_record::<ConsultationPatch>(ctx, id, reason)?,
        LawyerCommand::Brief => {
            let case = ctx.read_case()?;
            out(lawyer_brief(case.state(), lang));
        }
    }
    Ok(())
}

/// The name and first phone number of the one card in the contacts file `file` that `who`
/// names (its exact name, a part of it, or one of its numbers).
fn from_contacts(who: &str, file: &std::path::Path, lang: Lang) -> Result<(String, String), Failure> {
    let contacts = super::import_phone::contacts_file(file, lang)?;
    let found = contacts.search(who);
    match found.as_slice() {
        [one] => Ok((one.name.clone(), one.numbers.first().cloned().unwrap_or_default())),
        [] => Err(Failure::new(tr(
            lang,
            format!(
                "通讯录里找不到“{}”。请写通讯录里的名字（或其中几个字、或号码）。",
                shown_line(who)
            ),
            format!(
                "“{}” is not in the contacts file. Give the name as the contacts have it (or part of it, or the number).",
                shown_line(who)
            ),
        ))),
        many => {
            let names: Vec<String> = many
                .iter()
                .take(10)
                .map(|c| {
                    format!(
                        "{} {}",
                        shown_line(&c.name),
                        c.numbers.first().map(|n| shown_line(n)).unwrap_or_default()
                    )
                })
                .collect();
            Err(Failure::new(tr(
                lang,
                format!(
                    "通讯录里有 {} 个联系人符合“{}”：{}。请写完整的名字或号码。",
                    many.len(),
                    shown_line(who),
                    names.join("、")
                ),
                format!(
                    "{} contacts match “{}”: {}. Give the full name or the number.",
                    many.len(),
                    shown_line(who),
                    names.join(", ")
                ),
            )))
        }
    }
}
