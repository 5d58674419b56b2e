//! The letters screen: reached with w from step 2, the letters the case calls for first, one
//! opened says what it carries, s saves the PDF and the text (and a copy on the Desktop), r
//! records it as sent with the follow-up date of the channel's period; snapshots at 80x24 and
//! 40x12 in both languages.

use std::path::Path;

use crossterm::event::KeyCode;

use super::{ctrl, events, fixed_now, frame_rows, k, render, sample_case, typed, wizard};
use crate::case::Case;
use crate::case::event::EventBody;
use crate::case::sent::SentVia;
use crate::i18n::Lang;
use crate::letters::LetterKind;
use crate::tui::letters::{Choice, SavedLetter};
use crate::tui::message::Msg;
use crate::tui::model::Screen;
use crate::tui::runtime::{CopyTo, Wizard};

/// The sample case in `dir` and a wizard on it whose copies go to `desktop`.
fn on_sample(dir: &Path, desktop: &Path, lang: Lang) -> Wizard {
    let mut case = Case::open(dir).expect("case");
    crate::tui::demo::populate(&mut case, &fixed_now()).expect("demo");
    drop(case);
    let mut w = wizard(dir, lang);
    w.copy_to = CopyTo::Folder(desktop.to_path_buf());
    w
}

/// The letters screen's rows as the wizard ranks them.
fn rows(w: &Wizard) -> Vec<Choice> {
    w.app.outlook.of(w.case.state()).letters(w.case.state()).to_vec()
}

/// Presses s and waits for the letter.
fn save(w: &mut Wizard) {
    typed(w, "s");
    wait(w);
}

/// Waits for the letter worker (at most two minutes).
fn wait(w: &mut Wizard) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
    while w.saving_letter() && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(20));
        w.poll();
    }
}

/// Moves the selection to `kind` on the open letters list and opens it.
fn open(w: &mut Wizard, kind: LetterKind) {
    let at = rows(w)
        .iter()
        .position(|c| c.kind == kind)
        .expect("every kind is listed");
    for _ in 0..6 {
        w.handle(k(KeyCode::Up));
    }
    for _ in 0..at {
        w.handle(k(KeyCode::Down));
    }
    w.handle(k(KeyCode::Enter));
    assert_eq!(w.app.letters.open, Some(kind));
}

#[test]
fn w_on_step_2_lists_the_letters_the_case_calls_for_first() {
    let tmp = tempfile::tempdir().expect("tmp");
    let desk = tempfile::tempdir().expect("desk");
    let mut w = on_sample(tmp.path(), desk.path(), Lang::Zh);
    typed(&mut w, "2");
    let bar = frame_rows(&w.app, w.case.state(), 80, 24)
        .pop()
        .unwrap_or_default();
    assert!(bar.contains("w 写信"), "step 2 names the key: {bar}");
    typed(&mut w, "w");
    assert_eq!(w.app.screen, Screen::Letters);
    let rows = rows(&w);
    // The sample case has harassing calls, SMS and email, an account opened in the victim's
    // name and callers who knew her details; nobody suspects a named shop.
    let first: Vec<LetterKind> = rows
        .iter()
        .take_while(|c| c.fit.is_some())
        .map(|c| c.kind)
        .collect();
    for kind in [
        LetterKind::Spam12321,
        LetterKind::Carrier,
        LetterKind::Regulator,
        LetterKind::Credit,
    ] {
        assert!(first.contains(&kind), "{kind:?} is recommended: {first:?}");
    }
    assert_eq!(rows.last().map(|c| c.fit.is_some()), Some(false));
    let text = frame_rows(&w.app, w.case.state(), 80, 24).join("\n");
    assert!(text.contains("* 12321举报材料"), "{text}");
    assert!(text.contains("个骚扰号码或发件人"), "{text}");
    // Esc goes back to step 2; w works from any screen.
    w.handle(k(KeyCode::Esc));
    assert_eq!(w.app.screen, Screen::Step(crate::guide::StepId::Report));
    typed(&mut w, "0w");
    assert_eq!(w.app.screen, Screen::Letters);
}

#[test]
fn s_saves_the_pdf_and_text_with_a_copy_and_r_records_it_sent() {
    let tmp = tempfile::tempdir().expect("tmp");
    let desk = tempfile::tempdir().expect("desk");
    let mut w = on_sample(tmp.path(), desk.path(), Lang::Zh);
    typed(&mut w, "w");
    open(&mut w, LetterKind::Carrier);
    let before = events(tmp.path()).len();
    // r before saving says what to do and records nothing.
    typed(&mut w, "r");
    assert!(w.app.form.is_none());
    assert!(
        w.app
            .status
            .as_ref()
            .is_some_and(|(t, err)| *err && t.contains("先按 s"))
    );
    // What it carries is said before saving.
    let text = frame_rows(&w.app, w.case.state(), 80, 24).join("\n");
    assert!(text.contains("包含你的姓名"), "{text}");
    assert!(text.contains("15日"), "the carrier's period: {text}");
    save(&mut w);
    let saved = w.app.letters.saved.clone().expect("saved");
    assert!(
        saved.pdf.starts_with(tmp.path().join("exports")),
        "{}",
        saved.pdf.display()
    );
    let pdf = std::fs::read(&saved.pdf).expect("pdf");
    assert!(pdf.starts_with(b"%PDF"));
    let txt = std::fs::read_to_string(&saved.text).expect("text");
    assert!(txt.contains("12300"), "{txt}");
    let copy = saved.copy.clone().expect("copied");
    assert_eq!(copy.parent(), Some(desk.path()));
    assert_eq!(std::fs::read(&copy).expect("copy"), pdf);
    assert!(
        desk.path().join(saved.text.file_name().expect("name")).is_file(),
        "the text is copied too"
    );
    use sha2::Digest;
    assert_eq!(saved.sha256, hex::encode(sha2::Sha256::digest(&pdf)));
    assert_eq!(
        events(tmp.path()).len(),
        before,
        "saving a letter writes nothing to the journal"
    );

    // r: how (web form) and when; the report carries the letter and the carrier's 15 days.
    typed(&mut w, "r");
    w.handle(k(KeyCode::Right));
    w.handle(k(KeyCode::Tab));
    typed(&mut w, "11月28日");
    w.handle(ctrl('s'));
    assert!(
        w.app.form.is_none(),
        "{:?}",
        w.app.form.as_ref().and_then(|f| f.error.clone())
    );
    let ev = events(tmp.path());
    let Some(EventBody::ReportAdded { id, fields }) = ev.last() else {
        unreachable!("not a report: {:?}", ev.last())
    };
    let letter = fields.letter.as_ref().expect("the letter");
    assert_eq!(letter.kind, "carrier");
    assert_eq!(letter.via, SentVia::WebForm);
    assert_eq!(letter.sha256, saved.sha256);
    assert_eq!(fields.channel.as_str(), saved.recipient);
    assert_eq!(
        crate::case::steps::day_text(fields.follow_up),
        "2026-12-13",
        "11-28 + 15 days"
    );
    // Step 2 and the dashboard show it like any report.
    typed(&mut w, "2");
    let step2 = frame_rows(&w.app, w.case.state(), 80, 24).join("\n");
    assert!(
        step2.contains(&format!("{id} 2026-11-28")) && step2.contains("已发出，等待答复"),
        "{step2}"
    );
    typed(&mut w, "0");
    let dash = frame_rows(&w.app, w.case.state(), 120, 24).join("\n");
    assert!(dash.contains(&format!("寄信 1 封，{id} 12-13 跟进")), "{dash}");
}

#[test]
fn the_company_letter_asks_whom_it_goes_to_before_saving() {
    let tmp = tempfile::tempdir().expect("tmp");
    let desk = tempfile::tempdir().expect("desk");
    let mut w = on_sample(tmp.path(), desk.path(), Lang::En);
    typed(&mut w, "w");
    open(&mut w, LetterKind::Company);
    // What it carries is said before saving; the ID number is offered in the save form, and no
    // command-line option is named on screen.
    let shown = frame_rows(&w.app, w.case.state(), 250, 24).join("\n");
    assert!(shown.contains("leaves out your ID number"), "{shown}");
    assert!(shown.contains("you can add it when saving"), "{shown}");
    assert!(!shown.contains("--"), "{shown}");
    typed(&mut w, "s");
    assert!(w.app.form.is_some(), "a form asks for the recipient");
    w.handle(ctrl('s'));
    let err = w
        .app
        .form
        .as_ref()
        .and_then(|f| f.error.clone())
        .expect("refused");
    assert!(err.contains("recipient"), "{err}");
    assert!(w.app.letters.saved.is_none());
    typed(&mut w, "某某网店有限公司");
    w.handle(k(KeyCode::Tab));
    w.handle(k(KeyCode::Right));
    w.handle(ctrl('s'));
    wait(&mut w);
    assert!(w.app.form.is_none());
    let saved = w.app.letters.saved.clone().expect("saved");
    assert_eq!(saved.recipient, "某某网店有限公司");
    let txt = std::fs::read_to_string(&saved.text).expect("text");
    assert!(txt.contains("某某网店有限公司"), "{txt}");
    assert!(
        txt.contains("11010519491231002X"),
        "the ID number, as chosen: {txt}"
    );
    // No source gives a company a reply period: recorded without a date, and the screen says so.
    typed(&mut w, "r");
    w.handle(ctrl('s'));
    let Some(EventBody::ReportAdded { fields, .. }) = events(tmp.path()).pop() else {
        unreachable!("no report")
    };
    assert_eq!(fields.follow_up, None);
    assert_eq!(fields.letter.map(|l| l.via), Some(SentVia::Post));
    let text = frame_rows(&w.app, w.case.state(), 120, 24).join("\n");
    assert!(text.contains("No source gives a reply period"), "{text}");
    assert!(!text.contains("--"), "{text}");
    // The letter sent ticks "ask the company to delete"; it is not a report to the police.
    use crate::case::signals::done_by_record;
    use crate::guide::ChecklistId;
    let state = w.case.state();
    let letter_report = state.reports.last().map(|r| r.id.to_string());
    assert_eq!(
        done_by_record(state, ChecklistId::AskCompanyToDelete).map(str::to_string),
        letter_report
    );
    assert_ne!(
        done_by_record(state, ChecklistId::ReportToPolice).map(str::to_string),
        letter_report
    );
}

#[test]
fn snapshots_of_the_letters_screen() {
    type Setup = Box<dyn Fn(&mut Wizard)>;
    let screens: Vec<(&str, Setup)> = vec![
        ("letters", Box::new(|w: &mut Wizard| typed(w, "2w"))),
        (
            "letter_open",
            Box::new(|w: &mut Wizard| {
                typed(w, "2w");
                open(w, LetterKind::Carrier);
            }),
        ),
        (
            "letter_saved",
            Box::new(|w: &mut Wizard| {
                typed(w, "2w");
                open(w, LetterKind::Carrier);
                let saved = SavedLetter {
                    kind: LetterKind::Carrier,
                    recipient: "电信运营商客服部门".into(),
                    pdf: "/home/zw/.local/share/leakaid/default/exports/leakaid-default-carrier-20261129-150000.pdf"
                        .into(),
                    text: "/home/zw/.local/share/leakaid/default/exports/leakaid-default-carrier-20261129-150000.txt"
                        .into(),
                    copy: Ok("/home/zw/Desktop/leakaid-default-carrier-20261129-150000.pdf".into()),
                    sha256: "ab".repeat(32),
                };
                w.handle(Msg::LetterSaved(Ok(saved)));
            }),
        ),
        (
            "letter_sent_form",
            Box::new(|w: &mut Wizard| {
                typed(w, "2w");
                open(w, LetterKind::Carrier);
                save(w);
                typed(w, "r");
            }),
        ),
    ];
    for lang in [Lang::Zh, Lang::En] {
        for (size_name, (cols, rows)) in [("80x24", (80, 24)), ("40x12", (40, 12))] {
            for (name, setup) in &screens {
                let tmp = tempfile::tempdir().expect("tmp");
                let state = sample_case(tmp.path());
                let mut w = wizard(tmp.path(), lang);
                w.handle(Msg::Resize(cols, rows));
                setup(&mut w);
                let (t, cursor) = render(&w.app, &state, cols, rows);
                let lang_name = lang.pick("zh", "en");
                insta::assert_snapshot!(
                    format!("{name}_{lang_name}_{size_name}"),
                    format!("{}\ncursor: {:?}", t.backend(), cursor)
                );
            }
        }
    }
}

#[test]
fn a_letter_without_a_name_to_sign_says_which_key_fills_it_in() {
    for (lang, key) in [(Lang::Zh, "按 p"), (Lang::En, "press p")] {
        let tmp = tempfile::tempdir().expect("tmp");
        let mut w = wizard(tmp.path(), lang);
        typed(&mut w, "n13800138000");
        w.handle(ctrl('s'));
        typed(&mut w, "2w");
        open(&mut w, LetterKind::Spam12321);
        let shown = frame_rows(&w.app, w.case.state(), 120, 24).join("\n");
        assert!(shown.contains(key), "{shown}");
        assert!(!shown.contains("--") && !shown.contains("profile set"), "{shown}");
    }
}

#[test]
fn a_letter_sent_is_counted_as_a_letter_not_as_a_report_to_the_police() {
    use crate::case::sent::SentLetterDraft;
    use crate::case::steps::ReportDraft;
    let tmp = tempfile::tempdir().expect("tmp");
    let mut case = Case::open(tmp.path()).expect("case");
    let call = crate::case::EvidenceDraft {
        kind: Some(crate::case::EvidenceKind::Call),
        counterpart: "13800138000".into(),
        ..Default::default()
    };
    case.log(call.validate(&fixed_now()).expect("valid"), &[])
        .expect("logged");
    let letter = ReportDraft {
        channel: "电信运营商客服".into(),
        at: "2026-11-28".into(),
        letter: Some(SentLetterDraft {
            kind: "carrier".into(),
            via: "post".into(),
            sha256: String::new(),
        }),
        ..Default::default()
    };
    case.add_report(letter.validate(&fixed_now()).expect("valid"))
        .expect("recorded");
    drop(case);
    for (lang, said, not_said) in [
        (Lang::Zh, "还没有报案；寄信 1 封", "已报案"),
        (Lang::En, "nothing reported yet; letters sent: 1", "1 report"),
    ] {
        let mut w = wizard(tmp.path(), lang);
        let dash = frame_rows(&w.app, w.case.state(), 120, 24).join("\n");
        assert!(dash.contains(said), "{dash}");
        assert!(!dash.contains(not_said), "{dash}");
        typed(&mut w, "2");
        let step2 = frame_rows(&w.app, w.case.state(), 120, 24).join("\n");
        assert!(step2.contains(said), "step 2 counts the same way: {step2}");
    }
}

#[test]
fn the_letters_are_ranked_once_per_change_of_the_case_not_once_per_frame() {
    let tmp = tempfile::tempdir().expect("tmp");
    let desk = tempfile::tempdir().expect("desk");
    let mut w = on_sample(tmp.path(), desk.path(), Lang::Zh);
    typed(&mut w, "2w");
    assert_eq!(w.app.screen, Screen::Letters);
    let first = w.app.outlook.of(w.case.state());
    let before = w.app.outlook.worked_out();
    let ranked = first.letters(w.case.state()).as_ptr();
    // Frames and keys while the case stands still reuse the same rows.
    for _ in 0..5 {
        frame_rows(&w.app, w.case.state(), 80, 24);
        w.handle(k(KeyCode::Down));
    }
    open(&mut w, LetterKind::Carrier);
    let opened = w.app.outlook.of(w.case.state());
    let req = crate::letters::LetterRequest::new(LetterKind::Carrier, fixed_now().date(), Lang::Zh);
    let made = opened.letter(w.case.state(), &req);
    for _ in 0..3 {
        frame_rows(&w.app, w.case.state(), 80, 24);
    }
    assert!(std::rc::Rc::ptr_eq(&made, &opened.letter(w.case.state(), &req)));
    assert_eq!(w.app.outlook.worked_out(), before, "nothing is worked out again");
    assert_eq!(opened.letters(w.case.state()).as_ptr(), ranked, "the same rows");

    // A new harassing number logged (here or in another terminal) is seen at the next frame.
    let harassers = |w: &Wizard| {
        rows(w).iter().find_map(|c| match c.fit {
            Some(crate::tui::letters::Fit::Harassers(n)) => Some(n),
            _ => None,
        })
    };
    let n = harassers(&w).expect("the sample has harassers");
    let call = crate::case::EvidenceDraft {
        kind: Some(crate::case::EvidenceKind::Call),
        counterpart: "17000000001".into(),
        ..Default::default()
    };
    w.case
        .log(call.validate(&fixed_now()).expect("valid"), &[])
        .expect("logged");
    frame_rows(&w.app, w.case.state(), 80, 24);
    assert_eq!(
        w.app.outlook.worked_out(),
        before + 1,
        "worked out once for the change"
    );
    assert_eq!(harassers(&w), Some(n + 1));
    frame_rows(&w.app, w.case.state(), 80, 24);
    assert_eq!(w.app.outlook.worked_out(), before + 1);
}
