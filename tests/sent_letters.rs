//! Recording a letter that was sent (`report add --letter`): the report carries the letter's
//! kind, how it went and its SHA-256, and a follow-up date from the period the rules give for
//! where it went — or none, said plainly, where no rule gives one. `report list` shows it.

mod common;

use common::Env;
use serde_json::Value;

fn reports(env: &Env) -> Vec<Value> {
    serde_json::from_str(&env.ok(&["report", "list", "--json"])).expect("report list --json is JSON")
}

#[test]
fn a_letter_to_the_carrier_is_followed_up_when_its_fifteen_days_are_over() {
    let env = Env::new();
    let letter = env.data().join("运营商投诉.pdf");
    std::fs::write(&letter, b"%PDF-1.7 a letter").expect("write the letter");
    let out = env.ok(&[
        "report",
        "add",
        "--letter",
        "carrier",
        "--sent-via",
        "邮寄",
        "--at",
        "2026-11-20",
        "--letter-file",
        letter.to_str().expect("utf-8 path"),
    ]);
    assert!(out.contains("R1"), "{out}");
    assert!(out.contains("2026-12-05"), "15 days after 11-20: {out}");
    assert!(out.contains("12300"), "says where to go next: {out}");

    let r = &reports(&env)[0]["current"];
    assert_eq!(r["follow_up"], "2026-12-05");
    assert_eq!(
        r["channel"], "电信运营商客服",
        "the channel defaults to where the letter goes"
    );
    assert_eq!(r["letter"]["kind"], "carrier");
    assert_eq!(r["letter"]["via"], "post");
    // sha256("%PDF-1.7 a letter"), the bytes as saved.
    let sha = r["letter"]["sha256"].as_str().expect("a hash");
    assert_eq!(sha.len(), 64);
    use sha2::Digest;
    assert_eq!(sha, hex::encode(sha2::Sha256::digest(b"%PDF-1.7 a letter")));

    let list = env.ok(&["report", "list"]);
    assert!(list.contains("已发出，等待答复"), "{list}");
    assert!(list.contains("跟进日期: 2026-12-05"), "{list}");
    assert!(
        list.contains("《电信用户申诉处理办法》"),
        "the rule is named: {list}"
    );
    let en = env.ok(&["--lang", "en", "report", "list"]);
    assert!(
        en.contains("sent, waiting") && en.contains("follow up: 2026-12-05"),
        "{en}"
    );
    env.verify_ok();
}

#[test]
fn working_days_skip_the_weekend_and_a_letter_with_no_period_gets_no_date() {
    let env = Env::new();
    // Friday 2026-11-20 + 7 working days = Tuesday 2026-12-01.
    env.ok(&[
        "report",
        "add",
        "--letter",
        "12315",
        "--sent-via",
        "web",
        "--at",
        "2026-11-20",
        "--sha256",
        &"AB".repeat(32),
    ]);
    let out = env.ok(&[
        "report",
        "add",
        "--letter",
        "company",
        "--channel",
        "某某网店",
        "--sent-via",
        "email",
        "--at",
        "2026-11-20",
    ]);
    assert!(out.contains("没有找到规定答复期限的依据"), "{out}");
    let all = reports(&env);
    assert_eq!(all[0]["current"]["follow_up"], "2026-12-01");
    assert_eq!(all[0]["current"]["letter"]["sha256"], "ab".repeat(32));
    assert_eq!(all[1]["current"]["follow_up"], Value::Null, "no date is made up");
    assert_eq!(all[1]["current"]["channel"], "某某网店");
    // A date the user gives wins over the period.
    env.ok(&[
        "report",
        "add",
        "--letter",
        "credit",
        "--sent-via",
        "post",
        "--at",
        "2026-11-20",
        "--follow-up",
        "2026-11-25",
    ]);
    assert_eq!(reports(&env)[2]["current"]["follow_up"], "2026-11-25");
}

#[test]
fn a_bad_letter_record_is_refused_with_one_sentence_and_nothing_stored() {
    let env = Env::new();
    env.log(&["call", "13800138000"]);
    let s = env.refused(&["report", "add", "--letter", "police", "--sent-via", "post"]);
    assert!(
        s.contains("police") && s.contains("carrier"),
        "names the kinds: {s}"
    );
    let s = env.refused(&["report", "add", "--letter", "company", "--sent-via", "post"]);
    assert!(s.contains("--channel"), "asks who it went to: {s}");
    let s = env.refused(&["report", "add", "--letter", "12321"]);
    assert!(s.contains("邮寄"), "asks how it was sent: {s}");
    let s = env.refused(&[
        "--lang",
        "en",
        "report",
        "add",
        "--letter",
        "12321",
        "--sent-via",
        "pigeon",
    ]);
    assert!(s.contains("pigeon"), "{s}");
    let s = env.refused(&[
        "report",
        "add",
        "--letter",
        "12321",
        "--sent-via",
        "web",
        "--sha256",
        "abc",
    ]);
    assert!(s.contains("SHA-256"), "{s}");
    let gone = env.data().join("nowhere.pdf");
    env.refused(&[
        "report",
        "add",
        "--letter",
        "12321",
        "--sent-via",
        "web",
        "--letter-file",
        gone.to_str().expect("utf-8 path"),
    ]);
}

#[test]
fn report_list_counts_letters_sent_apart_from_reports_made() {
    let env = Env::new();
    let args = [
        "report",
        "add",
        "--letter",
        "carrier",
        "--sent-via",
        "post",
        "--at",
        "2026-11-20",
    ];
    env.ok(&args);
    let list = env.ok(&["report", "list"]);
    let first = list.lines().next().unwrap_or_default();
    assert_eq!(first, "还没有报案；寄信 1 封", "{list}");
    let en = env.ok(&["--lang", "en", "report", "list"]);
    assert_eq!(
        en.lines().next(),
        Some("nothing reported yet; letters sent: 1"),
        "{en}"
    );

    // A report to the police with a receipt is counted as a report, the letter still apart.
    env.ok(&[
        "report",
        "add",
        "--channel",
        "派出所",
        "--at",
        "2026-11-21",
        "--receipt",
        "110-2026-1",
    ]);
    let list = env.ok(&["report", "list"]);
    assert_eq!(
        list.lines().next(),
        Some("已报案 1 次，1 次有回执；寄信 1 封"),
        "{list}"
    );
    // The lawyer's brief names the letter as a letter, not as a report.
    let brief = env.ok(&["lawyer", "brief"]);
    assert!(brief.contains("寄信 "), "{brief}");
    assert!(!brief.contains("尚未报案"), "{brief}");
    assert_eq!(
        brief.matches("报案 ").count(),
        1,
        "one report, one letter: {brief}"
    );
}
