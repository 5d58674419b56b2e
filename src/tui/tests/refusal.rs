//! The most common outcome of a report, walked through at 80x24 as a new user meets it: the
//! desk would not take the report; later a written 不予立案通知书 came. The overview's first
//! line says what to do, no deadline is invented before the notice, the 复议 date is counted
//! from the notice, and the step-2 text reaches its end with End.

use crossterm::event::KeyCode;

use super::{ctrl, frame_rows, k, typed, wizard};
use crate::i18n::Lang;

/// The rows of the screen at 80x24, joined.
fn screen(w: &crate::tui::runtime::Wizard) -> Vec<String> {
    frame_rows(&w.app, w.case.state(), 80, 24)
}

#[test]
fn a_report_refused_at_the_desk_then_a_notice_of_refusal() {
    let tmp = tempfile::tempdir().expect("tmp");
    let mut w = wizard(tmp.path(), Lang::Zh);
    // One call logged, nothing lost.
    typed(&mut w, "n13800138000");
    w.handle(ctrl('s'));
    assert!(w.app.form.is_none());
    // The report at the station, which would not take it: channel, time, how, status …
    typed(&mut w, "2a");
    w.handle(k(KeyCode::Tab));
    typed(&mut w, "朝阳区某某派出所");
    w.handle(k(KeyCode::Tab));
    w.handle(k(KeyCode::Tab));
    typed(&mut w, "当面");
    w.handle(k(KeyCode::Tab));
    w.handle(k(KeyCode::Right)); // 不予受理
    for _ in 0..5 {
        w.handle(k(KeyCode::Tab)); // notice date, receipt, officer, follow-up, note
    }
    typed(&mut w, "民警说没有损失，不构成刑事案件");
    w.handle(ctrl('s'));
    assert!(
        w.app.form.is_none(),
        "{:?}",
        w.app.form.as_ref().and_then(|f| f.error.clone())
    );

    // The overview: what to do now first, the refusal on the step-2 row, nothing dated, and
    // the checklist does not count a report the desk would not take.
    w.handle(k(KeyCode::Char('0')));
    let rows = screen(&w);
    let all = rows.join("\n");
    // The first line, on two rows at 80 columns.
    let first = format!("{}{}", rows[1].trim(), rows[2].trim());
    assert!(
        first.starts_with("下一步: R1 没有被受理：带上书面控告书再去报案，要求出具受案回执"),
        "first line:\n{all}"
    );
    assert!(first.ends_with("（刑事诉讼法第一百一十条第三款）"), "{all}");
    assert!(all.contains("R1 不予受理（没有接受报案）"), "step-2 row:\n{all}");
    assert!(!all.contains("约至"), "no deadline before any paper:\n{all}");
    assert!(all.contains("[ ] 向110或派出所报案"), "{all}");

    // Step 2: under the report, what to do and the rules, before the long guide text.
    typed(&mut w, "2");
    let all = screen(&w).join("\n");
    assert!(all.contains("R1 下一步"), "{all}");
    assert!(all.contains("要求出具受案回执"), "{all}");
    assert!(!all.contains("约至"), "{all}");

    // Later the written notice, received on 27 Nov: reconsideration by about 4 Dec.
    typed(&mut w, "u");
    for _ in 0..4 {
        w.handle(k(KeyCode::Right)); // accepted, no decision, case opened, not opened
    }
    w.handle(k(KeyCode::Tab));
    typed(&mut w, "11-27");
    w.handle(ctrl('s'));
    assert!(
        w.app.form.is_none(),
        "{:?}",
        w.app.form.as_ref().and_then(|f| f.error.clone())
    );
    let all: String = screen(&w).iter().map(|r| r.trim()).collect();
    assert!(
        all.contains("约至12月4日"),
        "step 2 dates 复议 from the notice:\n{all}"
    );
    w.handle(k(KeyCode::Char('0')));
    let rows = screen(&w);
    assert!(
        rows[1].contains("下一步: R1 不予立案：约在 12月4日 前向作出决定的公安机关申请复议"),
        "{}",
        rows.join("\n")
    );

    // End shows the end of step 2's text (the last stage of the police guide), Home the top.
    typed(&mut w, "2");
    w.handle(k(KeyCode::Tab)); // the arrows to the text
    w.handle(k(KeyCode::End));
    let all = screen(&w).join("\n");
    assert!(all.contains("请检察院监督"), "the last stage:\n{all}");
    assert!(!all.contains("↓"), "nothing more below:\n{all}");
    w.handle(k(KeyCode::PageUp));
    w.handle(k(KeyCode::Home));
    assert_eq!(w.app.scroll, 0);
    let all = screen(&w).join("\n");
    assert!(all.contains("R1 下一步"), "{all}");
}

#[test]
fn the_first_line_of_the_overview_for_each_status() {
    use crate::case::steps::{ReportDraft, ReportStatus};
    let cases = [
        (ReportStatus::Filed, "", None),
        (ReportStatus::Accepted, "2026-11-28", None),
        (ReportStatus::CaseOpened, "", None),
        (ReportStatus::Closed, "", None),
        (
            ReportStatus::NotAccepted,
            "",
            Some("R1 没有被受理：带上书面控告书再去报案，要求出具受案回执"),
        ),
        (
            ReportStatus::Refused,
            "",
            Some("R1 不予立案：没有收到《不予立案通知书》，复议的7日期限尚未开始"),
        ),
        (
            ReportStatus::Refused,
            "2026-11-28",
            Some("R1 不予立案：约在 12月5日 前向作出决定的公安机关申请复议"),
        ),
        (
            ReportStatus::Refused,
            "2026-11-20",
            Some("R1 不予立案：复议的7日期限约至 11月27日，已经过去"),
        ),
        (
            ReportStatus::NoDecision,
            "",
            Some("R1 受理后逾期没有立案决定：凭受案回执询问结果，也可以请人民检察院监督（12309）"),
        ),
    ];
    for (status, notice, want) in cases {
        let tmp = tempfile::tempdir().expect("tmp");
        let mut w = wizard(tmp.path(), Lang::Zh);
        typed(&mut w, "n13800138000");
        w.handle(ctrl('s'));
        let now = (w.app.clock)();
        let fields = ReportDraft {
            channel: "朝阳区某某派出所".into(),
            status: Some(status),
            notice_date: notice.into(),
            receipt: "A-1".into(),
            ..ReportDraft::default()
        }
        .validate(&now)
        .expect("valid");
        w.case.add_report(fields).expect("recorded");
        let next = crate::tui::next_step::next_action(&w.app, w.case.state());
        match want {
            Some(line) => assert!(next.starts_with(line), "{status:?} {notice}: {next}"),
            // Nothing to act on: the usual order (the urgent checklist first).
            None => assert!(!next.starts_with("R1"), "{status:?}: {next}"),
        }
    }

    // Money lost: the 110 line stays first, the refusal comes right after it is done.
    let tmp = tempfile::tempdir().expect("tmp");
    let mut w = wizard(tmp.path(), Lang::Zh);
    typed(&mut w, "n13800138000");
    for _ in 0..5 {
        w.handle(k(KeyCode::Tab));
    }
    typed(&mut w, "5000");
    w.handle(ctrl('s'));
    let now = (w.app.clock)();
    let fields = ReportDraft {
        channel: "朝阳区某某派出所".into(),
        status: Some(ReportStatus::NotAccepted),
        ..ReportDraft::default()
    }
    .validate(&now)
    .expect("valid");
    w.case.add_report(fields).expect("recorded");
    let next = crate::tui::next_step::next_action(&w.app, w.case.state());
    assert!(next.starts_with("立即拨打110"), "{next}");
    w.case
        .tick(crate::guide::ChecklistId::StopPayment.as_str(), true)
        .expect("ticked");
    let next = crate::tui::next_step::next_action(&w.app, w.case.state());
    assert!(next.starts_with("R1 没有被受理"), "{next}");
}
