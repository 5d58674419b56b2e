//! Letters for the other doors, made from one fixed case through the real binary and read
//! back: the text as printed with `--text`, the PDF with lopdf (an independent parser).

mod common;

use std::path::Path;

use common::Env;
use common::pdf_text::page_texts;

const ID: &str = "11010519491231002X";
const PHONE: &str = "13912345678";
const EMAIL: &str = "wang.yan@example.com";
const DATE: &str = "2026-12-01";

/// The fixed case: a profile, two harassing numbers (one of them knew the ID number and the
/// victim typed it into the note), a spam SMS, and a credit card opened in the victim's name.
fn case() -> Env {
    let env = Env::new();
    env.ok(&[
        "profile",
        "set",
        "--name",
        "王䶮",
        "--id-number",
        ID,
        "--phone",
        PHONE,
        "--email",
        EMAIL,
        "--address",
        "北京市朝阳区𠮷祥路3号",
    ]);
    env.ok(&[
        "log",
        "call",
        "13800138000",
        "--note",
        &format!("自称快递客服，报出我的身份证号{ID}"),
        "--knew",
        "name,id,address",
        "--at",
        "2026-10-01 10:00",
    ]);
    env.ok(&[
        "log",
        "sms",
        "10690000",
        "--note",
        "中奖短信，点击链接领奖",
        "--at",
        "2026-10-02 11:00",
    ]);
    env.ok(&[
        "log",
        "call",
        "138 0013 8000",
        "--note",
        "再次来电推销贷款",
        "--knew",
        "name",
        "--at",
        "2026-10-03 09:00",
    ]);
    env.ok(&[
        "log",
        "account",
        "某银行信用卡尾号1234",
        "--note",
        "征信报告上的信用卡，不是我办的",
        "--at",
        "2026-10-05 09:00",
    ]);
    env
}

fn text(env: &Env, args: &[&str]) -> String {
    let mut all = vec!["letter"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--date", DATE, "--text"]);
    env.ok(&all)
}

/// The PDF's text with the lines joined (a paragraph wraps over several lines).
fn pdf(env: &Env, out: &Path, args: &[&str]) -> Result<String, Box<dyn std::error::Error>> {
    let mut all = vec!["letter"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--date", DATE, "-o"]);
    let out_s = out.to_string_lossy().to_string();
    all.push(&out_s);
    env.ok(&all);
    let bytes = std::fs::read(out)?;
    Ok(page_texts(&bytes)?.join("").replace('\n', ""))
}

#[test]
fn the_company_letter_cites_pipl_and_carries_no_id_unless_asked() -> Result<(), Box<dyn std::error::Error>> {
    let env = case();
    let t = text(&env, &["company", "--to", "某某科技有限公司"]);
    for want in [
        "个人信息权利请求函",
        "某某科技有限公司：",
        "《中华人民共和国个人信息保护法》第四十四条至第四十八条",
        "《中华人民共和国个人信息保护法》第五十条",
        "《中华人民共和国个人信息保护法》第五十七条",
        "王䶮",
        PHONE,
        EMAIL,
        "共3次",
    ] {
        assert!(t.contains(want), "missing {want} in\n{t}");
    }
    assert!(
        !t.contains(ID) && !t.contains("身份证号：") && !t.contains("𠮷祥路"),
        "{t}"
    );
    // A summary is never printed as the statute's words.
    assert!(t.contains("第五十条（要旨）："), "{t}");

    let with_id = text(&env, &["company", "--to", "某某科技有限公司", "--with-id"]);
    assert!(with_id.contains(&format!("身份证号：{ID}")), "{with_id}");

    let dir = tempfile::tempdir()?;
    let p = pdf(
        &env,
        &dir.path().join("company.pdf"),
        &["company", "--to", "某某科技有限公司"],
    )?;
    for want in [
        "个人信息权利请求函",
        "第四十四条至第四十八条",
        "第五十七条",
        "王䶮",
        PHONE,
        "案件指纹",
    ] {
        assert!(p.contains(want), "missing {want} in the PDF:\n{p}");
    }
    assert!(!p.contains(ID), "the PDF carries the ID number");
    let p = pdf(
        &env,
        &dir.path().join("company-id.pdf"),
        &["company", "--to", "某某科技有限公司", "--with-id"],
    )?;
    assert!(p.contains(ID), "--with-id did not add the ID number to the PDF");
    Ok(())
}

#[test]
fn text_has_no_hard_breaks_inside_paragraphs() {
    let env = case();
    let t = text(&env, &["company", "--to", "某某科技有限公司"]);
    // The longest request is far wider than any terminal: it must stay on one line.
    let line = t
        .lines()
        .find(|l| l.starts_with("4. 停止向任何第三方提供"))
        .unwrap_or_default();
    assert!(line.ends_with("并告知本人。"), "broken paragraph: {line:?}\n{t}");
    // Blocks are separated by one blank line, never more.
    assert!(!t.contains("\n\n\n"), "{t}");
}

#[test]
fn an_unknown_kind_names_the_kinds_and_exits_2() {
    let env = case();
    let out = env.run(&["letter", "police"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    for k in ["company", "12321", "12315", "credit", "carrier", "regulator"] {
        assert!(err.contains(k), "{err}");
    }
}

#[test]
fn a_missing_recipient_is_one_sentence_exit_1_and_nothing_written() {
    let env = case();
    for kind in ["company", "12315"] {
        let before = env.journal_bytes();
        let out = env.run(&["letter", kind, "--date", DATE]);
        assert_eq!(out.status.code(), Some(1), "{kind}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("--to") && err.trim().lines().count() == 1, "{err}");
        assert!(out.stdout.is_empty());
        assert_eq!(env.journal_bytes(), before);
        let exports = env.case_dir().join("exports");
        let n = std::fs::read_dir(&exports).map(|d| d.count()).unwrap_or(0);
        assert_eq!(n, 0, "{kind}: something was written to {}", exports.display());
    }
}
