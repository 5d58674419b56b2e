//! What a first-time user ran into, walking through the wizard in a terminal at 80x24 and
//! 40x12: a refused value that left the cursor elsewhere and did not say which of two time
//! fields it meant; a message cut at the window's edge; a dashboard hint naming a key that
//! does nothing there; command-line notation in the Chinese time hint; a loss saved without
//! saying what to do at once; a form header and a help line that said the wrong thing.

use crossterm::event::KeyCode;

use super::{ctrl, frame_rows, k, typed, wizard};
use crate::i18n::Lang;
use crate::tui::form::FieldId;

/// The new-call form with an amount lost and the receiving account typed in, the focus on the
/// account.
fn call_with_loss(w: &mut crate::tui::runtime::Wizard) {
    typed(w, "n13800138000");
    // Counterpart → summary, knew, time, my number, amount lost.
    for _ in 0..5 {
        w.handle(k(KeyCode::Tab));
    }
    typed(w, "５００００");
    w.handle(k(KeyCode::Tab));
    typed(w, "6222 0212 3456 7890");
}

/// A wizard on a new case in `dir` in which a call with money lost was just saved.
fn after_a_loss(dir: &std::path::Path, lang: Lang) -> crate::tui::runtime::Wizard {
    let mut w = wizard(dir, lang);
    call_with_loss(&mut w);
    w.handle(ctrl('s'));
    assert!(w.app.form.is_none(), "saved: {}", form_error(&w));
    w
}

fn focused(w: &crate::tui::runtime::Wizard) -> Option<FieldId> {
    w.app.form.as_ref().and_then(|f| f.focused()).map(|f| f.id)
}

fn form_error(w: &crate::tui::runtime::Wizard) -> String {
    w.app
        .form
        .as_ref()
        .and_then(|f| f.error.clone())
        .unwrap_or_default()
}

#[test]
fn a_refused_value_gets_the_cursor_and_the_message_names_its_field() {
    let tmp = tempfile::tempdir().expect("tmp");
    let mut w = wizard(tmp.path(), Lang::Zh);
    call_with_loss(&mut w);
    // Account → name, bank, transfer time: a time still to come (the clock is 11-29 15:00).
    for _ in 0..3 {
        w.handle(k(KeyCode::Tab));
    }
    typed(&mut w, "今天 16:30");
    // The user goes on to the last field and saves from there.
    w.handle(k(KeyCode::Tab));
    w.handle(k(KeyCode::Tab));
    typed(&mut w, "手机银行");
    assert_eq!(focused(&w), Some(FieldId::PaidVia));
    w.handle(ctrl('s'));
    let error = form_error(&w);
    assert!(
        error.starts_with("转账时间: "),
        "the transfer time, not the call's: {error}"
    );
    assert!(error.contains("还没到"), "{error}");
    assert_eq!(
        focused(&w),
        Some(FieldId::PaidAt),
        "the cursor is on the refused field"
    );

    // A field whose message already names it is not named twice.
    let tmp = tempfile::tempdir().expect("tmp");
    let mut w = wizard(tmp.path(), Lang::Zh);
    typed(&mut w, "n13800138000");
    for _ in 0..3 {
        w.handle(k(KeyCode::Tab));
    }
    assert_eq!(focused(&w), Some(FieldId::At));
    typed(&mut w, "明年");
    w.handle(k(KeyCode::Tab));
    w.handle(ctrl('s'));
    let error = form_error(&w);
    assert!(error.starts_with("看不懂时间“明年”"), "{error}");
    assert_eq!(focused(&w), Some(FieldId::At));
}

#[test]
fn a_long_message_wraps_above_the_key_bar_instead_of_being_cut() {
    let tmp = tempfile::tempdir().expect("tmp");
    let mut w = wizard(tmp.path(), Lang::Zh);
    typed(&mut w, "pe张伟");
    w.handle(k(KeyCode::Tab));
    typed(&mut w, "110101199003071234");
    w.handle(k(KeyCode::Tab));
    w.handle(ctrl('s'));
    let error = form_error(&w);
    assert!(error.ends_with("请对照身份证核对后再输入。"), "{error}");
    assert_eq!(focused(&w), Some(FieldId::IdNumber));
    for (width, height) in [(40, 12), (80, 24)] {
        let rows = frame_rows(&w.app, w.case.state(), width, height);
        let shown: String = rows.iter().map(|r| r.trim()).collect();
        assert!(
            shown.contains("请对照身份证核对后再输入。"),
            "the whole sentence at {width}x{height}:\n{}",
            rows.join("\n")
        );
        // The key bar stays, and the field typed in stays visible.
        let bar = rows.last().cloned().unwrap_or_default();
        assert!(bar.contains("Ctrl-S"), "{bar}");
        assert!(shown.contains("110101199003071234"), "{}", rows.join("\n"));
    }
}

#[test]
fn saving_a_loss_says_at_once_to_call_110_and_names_the_account() {
    let tmp = tempfile::tempdir().expect("tmp");
    let mut w = after_a_loss(tmp.path(), Lang::Zh);
    assert!(w.app.form.is_none(), "saved: {}", form_error(&w));
    let (status, is_error) = w.app.status.clone().expect("a status");
    assert!(!is_error);
    assert!(
        status.starts_with("已保存 E1。现在最要紧：立即拨打110"),
        "{status}"
    );
    assert!(status.contains("6222 0212 3456 7890"), "{status}");
    let rows: String = frame_rows(&w.app, w.case.state(), 40, 12)
        .iter()
        .map(|r| r.trim())
        .collect();
    assert!(rows.contains("现在最要紧"), "shown whole at 40x12: {rows}");

    // A call without a loss is just saved.
    typed(&mut w, "n13900139000");
    w.handle(ctrl('s'));
    assert_eq!(w.app.status.clone().map(|s| s.0).as_deref(), Some("已保存 E2"));
}

#[test]
fn hints_name_keys_that_work_where_they_are_shown_and_no_command_line_notation() {
    let tmp = tempfile::tempdir().expect("tmp");
    let mut w = wizard(tmp.path(), Lang::Zh);
    // The dashboard's profile row names p, which opens it there (e does nothing there).
    let dash = frame_rows(&w.app, w.case.state(), 80, 24).join("\n");
    assert!(dash.contains("p 本人信息  还没有填写。按 p 打开填写。"), "{dash}");
    typed(&mut w, "e");
    assert!(w.app.form.is_none());
    typed(&mut w, "pe");
    assert!(w.app.form.is_some(), "p then e fills it in");
    w.handle(k(KeyCode::Esc));
    typed(&mut w, "0n");
    // The time hint gives the Chinese forms, not -10m.
    let form = frame_rows(&w.app, w.case.state(), 80, 24).join("\n");
    assert!(form.contains("也可写 14:05、昨天 14:05 或 10分钟前"), "{form}");
    assert!(!form.contains("-10m"), "{form}");
    w.handle(k(KeyCode::Esc));
    // The export form makes the packet: its header says Ctrl-S makes it, like its key bar.
    typed(&mut w, "0x");
    let form = frame_rows(&w.app, w.case.state(), 80, 24);
    assert!(form[1].contains("Ctrl-S 生成"), "{}", form[1]);
    assert!(!form[1].contains("Ctrl-S 保存"), "{}", form[1]);
    w.handle(k(KeyCode::Esc));
    // Help on the evidence list: g/G jump to the first and last entry.
    typed(&mut w, "01?");
    let help = frame_rows(&w.app, w.case.state(), 80, 24).join("\n");
    assert!(help.contains("g/G        到第一条/最后一条"), "{help}");
}

#[test]
fn typing_in_the_ticks_says_that_nothing_is_typed_there() {
    let tmp = tempfile::tempdir().expect("tmp");
    let mut w = wizard(tmp.path(), Lang::Zh);
    typed(&mut w, "n13800138000");
    w.handle(k(KeyCode::Tab));
    w.handle(k(KeyCode::Tab));
    assert_eq!(focused(&w), Some(FieldId::Knew));
    // The user types what they knew instead of ticking it.
    typed(&mut w, "姓名");
    let notice = w.app.form.as_ref().and_then(|f| f.notice.clone());
    assert_eq!(
        notice.as_deref(),
        Some("这一栏不用打字：左右键选择（勾选框按空格），Tab 到下一栏。")
    );
    let rows = frame_rows(&w.app, w.case.state(), 40, 12).join("\n");
    assert!(rows.contains("Tab 到下一栏"), "shown whole at 40x12: {rows}");
    // Ticking works and the notice goes.
    w.handle(k(KeyCode::Char(' ')));
    let f = w.app.form.as_ref().expect("form");
    assert_eq!(f.notice, None);
    assert!(f.evidence_draft().knew.contains(&crate::case::Knew::Name));
}

#[test]
fn an_sms_quoting_my_id_number_ticks_they_knew_it_before_saving() {
    let tmp = tempfile::tempdir().expect("tmp");
    let mut w = wizard(tmp.path(), Lang::Zh);
    typed(&mut w, "1a10690000");
    w.handle(k(KeyCode::Tab));
    typed(
        &mut w,
        "【公安局】张伟（身份证１１０１０１１９９００３０７１２３３）您涉嫌一起洗钱案",
    );
    w.handle(k(KeyCode::Tab));
    let knew = |w: &crate::tui::runtime::Wizard| {
        w.app
            .form
            .as_ref()
            .map(|f| f.evidence_draft().knew)
            .unwrap_or_default()
    };
    assert!(knew(&w).contains(&crate::case::Knew::IdNumber));
    let form = frame_rows(&w.app, w.case.state(), 80, 24).join("\n");
    assert!(form.contains("[x]身份证号"), "{form}");
    assert!(form.contains("内容里有身份证号"), "said on screen: {form}");
    // Taken off by the user, it stays off when the summary is left again.
    w.handle(k(KeyCode::Right));
    w.handle(k(KeyCode::Char(' ')));
    assert!(!knew(&w).contains(&crate::case::Knew::IdNumber));
    w.handle(k(KeyCode::BackTab));
    w.handle(k(KeyCode::Tab));
    assert!(!knew(&w).contains(&crate::case::Knew::IdNumber));
    w.handle(k(KeyCode::Char(' ')));
    w.handle(ctrl('s'));
    assert!(w.app.form.is_none(), "{}", form_error(&w));
    let saved = &w.case.state().entries[0].current;
    assert!(saved.knew.contains(&crate::case::Knew::IdNumber));

    // A summary without a valid number ticks nothing.
    typed(&mut w, "a10690000");
    w.handle(k(KeyCode::Tab));
    typed(&mut w, "尾号1234的银行卡");
    w.handle(k(KeyCode::Tab));
    assert!(knew(&w).is_empty());
}

#[test]
fn a_next_step_too_long_for_a_narrow_window_ends_in_an_ellipsis() {
    let tmp = tempfile::tempdir().expect("tmp");
    let mut w = after_a_loss(tmp.path(), Lang::Zh);
    typed(&mut w, "0");
    let rows = frame_rows(&w.app, w.case.state(), 40, 12);
    assert!(rows[1].starts_with(" 下一步: 立即拨打110"), "{}", rows.join("\n"));
    assert!(
        rows[2].trim_end().ends_with('…'),
        "the account is cut visibly: {}",
        rows[2]
    );
    assert!(!rows[3].contains("6222"), "{}", rows.join("\n"));
    // Wide enough, it is whole on two rows.
    let rows = frame_rows(&w.app, w.case.state(), 80, 24);
    let next = format!("{}{}", rows[1].trim(), rows[2].trim());
    assert!(next.ends_with("6222 0212 34567890"), "{}", rows.join("\n"));
}

#[test]
fn keys_on_a_step_with_no_record_yet_say_what_to_do_first() {
    let tmp = tempfile::tempdir().expect("tmp");
    let mut w = wizard(tmp.path(), Lang::Zh);
    let status = |w: &crate::tui::runtime::Wizard| w.app.status.clone().map(|s| s.0).unwrap_or_default();
    typed(&mut w, "2u");
    assert!(w.app.form.is_none());
    assert_eq!(status(&w), "还没有报案记录可以更新：报案后先按 a 记下。");
    for key in ["e", "d"] {
        w.app.status = None;
        typed(&mut w, &format!("3{key}"));
        assert!(w.app.form.is_none());
        assert!(status(&w).contains("先按 a 记下"), "{key}: {}", status(&w));
        w.app.status = None;
        typed(&mut w, &format!("4{key}"));
        assert!(status(&w).starts_with("还没有咨询记录"), "{key}: {}", status(&w));
    }
    // Shown whole, above the key bar, at the smallest size.
    let rows: String = frame_rows(&w.app, w.case.state(), 40, 12)
        .iter()
        .map(|r| r.trim())
        .collect();
    assert!(
        rows.contains("咨询律师后先按a记下") || rows.contains("咨询律师后先按 a 记下"),
        "{rows}"
    );
}

#[test]
fn a_cut_english_next_step_keeps_its_words_apart() {
    let tmp = tempfile::tempdir().expect("tmp");
    let mut w = after_a_loss(tmp.path(), Lang::En);
    typed(&mut w, "0");
    let rows = frame_rows(&w.app, w.case.state(), 40, 12);
    assert!(rows[2].trim_end().ends_with('…'), "{}", rows.join("\n"));
    assert!(!rows[2].contains("thep"), "{}", rows[2]);
}

#[test]
fn step_2_names_the_account_to_stop_like_the_dashboard() {
    let tmp = tempfile::tempdir().expect("tmp");
    let mut w = after_a_loss(tmp.path(), Lang::Zh);
    typed(&mut w, "2");
    let rows = frame_rows(&w.app, w.case.state(), 120, 24);
    assert!(
        rows[2].contains("立即拨打110，并联系银行止付/冻结；告诉警方对方收款账户 6222 0212 3456 7890"),
        "{}",
        rows.join("\n")
    );
}
