//! Texts generated from the case: the warning message for family and friends (step 3), which
//! never carries the victim's secrets, and the short brief for a lawyer (step 4).

use std::collections::BTreeSet;

use crate::case::event::{EvidenceKind, Fen, Knew};
use crate::case::leads::leads;
use crate::case::state::CaseState;
use crate::i18n::{Lang, tr};

/// What the other side knew, across all live entries.
pub fn known_items(state: &CaseState) -> BTreeSet<Knew> {
    state
        .live_entries()
        .flat_map(|e| e.current.knew.iter().copied())
        .collect()
}

/// The message to send to family and friends. It names only the *kinds* of information that
/// leaked (name, phone number …), never a value: no ID number, no phone number, no address,
/// no bank card, no name of the victim's own.
pub fn warning_message(state: &CaseState, lang: Lang) -> String {
    let known = known_items(state);
    let words: Vec<&str> = known
        .iter()
        .filter(|k| **k != Knew::Other)
        .map(|k| lang.pick(k.zh(), k.en()))
        .collect();
    let leaked = if words.is_empty() {
        lang.pick("我的个人信息".to_string(), "my personal information".to_string())
    } else {
        tr(
            lang,
            format!("我的个人信息（{}等）", words.join("、")),
            format!("my personal information ({})", words.join(", ")),
        )
    };
    tr(
        lang,
        format!(
            "【提醒】{leaked}可能已经泄露，最近有人冒充银行、客服、公检法或熟人打电话、发短信。\n\
             如果有人以我的名义找你借钱、让你转账、要验证码，或说我出事了，请先挂断，再用你原来存的号码打给我本人核实。\n\
             不要点陌生短信里的链接，不要告诉任何人验证码。遇到可疑情况可拨打 96110 咨询，紧急情况请报警 110。"
        ),
        format!(
            "[Heads-up] {leaked} may have leaked; people have been calling and texting while posing as a bank, customer service, the police or someone I know.\n\
             If anyone asks you for money, a transfer or a verification code in my name, or says something happened to me, hang up and call me back on the number you already have.\n\
             Do not open links in unexpected messages and never share verification codes. For advice call 96110; in an emergency call the police on 110."
        ),
    )
}

/// A short brief to hand a lawyer: the facts in numbers, the leads, what was done.
pub fn lawyer_brief(state: &CaseState, lang: Lang) -> String {
    let live: Vec<_> = state.live_entries().collect();
    let count = |k: EvidenceKind| live.iter().filter(|e| e.current.kind == k).count();
    let first = live
        .iter()
        .map(|e| e.current.occurred_at)
        .min_by_key(|m| m.timestamp());
    let last = live
        .iter()
        .map(|e| e.current.occurred_at)
        .max_by_key(|m| m.timestamp());
    let lost = Fen::total(live.iter().filter_map(|e| e.current.lost));
    let known: Vec<&str> = known_items(state)
        .iter()
        .map(|k| lang.pick(k.zh(), k.en()))
        .collect();
    let mut out = Vec::new();
    out.push(
        lang.pick("案情简要（供律师参考）", "Case brief for a lawyer")
            .to_string(),
    );
    if !state.profile.name.is_empty() {
        out.push(format!(
            "{}: {}",
            lang.pick("当事人", "Client"),
            state.profile.name
        ));
    }
    let span = match (first, last) {
        (Some(a), Some(b)) => format!("{} — {}", a.short(), b.short()),
        _ => "-".into(),
    };
    out.push(tr(
        lang,
        format!(
            "期间：{span}；共 {} 条证据：电话 {}、短信 {}、邮件 {}、其他 {}。",
            live.len(),
            count(EvidenceKind::Call),
            count(EvidenceKind::Sms),
            count(EvidenceKind::Email),
            live.len() - count(EvidenceKind::Call) - count(EvidenceKind::Sms) - count(EvidenceKind::Email)
        ),
        format!(
            "Period: {span}; {} entries: {} calls, {} SMS, {} emails, {} other.",
            live.len(),
            count(EvidenceKind::Call),
            count(EvidenceKind::Sms),
            count(EvidenceKind::Email),
            live.len() - count(EvidenceKind::Call) - count(EvidenceKind::Sms) - count(EvidenceKind::Email)
        ),
    ));
    if !known.is_empty() {
        out.push(tr(
            lang,
            format!("对方掌握的信息：{}。", known.join("、")),
            format!("What they knew: {}.", known.join(", ")),
        ));
    }
    if lost.0 > 0 {
        out.push(tr(
            lang,
            format!("经济损失：{lost} 元。"),
            format!("Money lost: {lost} yuan."),
        ));
    }
    let top: Vec<String> = leads(state)
        .into_iter()
        .take(5)
        .map(|l| match &l.label {
            Some(label) => {
                let (open, close) = lang.pick(("（", "）"), (" (", ")"));
                format!("{} ×{}{open}{}{close}", l.counterpart, l.count, label.tag(lang))
            }
            None => format!("{} ×{}", l.counterpart, l.count),
        })
        .collect();
    if !top.is_empty() {
        out.push(tr(
            lang,
            format!("主要线索：{}。", top.join("；")),
            format!("Main leads: {}.", top.join("; ")),
        ));
    }
    if crate::case::signals::report_count(state).reports == 0 {
        out.push(
            lang.pick("尚未报案。", "Not yet reported to the authorities.")
                .to_string(),
        );
    }
    for r in &state.reports {
        let c = &r.current;
        let receipt = if c.receipt.is_empty() {
            String::new()
        } else {
            format!(" {}", c.receipt)
        };
        // A letter sent is named as the letter it was, never as a report to the police.
        let what = match &c.letter {
            Some(l) => format!(
                "{} {}",
                lang.pick("寄信", "Letter"),
                super::sent_letter_name(l, lang)
            ),
            None => lang.pick("报案", "Report").to_string(),
        };
        out.push(format!(
            "{what} {} {}{receipt}: {}",
            c.filed_at.short(),
            c.channel,
            c.status_words(lang)
        ));
    }
    out.push(tr(
        lang,
        format!(
            "案件指纹（用 leakaid verify --fingerprint 核对）：{}",
            state.fingerprint
        ),
        format!(
            "Case fingerprint (check with leakaid verify --fingerprint): {}",
            state.fingerprint
        ),
    ));
    out.push(tr(
        lang,
        "想咨询的问题：能否查明泄露源头；能否依《个人信息保护法》第69条要求赔偿；报案后未立案如何申请复议。",
        "Questions: can the source of the leak be traced; can damages be claimed under PIPL art. 69; what to do if the police do not open a case.",
    ));
    out.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::case::Record;
    use crate::case::event::{EntryId, EventBody, EvidenceFields, ProfilePatch};
    use crate::journal::GENESIS;
    use crate::moment::Moment;

    #[test]
    fn the_warning_never_carries_secrets() {
        let ts: Moment = "2026-11-29T10:00:00+08:00".parse().expect("time");
        let mut s = CaseState::default();
        let rec = |seq, event| Record {
            seq,
            ts,
            prev: GENESIS.into(),
            event,
        };
        s.apply(&rec(
            0,
            EventBody::ProfileSet {
                changes: ProfilePatch {
                    name: Some("王小明".into()),
                    id_number: Some("11010519491231002X".into()),
                    phones: Some(vec!["13912345678".into()]),
                    address: Some("北京市朝阳区某路1号".into()),
                    ..Default::default()
                },
            },
        ));
        s.apply(&rec(
            1,
            EventBody::EvidenceAdded {
                id: EntryId(1),
                fields: EvidenceFields {
                    kind: EvidenceKind::Call,
                    occurred_at: ts,
                    counterpart: "95588".into(),
                    to_mine: "13912345678".into(),
                    summary: "说出了我的身份证号 11010519491231002X".into(),
                    knew: [Knew::Name, Knew::IdNumber, Knew::Address].into_iter().collect(),
                    lost: None,
                    transfer: None,
                    email: None,
                    phone: None,
                    kept_at: String::new(),
                },
                attachments: vec![],
            },
        ));
        for lang in [Lang::Zh, Lang::En] {
            let m = warning_message(&s, lang);
            for secret in [
                "王小明",
                "11010519491231002X",
                "13912345678",
                "北京市朝阳区",
                "95588",
            ] {
                assert!(!m.contains(secret), "{lang:?} message leaks {secret}: {m}");
            }
        }
        assert!(warning_message(&s, Lang::Zh).contains("身份证号"));
    }
}
