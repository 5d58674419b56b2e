//! Values no leakaid ever writes, found in a journal line that otherwise reads: an amount
//! over the cap, a time before 1970 or after the line was written, a summary or counterpart
//! over its length limit, a missing counterpart where the kind needs one. Every way into the
//! journal (the command line, the wizard, the importers) validates a draft first, so such a
//! value means the line was written by something else: re-chained by hand, most likely.

use super::Record;
use super::event::{EventBody, EvidenceFields, EvidenceKind, EvidencePatch, Transfer};
use crate::i18n::{Lang, tr};
use crate::moment::{FUTURE_SLACK_SECONDS, Moment};
use crate::money::Fen;
use crate::text::{MAX_LINE_CHARS, MAX_TEXT_CHARS};

/// One value leakaid never writes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unwritten {
    /// An amount over [`Fen::MAX_PER_ENTRY`].
    Amount(Fen),
    /// A time before 1970-01-01.
    BeforeEpoch(Moment),
    /// A time later than the line that records it (beyond a clock's slack).
    AfterItsLine(Moment),
    /// A summary longer than the limit, in characters.
    LongSummary(usize),
    /// A counterpart (or another one-line field) longer than the limit, in characters.
    LongLine(usize),
    /// No counterpart on an entry of a kind that needs one.
    NoCounterpart(EvidenceKind),
}

/// What in `rec` leakaid would never have written.
pub fn find(rec: &Record) -> Vec<Unwritten> {
    let mut found = Vec::new();
    match &rec.event {
        EventBody::EvidenceAdded { fields, .. } => fields_of(fields, &rec.ts, &mut found),
        EventBody::EvidenceCorrected { changes, .. } => patch_of(changes, &rec.ts, &mut found),
        _ => {}
    }
    found
}

fn fields_of(f: &EvidenceFields, written: &Moment, found: &mut Vec<Unwritten>) {
    if f.counterpart.trim().is_empty() && f.kind.needs_counterpart() {
        found.push(Unwritten::NoCounterpart(f.kind));
    }
    line(&f.counterpart, found);
    line(&f.to_mine, found);
    summary(&f.summary, found);
    time(&f.occurred_at, written, found);
    // A loss of zero is not flagged: it means nothing lost, and the sample cases have long
    // written it for their first entry.
    if let Some(lost) = f.lost
        && lost > Fen::MAX_PER_ENTRY
    {
        found.push(Unwritten::Amount(lost));
    }
    if let Some(t) = &f.transfer {
        transfer(t, written, found);
    }
}

fn patch_of(p: &EvidencePatch, written: &Moment, found: &mut Vec<Unwritten>) {
    if let Some(c) = &p.counterpart {
        line(c, found);
    }
    if let Some(s) = &p.summary {
        summary(s, found);
    }
    if let Some(at) = &p.occurred_at {
        time(at, written, found);
    }
    if let Some(lost) = p.lost
        && lost > Fen::MAX_PER_ENTRY
    {
        found.push(Unwritten::Amount(lost));
    }
    if let Some(t) = &p.transfer {
        transfer(t, written, found);
    }
}

fn transfer(t: &Transfer, written: &Moment, found: &mut Vec<Unwritten>) {
    for field in [
        &t.account,
        &t.name,
        &t.bank,
        &t.txn,
        &t.method,
        &t.from_account,
        &t.from_bank,
    ] {
        line(field, found);
    }
    if let Some(at) = &t.paid_at {
        time(at, written, found);
    }
}

fn line(s: &str, found: &mut Vec<Unwritten>) {
    let n = s.chars().count();
    if n > MAX_LINE_CHARS {
        found.push(Unwritten::LongLine(n));
    }
}

fn summary(s: &str, found: &mut Vec<Unwritten>) {
    let n = s.chars().count();
    if n > MAX_TEXT_CHARS {
        found.push(Unwritten::LongSummary(n));
    }
}

fn time(at: &Moment, written: &Moment, found: &mut Vec<Unwritten>) {
    let secs = at.timestamp().as_second();
    if secs < 0 {
        found.push(Unwritten::BeforeEpoch(*at));
    } else if secs
        > written
            .timestamp()
            .as_second()
            .saturating_add(FUTURE_SLACK_SECONDS)
    {
        found.push(Unwritten::AfterItsLine(*at));
    }
}

impl Unwritten {
    /// The sentence for the line `seq`, ending with what it means.
    pub fn message(&self, seq: u64, lang: Lang) -> String {
        let what = match self {
            Unwritten::Amount(f) => tr(
                lang,
                format!(
                    "金额 {f} 元超出 leakaid 能记录的范围（0.01 元至 {} 元）",
                    Fen::MAX_PER_ENTRY
                ),
                format!(
                    "the amount {f} yuan is outside what leakaid records (0.01 to {} yuan)",
                    Fen::MAX_PER_ENTRY
                ),
            ),
            Unwritten::BeforeEpoch(m) => tr(
                lang,
                format!("时间 {} 早于 1970 年", m.short()),
                format!("the time {} is before 1970", m.short()),
            ),
            Unwritten::AfterItsLine(m) => tr(
                lang,
                format!("时间 {} 晚于这一行被写下的时间", m.short()),
                format!("the time {} is later than the line was written", m.short()),
            ),
            Unwritten::LongSummary(n) => tr(
                lang,
                format!("内容有 {n} 个字，超过上限 {MAX_TEXT_CHARS} 字"),
                format!("the summary has {n} characters, over the limit of {MAX_TEXT_CHARS}"),
            ),
            Unwritten::LongLine(n) => tr(
                lang,
                format!("一个单行字段有 {n} 个字，超过上限 {MAX_LINE_CHARS} 字"),
                format!("a one-line field has {n} characters, over the limit of {MAX_LINE_CHARS}"),
            ),
            Unwritten::NoCounterpart(kind) => tr(
                lang,
                format!("“{}”类记录没有填对方", kind.zh()),
                format!("a “{}” entry without a counterpart", kind.en()),
            ),
        };
        tr(
            lang,
            format!("seq {seq}：{what}。leakaid 从不写下这样的值，这一行是被别的程序写入或改动过的。"),
            format!(
                "seq {seq}: {what}. leakaid never writes such a value, so this line was written or changed by something else."
            ),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::case::event::EntryId;
    use crate::case::verify::{Problem, verify};
    use crate::journal::{Journal, JournalError};
    use crate::vault::Vault;

    fn fields(lost: Option<Fen>, at: &str, counterpart: &str, summary: String) -> EvidenceFields {
        EvidenceFields {
            kind: EvidenceKind::Call,
            occurred_at: at.parse().expect("moment"),
            counterpart: counterpart.into(),
            to_mine: String::new(),
            summary,
            knew: Default::default(),
            lost,
            transfer: None,
            email: None,
            phone: None,
            kept_at: String::new(),
        }
    }

    /// Lines written around validation (as a hand re-chained journal is): each holds one
    /// value leakaid never writes, and verify names it and its seq. The line written with
    /// valid values passes.
    #[test]
    fn verify_names_values_leakaid_never_writes() {
        let tmp = tempfile::tempdir().expect("tmp");
        let journal = Journal::create(tmp.path()).expect("journal");
        let ok = "2026-11-29T14:05:00+08:00";
        let cases = [
            fields(Some(Fen(u64::MAX)), ok, "10086", "钱".into()),
            fields(Some(Fen(1)), "1969-12-31T23:59:59+00:00", "10086", String::new()),
            fields(None, "2999-01-01T00:00:00+08:00", "10086", String::new()),
            fields(None, ok, "10086", "长".repeat(MAX_TEXT_CHARS + 1)),
            fields(None, ok, &"9".repeat(MAX_LINE_CHARS + 1), String::new()),
            fields(None, ok, "", String::new()),
            fields(Some(Fen::MAX_PER_ENTRY), ok, "10086", String::new()),
        ];
        for (i, f) in cases.into_iter().enumerate() {
            journal
                .append(|_| {
                    Ok::<_, JournalError>(EventBody::EvidenceAdded {
                        id: EntryId(i as u32 + 1),
                        fields: f,
                        attachments: Vec::new(),
                    })
                })
                .expect("written");
        }
        let report = verify(&journal, &Vault::of_case(tmp.path()), None).expect("verify");
        let found: Vec<(u64, &Unwritten)> = report
            .problems
            .iter()
            .filter_map(|p| match p {
                Problem::Unwritten { seq, what } => Some((*seq, what)),
                _ => None,
            })
            .collect();
        assert_eq!(found.len(), 6, "{:?}", report.problems);
        assert!(matches!(found[0], (0, Unwritten::Amount(_))));
        assert!(matches!(found[1], (1, Unwritten::BeforeEpoch(_))));
        assert!(matches!(found[2], (2, Unwritten::AfterItsLine(_))));
        assert!(matches!(found[3], (3, Unwritten::LongSummary(n)) if *n == MAX_TEXT_CHARS + 1));
        assert!(matches!(found[4], (4, Unwritten::LongLine(_))));
        assert!(matches!(
            found[5],
            (5, Unwritten::NoCounterpart(EvidenceKind::Call))
        ));
        assert!(!report.is_intact());
        let zh = report.problems[0].message(Lang::Zh);
        assert!(zh.contains("seq 0") && zh.contains("从不写下"), "{zh}");
        let en = report.problems[0].message(Lang::En);
        assert!(en.contains("never writes"), "{en}");
    }
}
