//! Hostile text from outside — file names, email headers, a journal edited by hand — never
//! reaches the terminal or a spreadsheet as escape sequences, bidi controls, forged lines or
//! formulas.

mod common;

use common::Env;

/// True when `s` holds anything that can steer a terminal or reorder what is shown.
fn has_steering(s: &str) -> bool {
    s.chars().any(|c| {
        (c.is_control() && c != '\n')
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}')
    })
}

#[test]
fn escape_laden_attachment_names_are_shown_clean() {
    let env = Env::new();
    let files = tempfile::tempdir().expect("temp folder");
    let title = files.path().join("\u{1b}]0;PWNED\u{7}\u{1b}[2Jx.png");
    let forged = files
        .path()
        .join("shot\n  2020-01-01 00:00 撤回： forged (seq 9)\u{202E}gnp.exe");
    std::fs::write(&title, b"\x89PNG fake").expect("write file");
    std::fs::write(&forged, b"second").expect("write file");
    env.log(&["call", "10086", "-n", "冒充客服"]);
    let attached = env.ok(&[
        "attach",
        "E1",
        title.to_str().expect("path"),
        forged.to_str().expect("path"),
    ]);
    assert!(!has_steering(&attached), "{attached:?}");
    let show = env.ok(&["show", "E1"]);
    assert!(!has_steering(&show), "{show:?}");
    assert!(show.contains("x.png"), "{show}");
    assert!(
        !show.lines().any(|l| l.trim_start().starts_with("2020-01-01")),
        "a file name forged a history line:\n{show}"
    );
    let names: Vec<String> = env.list_json()[0]["attachments"]
        .as_array()
        .expect("attachments")
        .iter()
        .map(|a| a["original_name"].as_str().expect("name").to_string())
        .collect();
    assert_eq!(names[0], "x.png", "stored clean");
    assert!(!names[1].contains('\n') && !has_steering(&names[1]), "{names:?}");
    env.verify_ok();
}

#[test]
fn a_journal_edited_by_hand_prints_clean_in_list_and_show() {
    let env = Env::new();
    env.log(&["call", "10086", "-n", "PLACEHOLDER"]);
    // serde_json writes ESC as \u001b, so the edited line is still in the canonical form.
    let edited = String::from_utf8(env.journal_bytes())
        .expect("utf-8")
        .replace(
            "PLACEHOLDER",
            "\\u001b]0;PWNED\\u0007\\u001b[2J红色\u{202e}\\nforged",
        )
        .replace("\"10086\"", "\"\\u001b[31m10086\u{202e}\"");
    std::fs::write(env.journal(), edited).expect("edit journal");
    for args in [&["list"][..], &["show", "E1"], &["leads"]] {
        let out = env.ok(args);
        assert!(!has_steering(&out), "{args:?}: {out:?}");
        assert!(out.contains("10086"), "{args:?}: {out}");
    }
    assert!(env.ok(&["show", "E1"]).contains("红色"));
}

#[test]
fn a_formula_in_an_email_sender_is_neutralised_in_the_csv() {
    let env = Env::new();
    let eml = env.data().join("scam.eml");
    std::fs::write(
        &eml,
        "From: =cmd|' /C calc'!A0 <scam@x.example>\r\nSubject: refund\r\n\
         Date: Sat, 01 Mar 2025 09:30:00 +0800\r\n\r\nclick\r\n",
    )
    .expect("write eml");
    env.log(&["email", "--eml", eml.to_str().expect("path")]);
    // The same text typed as a counterpart reaches the CSV as it is, so it must be defused.
    env.log(&["other", "=cmd|' /C calc'!A0", "--note", "@SUM(1+1)"]);
    let csv_path = env.data().join("out.csv");
    env.ok(&["export", "csv", "-o", csv_path.to_str().expect("path")]);
    let csv = std::fs::read_to_string(&csv_path).expect("csv written");
    let mut rd = csv::Reader::from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let headers = rd.headers().expect("headers").clone();
    let col = headers
        .iter()
        .position(|h| h == "counterpart")
        .expect("counterpart column");
    let rows: Vec<csv::StringRecord> = rd.records().map(|r| r.expect("csv row")).collect();
    assert_eq!(rows.len(), 2);
    assert!(rows.iter().any(|r| r[col].starts_with("'=")), "{rows:?}");
    for row in &rows {
        assert!(
            row.iter().all(|c| !c.starts_with(['=', '+', '-', '@'])),
            "{row:?}"
        );
    }
}

#[test]
fn a_case_folder_with_a_hostile_name_is_listed_on_one_clean_line() {
    let env = Env::new();
    env.log(&["call", "10086"]);
    let evil = env
        .data()
        .join("x\u{1b}]0;PWNED\u{7}\u{202E}\n* forged  99 条记录");
    std::fs::create_dir(&evil).expect("mkdir");
    std::fs::copy(env.journal(), evil.join("journal.jsonl")).expect("copy");
    let out = env.ok(&["cases"]);
    assert!(!has_steering(&out), "{out:?}");
    assert_eq!(out.lines().count(), 2, "one line per case: {out}");
}

#[test]
fn an_overlong_to_is_refused_with_a_sentence() {
    let env = Env::new();
    env.log(&["call", "10086"]);
    let long = "某".repeat(600);
    let err = env.refused(&["export", "pdf", "--to", &long, "-o", "-"]);
    assert!(err.contains("报送单位") && err.contains("600"), "{err}");
    assert!(!env.case_dir().join("exports").exists(), "nothing written");
}
