//! Steps 2–4 on the command line: `report`, `warn`, `lawyer`.

use jiff::ZonedDateTime;

use super::{Ctx, Failure, out};
use crate::case::brief::{lawyer_brief, warning_message};
use crate::case::steps::{ConsultationDraft, ReportDraft, ReportUpdateDraft, WarningDraft};
use crate::case::text::shown_line as one_line;
use crate::cli::{LawyerCommand, ReportCommand, WarnCommand};
use crate::i18n::tr;
use crate::localtime::{legend, short, system_zone};

fn json_out<T: serde::Serialize>(v: &T) -> Result<(), Failure> {
    out(serde_json::to_string_pretty(v).map_err(|e| Failure::new(e.to_string()))?);
    Ok(())
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
    let now = ZonedDateTime::now();
    match cmd {
        ReportCommand::Add(a) => {
            let fields = ReportDraft {
                channel: a.channel.clone(),
                at: text(&a.at),
                how: text(&a.how),
                receipt: text(&a.progress.receipt),
                officer: text(&a.progress.officer),
                status: a.progress.status,
                follow_up: text(&a.progress.follow_up),
                note: text(&a.progress.note),
            }
            .validate(&now)
            .map_err(|e| ctx.fail(e))?;
            let mut case = ctx.open_case()?;
            let has_receipt = !fields.receipt.is_empty();
            let id = case.add_report(fields).map_err(|e| ctx.fail(e))?;
            if has_receipt {
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
                receipt: a.progress.receipt.clone(),
                officer: a.progress.officer.clone(),
                follow_up: a.progress.follow_up.clone(),
                note: a.progress.note.clone(),
            }
            .validate(&now)
            .map_err(|e| ctx.fail(e))?;
            let mut case = ctx.open_case()?;
            case.update_report(&a.id, patch).map_err(|e| ctx.fail(e))?;
            out(tr(
                lang,
                format!("已更新 {}。", a.id.trim().to_uppercase()),
                format!("Updated {}.", a.id.trim().to_uppercase()),
            ));
        }
        ReportCommand::List { json } => {
            let case = ctx.read_case()?;
            let reports = &case.state().reports;
            if *json {
                return json_out(reports);
            }
            if reports.is_empty() {
                out(tr(
                    lang,
                    "还没有报案记录。报案后用 leakaid report add --channel 派出所 --receipt 回执号 记下来。",
                    "No reports yet. After reporting, record it with leakaid report add --channel police --receipt NUMBER.",
                ));
            }
            let tz = system_zone();
            for r in reports {
                let c = &r.current;
                out(format!(
                    "{}  {}  {}  {}",
                    one_line(&r.id),
                    short(&c.filed_at, &tz),
                    one_line(&c.channel),
                    lang.pick(c.status.zh(), c.status.en())
                ));
                for (k, v) in [
                    (lang.pick("方式", "how"), &c.how),
                    (lang.pick("回执/编号", "receipt"), &c.receipt),
                    (lang.pick("经办人", "officer"), &c.officer),
                    (lang.pick("跟进日期", "follow up"), &c.follow_up),
                    (lang.pick("备注", "note"), &c.note),
                ] {
                    if !v.is_empty() {
                        out(format!("    {k}: {}", one_line(v)));
                    }
                }
            }
            zone_legend(lang, &tz, !reports.is_empty());
        }
    }
    Ok(())
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
        WarnCommand::Add { who, via, at, note } => {
            let fields = WarningDraft {
                who: who.clone(),
                via: text(via),
                at: text(at),
                note: text(note),
            }
            .validate(&ZonedDateTime::now())
            .map_err(|e| ctx.fail(e))?;
            let mut case = ctx.open_case()?;
            let id = case.add_warning(fields).map_err(|e| ctx.fail(e))?;
            out(tr(
                lang,
                format!("已记录 {id}：已提醒 {}。", who.trim()),
                format!("Recorded {id}: warned {}.", who.trim()),
            ));
        }
        WarnCommand::List { json } => {
            let case = ctx.read_case()?;
            let list = &case.state().warnings;
            if *json {
                return json_out(list);
            }
            if list.is_empty() {
                out(tr(
                    lang,
                    "还没有提醒记录。用 leakaid warn message 复制提醒短信，发给家人后用 leakaid warn add 妈妈 --via 微信 记下来。",
                    "Nobody recorded as warned yet. Copy the text from leakaid warn message, send it, then record it with leakaid warn add Mum --via WeChat.",
                ));
            }
            let tz = system_zone();
            for (id, w) in list {
                out(format!(
                    "{}  {}  {}  {}",
                    one_line(id),
                    short(&w.warned_at, &tz),
                    one_line(&w.who),
                    one_line(&w.via)
                ));
            }
            zone_legend(lang, &tz, !list.is_empty());
        }
    }
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
            .validate(&ZonedDateTime::now())
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
                return json_out(list);
            }
            if list.is_empty() {
                out(tr(
                    lang,
                    "还没有咨询记录。可拨打 12348 公共法律服务热线免费咨询。",
                    "No consultations yet. The public legal-service line 12348 gives free advice.",
                ));
            }
            let tz = system_zone();
            for (id, c) in list {
                out(format!(
                    "{}  {}  {} {}",
                    one_line(id),
                    short(&c.consulted_at, &tz),
                    one_line(&c.lawyer),
                    one_line(&c.firm)
                ));
                if !c.note.is_empty() {
                    out(format!("    {}", one_line(&c.note)));
                }
            }
            zone_legend(lang, &tz, !list.is_empty());
        }
        LawyerCommand::Brief => {
            let case = ctx.read_case()?;
            out(lawyer_brief(case.state(), lang));
        }
    }
    Ok(())
}
