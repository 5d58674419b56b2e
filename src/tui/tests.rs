//! State tests (keys into the app, events out of the journal), snapshot tests of every screen
//! at 80x24 and 40x12 in both languages, and a random-key property test.

use std::path::Path;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use jiff::ZonedDateTime;
use ratatui::Terminal;
use ratatui::backend::{Backend, TestBackend};
use ratatui::layout::Position;

use super::message::Msg;
use super::model::{App, Ask, Screen};
use super::runtime::Wizard;
use super::theme::Theme;
use super::view;
use crate::case::event::EventBody;
use crate::case::steps::day_text;
use crate::case::{Case, CaseState, EvidenceDraft, EvidenceKind, Moment};
use crate::i18n::Lang;

fn fixed_now() -> ZonedDateTime {
    "2026-11-29T15:00:00+08:00[Asia/Shanghai]"
        .parse()
        .unwrap_or_else(|_| ZonedDateTime::now())
}

fn wizard(dir: &Path, lang: Lang) -> Wizard {
    let case = Case::open(dir).expect("case opens");
    let mut app = App::new(lang, "default".into(), false);
    app.clock = fixed_now;
    let mut w = Wizard::new(app, case);
    // Tests never copy a packet onto the machine's real Desktop.
    w.copy_to = super::runtime::CopyTo::Off;
    w.handle(Msg::Resize(80, 24));
    w
}

fn k(code: KeyCode) -> Msg {
    Msg::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

fn ctrl(c: char) -> Msg {
    Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL))
}

fn typed(w: &mut Wizard, text: &str) {
    for c in text.chars() {
        w.handle(k(KeyCode::Char(c)));
    }
}

fn events(dir: &Path) -> Vec<EventBody> {
    let case = Case::open(dir).expect("case opens");
    case.journal()
        .read_from(0)
        .expect("journal reads")
        .records
        .into_iter()
        .map(|r| r.event)
        .collect()
}

#[test]
fn n_logs_a_call_at_the_moment_of_the_key_press() {
    let tmp = tempfile::tempdir().expect("tmp");
    let mut w = wizard(tmp.path(), Lang::Zh);
    w.handle(k(KeyCode::Char('n')));
    typed(&mut w, "13800138000");
    w.handle(k(KeyCode::Tab));
    typed(&mut w, "自称银行客服");
    // Enter in the summary is a new line, never a submit.
    w.handle(k(KeyCode::Enter));
    typed(&mut w, "要验证码");
    assert!(w.app.form.is_some());
    w.handle(ctrl('s'));
    assert!(w.app.form.is_none(), "saved and closed: {:?}", w.app.form);
    let ev = events(tmp.path());
    assert_eq!(ev.len(), 1);
    let Some(EventBody::EvidenceAdded { fields, .. }) = ev.first() else {
        unreachable!("not an entry: {ev:?}")
    };
    assert_eq!(fields.kind, EvidenceKind::Call);
    assert_eq!(fields.counterpart, "13800138000");
    assert_eq!(fields.summary, "自称银行客服\n要验证码");
    assert_eq!(fields.occurred_at, Moment::from_zoned(&fixed_now()));
}

#[test]
fn esc_cancels_without_writing_and_asks_before_dropping_typed_text() {
    let tmp = tempfile::tempdir().expect("tmp");
    let mut w = wizard(tmp.path(), Lang::Zh);
    w.handle(k(KeyCode::Char('n')));
    w.handle(k(KeyCode::Esc));
    assert!(w.app.form.is_none());
    w.handle(k(KeyCode::Char('n')));
    typed(&mut w, "110");
    w.handle(k(KeyCode::Esc));
    assert_eq!(w.app.ask, Some(Ask::Discard));
    w.handle(k(KeyCode::Char('n')));
    assert!(w.app.form.is_some(), "n keeps editing");
    w.handle(k(KeyCode::Esc));
    w.handle(k(KeyCode::Char('y')));
    assert!(w.app.form.is_none());
    assert!(events(tmp.path()).is_empty());
}

#[test]
fn q_types_in_a_field_and_quitting_with_unsaved_input_asks_first() {
    let tmp = tempfile::tempdir().expect("tmp");
    let mut w = wizard(tmp.path(), Lang::En);
    w.handle(k(KeyCode::Char('n')));
    typed(&mut w, "q1");
    assert!(!w.app.quit);
    w.handle(ctrl('q'));
    assert_eq!(w.app.ask, Some(Ask::Quit));
    w.handle(k(KeyCode::Char('n')));
    assert!(!w.app.quit && w.app.form.is_some());
    w.handle(k(KeyCode::Esc));
    w.handle(k(KeyCode::Char('y')));
    w.handle(k(KeyCode::Char('q')));
    assert!(w.app.quit);
}

#[test]
fn refused_input_shows_the_case_message_and_keeps_the_form() {
    let tmp = tempfile::tempdir().expect("tmp");
    let mut w = wizard(tmp.path(), Lang::Zh);
    w.handle(k(KeyCode::Char('n')));
    w.handle(ctrl('s'));
    let form = w.app.form.as_ref().expect("form stays");
    let err = form.error.clone().expect("an error");
    let expected = crate::tui::case_errors::case_error(
        &crate::case::CaseError::CounterpartRequired(EvidenceKind::Call),
        Lang::Zh,
    );
    assert_eq!(err, expected);
    assert!(events(tmp.path()).is_empty());
}

#[test]
fn entries_logged_elsewhere_appear_without_losing_the_form() {
    let tmp = tempfile::tempdir().expect("tmp");
    let mut w = wizard(tmp.path(), Lang::Zh);
    w.handle(k(KeyCode::Char('1')));
    w.handle(k(KeyCode::Char('n')));
    typed(&mut w, "半截");
    let mut other = Case::for_logging(tmp.path()).expect("second writer");
    let draft = EvidenceDraft {
        kind: Some(EvidenceKind::Call),
        counterpart: "13800138000".into(),
        ..Default::default()
    };
    other
        .log(draft.validate(&fixed_now()).expect("valid"), &[])
        .expect("logged");
    w.poll();
    assert_eq!(w.case.state().entries.len(), 1);
    assert_eq!(w.app.list.rows.len(), 1);
    let form = w.app.form.as_ref().expect("form kept");
    assert_eq!(form.evidence_draft().counterpart, "半截");
}

#[test]
fn pastes_are_cleaned_and_a_megabyte_is_capped_with_a_notice() {
    let tmp = tempfile::tempdir().expect("tmp");
    let mut w = wizard(tmp.path(), Lang::Zh);
    w.handle(k(KeyCode::Char('n')));
    w.handle(Msg::Paste("138\u{1b}[31m0013\u{202e}8000\r\n".into()));
    w.handle(k(KeyCode::Tab));
    w.handle(Msg::Paste("骗".repeat(1_000_000)));
    let form = w.app.form.as_ref().expect("form");
    assert_eq!(form.evidence_draft().counterpart.trim(), "13800138000");
    assert_eq!(form.evidence_draft().summary.chars().count(), 20_000);
    assert!(form.notice.as_deref().is_some_and(|n| n.contains("20000")));
    w.handle(ctrl('s'));
    assert_eq!(events(tmp.path()).len(), 1);
}

#[test]
fn correct_retract_tick_and_profile_write_their_events() {
    let tmp = tempfile::tempdir().expect("tmp");
    let mut w = wizard(tmp.path(), Lang::Zh);
    w.handle(k(KeyCode::Char('n')));
    typed(&mut w, "95588");
    w.handle(ctrl('s'));
    w.handle(k(KeyCode::Char('1')));
    w.handle(k(KeyCode::Enter));
    assert!(matches!(w.app.screen, Screen::Detail(_)));
    w.handle(k(KeyCode::Char('e')));
    w.handle(k(KeyCode::Tab));
    typed(&mut w, "冒充工行");
    w.handle(k(KeyCode::Tab));
    w.handle(k(KeyCode::Char(' ')));
    w.handle(ctrl('s'));
    assert!(
        w.app.form.is_none(),
        "{:?}",
        w.app.form.as_ref().map(|f| &f.error)
    );
    w.handle(k(KeyCode::Char('d')));
    w.handle(ctrl('s'));
    assert!(
        w.app.form.as_ref().is_some_and(|f| f.error.is_some()),
        "a reason is required"
    );
    typed(&mut w, "记错了");
    w.handle(ctrl('s'));
    w.handle(k(KeyCode::Char('c')));
    w.handle(k(KeyCode::Char(' ')));
    w.handle(k(KeyCode::Char('p')));
    w.handle(k(KeyCode::Char('e')));
    typed(&mut w, "张伟");
    w.handle(ctrl('s'));
    let ev = events(tmp.path());
    let kinds: Vec<&str> = ev
        .iter()
        .map(|e| match e {
            EventBody::EvidenceAdded { .. } => "added",
            EventBody::EvidenceCorrected { .. } => "corrected",
            EventBody::EvidenceRetracted { .. } => "retracted",
            EventBody::ChecklistTicked { .. } => "ticked",
            EventBody::ProfileSet { .. } => "profile",
            _ => "other",
        })
        .collect();
    assert_eq!(kinds, ["added", "corrected", "retracted", "ticked", "profile"]);
    let Some(EventBody::EvidenceCorrected { changes, .. }) = ev.get(1) else {
        unreachable!("{ev:?}")
    };
    assert_eq!(changes.summary.as_deref(), Some("冒充工行"));
    assert!(changes.knew.as_ref().is_some_and(|k| k.len() == 1));
    assert!(
        changes.counterpart.is_none(),
        "unchanged fields stay out of the patch"
    );
}

#[test]
fn filter_and_search_narrow_the_list() {
    let tmp = tempfile::tempdir().expect("tmp");
    let mut case = Case::open(tmp.path()).expect("case");
    super::demo::populate(&mut case, &fixed_now()).expect("demo");
    drop(case);
    let mut w = wizard(tmp.path(), Lang::Zh);
    w.handle(k(KeyCode::Char('1')));
    assert_eq!(w.app.list.rows.len(), 9);
    w.handle(k(KeyCode::Char('f')));
    assert_eq!(w.app.list.rows.len(), 4, "calls only");
    w.handle(k(KeyCode::Char('/')));
    typed(&mut w, "号码");
    assert_eq!(w.app.list.rows.len(), 2);
    w.handle(k(KeyCode::Enter));
    assert!(!w.app.list.searching);
}

#[test]
fn one_counterpart_written_three_ways_is_one_filter() {
    let tmp = tempfile::tempdir().expect("tmp");
    let mut case = Case::open(tmp.path()).expect("case");
    super::demo::populate(&mut case, &fixed_now()).expect("demo");
    let state = case.state().clone();
    drop(case);
    let mut w = wizard(tmp.path(), Lang::Zh);
    w.handle(k(KeyCode::Char('1')));
    let first = w.app.list.rows[0] as usize;
    let who = state.entries[first].current.counterpart.clone();
    w.handle(k(KeyCode::Char('o')));
    let key = crate::evidence::phone::counterpart_key(&who);
    let shown: Vec<&str> = w
        .app
        .list
        .rows
        .iter()
        .map(|i| state.entries[*i as usize].current.counterpart.as_str())
        .collect();
    assert!(shown.len() >= 3, "{shown:?}");
    assert!(
        shown
            .iter()
            .all(|c| crate::evidence::phone::counterpart_key(c) == key),
        "{shown:?}"
    );
    let distinct: std::collections::BTreeSet<&&str> = shown.iter().collect();
    assert!(
        distinct.len() > 1,
        "written differently, still one caller: {shown:?}"
    );
    w.handle(k(KeyCode::Char('o')));
    assert_eq!(w.app.list.rows.len(), 9, "o again shows everyone");
}

fn kinds(dir: &Path) -> Vec<&'static str> {
    events(dir)
        .iter()
        .map(|e| match e {
            EventBody::ReportAdded { .. } => "report",
            EventBody::ReportUpdated { .. } => "report_updated",
            EventBody::ContactWarned { .. } => "warned",
            EventBody::LawyerConsulted { .. } => "consulted",
            EventBody::NarrativeSet { .. } => "narrative",
            EventBody::EvidenceAdded { .. } => "added",
            _ => "other",
        })
        .collect()
}

fn form_error(w: &Wizard) -> Option<String> {
    w.app.form.as_ref().and_then(|f| f.error.clone())
}

#[test]
fn a_report_is_added_with_a_channel_from_the_guide_and_a_status() {
    let tmp = tempfile::tempdir().expect("tmp");
    let mut w = wizard(tmp.path(), Lang::Zh);
    typed(&mut w, "2a");
    // Nothing typed: refused with the case's own sentence, nothing written.
    w.handle(ctrl('s'));
    let expected = crate::tui::case_errors::case_error(
        &crate::case::CaseError::Required(
            "报案渠道（例如 派出所、110、12321）",
            "channel (for example police station, 110, 12321)",
        ),
        Lang::Zh,
    );
    assert_eq!(form_error(&w), Some(expected));
    assert!(events(tmp.path()).is_empty());
    // Pick the first channel of the guide: it fills the channel field, which stays editable.
    w.handle(k(KeyCode::Right));
    w.handle(k(KeyCode::Tab));
    w.handle(k(KeyCode::End));
    typed(&mut w, " 朝阳分局");
    w.handle(k(KeyCode::Tab)); // time: empty = the moment the form opened
    w.handle(k(KeyCode::Tab));
    typed(&mut w, "当面");
    w.handle(k(KeyCode::Tab));
    w.handle(k(KeyCode::Right)); // status: not accepted at the desk
    w.handle(k(KeyCode::Right)); // status: accepted
    w.handle(k(KeyCode::Tab));
    typed(&mut w, "11-28"); // the receipt's date
    w.handle(k(KeyCode::Tab));
    typed(&mut w, "A-10086");
    w.handle(k(KeyCode::Tab));
    typed(&mut w, "李警官");
    w.handle(k(KeyCode::Tab));
    typed(&mut w, "+7d");
    w.handle(ctrl('s'));
    assert!(w.app.form.is_none(), "{:?}", form_error(&w));
    let ev = events(tmp.path());
    let Some(EventBody::ReportAdded { id, fields }) = ev.first() else {
        unreachable!("{ev:?}")
    };
    assert_eq!(id, "R1");
    let first = super::guide_text::channel_names(Lang::Zh)
        .first()
        .cloned()
        .unwrap_or_default();
    assert_eq!(fields.channel.as_str(), format!("{first} 朝阳分局"));
    assert_eq!(fields.status, crate::case::steps::ReportStatus::Accepted);
    assert_eq!(day_text(fields.notice_date), "2026-11-28");
    assert_eq!(fields.receipt, "A-10086");
    assert_eq!(fields.officer, "李警官");
    assert_eq!(day_text(fields.follow_up), "2026-12-06");
    assert_eq!(fields.filed_at, Moment::from_zoned(&fixed_now()));
    assert!(w.app.status.as_ref().is_some_and(|(t, _)| t.contains("R1")));
}

#[test]
fn a_report_update_writes_only_what_changed_and_refuses_bad_dates() {
    let tmp = tempfile::tempdir().expect("tmp");
    let mut w = wizard(tmp.path(), Lang::En);
    typed(&mut w, "2a");
    typed(&mut w, " ");
    w.handle(ctrl('s'));
    assert!(w.app.form.is_none(), "{:?}", form_error(&w));
    // Update R1: nothing changed is refused.
    typed(&mut w, "u");
    w.handle(ctrl('s'));
    assert_eq!(
        form_error(&w),
        Some(crate::tui::case_errors::case_error(
            &crate::case::CaseError::NothingToChange,
            Lang::En
        ))
    );
    // A follow-up date that is not a date is refused; nothing written.
    for _ in 0..4 {
        w.handle(k(KeyCode::Tab));
    }
    typed(&mut w, "next week");
    w.handle(ctrl('s'));
    assert_eq!(
        form_error(&w),
        Some(format!(
            "Follow up: {}",
            crate::tui::case_errors::case_error(
                &crate::case::CaseError::BadDate("next week".into()),
                Lang::En
            )
        )),
        "the field is named: a report form has two dates"
    );
    assert_eq!(kinds(tmp.path()), ["report"]);
    for _ in 0.."next week".len() {
        w.handle(k(KeyCode::Backspace));
    }
    typed(&mut w, "2026-11-30");
    w.handle(k(KeyCode::BackTab));
    w.handle(k(KeyCode::BackTab));
    typed(&mut w, "B-2");
    w.handle(k(KeyCode::BackTab));
    w.handle(k(KeyCode::BackTab));
    for _ in 0..4 {
        w.handle(k(KeyCode::Right)); // not accepted, accepted, no decision, case opened
    }
    w.handle(ctrl('s'));
    assert!(w.app.form.is_none(), "{:?}", form_error(&w));
    let ev = events(tmp.path());
    let Some(EventBody::ReportUpdated { id, changes }) = ev.get(1) else {
        unreachable!("{ev:?}")
    };
    assert_eq!(id, "R1");
    assert_eq!(changes.status, Some(crate::case::steps::ReportStatus::CaseOpened));
    assert_eq!(changes.receipt.as_deref(), Some("B-2"));
    assert_eq!(
        changes
            .follow_up
            .and_then(|d| d.day())
            .map(|d| d.to_string())
            .as_deref(),
        Some("2026-11-30")
    );
    assert!(changes.officer.is_none() && changes.note.is_none() && changes.notice_date.is_none());
}

#[test]
fn warned_contacts_and_consultations_are_recorded_and_empty_names_refused() {
    let tmp = tempfile::tempdir().expect("tmp");
    let mut w = wizard(tmp.path(), Lang::Zh);
    typed(&mut w, "3a");
    w.handle(ctrl('s'));
    assert!(form_error(&w).is_some_and(|e| e.contains("提醒了谁")));
    typed(&mut w, "妈妈");
    w.handle(k(KeyCode::Tab));
    typed(&mut w, "微信");
    w.handle(ctrl('s'));
    assert!(w.app.form.is_none(), "{:?}", form_error(&w));
    w.handle(k(KeyCode::Char('4')));
    w.handle(k(KeyCode::Char('a')));
    w.handle(ctrl('s'));
    assert!(form_error(&w).is_some_and(|e| e.contains("律师")));
    typed(&mut w, "12348");
    w.handle(k(KeyCode::Tab));
    typed(&mut w, "法律援助中心");
    w.handle(k(KeyCode::Tab));
    typed(&mut w, "10:30");
    w.handle(ctrl('s'));
    assert!(w.app.form.is_none(), "{:?}", form_error(&w));
    assert_eq!(kinds(tmp.path()), ["warned", "consulted"]);
    let st = w.case.state();
    assert_eq!(st.warnings.first().map(|(_, f)| f.via.as_str()), Some("微信"));
    let c = st.consultations.first().map(|(_, f)| f.clone()).expect("one");
    assert_eq!((c.lawyer.as_str(), c.firm.as_str()), ("12348", "法律援助中心"));
    assert_eq!(c.consulted_at.short(), "2026-11-29 10:30");
    // The brief is one key away and names what was done.
    w.handle(k(KeyCode::Char('b')));
    assert_eq!(w.app.screen, Screen::Text(super::model::TextView::Brief));
    w.handle(k(KeyCode::Esc));
    assert_eq!(w.app.screen, Screen::Step(crate::guide::StepId::ConsultLawyer));
}

#[test]
fn the_narrative_editor_opens_with_the_current_text_and_saves_changes() {
    let tmp = tempfile::tempdir().expect("tmp");
    let mut w = wizard(tmp.path(), Lang::Zh);
    typed(&mut w, "2t");
    typed(&mut w, "第一段");
    w.handle(k(KeyCode::Enter));
    typed(&mut w, "第二段");
    w.handle(ctrl('s'));
    assert!(w.app.form.is_none(), "{:?}", form_error(&w));
    assert_eq!(
        w.case.state().narrative.as_ref().map(|(t, _)| t.as_str()),
        Some("第一段\n第二段")
    );
    // Reopened from the export screen: prefilled; saving unchanged is refused.
    typed(&mut w, "x");
    w.handle(k(KeyCode::Esc));
    typed(&mut w, "t");
    let form = w.app.form.as_ref().expect("editor");
    assert!(matches!(&form.fields[0].input, super::form::Input::Text(t) if t.text() == "第一段\n第二段"));
    w.handle(ctrl('s'));
    assert_eq!(
        form_error(&w),
        Some(crate::tui::case_errors::case_error(
            &crate::case::CaseError::NothingToChange,
            Lang::Zh
        ))
    );
    assert_eq!(kinds(tmp.path()), ["narrative"]);
}

#[test]
fn the_export_screen_writes_the_packet_on_a_worker_thread() {
    let tmp = tempfile::tempdir().expect("tmp");
    let mut case = Case::open(tmp.path()).expect("case");
    super::demo::populate(&mut case, &fixed_now()).expect("demo");
    drop(case);
    let mut w = wizard(tmp.path(), Lang::Zh);
    typed(&mut w, "x");
    assert_eq!(w.app.screen, Screen::Export);
    typed(&mut w, "朝阳分局");
    w.handle(k(KeyCode::Tab));
    w.handle(k(KeyCode::Right)); // redact
    w.handle(ctrl('s'));
    assert!(w.app.form.is_none());
    assert_eq!(w.app.export.status, super::model::ExportStatus::Running);
    wait_for_export(&mut w);
    let super::model::ExportStatus::Done(done) = &w.app.export.status else {
        unreachable!("{:?}", w.app.export.status)
    };
    assert!(
        done.path.starts_with(tmp.path().join("exports")),
        "{}",
        done.path.display()
    );
    let bytes = std::fs::read(&done.path).expect("file");
    assert!(bytes.starts_with(b"%PDF"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&done.path).expect("meta").permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    assert_eq!(w.app.export.choice.agency, "朝阳分局");
    assert!(w.app.export.choice.redact);
    assert_eq!(w.app.export.copy, None, "no copy asked for");
    // Nothing was written to the journal by exporting.
    let before = w.case.state().fingerprint.count;
    w.poll();
    assert_eq!(w.case.state().fingerprint.count, before);
}

/// The packet reader the integration tests use (lopdf, not the writer).
#[path = "../../tests/common/pdf_text.rs"]
mod pdf_text;

#[test]
fn the_export_screen_can_mask_the_name_in_the_redacted_copy() {
    let tmp = tempfile::tempdir().expect("tmp");
    let mut case = Case::open(tmp.path()).expect("case");
    super::demo::populate(&mut case, &fixed_now()).expect("demo");
    drop(case);
    let mut w = wizard(tmp.path(), Lang::Zh);
    typed(&mut w, "x");
    w.handle(k(KeyCode::Tab));
    w.handle(k(KeyCode::Right)); // redact
    w.handle(k(KeyCode::Tab));
    w.handle(k(KeyCode::Right)); // the name too
    w.handle(ctrl('s'));
    assert!(w.app.form.is_none(), "{:?}", form_error(&w));
    assert!(w.app.export.choice.redact && w.app.export.choice.mask_name);
    wait_for_export(&mut w);
    let super::model::ExportStatus::Done(done) = &w.app.export.status else {
        unreachable!("{:?}", w.app.export.status)
    };
    let text = pdf_text::page_texts(&std::fs::read(&done.path).expect("file"))
        .expect("pdf")
        .concat()
        .replace(char::is_whitespace, "");
    assert!(text.contains("张某某"), "the masked name is printed");
    assert!(!text.contains("张伟"), "the name is gone from the copy");
    // The screen says what was chosen.
    let (t, _) = render(&w.app, w.case.state(), 100, 30);
    let buf = t.backend().buffer();
    let rows: Vec<String> = (0..30)
        .map(|y| {
            (0..100)
                .map(|x| buf[(x, y)].symbol())
                .collect::<String>()
                .replace(' ', "")
        })
        .collect();
    let row = rows
        .iter()
        .find(|r| r.starts_with("隐去姓名"))
        .expect("the choice is shown");
    assert!(row.ends_with(":是"), "{row}");
}

#[test]
fn a_packet_from_a_case_that_does_not_verify_says_so() {
    let tmp = tempfile::tempdir().expect("tmp");
    let mut case = Case::open(tmp.path()).expect("case");
    super::demo::populate(&mut case, &fixed_now()).expect("demo");
    drop(case);
    let journal = tmp.path().join("journal.jsonl");
    let text = std::fs::read_to_string(&journal).expect("journal");
    std::fs::write(&journal, text.replacen("支付宝客服", "支付宝客户", 1)).expect("tamper");
    let mut w = wizard(tmp.path(), Lang::En);
    typed(&mut w, "x");
    w.handle(ctrl('s'));
    wait_for_export(&mut w);
    let super::model::ExportStatus::Done(done) = &w.app.export.status else {
        unreachable!("{:?}", w.app.export.status)
    };
    assert!(
        done.notes.iter().any(|n| n.contains("does not verify")),
        "{:?}",
        done.notes
    );
}

#[test]
fn next_suggests_the_most_useful_action_through_all_four_steps() {
    use super::next_step::next_action;
    use crate::case::steps::{ConsultationDraft, ReportDraft, ReportUpdateDraft, WarningDraft};
    let tmp = tempfile::tempdir().expect("tmp");
    let mut w = wizard(tmp.path(), Lang::En);
    let now = fixed_now();
    let next = |w: &Wizard| next_action(&w.app, w.case.state());
    assert_eq!(next(&w), w.app.s.next_log_first);
    let call = EvidenceDraft {
        kind: Some(EvidenceKind::Call),
        counterpart: "95588".into(),
        ..Default::default()
    };
    w.case.log(call.validate(&now).expect("ok"), &[]).expect("log");
    assert!(next(&w).contains("checklist"));
    for id in [
        "change_passwords",
        "call_bank",
        "check_phone_numbers",
        "check_bank_cards",
    ] {
        w.case.tick(id, true).expect("tick");
    }
    assert_eq!(next(&w), w.app.s.next_profile);
    let profile = crate::case::ProfileDraft {
        name: Some("张伟".into()),
        ..Default::default()
    };
    w.case
        .set_profile(profile.validate(&fixed_now()).expect("ok"))
        .expect("profile");
    assert_eq!(next(&w), w.app.s.next_narrative);
    w.case.set_narrative("经过").expect("narrative");
    assert_eq!(next(&w), w.app.s.next_packet);
    let report = ReportDraft {
        channel: "110".into(),
        follow_up: "2026-11-20".into(),
        ..Default::default()
    };
    w.case
        .add_report(report.validate(&now).expect("ok"))
        .expect("report");
    assert!(next(&w).contains("follow up R1"), "{}", next(&w));
    let moved = ReportUpdateDraft {
        follow_up: Some(String::new()),
        ..Default::default()
    };
    w.case
        .update_report("R1", moved.validate(&now).expect("ok"))
        .expect("update");
    assert!(
        next(&w).contains("R1") && next(&w).contains("receipt"),
        "{}",
        next(&w)
    );
    let receipt = ReportUpdateDraft {
        receipt: Some("A1".into()),
        ..Default::default()
    };
    w.case
        .update_report("R1", receipt.validate(&now).expect("ok"))
        .expect("update");
    assert_eq!(next(&w), w.app.s.next_warn);
    let mum = WarningDraft {
        who: "妈妈".into(),
        ..Default::default()
    };
    w.case.add_warning(mum.validate(&now).expect("ok")).expect("warn");
    assert_eq!(next(&w), w.app.s.next_lawyer);
    let lawyer = ConsultationDraft {
        lawyer: "12348".into(),
        ..Default::default()
    };
    w.case
        .add_consultation(lawyer.validate(&now).expect("ok"))
        .expect("consult");
    assert!(next(&w).contains("follow-up date"), "{}", next(&w));
    let later = ReportUpdateDraft {
        follow_up: Some("2026-12-10".into()),
        ..Default::default()
    };
    w.case
        .update_report("R1", later.validate(&now).expect("ok"))
        .expect("update");
    assert_eq!(next(&w), w.app.s.next_keep);
}

#[test]
fn help_scrolls_at_the_smallest_size_and_other_keys_close_it() {
    let tmp = tempfile::tempdir().expect("tmp");
    let mut w = wizard(tmp.path(), Lang::Zh);
    w.handle(Msg::Resize(40, 12));
    typed(&mut w, "1?");
    w.handle(k(KeyCode::Down));
    w.handle(k(KeyCode::Down));
    assert!(w.app.help);
    assert_eq!(w.app.help_scroll, 2);
    w.handle(k(KeyCode::Char('z')));
    assert!(!w.app.help);
    assert_eq!(w.app.help_scroll, 0);
}

#[test]
fn full_width_keys_and_chinese_punctuation_are_the_same_commands() {
    let tmp = tempfile::tempdir().expect("tmp");
    let mut w = wizard(tmp.path(), Lang::Zh);
    typed(&mut w, "２");
    assert_eq!(w.app.screen, Screen::Step(crate::guide::StepId::Report));
    typed(&mut w, "？");
    assert!(w.app.help, "？ opens help");
    w.handle(k(KeyCode::Esc));
    typed(&mut w, "１、");
    assert_eq!(w.app.screen, Screen::Evidence);
    assert!(w.app.list.searching, "、 (the / key) opens the search");
    w.handle(k(KeyCode::Esc));
    typed(&mut w, "０ｎ");
    let form = w.app.form.as_ref().expect("ｎ opens a new call");
    assert!(matches!(form.kind, super::form::FormKind::New { .. }));
    // In a field the key is text as typed: the full-width digits are kept, then read as digits.
    typed(&mut w, "１３８００１３８０００");
    w.handle(ctrl('s'));
    let ev = events(tmp.path());
    let Some(EventBody::EvidenceAdded { fields, .. }) = ev.first() else {
        unreachable!("not saved: {ev:?}")
    };
    assert_eq!(
        crate::evidence::phone::counterpart_key(&fields.counterpart),
        "13800138000",
        "a full-width number is the same lead as the ASCII one"
    );
}

#[test]
fn confirmations_take_y_n_shi_fou_and_enter_for_the_default() {
    let tmp = tempfile::tempdir().expect("tmp");
    let mut w = wizard(tmp.path(), Lang::Zh);
    typed(&mut w, "n1");
    w.handle(ctrl('q'));
    assert_eq!(w.app.ask, Some(Ask::Quit));
    typed(&mut w, "否");
    assert!(w.app.ask.is_none() && !w.app.quit && w.app.form.is_some());
    w.handle(ctrl('q'));
    w.handle(k(KeyCode::Enter));
    assert!(
        w.app.ask.is_none() && !w.app.quit,
        "Enter is the default shown: no"
    );
    w.handle(k(KeyCode::Esc));
    assert_eq!(w.app.ask, Some(Ask::Discard));
    typed(&mut w, "N");
    assert!(w.app.form.is_some());
    w.handle(k(KeyCode::Esc));
    typed(&mut w, "是");
    assert!(w.app.form.is_none(), "是 discards");
    typed(&mut w, "n1");
    w.handle(ctrl('q'));
    typed(&mut w, "Y");
    assert!(w.app.quit, "Y quits");
}

#[test]
fn a_chinese_character_outside_a_field_says_the_input_method_is_on() {
    let tmp = tempfile::tempdir().expect("tmp");
    let mut w = wizard(tmp.path(), Lang::Zh);
    typed(&mut w, "你");
    let (text, is_error) = w.app.status.clone().expect("a hint");
    assert_eq!(text, "现在是中文输入状态，快捷键请切换到英文（Shift）");
    assert!(is_error);
    assert_eq!(w.app.screen, Screen::Dashboard);
    // Typed into a field it is text, not a hint.
    typed(&mut w, "3a妈妈");
    assert_eq!(w.app.form.as_ref().and_then(|f| f.notice.clone()), None);
}

/// Opens a new call for `number`, types `at` in its time field and saves; the moment saved.
fn log_call_at(w: &mut Wizard, dir: &Path, at: &str) -> (String, Option<String>) {
    typed(w, "n");
    typed(w, "13800138000");
    for _ in 0..3 {
        w.handle(k(KeyCode::Tab));
    }
    typed(w, at);
    let notice = w.app.form.as_ref().and_then(|f| f.notice.clone());
    w.handle(ctrl('s'));
    assert!(
        w.app.form.is_none(),
        "{at}: {:?}",
        w.app.form.as_ref().map(|f| &f.error)
    );
    let at = match events(dir).last() {
        Some(EventBody::EvidenceAdded { fields, .. }) => fields.occurred_at.to_string(),
        other => format!("{other:?}"),
    };
    (at, notice)
}

#[test]
fn times_typed_the_chinese_way_in_the_form() {
    let tmp = tempfile::tempdir().expect("tmp");
    let mut w = wizard(tmp.path(), Lang::Zh);
    // The fixed now is 2026-11-29 15:00 +08:00.
    for (typed_at, saved) in [
        ("今天 14:05", "2026-11-29T14:05:00+08:00"),
        ("昨天 14:05", "2026-11-28T14:05:00+08:00"),
        ("前天 ９：３０", "2026-11-27T09:30:00+08:00"),
        ("11月29日 14:05", "2026-11-29T14:05:00+08:00"),
        ("2026年11月28日 14:05", "2026-11-28T14:05:00+08:00"),
    ] {
        let (at, notice) = log_call_at(&mut w, tmp.path(), typed_at);
        assert_eq!(at, saved, "{typed_at}");
        let notice = notice.expect("the reading is shown");
        assert!(notice.starts_with("时间读作："), "{notice}");
        assert!(!notice.contains("按昨天算"), "{notice}");
    }
    let (at, notice) = log_call_at(&mut w, tmp.path(), "16:30");
    assert_eq!(at, "2026-11-28T16:30:00+08:00");
    assert_eq!(
        notice.as_deref(),
        Some("时间读作：2026-11-28 16:30（比现在晚，按昨天算）")
    );
}

#[test]
fn the_birth_date_is_filled_from_a_valid_id_number() {
    let tmp = tempfile::tempdir().expect("tmp");
    let mut w = wizard(tmp.path(), Lang::Zh);
    typed(&mut w, "pe");
    w.handle(k(KeyCode::Tab));
    typed(&mut w, "１１０１０５１９４９１２３１００２Ｘ");
    w.handle(k(KeyCode::Tab));
    let form = w.app.form.as_ref().expect("form");
    assert_eq!(
        form.notice.as_deref(),
        Some("出生日期已按身份证号填好：1949-12-31")
    );
    w.handle(ctrl('s'));
    let ev = events(tmp.path());
    let Some(EventBody::ProfileSet { changes: patch }) = ev.last() else {
        unreachable!("not saved: {ev:?}")
    };
    assert_eq!(patch.birth_date.as_deref(), Some("1949-12-31"));
    assert_eq!(patch.id_number.as_deref(), Some("11010519491231002X"));
}

/// Polls until the export worker has answered (at most two minutes).
fn wait_for_export(w: &mut Wizard) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
    while w.exporting() && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(20));
        w.poll();
    }
}

/// A case where a ¥50,000 公检法 scam call was logged, naming the receiving account.
fn loss_case(w: &mut Wizard) {
    let draft = EvidenceDraft {
        kind: Some(EvidenceKind::Call),
        counterpart: "+86 171 2345 6789".into(),
        summary: "自称公安局，说我涉嫌洗钱，让我转到安全账户，收款账户：6222 0212 3456 7890".into(),
        lost: "５００００".into(),
        at: "昨天 14:05".into(),
        ..Default::default()
    };
    w.case
        .log(draft.validate(&fixed_now()).expect("valid"), &[])
        .expect("log");
}

#[test]
fn the_recorded_transfer_names_the_account_to_stop() {
    let tmp = tempfile::tempdir().expect("tmp");
    let mut w = wizard(tmp.path(), Lang::Zh);
    let draft = EvidenceDraft {
        kind: Some(EvidenceKind::Call),
        counterpart: "95599".into(),
        summary: "冒充公检法，让我转到安全账户".into(),
        lost: "50000".into(),
        transfer: crate::case::draft::TransferDraft {
            account: "6217 0000 1111 2222".into(),
            ..Default::default()
        },
        ..Default::default()
    };
    w.case
        .log(draft.validate(&fixed_now()).expect("valid"), &[])
        .expect("log");
    let next = super::next_step::next_action(&w.app, w.case.state());
    assert!(next.contains("收款账户 6217 0000 1111 2222"), "{next}");
}

#[test]
fn money_lost_puts_110_and_the_bank_first_and_step_2_recommends_the_police() {
    let tmp = tempfile::tempdir().expect("tmp");
    let mut w = wizard(tmp.path(), Lang::Zh);
    loss_case(&mut w);
    let next = super::next_step::next_action(&w.app, w.case.state());
    assert_eq!(
        next,
        "立即拨打110，并联系银行止付/冻结；告诉警方对方收款账户 6222 0212 3456 7890"
    );
    let g = super::guide_text::guidance(
        crate::guide::StepId::Report,
        Lang::Zh,
        &fixed_now(),
        w.case.state(),
    );
    let at = g
        .iter()
        .position(|(h, t)| *h && t.starts_with("推荐给你的渠道"))
        .expect("recommended channels shown");
    let first = &g[at + 1].1;
    assert!(first.contains("110"), "the police first: {first}");
    assert_eq!(g[at + 2].1, "  因为你已经损失了钱");
    // Ticking the stop-payment item moves the dashboard on; the step 2 banner goes too.
    let stop = super::guide_text::checklist(Lang::Zh)
        .iter()
        .position(|c| c.0 == crate::guide::ChecklistId::StopPayment)
        .expect("item");
    w.handle(k(KeyCode::Char('c')));
    for _ in 0..stop {
        w.handle(k(KeyCode::Down));
    }
    w.handle(k(KeyCode::Char(' ')));
    let next = super::next_step::next_action(&w.app, w.case.state());
    assert!(!next.contains("110，并联系银行"), "{next}");
}

#[test]
fn the_checklist_ticks_itself_from_records_and_says_so_when_pressed() {
    let tmp = tempfile::tempdir().expect("tmp");
    let mut w = wizard(tmp.path(), Lang::Zh);
    assert_eq!(super::guide_text::checklist_done(w.case.state()), 0);
    typed(&mut w, "2a");
    w.handle(k(KeyCode::Tab));
    typed(&mut w, "朝阳区某某派出所");
    w.handle(ctrl('s'));
    typed(&mut w, "3a妈妈");
    w.handle(ctrl('s'));
    typed(&mut w, "4a王律师");
    w.handle(ctrl('s'));
    assert!(w.app.form.is_none());
    let st = w.case.state();
    assert_eq!(super::guide_text::checklist_done(st), 3);
    let line = |id| {
        let items = super::guide_text::checklist(Lang::Zh);
        let (_, title, _) = items.iter().find(|c| c.0 == id).expect("item");
        super::guide_text::checklist_line(st, id, title, Lang::Zh)
    };
    use crate::guide::ChecklistId as C;
    assert!(line(C::ReportToPolice).ends_with("（记录 R1）"));
    assert!(line(C::WarnContacts).ends_with("（记录 W1）"));
    assert!(line(C::ConsultLawyer).ends_with("（记录 L1）"));
    assert!(line(C::ChangePasswords).starts_with("[ ]"));
    let before = events(tmp.path()).len();
    let warn = super::guide_text::checklist(Lang::Zh)
        .iter()
        .position(|c| c.0 == C::WarnContacts)
        .expect("item");
    w.handle(k(KeyCode::Char('c')));
    for _ in 0..warn {
        w.handle(k(KeyCode::Down));
    }
    w.handle(k(KeyCode::Char(' ')));
    assert_eq!(
        events(tmp.path()).len(),
        before,
        "a proved item is not unticked by hand"
    );
    assert_eq!(
        w.app.status.as_ref().map(|s| s.0.as_str()),
        Some("记录 W1 已证明这一项做完了，不用手动勾选")
    );
}

#[test]
fn step_2_dates_the_police_stages_only_from_recorded_dates() {
    let tmp = tempfile::tempdir().expect("tmp");
    let mut w = wizard(tmp.path(), Lang::Zh);
    let guide = |w: &Wizard| -> Vec<String> {
        super::guide_text::guidance(
            crate::guide::StepId::Report,
            Lang::Zh,
            &fixed_now(),
            w.case.state(),
        )
        .into_iter()
        .map(|(_, t)| t)
        .collect()
    };
    assert!(
        guide(&w).iter().any(|t| t.starts_with("期限：原则上3日")),
        "no report: the rule in words"
    );
    // Reported today, not accepted yet: no decision date is invented.
    typed(&mut w, "2a");
    w.handle(k(KeyCode::Tab));
    typed(&mut w, "朝阳区某某派出所");
    w.handle(ctrl('s'));
    let text = guide(&w);
    assert!(!text.iter().any(|t| t.contains("约至")), "{text:#?}");
    assert!(text.iter().any(|t| t.starts_with("期限：原则上3日")));
    // Accepted, with the receipt dated 27 Nov: the decision is due by about 30 Nov.
    typed(&mut w, "u");
    w.handle(k(KeyCode::Right));
    w.handle(k(KeyCode::Right));
    w.handle(k(KeyCode::Tab));
    typed(&mut w, "11-27");
    w.handle(ctrl('s'));
    assert!(w.app.form.is_none(), "{:?}", form_error(&w));
    let text = guide(&w);
    assert!(
        text.contains(&"期限：原则上作出是否立案的决定，约至 11月30日".to_string()),
        "{text:#?}"
    );
    assert!(text.contains(&"期限：需要查证的，作出是否立案的决定，约至 12月4日".to_string()));
    // Not opened, no notice recorded: the 7 days have not started and the dashboard says so.
    typed(&mut w, "u");
    for _ in 0..3 {
        w.handle(k(KeyCode::Right)); // no decision, case opened, refused
    }
    w.handle(ctrl('s'));
    assert!(w.app.form.is_none(), "{:?}", form_error(&w));
    let r = &w.case.state().reports[0];
    assert_eq!(r.current.status, crate::case::steps::ReportStatus::Refused);
    assert_eq!(
        r.current.notice_date, None,
        "the receipt's date is not the notice's"
    );
    let text = guide(&w);
    assert!(!text.iter().any(|t| t.contains("申请复议，约至")), "{text:#?}");
    assert!(!text.iter().any(|t| t.contains("作出是否立案的决定，约至")));
    let next = super::next_step::next_action(&w.app, w.case.state());
    assert!(
        next.contains("没有收到《不予立案通知书》，复议的7日期限尚未开始"),
        "{next}"
    );
    // The notice received on 28 Nov: reconsideration by about 5 Dec.
    typed(&mut w, "u");
    w.handle(k(KeyCode::Tab));
    typed(&mut w, "11-28");
    w.handle(ctrl('s'));
    assert!(w.app.form.is_none(), "{:?}", form_error(&w));
    let text = guide(&w);
    assert!(
        text.contains(&"期限：向作出决定的公安机关申请复议，约至 12月5日".to_string()),
        "{text:#?}"
    );
    let next = super::next_step::next_action(&w.app, w.case.state());
    assert!(next.starts_with("R1 不予立案：约在 12月5日 前"), "{next}");
}

/// The last row of the frame, as text.
fn bar_row(app: &App, state: &CaseState, w: u16, h: u16) -> String {
    let (t, _) = render(app, state, w, h);
    let buf = t.backend().buffer();
    (0..w)
        .map(|x| buf[(x, h - 1)].symbol().to_string())
        .collect::<String>()
}

#[test]
fn help_back_and_quit_never_drop_off_the_key_bar() {
    for lang in [Lang::Zh, Lang::En] {
        for (cols, rows) in [(80, 24), (40, 12)] {
            for keys in ["", "1", "1j\n", "2", "3", "4", "c", "p", "3m", "4b", "x\u{1b}"] {
                let tmp = tempfile::tempdir().expect("tmp");
                let state = sample_case(tmp.path());
                let mut w = wizard(tmp.path(), lang);
                w.handle(Msg::Resize(cols, rows));
                for c in keys.chars() {
                    match c {
                        '\n' => w.handle(k(KeyCode::Enter)),
                        '\u{1b}' => w.handle(k(KeyCode::Esc)),
                        c => w.handle(k(KeyCode::Char(c))),
                    }
                }
                // Wide glyphs leave a blank cell after them: compare without spaces.
                let bar = bar_row(&w.app, &state, cols, rows).replace(' ', "");
                let quit = lang.pick("q退出", "qquit");
                let help = lang.pick("?帮助", "?help");
                assert!(
                    bar.contains(quit) && bar.contains(help),
                    "{keys:?} {cols}x{rows}: {bar}"
                );
                if !keys.is_empty() {
                    assert!(bar.contains("Esc"), "{keys:?} {cols}x{rows}: {bar}");
                }
            }
        }
    }
}

/// True when `text` names a command-line option (`--note`, `--at`).
fn has_option_name(text: &str) -> bool {
    text.as_bytes()
        .windows(3)
        .any(|w| w[0] == b'-' && w[1] == b'-' && w[2].is_ascii_lowercase())
}

#[test]
fn no_command_line_option_names_in_the_wizard() {
    assert!(has_option_name("用 --reason 写明") && !has_option_name("+------+ -10m"));
    let source = include_str!("strings.rs");
    let offending: Vec<&str> = source.lines().filter(|l| has_option_name(l)).collect();
    assert!(offending.is_empty(), "{offending:#?}");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/tui/snapshots");
    for entry in std::fs::read_dir(&dir).expect("snapshots") {
        let path = entry.expect("entry").path();
        // The lawyer's brief is a document for the lawyer, who checks the case fingerprint
        // with the command it names; it is not an instruction to the wizard's user.
        if path.to_string_lossy().contains("text_brief") {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("read");
        assert!(!has_option_name(&text), "{}", path.display());
    }
    use crate::case::CaseError as E;
    let errors = [
        E::UnknownEntry("E9".into()),
        E::Retracted(crate::case::EntryId(3)),
        E::NothingToChange,
        E::CounterpartRequired(EvidenceKind::Call),
        E::Text {
            field: ("内容", "summary"),
            err: crate::text::TextError::TooLong {
                chars: 20_001,
                max: 20_000,
            },
        },
        E::ReasonRequired,
        E::BadAmount("五万".into()),
        E::BadIdNumber("123".into()),
        E::BadDate("下周".into()),
        E::UnknownKnew("x".into()),
        E::DuplicateEmail(crate::case::EntryId(2)),
        E::DuplicatePhoneRecord("短信 10690000".into(), crate::case::EntryId(2)),
        E::DuplicateOrder("2026112922001".into(), crate::case::EntryId(2)),
        E::NameWithNumber,
        E::BadSha256("abc".into()),
        E::NoticeWithoutPaper,
        E::UnknownRecord("W7".into()),
        E::NoSuchCase("/tmp/x".into()),
        E::When(crate::case::when::WhenError::Unreadable("下下周".into())),
        E::When(crate::case::when::WhenError::TooEarly("1960-01-01".into())),
        E::Journal(crate::journal::JournalError::ReadOnly { path: "/x".into() }),
        E::Journal(crate::journal::JournalError::NotAFolder { path: "/x".into() }),
        E::Journal(crate::journal::JournalError::Io {
            path: "/x".into(),
            source: std::io::Error::from(std::io::ErrorKind::PermissionDenied),
        }),
    ];
    for lang in [Lang::Zh, Lang::En] {
        for e in &errors {
            let m = crate::tui::case_errors::case_error(e, lang);
            assert!(!has_option_name(&m) && !m.contains("leakaid "), "{m}");
            // The shared sentence, which the layers below both surfaces use, names none either.
            let shared = e.message(lang);
            assert!(
                !has_option_name(&shared) && !shared.contains("leakaid "),
                "{shared}"
            );
        }
    }
    assert!(crate::tui::case_errors::case_error(&E::ReasonRequired, Lang::Zh).contains("“原因”一栏"));
}

#[test]
fn a_retracted_entry_offers_no_correct_retract_or_attach_and_says_why() {
    let tmp = tempfile::tempdir().expect("tmp");
    let mut w = wizard(tmp.path(), Lang::Zh);
    typed(&mut w, "n13800138000");
    w.handle(ctrl('s'));
    typed(&mut w, "1");
    w.handle(k(KeyCode::Enter));
    let bar = bar_row(&w.app, w.case.state(), 80, 24).replace(' ', "");
    assert!(bar.contains("e更正") && bar.contains("d撤回"), "{bar}");
    typed(&mut w, "d重复记录");
    w.handle(ctrl('s'));
    assert!(w.app.form.is_none());
    let bar = bar_row(&w.app, w.case.state(), 80, 24).replace(' ', "");
    assert!(
        !bar.contains("e更正") && !bar.contains("d撤回") && !bar.contains("i加附件"),
        "{bar}"
    );
    let before = events(tmp.path()).len();
    for key in ['e', 'd', 'i'] {
        w.app.status = None;
        w.handle(k(KeyCode::Char(key)));
        assert!(w.app.form.is_none());
        let (text, _) = w.app.status.clone().expect("says why");
        assert!(text.contains("已经撤回"), "{text}");
    }
    assert_eq!(events(tmp.path()).len(), before);
}

/// The frame's rows as text (wide glyphs' blank second cells left out).
fn frame_rows(app: &App, state: &CaseState, w: u16, h: u16) -> Vec<String> {
    let (t, _) = render(app, state, w, h);
    let buf = t.backend().buffer();
    (0..h)
        .map(|y| {
            let mut row = String::new();
            let mut skip = 0;
            for x in 0..w {
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                let sym = buf[(x, y)].symbol();
                skip = super::widgets::text_field::str_width(sym).saturating_sub(1);
                row.push_str(sym);
            }
            row
        })
        .collect()
}

#[test]
fn the_list_stays_full_through_resizes_and_says_what_is_hidden() {
    let tmp = tempfile::tempdir().expect("tmp");
    let state = sample_case(tmp.path());
    let mut w = wizard(tmp.path(), Lang::Zh);
    w.handle(Msg::Resize(80, 12));
    typed(&mut w, "1G");
    let n = w.app.list.rows.len();
    assert_eq!(w.app.list.selected, n - 1);
    assert!(w.app.list.offset > 0);
    let rows = frame_rows(&w.app, &state, 80, 12);
    let shown = super::model::list_rows(12, super::model::Pane::List);
    assert!(rows[2].contains(&format!("↑ {} 条", n - shown)), "{rows:#?}");
    // Taller again: every row fits, so none may stay hidden above the first.
    w.handle(Msg::Resize(80, 40));
    assert_eq!(w.app.list.offset, 0);
    let rows = frame_rows(&w.app, &state, 80, 40);
    assert!(rows.iter().any(|r| r.contains("E10")), "{rows:#?}");
    assert!(!rows[2].contains('↑'));
}

#[test]
fn cut_text_ends_in_an_ellipsis_and_columns_widen_with_the_window() {
    let tmp = tempfile::tempdir().expect("tmp");
    let state = sample_case(tmp.path());
    let mut w = wizard(tmp.path(), Lang::Zh);
    typed(&mut w, "1");
    w.handle(Msg::Resize(40, 20));
    let rows = frame_rows(&w.app, &state, 40, 20);
    assert!(rows.iter().any(|r| r.contains("hr@tax-refu…")), "{rows:#?}");
    w.handle(Msg::Resize(200, 24));
    let rows = frame_rows(&w.app, &state, 200, 24);
    assert!(
        rows.iter().any(|r| r.contains("hr@tax-refund-gov.cn")),
        "{rows:#?}"
    );
    assert!(
        rows.iter().any(|r| r.contains("https://例子.cn/䶮𠮷龘")),
        "{rows:#?}"
    );
}

#[test]
fn the_packet_is_copied_to_the_desktop_and_o_opens_it() {
    let tmp = tempfile::tempdir().expect("tmp");
    let home = tempfile::tempdir().expect("home");
    let desktop = home.path().join("Desktop");
    std::fs::create_dir(&desktop).expect("mkdir");
    let mut w = wizard(tmp.path(), Lang::Zh);
    w.copy_to = super::runtime::CopyTo::Folder(desktop.clone());
    loss_case(&mut w);
    typed(&mut w, "x");
    w.handle(ctrl('s'));
    wait_for_export(&mut w);
    let super::model::ExportStatus::Done(done) = w.app.export.status.clone() else {
        unreachable!("{:?}", w.app.export.status)
    };
    let copy = w.app.export.copy.clone().expect("a copy").expect("copied");
    assert_eq!(copy.parent(), Some(desktop.as_path()));
    assert_eq!(
        std::fs::read(&copy).expect("copy"),
        std::fs::read(&done.path).expect("packet")
    );
    let text = frame_rows(&w.app, w.case.state(), 200, 24).join("\n");
    assert!(text.contains("已复制一份到："), "{text}");
    assert!(text.contains(&copy.display().to_string()), "{text}");
    // o asks the system to open the copy; where it cannot, the path is shown.
    let effects = w.app.update(k(KeyCode::Char('o')), w.case.state());
    assert_eq!(effects, vec![super::message::Effect::OpenFile(copy.clone())]);
    w.app.update(Msg::Opened(false), w.case.state());
    let (status, _) = w.app.status.clone().expect("says where");
    assert!(status.contains(&copy.display().to_string()), "{status}");
}

#[test]
fn without_a_desktop_folder_the_packet_path_is_shown() {
    let tmp = tempfile::tempdir().expect("tmp");
    let mut w = wizard(tmp.path(), Lang::Zh);
    typed(&mut w, "x");
    w.handle(k(KeyCode::Esc));
    let done = crate::pdf::export::Exported {
        path: tmp.path().join("exports/leakaid-default.pdf"),
        pages: 3,
        warning: None,
        notes: Vec::new(),
        side_files: Vec::new(),
    };
    w.handle(Msg::Exported(
        Ok(done.clone()),
        Some(Err("没有找到桌面或下载文件夹".into())),
    ));
    let text = frame_rows(&w.app, w.case.state(), 200, 24).join("\n");
    assert!(
        text.contains("没有找到桌面或下载文件夹；请用上面的路径找到文件。"),
        "{text}"
    );
    let effects = w.app.update(k(KeyCode::Char('o')), w.case.state());
    assert_eq!(effects, vec![super::message::Effect::OpenFile(done.path)]);
}

#[test]
fn y_copies_the_warning_message_without_screen_line_breaks() {
    let tmp = tempfile::tempdir().expect("tmp");
    let mut w = wizard(tmp.path(), Lang::Zh);
    w.handle(Msg::Resize(40, 12));
    typed(&mut w, "3y");
    let copied = w.clipboard.clone().expect("copied");
    let message = crate::letters::brief::warning_message(w.case.state(), Lang::Zh);
    assert_eq!(copied, message);
    // The screen wraps it at 40 columns; the copy keeps each paragraph on one line.
    let longest = copied.lines().map(|l| l.chars().count()).max().unwrap_or(0);
    assert!(longest > 40, "{copied}");
    assert!(
        w.app
            .status
            .as_ref()
            .is_some_and(|s| s.0.starts_with("提醒消息已复制"))
    );
    typed(&mut w, "m");
    w.app.status = None;
    typed(&mut w, "y");
    assert!(w.app.status.is_some(), "y works on the message shown alone too");
    let seq = super::clipboard::osc52("打电话");
    assert!(seq.starts_with("\x1b]52;c;") && seq.ends_with('\x07'));
    use base64::Engine;
    let body = &seq["\x1b]52;c;".len()..seq.len() - 1];
    let decoded = base64::engine::general_purpose::STANDARD
        .decode(body)
        .expect("base64");
    assert_eq!(decoded, "打电话".as_bytes());
}

// ---- snapshots ----

/// The demo case plus hostile text, folded with fixed journal times so snapshots are stable.
fn sample_state() -> CaseState {
    let tmp = tempfile::tempdir().expect("tmp");
    sample_case(tmp.path())
}

/// Writes the sample case into `dir` and returns its state folded with fixed times.
fn sample_case(dir: &Path) -> CaseState {
    let mut case = Case::open(dir).expect("case");
    super::demo::populate(&mut case, &fixed_now()).expect("demo");
    let draft = EvidenceDraft {
        kind: Some(EvidenceKind::Web),
        counterpart: "https://例子.cn/䶮𠮷龘".into(),
        summary: "钓鱼网站 😀👨‍👩‍👧 \u{1b}[31m红字\u{202e}反向".into(),
        at: "14:30".into(),
        ..Default::default()
    };
    case.log(draft.validate(&fixed_now()).expect("valid"), &[])
        .expect("log");
    let base = fixed_now().timestamp().as_second() - 3600;
    let mut records = case.journal().read_from(0).expect("read").records;
    for r in &mut records {
        let z = jiff::Timestamp::from_second(base + r.seq as i64 * 60)
            .expect("ts")
            .to_zoned_datetime(fixed_now().time_zone().clone());
        r.ts = Moment::from_zoned(&z);
    }
    CaseState::fold(&records)
}

fn render(app: &App, state: &CaseState, w: u16, h: u16) -> (Terminal<TestBackend>, Option<Position>) {
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    let theme = Theme::new(true);
    let frame = t.draw(|f| view::draw(f, app, state, &theme)).expect("draw");
    let _ = frame;
    let cursor = if t.backend().cursor_visible() {
        t.backend_mut().get_cursor_position().ok()
    } else {
        None
    };
    (t, cursor)
}

fn go(keys: &'static str) -> impl Fn(&mut Wizard) {
    move |w: &mut Wizard| typed(w, keys)
}

#[test]
fn snapshots_of_every_screen() {
    type Setup = Box<dyn Fn(&mut Wizard)>;
    let screens: Vec<(&str, Setup)> = vec![
        ("dashboard", Box::new(go(""))),
        ("evidence", Box::new(go("1j"))),
        (
            "detail",
            Box::new(|w: &mut Wizard| {
                w.app.screen = Screen::Detail(crate::case::EntryId(3));
            }),
        ),
        ("step2", Box::new(go("2j"))),
        ("text_warning", Box::new(go("3m"))),
        ("text_brief", Box::new(go("4b"))),
        ("export", Box::new(go("x"))),
        (
            "export_done",
            Box::new(|w: &mut Wizard| {
                typed(w, "x");
                w.handle(k(KeyCode::Esc));
                w.app.export.status = super::model::ExportStatus::Done(crate::pdf::export::Exported {
                    path: "/home/zw/.local/share/leakaid/default/exports/leakaid-default-20261129-150000.pdf"
                        .into(),
                    pages: 4,
                    warning: crate::pdf::export::missing_warning_on_screen(w.app.lang, &['\u{2FFFF}']),
                    notes: Vec::new(),
                    side_files: Vec::new(),
                });
            }),
        ),
        (
            "export_running",
            Box::new(|w: &mut Wizard| {
                typed(w, "x");
                w.handle(k(KeyCode::Esc));
                w.app.export.status = super::model::ExportStatus::Running;
            }),
        ),
        (
            "form_add_report",
            Box::new(|w: &mut Wizard| {
                typed(w, "2a");
                w.handle(k(KeyCode::Right));
                w.handle(k(KeyCode::Tab));
            }),
        ),
        ("form_update_report", Box::new(go("2u"))),
        ("form_add_warning", Box::new(go("3a妈妈"))),
        ("form_add_consultation", Box::new(go("4a王律师"))),
        ("form_correct_warning", Box::new(go("3e"))),
        ("form_narrative", Box::new(go("2t"))),
        (
            "help_scrolled",
            Box::new(|w: &mut Wizard| {
                typed(w, "2?");
                w.handle(k(KeyCode::Down));
                w.handle(k(KeyCode::Down));
            }),
        ),
        ("step3", Box::new(go("3"))),
        ("step4", Box::new(go("4"))),
        ("checklist", Box::new(go("cj"))),
        (
            "checklist_how",
            Box::new(|w: &mut Wizard| {
                typed(w, "cj");
                w.handle(k(KeyCode::Enter));
            }),
        ),
        (
            "evidence_guide_focus",
            Box::new(|w: &mut Wizard| {
                typed(w, "1");
                w.handle(k(KeyCode::Tab));
                w.handle(k(KeyCode::Down));
            }),
        ),
        (
            "step2_text_focus",
            Box::new(|w: &mut Wizard| {
                typed(w, "2");
                w.handle(k(KeyCode::Tab));
                w.handle(k(KeyCode::Down));
            }),
        ),
        ("profile", Box::new(go("p"))),
        ("help", Box::new(go("1?"))),
        ("search", Box::new(go("1/号码"))),
        (
            "form_new",
            Box::new(|w: &mut Wizard| {
                typed(w, "n");
                typed(w, "13800138000");
                w.handle(k(KeyCode::Tab));
                typed(w, "自称客服😀䶮");
            }),
        ),
        (
            "form_transfer",
            Box::new(|w: &mut Wizard| {
                typed(w, "n13800138000");
                for _ in 0..5 {
                    w.handle(k(KeyCode::Tab));
                }
                typed(w, "5000");
                w.handle(k(KeyCode::Tab));
                typed(w, "6222 0212 3456 7890");
                w.handle(k(KeyCode::Tab));
                typed(w, "李某");
                w.handle(k(KeyCode::Tab));
                typed(w, "中国银行");
            }),
        ),
        (
            "form_knew",
            Box::new(|w: &mut Wizard| {
                typed(w, "n");
                w.handle(k(KeyCode::Tab));
                w.handle(k(KeyCode::Tab));
                typed(w, " ");
                w.handle(k(KeyCode::Right));
            }),
        ),
        (
            "form_correct",
            Box::new(|w: &mut Wizard| {
                w.app.screen = Screen::Detail(crate::case::EntryId(5));
                typed(w, "e");
            }),
        ),
        (
            "form_error",
            Box::new(|w: &mut Wizard| {
                typed(w, "n");
                w.handle(ctrl('s'));
            }),
        ),
        ("ime_hint", Box::new(go("你"))),
        (
            "form_at_yesterday",
            Box::new(|w: &mut Wizard| {
                typed(w, "ｎ１３８００１３８０００");
                for _ in 0..3 {
                    w.handle(k(KeyCode::Tab));
                }
                typed(w, "１６：３０");
            }),
        ),
        (
            "confirm_quit",
            Box::new(|w: &mut Wizard| {
                typed(w, "n1");
                w.handle(ctrl('q'));
            }),
        ),
    ];
    for lang in [Lang::Zh, Lang::En] {
        for (size_name, (cols, rows)) in [("80x24", (80, 24)), ("40x12", (40, 12))] {
            for (name, setup) in &screens {
                let tmp = tempfile::tempdir().expect("tmp");
                // The wizard works on the sample case; frames are drawn from the same events
                // folded with fixed times.
                let state = sample_case(tmp.path());
                let mut app_only = wizard(tmp.path(), lang);
                app_only.handle(Msg::Resize(cols, rows));
                setup(&mut app_only);
                let (t, cursor) = render(&app_only.app, &state, cols, rows);
                let lang_name = lang.pick("zh", "en");
                let snap = format!("{}\ncursor: {:?}", t.backend(), cursor);
                insta::assert_snapshot!(format!("{name}_{lang_name}_{size_name}"), snap);
                let focused_text = app_only
                    .app
                    .form
                    .as_ref()
                    .and_then(|f| f.focused())
                    .is_some_and(|f| matches!(f.input, super::form::Input::Text(_)));
                if focused_text && app_only.app.ask.is_none() {
                    assert!(cursor.is_some(), "{name}: a focused field places the cursor");
                }
            }
        }
    }
}

#[test]
fn the_too_small_screen_asks_for_a_bigger_window() {
    let state = sample_state();
    for lang in [Lang::Zh, Lang::En] {
        let app = App::new(lang, "default".into(), false);
        let (t, _) = render(&app, &state, 30, 8);
        insta::assert_snapshot!(
            format!("too_small_{}", lang.pick("zh", "en")),
            t.backend().to_string()
        );
    }
}

#[test]
fn cursor_sits_after_the_last_wide_character_typed() {
    let state = CaseState::default();
    let tmp = tempfile::tempdir().expect("tmp");
    let mut w = wizard(tmp.path(), Lang::Zh);
    w.handle(k(KeyCode::Char('n')));
    typed(&mut w, "号码😀");
    let (_, cursor) = render(&w.app, &state, 80, 24);
    // Label column "打到我的:" is 9 wide + 2, input starts at x = 1 + 10 = 11; row 3 is the
    // counterpart (title bar, form title, kind).
    let label_w = 2 + 8;
    assert_eq!(cursor, Some(Position::new(1 + label_w as u16 + 6, 3)));
}

#[test]
fn random_keys_and_sizes_never_panic() {
    use proptest::prelude::*;
    let tmp = tempfile::tempdir().expect("tmp");
    let mut case = Case::open(tmp.path()).expect("case");
    super::demo::populate(&mut case, &fixed_now()).expect("demo");
    drop(case);
    let key = prop_oneof![
        any::<char>().prop_map(|c| Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))),
        prop::sample::select(vec![
            'n', '1', '2', '3', '4', '0', 'c', 'p', 'e', 'd', 'a', 'f', '/', '?', 'j', 'k', ' ', 'x', 'u',
            'm', 'b', 't', 'g'
        ])
        .prop_map(|c| Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))),
        prop::sample::select(vec![
            KeyCode::Enter,
            KeyCode::Esc,
            KeyCode::Tab,
            KeyCode::BackTab,
            KeyCode::Up,
            KeyCode::Down,
            KeyCode::Left,
            KeyCode::Right,
            KeyCode::PageDown,
            KeyCode::PageUp,
            KeyCode::Backspace,
            KeyCode::Home,
            KeyCode::End,
        ])
        .prop_map(|c| Msg::Key(KeyEvent::new(c, KeyModifiers::NONE))),
        Just(Msg::Key(KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL))),
        (1u16..120, 1u16..50).prop_map(|(w, h)| Msg::Resize(w, h)),
        ".{0,40}".prop_map(Msg::Paste),
    ];
    let mut runner = proptest::test_runner::TestRunner::new(proptest::test_runner::Config {
        cases: 24,
        failure_persistence: None,
        ..Default::default()
    });
    let theme = Theme::new(false);
    runner
        .run(&prop::collection::vec(key, 1..300), |msgs| {
            let mut w = wizard(tmp.path(), Lang::Zh);
            let mut t = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
            for m in msgs {
                if let Msg::Resize(cols, rows) = m {
                    t.backend_mut().resize(cols, rows);
                    t.resize(ratatui::layout::Rect::new(0, 0, cols, rows))
                        .expect("resize");
                }
                w.handle(m);
                w.poll();
                w.app.quit = false;
                t.draw(|f| view::draw(f, &w.app, w.case.state(), &theme))
                    .expect("draw");
            }
            Ok(())
        })
        .expect("no panic");
}

#[test]
fn l_switches_the_language_and_remembers_it_only_where_allowed() {
    let tmp = tempfile::tempdir().expect("tmp");
    let data = tmp.path().join("data");
    let case_dir = data.join("default");
    let mut w = wizard(&case_dir, Lang::Zh).remember_settings_in(data.clone());
    // A stray L asks first; Enter keeps the language.
    w.handle(k(KeyCode::Char('L')));
    assert_eq!(w.app.ask, Some(Ask::Lang));
    w.handle(k(KeyCode::Enter));
    assert_eq!(w.app.lang, Lang::Zh);
    w.handle(k(KeyCode::Char('L')));
    typed(&mut w, "y");
    assert_eq!(w.app.lang, Lang::En);
    assert!(
        w.app
            .status
            .as_ref()
            .is_some_and(|(t, _)| t.contains("next time")),
        "{:?}",
        w.app.status
    );
    assert_eq!(crate::config::Config::load(&data).lang, Some(Lang::En));
    // The command line follows the saved setting when --lang is not given.
    typed(&mut w, "Ly");
    assert_eq!(w.app.lang, Lang::Zh);
    assert_eq!(crate::config::Config::load(&data).lang, Some(Lang::Zh));
    // Inside a text field, L is a letter.
    w.handle(k(KeyCode::Char('n')));
    typed(&mut w, "L");
    assert_eq!(w.app.lang, Lang::Zh);

    // Without a settings folder (the demo) the switch holds for this session only.
    let other = tempfile::tempdir().expect("tmp");
    let mut d = wizard(other.path(), Lang::Zh);
    typed(&mut d, "L是");
    assert_eq!(d.app.lang, Lang::En);
    assert!(
        d.app
            .status
            .as_ref()
            .is_some_and(|(t, _)| t.contains("this session"))
    );
    assert!(!other.path().join(crate::config::CONFIG_FILE).exists());
}

#[test]
fn the_desktop_copy_follows_the_setting_and_is_on_without_one() {
    let tmp = tempfile::tempdir().expect("tmp");
    let root = tempfile::tempdir().expect("settings");
    let open = |root: &Path| {
        let case = Case::open(tmp.path()).expect("case opens");
        Wizard::new(App::new(Lang::Zh, "default".into(), false), case)
            .remember_settings_in(root.to_path_buf())
    };
    assert_eq!(open(root.path()).copy_to, super::runtime::CopyTo::Visible);
    std::fs::write(crate::config::path_in(root.path()), "copy_to_desktop = false\n").expect("config");
    assert_eq!(open(root.path()).copy_to, super::runtime::CopyTo::Off);
}

#[test]
fn the_transfer_fields_appear_with_an_amount_lost_and_are_saved_and_corrected() {
    let tmp = tempfile::tempdir().expect("tmp");
    let mut w = wizard(tmp.path(), Lang::Zh);
    typed(&mut w, "n13800138000");
    let labels = |w: &Wizard| -> Vec<super::form::FieldId> {
        let f = w.app.form.as_ref().expect("form");
        (0..f.fields.len())
            .filter(|i| f.is_shown(*i))
            .map(|i| f.fields[i].id)
            .collect()
    };
    assert!(
        !labels(&w).contains(&super::form::FieldId::ToAccount),
        "hidden before a loss"
    );
    for _ in 0..5 {
        w.handle(k(KeyCode::Tab));
    }
    typed(&mut w, "５０００");
    assert!(labels(&w).contains(&super::form::FieldId::ToAccount));
    w.handle(k(KeyCode::Tab));
    typed(&mut w, "6222 0212 3456 7890");
    w.handle(k(KeyCode::Tab));
    typed(&mut w, "李某");
    w.handle(k(KeyCode::Tab));
    w.handle(k(KeyCode::Tab));
    // A transfer time the CLI would refuse is refused here with the same sentence.
    typed(&mut w, "明年");
    w.handle(ctrl('s'));
    let error = w
        .app
        .form
        .as_ref()
        .and_then(|f| f.error.clone())
        .expect("refused");
    assert!(error.contains("明年"), "{error}");
    for _ in 0..2 {
        w.handle(k(KeyCode::Backspace));
    }
    typed(&mut w, "昨天 14:05");
    let notice = w
        .app
        .form
        .as_ref()
        .and_then(|f| f.notice.clone())
        .expect("reads as");
    assert!(notice.contains("2026-11-28 14:05"), "{notice}");
    w.handle(k(KeyCode::Tab));
    typed(&mut w, "2026112912345");
    w.handle(k(KeyCode::Tab));
    typed(&mut w, "手机银行");
    w.handle(ctrl('s'));
    assert!(
        w.app.form.is_none(),
        "{:?}",
        w.app.form.as_ref().and_then(|f| f.error.clone())
    );
    let e = w.case.state().entry(crate::case::EntryId(1)).expect("E1").clone();
    assert_eq!(e.current.lost, Some(crate::case::Fen(500_000)));
    let t = e.current.transfer.clone().expect("transfer");
    assert_eq!(
        (
            t.account.as_str(),
            t.name.as_str(),
            t.bank.as_str(),
            t.txn.as_str(),
            t.method.as_str()
        ),
        ("6222 0212 3456 7890", "李某", "", "2026112912345", "手机银行")
    );
    assert_eq!(t.paid_at.map(|m| m.short()).as_deref(), Some("2026-11-28 14:05"));

    // The correct form opens with the transfer shown and corrects only what changed.
    w.app.screen = Screen::Detail(crate::case::EntryId(1));
    typed(&mut w, "e");
    assert!(labels(&w).contains(&super::form::FieldId::ToBank));
    let f = w.app.form.as_mut().expect("form");
    f.focus = f
        .fields
        .iter()
        .position(|x| x.id == super::form::FieldId::ToBank)
        .expect("bank");
    typed(&mut w, "工商银行");
    w.handle(ctrl('s'));
    assert!(w.app.form.is_none());
    let after = w.case.state().entry(crate::case::EntryId(1)).expect("E1").clone();
    let t2 = after.current.transfer.expect("transfer");
    assert_eq!(
        (t2.bank.as_str(), t2.account.as_str()),
        ("工商银行", "6222 0212 3456 7890")
    );
    assert!(matches!(
        events(tmp.path()).last(),
        Some(EventBody::EvidenceCorrected { changes, .. })
            if changes.transfer.as_ref().is_some_and(|t| t.bank == "工商银行" && t.account.is_empty())
    ));
}

#[test]
fn enter_on_a_report_shows_its_updates_in_order_with_their_times() {
    let tmp = tempfile::tempdir().expect("tmp");
    let mut w = wizard(tmp.path(), Lang::Zh);
    let now = fixed_now();
    let fields = crate::case::steps::ReportDraft {
        channel: "派出所".into(),
        at: "2026-11-28 10:00".into(),
        ..Default::default()
    }
    .validate(&now)
    .expect("valid");
    w.case.add_report(fields).expect("report");
    for (status, receipt) in [
        (crate::case::steps::ReportStatus::Accepted, "2026-118"),
        (crate::case::steps::ReportStatus::CaseOpened, "立案 88"),
    ] {
        let patch = crate::case::steps::ReportPatch {
            status: Some(status),
            receipt: Some(receipt.into()),
            ..Default::default()
        };
        w.case.update_report("R1", patch).expect("update");
    }
    typed(&mut w, "2");
    let before = frame_rows(&w.app, w.case.state(), 80, 24).join("\n");
    assert!(before.contains("按 Enter 查看选中报案的历史"), "{before}");
    w.handle(k(KeyCode::Enter));
    assert!(w.app.form.is_none(), "Enter shows the history; u updates");
    let text = frame_rows(&w.app, w.case.state(), 80, 24).join("\n");
    let first = text
        .find("状态 → 已受理（有回执）；回执编号 → 2026-118")
        .expect("first update");
    let second = text
        .find("状态 → 已立案；回执编号 → 立案 88")
        .expect("second update");
    assert!(
        text.contains("R1 的历史") && text.contains("记录报案：派出所") && first < second,
        "{text}"
    );
    w.handle(k(KeyCode::Enter));
    assert!(
        !frame_rows(&w.app, w.case.state(), 80, 24)
            .join("\n")
            .contains("R1 的历史")
    );
}

#[test]
fn warned_contacts_are_corrected_and_withdrawn_on_step_3_and_counted_as_people() {
    let tmp = tempfile::tempdir().expect("tmp");
    let mut w = wizard(tmp.path(), Lang::Zh);
    for who in ["妈妈", "妈妈 ", "李阿姨"] {
        typed(&mut w, "3a");
        typed(&mut w, who);
        w.handle(ctrl('s'));
    }
    w.handle(k(KeyCode::Esc));
    let dash = frame_rows(&w.app, w.case.state(), 80, 24).join("\n");
    assert!(dash.contains("已提醒 2 位亲友"), "{dash}");
    // Down chooses W2; e opens its correction with what it says now.
    typed(&mut w, "3");
    w.handle(k(KeyCode::Down));
    typed(&mut w, "e");
    let form = w.app.form.as_ref().expect("form");
    assert!(matches!(&form.kind, super::form::FormKind::CorrectWarning { id, .. } if id == "W2"));
    w.handle(k(KeyCode::Tab));
    typed(&mut w, "电话");
    w.handle(ctrl('s'));
    assert!(w.app.form.is_none());
    assert!(matches!(
        events(tmp.path()).last(),
        Some(EventBody::WarningCorrected { id, changes, .. }) if id == "W2" && changes.via.as_deref() == Some("电话")
    ));
    // d withdraws it; the reason is asked for by the field's name.
    typed(&mut w, "d");
    w.handle(ctrl('s'));
    let error = w
        .app
        .form
        .as_ref()
        .and_then(|f| f.error.clone())
        .expect("refused");
    assert!(error.contains("原因") && !error.contains("--"), "{error}");
    typed(&mut w, "重复记录");
    w.handle(ctrl('s'));
    assert!(w.case.state().warning_retracted("W2"));
    let step = frame_rows(&w.app, w.case.state(), 80, 24).join("\n");
    assert!(
        step.contains("已提醒 2 位") && step.contains("[已撤回] 妈妈"),
        "{step}"
    );
    // A withdrawn record cannot be changed: pressing e says why.
    typed(&mut w, "e");
    assert!(w.app.form.is_none());
    let (why, _) = w.app.status.clone().expect("why");
    assert!(why.contains("W2") && why.contains("撤回"), "{why}");
    // The original stays in the history.
    let h = w.case.state().warning_history.get("W2").expect("history");
    assert_eq!(h.original.via, "");
    assert_eq!(h.changes.len(), 2);

    // Step 4 the same way.
    typed(&mut w, "4a王律师");
    w.handle(ctrl('s'));
    typed(&mut w, "e");
    w.handle(k(KeyCode::Tab));
    typed(&mut w, "某某律所");
    w.handle(ctrl('s'));
    assert_eq!(
        w.case.state().consultation("L1").map(|(_, c)| c.firm.as_str()),
        Some("某某律所")
    );
}

// ---- startup: the case read in the background ----

fn loading_app(lang: Lang) -> App {
    let mut app = App::new(lang, "default".into(), false);
    app.clock = fixed_now;
    app
}

fn loaded(dir: &Path) -> super::startup::Incoming {
    super::startup::Incoming::Loaded(Ok(Box::new(Case::open(dir).expect("case opens"))))
}

fn ui(m: Msg) -> super::startup::Incoming {
    super::startup::Incoming::Ui(m)
}

#[test]
fn keys_pressed_while_the_case_is_read_wait_and_then_run_in_order() {
    use super::startup::{Session, Setup};
    let tmp = tempfile::tempdir().expect("tmp");
    let mut s = Session::loading(loading_app(Lang::Zh), Setup::default());
    s.handle(ui(Msg::Resize(80, 24))).expect("ok");
    s.handle(ui(Msg::Loading(60))).expect("ok");
    let rows = frame_rows(s.app(), s.state(), 80, 24).join("\n");
    assert!(rows.contains("正在读取… 60%"), "{rows}");
    assert!(rows.contains("q 退出"), "the key bar is there: {rows}");
    // n opens a new call, then the number typed into it: both wait.
    s.handle(ui(k(KeyCode::Char('n')))).expect("ok");
    for c in "13800138000".chars() {
        s.handle(ui(k(KeyCode::Char(c)))).expect("ok");
    }
    s.handle(ui(Msg::Paste("自称客服".into()))).expect("ok");
    assert!(s.wizard().is_none());
    assert!(!s.app().quit, "q typed after other keys waits its turn");
    assert!(s.app().form.is_none(), "nothing acts on a half-read case");
    let rows = frame_rows(s.app(), s.state(), 80, 24).join("\n");
    assert!(rows.contains("请稍候"), "{rows}");
    assert!(events(tmp.path()).is_empty());
    s.handle(loaded(tmp.path())).expect("ok");
    let w = s.wizard().expect("loaded");
    let form = w.app.form.as_ref().expect("n ran once the case was read");
    let typed: String = form
        .focused()
        .map(|f| format!("{:?}", f.input))
        .unwrap_or_default();
    assert!(typed.contains("13800138000自称客服"), "{typed}");
    assert_eq!(w.app.loading, None);
    assert!(w.app.waiting.is_empty());
    let rows = frame_rows(&w.app, w.case.state(), 80, 24).join("\n");
    assert!(!rows.contains("正在读取"), "{rows}");
}

#[test]
fn q_or_ctrl_c_while_the_case_is_read_leaves_at_once() {
    use super::startup::{Session, Setup};
    let mut s = Session::loading(loading_app(Lang::En), Setup::default());
    s.handle(ui(k(KeyCode::Char('ｑ')))).expect("ok");
    assert!(s.app().quit, "q before any other key quits");
    let mut s = Session::loading(loading_app(Lang::En), Setup::default());
    s.handle(ui(k(KeyCode::Char('1')))).expect("ok");
    s.handle(ui(ctrl('c'))).expect("ok");
    assert!(s.app().quit, "Ctrl-C always quits");
}

#[test]
fn a_case_that_cannot_be_read_ends_the_wait_with_its_sentence() {
    use super::startup::{Incoming, Session, Setup};
    let mut s = Session::loading(loading_app(Lang::Zh), Setup::default());
    let err = s.handle(Incoming::Loaded(Err("案件记录第 3 行损坏".into())));
    assert_eq!(err, Err("案件记录第 3 行损坏".to_string()));
}

#[test]
fn progress_counts_bytes_and_stays_below_100_until_loaded() {
    use super::startup::percent;
    assert_eq!(percent(0, 0), 0);
    assert_eq!(percent(600, 1000), 60);
    assert_eq!(percent(1000, 1000), 99);
    assert_eq!(percent(5000, 1000), 99);
}

#[test]
fn the_loader_reports_progress_then_the_case() {
    use super::startup::{Incoming, spawn_loader};
    let tmp = tempfile::tempdir().expect("tmp");
    crate::synthetic::write_case(tmp.path(), 3000).expect("case");
    let (tx, rx) = std::sync::mpsc::channel();
    spawn_loader(tmp.path().to_path_buf(), false, Lang::Zh, tx);
    let mut seen = Vec::new();
    let case = loop {
        match rx.recv().expect("the loader answers") {
            Incoming::Ui(Msg::Loading(p)) => seen.push(p),
            Incoming::Loaded(r) => break r.expect("loads"),
            Incoming::Ui(other) => unreachable!("{other:?}"),
        }
    };
    assert!(case.state().entries.len() > 1000);
    assert!(!seen.is_empty(), "progress was reported");
    assert!(seen.windows(2).all(|w| w[0] < w[1]), "{seen:?}");
}

#[test]
fn snapshots_of_the_loading_frame() {
    for lang in [Lang::Zh, Lang::En] {
        for (size_name, (cols, rows)) in [("80x24", (80, 24)), ("40x12", (40, 12))] {
            let mut app = loading_app(lang).starting();
            let empty = CaseState::default();
            app.update(Msg::Resize(cols, rows), &empty);
            app.update(Msg::Loading(60), &empty);
            app.update(k(KeyCode::Char('1')), &empty);
            let (t, _) = render(&app, &empty, cols, rows);
            insta::assert_snapshot!(
                format!("loading_{}_{size_name}", lang.pick("zh", "en")),
                t.backend().to_string()
            );
        }
    }
}

// ---- guidance on screen, Tab between a step's list and its text ----

#[test]
fn step_1_shows_the_guides_purpose_todos_and_mistakes_and_tab_scrolls_them() {
    let tmp = tempfile::tempdir().expect("tmp");
    let state = sample_case(tmp.path());
    let mut w = wizard(tmp.path(), Lang::Zh);
    typed(&mut w, "1");
    let guide = super::guide_text::guidance(
        crate::guide::StepId::CollectEvidence,
        Lang::Zh,
        &fixed_now(),
        &state,
    );
    let purpose: String = guide[0].1.chars().take(8).collect();
    let rows = frame_rows(&w.app, &state, 80, 24).join("\n");
    assert!(rows.contains(&purpose), "{rows}");
    assert!(rows.contains("↓ 还有"), "a marker says more is below: {rows}");
    assert!(rows.contains("Tab 看说明"), "{rows}");
    // Arrows move the list until Tab gives the text the focus.
    w.handle(k(KeyCode::Down));
    assert_eq!(w.app.list.selected, 1);
    w.handle(k(KeyCode::Tab));
    assert_eq!(w.app.focus, super::model::Pane::Text);
    for _ in 0..200 {
        w.handle(k(KeyCode::Down));
    }
    assert_eq!(w.app.list.selected, 1, "the list stays where it was");
    let rows = frame_rows(&w.app, &state, 80, 24).join("\n");
    assert!(rows.contains("Tab 回列表"), "{rows}");
    assert!(rows.contains("不要"), "the mistakes to avoid are reached: {rows}");
    assert!(!rows.contains("↓ 还有"), "scrolled to the end: {rows}");
    w.handle(k(KeyCode::Tab));
    w.handle(k(KeyCode::Down));
    assert_eq!(w.app.list.selected, 2);
}

#[test]
fn tab_on_step_2_moves_the_arrows_from_the_reports_to_the_text() {
    let tmp = tempfile::tempdir().expect("tmp");
    let state = sample_case(tmp.path());
    let mut w = wizard(tmp.path(), Lang::En);
    typed(&mut w, "2");
    w.handle(k(KeyCode::Down));
    assert_eq!(w.app.steps.report_sel, 1);
    assert_eq!(w.app.scroll, 0);
    w.handle(k(KeyCode::Tab));
    w.handle(k(KeyCode::Down));
    w.handle(k(KeyCode::Down));
    assert_eq!(w.app.steps.report_sel, 1);
    assert_eq!(w.app.scroll, 2);
    let rows = frame_rows(&w.app, &state, 80, 24).join("\n");
    assert!(rows.contains("Tab to list"), "{rows}");
    // Leaving the step puts the focus back on the list.
    typed(&mut w, "0");
    typed(&mut w, "2");
    assert_eq!(w.app.focus, super::model::Pane::List);
}

#[test]
fn enter_on_a_checklist_item_opens_its_how_to_and_esc_returns_to_it() {
    let tmp = tempfile::tempdir().expect("tmp");
    let state = sample_case(tmp.path());
    for lang in [Lang::Zh, Lang::En] {
        let mut w = wizard(tmp.path(), lang);
        let before = events(tmp.path()).len();
        typed(&mut w, "cjjj");
        let (title, how) = super::guide_text::checklist_how(lang, 3).expect("item 3");
        w.handle(k(KeyCode::Enter));
        assert_eq!(w.app.screen, Screen::Text(super::keys::TextView::How(3)));
        let rows = frame_rows(&w.app, &state, 80, 24).join("\n");
        assert!(
            rows.contains(&title.chars().take(6).collect::<String>()),
            "{rows}"
        );
        let start: String = how.chars().take(10).collect();
        assert!(rows.contains(&start), "{rows}");
        w.handle(k(KeyCode::Esc));
        assert_eq!(w.app.screen, Screen::Checklist);
        assert_eq!(w.app.checklist.sel, 3, "back on the same item");
        assert_eq!(events(tmp.path()).len(), before, "Enter reads; it never ticks");
    }
}

#[test]
fn times_show_in_the_clocks_zone_with_the_zone_named_once() {
    fn utc_now() -> ZonedDateTime {
        "2026-11-29T07:00:00+00:00[UTC]"
            .parse()
            .unwrap_or_else(|_| ZonedDateTime::now())
    }
    let tmp = tempfile::tempdir().expect("tmp");
    let state = sample_case(tmp.path());
    let mut w = wizard(tmp.path(), Lang::Zh);
    typed(&mut w, "1");
    let rows = frame_rows(&w.app, &state, 80, 24).join("\n");
    assert!(rows.contains("时间均为本地时间（UTC+08:00）"), "{rows}");
    assert!(rows.contains("2026-11-29 14:30"), "{rows}");
    // The same case on a machine whose zone is UTC: the same moments, read in UTC.
    w.app.clock = utc_now;
    let rows = frame_rows(&w.app, &state, 80, 24).join("\n");
    assert!(rows.contains("时间均为本地时间（UTC+00:00）"), "{rows}");
    assert!(rows.contains("2026-11-29 06:30"), "{rows}");
    assert!(!rows.contains("+00:00 "), "{rows}");
}

#[test]
fn an_emails_subject_line_reads_in_the_wizards_language_without_rewriting_the_record() {
    let tmp = tempfile::tempdir().expect("tmp");
    let mut case = Case::open(tmp.path()).expect("case");
    let draft = EvidenceDraft {
        kind: Some(EvidenceKind::Email),
        counterpart: "hr@tax-refund-gov.cn".into(),
        summary: "主题：个税退税通知".into(),
        at: "14:30".into(),
        email: Some(Box::new(crate::evidence::email::EmailFacts {
            subject: "个税退税通知".into(),
            ..Default::default()
        })),
        ..Default::default()
    };
    case.log(draft.validate(&fixed_now()).expect("valid"), &[])
        .expect("log");
    drop(case);
    let mut w = wizard(tmp.path(), Lang::En);
    typed(&mut w, "1");
    let rows = frame_rows(&w.app, w.case.state(), 80, 24).join("\n");
    assert!(rows.contains("Subject: 个税退税通知"), "{rows}");
    w.handle(k(KeyCode::Enter));
    let rows = frame_rows(&w.app, w.case.state(), 80, 24).join("\n");
    assert!(rows.contains("Subject: 个税退税通知"), "{rows}");
    assert!(!rows.contains("主题："), "{rows}");
    let journal = std::fs::read_to_string(tmp.path().join("journal.jsonl")).expect("journal");
    assert!(
        journal.contains("主题：个税退税通知"),
        "the record keeps what was written"
    );
}

mod bundle;
mod letters;
mod refusal;
mod walkthrough;

#[test]
fn b_on_step_1_opens_a_bill_space_ticks_and_enter_records_the_ticked_transfers() {
    let tmp = tempfile::tempdir().expect("tmp");
    let mut w = wizard(tmp.path(), Lang::Zh);
    let bill = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bill/alipay.csv");
    typed(&mut w, "1b");
    assert!(w.app.form.is_some(), "b asks for the bill file");
    typed(&mut w, &bill.display().to_string());
    w.handle(ctrl('s'));
    assert_eq!(
        w.app.screen,
        Screen::Bill,
        "{:?}",
        w.app.form.as_ref().map(|f| &f.error)
    );
    let (t, _) = render(&w.app, w.case.state(), 80, 24);
    let shown: String = t
        .backend()
        .buffer()
        .content()
        .iter()
        .map(|c| c.symbol())
        .collect::<String>()
        .replace(' ', "");
    assert!(shown.contains("[]1.2026-11-2810:12"), "{shown}");
    assert!(shown.contains("另有3行"), "{shown}");
    // Enter with nothing ticked records nothing.
    w.handle(k(KeyCode::Enter));
    assert!(w.case.state().entries.is_empty());
    w.handle(k(KeyCode::Char(' ')));
    w.handle(k(KeyCode::Down));
    w.handle(k(KeyCode::Char(' ')));
    w.handle(k(KeyCode::Char(' ')));
    w.handle(k(KeyCode::Enter));
    let state = w.case.state();
    assert_eq!(state.entries.len(), 1, "only the row still ticked");
    let t = state.entries[0]
        .current
        .transfer
        .as_deref()
        .cloned()
        .unwrap_or_default();
    assert_eq!(t.account, "138****5521");
    assert_eq!(t.txn, "20261128200040011100880012345678");
    assert_eq!(
        state.entries[0].attachments.len(),
        1,
        "the bill is the attachment"
    );
    assert_eq!(w.app.screen, Screen::Evidence);
    let status = w.app.status.clone().map(|s| s.0).unwrap_or_default();
    assert!(status.contains("E1"), "{status}");
    // The dashboard's loss line counts it.
    let next = super::next_step::next_action(&w.app, w.case.state());
    assert!(next.contains("138****5521"), "{next}");
}

/// A journal emptied while the vault keeps the evidence files opens as a damaged case, not
/// as a new one; a new case opens without that line.
#[test]
fn an_emptied_journal_with_evidence_files_opens_as_damaged() {
    use super::startup::{Session, Setup};
    let tmp = tempfile::tempdir().expect("tmp");
    let shot = tmp.path().join("shot.png");
    std::fs::write(&shot, b"\x89PNG a screenshot").expect("write");
    let case_dir = tmp.path().join("case");
    let draft = EvidenceDraft {
        kind: Some(EvidenceKind::Call),
        counterpart: "13800138000".into(),
        ..Default::default()
    };
    Case::open(&case_dir)
        .expect("case")
        .log(draft.validate(&fixed_now()).expect("valid"), &[shot])
        .expect("logged");
    let open = |dir: &Path| {
        let mut s = Session::loading(loading_app(Lang::Zh), Setup::default());
        s.handle(loaded(dir)).expect("ok");
        s.wizard().expect("loaded").app.status.clone()
    };
    assert_eq!(open(&case_dir), None, "an intact case opens quietly");
    std::fs::write(case_dir.join(crate::journal::JOURNAL_FILE), b"").expect("empty it");
    let (line, is_error) = open(&case_dir).expect("says so");
    assert!(is_error);
    assert!(
        line.contains("已损坏") && line.contains("leakaid verify"),
        "{line}"
    );
    assert_eq!(open(&tmp.path().join("new")), None, "a new case is not damaged");
}

#[test]
fn the_dashboard_shows_the_last_backup_and_whether_the_case_changed_since() {
    let tmp = tempfile::tempdir().expect("tmp");
    let data = tmp.path().join("data");
    let case_dir = data.join("default");
    let mut w = wizard(&case_dir, Lang::Zh);
    typed(&mut w, "n13800138000");
    w.handle(ctrl('s'));
    let export_row = |w: &Wizard| -> String {
        frame_rows(&w.app, w.case.state(), 80, 24)
            .into_iter()
            .find(|r| {
                r.contains("x 报案材料") || r.contains("x Complaint") || r.trim_start().starts_with("x ")
            })
            .unwrap_or_default()
    };
    // Never backed up: no word about it.
    let w2 = wizard(&case_dir, Lang::Zh).remember_settings_in(data.clone());
    assert!(!export_row(&w2).contains("备份"), "{}", export_row(&w2));
    // Backed up on 1 December with every line the case has: the date, nothing more.
    let lines = w.case.state().fingerprint.count;
    let mut c = crate::config::Config::load(&data);
    c.backups.insert(
        "default".into(),
        crate::config::LastBackup {
            at: "2026-12-01T02:00:00Z".parse().expect("time"),
            lines,
        },
    );
    c.save(&data).expect("save");
    let mut w = wizard(&case_dir, Lang::Zh).remember_settings_in(data.clone());
    let row = export_row(&w);
    assert!(
        row.contains("上次备份：12月1日") && !row.contains("之后有新记录"),
        "{row}"
    );
    // One more record: the case changed since.
    typed(&mut w, "n10086");
    w.handle(ctrl('s'));
    let row = export_row(&w);
    assert!(row.contains("上次备份：12月1日；之后有新记录"), "{row}");
    w.app.lang = Lang::En;
    w.app.s = super::strings::strings(Lang::En);
    let row = export_row(&w);
    assert!(
        row.contains("make the printable PDF; backup 1 Dec, changed since"),
        "{row}"
    );
}
