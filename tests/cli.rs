//! The quick-log command line through the real binary: every command, every option, and every
//! bad input the user can give — refused with one sentence in their language, nothing stored.

mod common;

use common::{Env, fingerprint_in, is_cjk};
use serde_json::Value;

fn entry<'a>(list: &'a [Value], id: &str) -> &'a Value {
    list.iter()
        .find(|e| e["id"] == id)
        .unwrap_or_else(|| common::panic_free_fail(&format!("{id} not in the list")))
}

#[test]
fn log_with_every_option_is_listed_as_typed() {
    let env = Env::new();
    let shot = env.data().join("截图.png");
    std::fs::write(&shot, b"\x89PNG\r\n\x1a\nnot really").expect("write file");
    let out = env.ok(&[
        "log",
        "call",
        "+86 138-0013-8000",
        "--note",
        "自称公安，说我涉嫌洗钱",
        "--at",
        "-10m",
        "--to",
        "139 0000 0000",
        "--knew",
        "name,id,address",
        "--lost",
        "1200.50",
        "--attach",
        shot.to_str().expect("utf-8 path"),
    ]);
    assert!(out.contains("已记录 E1"), "{out}");
    let list = env.list_json();
    assert_eq!(list.len(), 1);
    let e = &list[0]["current"];
    assert_eq!(e["kind"], "call");
    assert_eq!(
        e["counterpart"], "+86 138-0013-8000",
        "the number is kept as typed"
    );
    assert_eq!(e["summary"], "自称公安，说我涉嫌洗钱");
    assert_eq!(e["to_mine"], "139 0000 0000");
    assert_eq!(e["knew"], serde_json::json!(["name", "id_number", "address"]));
    assert_eq!(e["lost"], 120050, "stored in fen");
    let att = &list[0]["attachments"][0];
    assert_eq!(att["original_name"], "截图.png");
    assert_eq!(att["size"], 18);
    let sha = att["sha256"].as_str().expect("hash");
    let kept = env.case_dir().join("vault").join(sha);
    assert_eq!(
        std::fs::read(kept).expect("vault copy"),
        std::fs::read(&shot).expect("original")
    );

    // Ten minutes ago, give or take the time the command took.
    let at: jiff::Timestamp = e["occurred_at"].as_str().expect("time").parse().expect("rfc3339");
    let ago = jiff::Timestamp::now().duration_since(at).as_secs();
    assert!((590..=660).contains(&ago), "logged {ago} s ago");
    env.verify_ok();
}

#[test]
fn every_at_form_is_understood_and_stored_with_an_offset() {
    let env = Env::new();
    // The binary runs in UTC (`Env::cmd`): the forms typed are read there, whatever the zone
    // of the machine running the tests.
    let now = jiff::Timestamp::now().to_zoned_datetime(jiff::tz::TimeZone::UTC);
    let earlier = now
        .checked_sub(jiff::SignedDuration::from_mins(90))
        .expect("90 min ago");
    let date_time = earlier.strftime("%Y-%m-%d %H:%M").to_string();
    let hm = earlier.strftime("%H:%M").to_string();
    let today_ok = earlier.date() == now.date();
    let forms = [
        "2025-03-01T09:30:00+08:00".to_string(),
        date_time.clone(),
        "-10m".to_string(),
        "-2h".to_string(),
        hm.clone(),
    ];
    for (i, at) in forms.iter().enumerate() {
        if at == &hm && !today_ok {
            continue; // 90 minutes ago was yesterday: `HH:MM` means today, so it would be future
        }
        let note = format!("form {i}");
        env.log(&["call", "10086", "--at", at, "--note", &note]);
    }
    let list = env.list_json();
    let at_of = |note: &str| -> jiff::Timestamp {
        let e = list
            .iter()
            .find(|e| e["current"]["summary"] == note)
            .unwrap_or_else(|| common::panic_free_fail(note));
        let s = e["current"]["occurred_at"].as_str().expect("time");
        assert!(
            s.ends_with('Z') || s[s.len() - 6..].starts_with(['+', '-']),
            "stored with an offset: {s}"
        );
        s.parse().expect("rfc3339")
    };
    assert_eq!(
        at_of("form 0"),
        "2025-03-01T01:30:00Z".parse::<jiff::Timestamp>().expect("ts")
    );
    let minute = |t: jiff::Timestamp| t.as_second() / 60;
    assert_eq!(minute(at_of("form 1")), minute(earlier.timestamp()));
    let secs_ago = |t: jiff::Timestamp| now.timestamp().duration_since(t).as_secs();
    assert!((595..=660).contains(&secs_ago(at_of("form 2"))));
    assert!((7195..=7260).contains(&secs_ago(at_of("form 3"))));
    if today_ok {
        assert_eq!(minute(at_of("form 4")), minute(earlier.timestamp()));
    }
}

#[test]
fn log_email_from_a_saved_eml_keeps_sender_subject_date_and_the_file() {
    let env = Env::new();
    let eml = env.data().join("scam.eml");
    std::fs::write(
        &eml,
        "From: 客服 <refund@scam.example>\r\nTo: me@example.cn\r\nSubject: 退款通知\r\n\
         Date: Sat, 01 Mar 2025 09:30:00 +0800\r\n\r\n请点击链接办理退款。\r\n",
    )
    .expect("write eml");
    let id = env.log(&["email", "--eml", eml.to_str().expect("path")]);
    let list = env.list_json();
    let e = entry(&list, &id);
    assert_eq!(e["current"]["kind"], "email");
    assert!(
        e["current"]["counterpart"]
            .as_str()
            .expect("from")
            .contains("refund@scam.example")
    );
    assert!(
        e["current"]["summary"]
            .as_str()
            .expect("summary")
            .contains("退款通知")
    );
    let at: jiff::Timestamp = e["current"]["occurred_at"]
        .as_str()
        .expect("at")
        .parse()
        .expect("ts");
    assert_eq!(at, "2025-03-01T01:30:00Z".parse::<jiff::Timestamp>().expect("ts"));
    assert_eq!(e["attachments"][0]["original_name"], "scam.eml");
    env.verify_ok();
}

#[test]
fn list_filters_by_kind_and_prints_a_table() {
    let env = Env::new();
    env.log(&["call", "10086", "-n", "电话一"]);
    env.log(&["sms", "106900001111", "-n", "短信一"]);
    env.log(&["call", "100 86", "-n", "电话二"]);
    let calls = env.ok(&["list", "--json", "--kind", "call"]);
    let calls: Vec<Value> = serde_json::from_str(&calls).expect("json");
    let ids: Vec<&str> = calls.iter().map(|e| e["id"].as_str().expect("id")).collect();
    assert_eq!(ids, ["E1", "E3"]);
    let table = env.ok(&["list", "--kind", "sms"]);
    assert!(table.contains("E2") && table.contains("短信一"), "{table}");
    assert!(!table.contains("E1 "), "{table}");
    let table = env.ok(&["list"]);
    assert!(table.contains("(2)"), "the same number twice is counted: {table}");
    let en = env.ok(&["--lang", "en", "list"]);
    assert!(en.contains("call") && !en.contains("电话 "), "{en}");
}

#[test]
fn a_number_typed_full_width_is_stored_in_ascii_and_counted_with_its_other_spellings() {
    // Typed with the input method's full-width digits, the number is stored as ASCII, so the
    // list, the 110 line and the packet read one spelling; the count after it is kept.
    let env = Env::new();
    env.log(&["call", "１７０１２３４５６７８", "-n", "电话一"]);
    env.log(&["sms", "+86 170 1234 5678", "-n", "短信一"]);
    env.log(&["call", "ＷＷＷ．ＥＶＩＬ．ＴＯＰ（假客服）", "-n", "网站"]);
    let table = env.ok(&["list"]);
    let row = table
        .lines()
        .find(|l| l.contains("电话一"))
        .expect("the call's row");
    assert!(row.contains("17012345678") && row.contains("(2)"), "{table}");
    let json = env.ok(&["list", "--json"]);
    assert!(
        !json.chars().any(|c| matches!(c, '\u{FF10}'..='\u{FF19}')),
        "no full-width digit is stored: {json}"
    );
    assert!(json.contains("WWW.EVIL.TOP（假客服）"), "{json}");
}

#[test]
fn correct_keeps_the_original_and_show_prints_the_history() {
    let env = Env::new();
    env.log(&["call", "10086", "-n", "原来的内容", "--knew", "name"]);
    let out = env.ok(&[
        "correct",
        "E1",
        "--note",
        "更正后的内容",
        "--knew",
        "name,phone",
        "--reason",
        "记错了",
    ]);
    assert!(out.contains("E1"), "{out}");
    let list = env.list_json();
    assert_eq!(list[0]["current"]["summary"], "更正后的内容");
    assert_eq!(list[0]["original"]["summary"], "原来的内容");
    assert_eq!(list[0]["current"]["knew"], serde_json::json!(["name", "phone"]));
    let shown = env.ok(&["show", "E1"]);
    for part in ["原来的内容", "更正后的内容", "记错了", "已更正"] {
        assert!(shown.contains(part), "show lacks {part}: {shown}");
    }
    // A correction that changes nothing is refused.
    env.refused(&["correct", "E1", "--note", "更正后的内容"]);
    env.verify_ok();
}

#[test]
fn retract_marks_the_entry_and_keeps_it() {
    let env = Env::new();
    env.log(&["sms", "10690000", "-n", "重复"]);
    env.ok(&["retract", "E1", "--reason", "重复记录"]);
    let list = env.list_json();
    assert_eq!(list.len(), 1, "a retracted entry stays in the record");
    assert_eq!(list[0]["retracted"]["reason"], "重复记录");
    assert!(env.ok(&["list"]).contains("已撤回"));
    assert!(env.ok(&["show", "E1"]).contains("重复记录"));
    // A retracted entry cannot be changed any more; the reason is required.
    env.refused(&["correct", "E1", "--note", "x"]);
    env.refused(&["retract", "E1", "--reason", "again"]);
    env.log(&["sms", "10690000"]);
    env.refused(&["retract", "E2", "--reason", "   "]);
    env.verify_ok();
}

#[test]
fn attach_adds_files_to_an_entry_and_verify_counts_them() {
    let env = Env::new();
    env.log(&["call", "10086"]);
    let a = env.data().join("录音.m4a");
    let b = env.data().join("note.txt");
    std::fs::write(&a, vec![7u8; 10_000]).expect("write");
    std::fs::write(&b, "他说他是公安局的").expect("write");
    let out = env.ok(&["attach", "E1", a.to_str().expect("p"), b.to_str().expect("p")]);
    assert_eq!(out.lines().count(), 2, "{out}");
    let list = env.list_json();
    let names: Vec<&str> = list[0]["attachments"]
        .as_array()
        .expect("attachments")
        .iter()
        .map(|a| a["original_name"].as_str().expect("name"))
        .collect();
    assert_eq!(names, ["录音.m4a", "note.txt"]);
    let v = env.ok(&["verify"]);
    assert!(v.contains("2 个附件"), "{v}");
}

#[test]
fn leads_rank_counterparts_that_keep_coming_back() {
    let env = Env::new();
    env.log(&["call", "138 0013 8000", "--knew", "name"]);
    env.log(&["call", "+8613800138000", "--knew", "id"]);
    env.log(&["sms", "0086-138-0013-8000"]);
    env.log(&["call", "10086"]);
    let leads: Value = serde_json::from_str(&env.ok(&["leads", "--json"])).expect("json");
    let first = &leads[0];
    let text = first.to_string();
    assert!(text.contains('3'), "the number reached us 3 times: {text}");
    assert!(text.contains("name") && text.contains("id_number"), "{text}");
    let table = env.ok(&["leads"]);
    assert!(table.contains("138"), "{table}");
}

#[test]
fn profile_set_and_show() {
    let env = Env::new();
    env.ok(&[
        "profile",
        "set",
        "--name",
        "张三",
        "--id-number",
        "11010519491231002X",
        "--phone",
        "13800138000",
        "--phone",
        "13900139000",
        "--email",
        "zhang@example.cn",
        "--address",
        "北京市朝阳区某街1号",
    ]);
    let shown = env.ok(&["profile", "show"]);
    for part in [
        "张三",
        "11010519491231002X",
        "13800138000",
        "13900139000",
        "zhang@example.cn",
        "朝阳区",
    ] {
        assert!(shown.contains(part), "{part} missing: {shown}");
    }
    // A wrong check digit is refused.
    env.refused(&["profile", "set", "--id-number", "110105194912310021"]);
    env.refused(&["profile", "set"]);
    env.verify_ok();
}

#[test]
fn verify_prints_the_fingerprint_and_accepts_an_older_one() {
    let env = Env::new();
    env.log(&["call", "10086"]);
    env.log(&["call", "10010"]);
    let old = env.verify_ok();
    assert!(old.starts_with("2:"), "{old}");
    env.log(&["sms", "10000"]);
    let out = env.ok(&["verify", "--fingerprint", &old]);
    assert!(out.contains("相符"), "{out}");
    let short = &old[..2 + 16];
    env.ok(&["verify", "--fingerprint", &format!("{short}…")]);
    let now = fingerprint_in(&out).expect("fingerprint");
    assert!(now.starts_with("3:"));
    let en = env.ok(&["--lang", "en", "verify"]);
    assert!(en.contains("Intact"), "{en}");
}

#[test]
fn export_json_and_csv() {
    let env = Env::new();
    env.log(&["call", "10086", "-n", "含,逗号 和 \"引号\""]);
    let json = env.ok(&["export", "json", "-o", "-"]);
    let v: Value = serde_json::from_str(&json).expect("json");
    assert_eq!(v["entries"][0]["current"]["summary"], "含,逗号 和 \"引号\"");
    assert!(v["fingerprint"].as_str().expect("fp").starts_with("1:"));
    let csv_path = env.data().join("out.csv");
    env.ok(&["export", "csv", "-o", csv_path.to_str().expect("p")]);
    let csv = std::fs::read_to_string(&csv_path).expect("csv written");
    let mut rd = csv::Reader::from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let row = rd.records().next().expect("one row").expect("csv row");
    assert_eq!(&row[0], "E1");
    assert!(row.iter().any(|f| f == "含,逗号 和 \"引号\""), "{row:?}");
    // Without -o the export goes to the case's exports folder.
    let printed = env.ok(&["export", "json"]);
    assert!(std::path::Path::new(printed.trim()).is_file(), "{printed}");
    assert!(printed.contains("exports"));
}

#[test]
fn cases_lists_the_cases_in_the_data_folder() {
    let env = Env::new();
    assert!(env.ok(&["cases"]).contains("还没有案件"));
    env.log(&["call", "10086"]);
    env.ok(&["--case", "第二个案件", "log", "sms", "10690000"]);
    env.ok(&["--case", "第二个案件", "log", "sms", "10690001"]);
    let out = env.ok(&["cases"]);
    assert!(out.contains("* default  1"), "{out}");
    assert!(out.contains("第二个案件  2"), "{out}");
    let en = env.ok(&["--lang", "en", "cases"]);
    assert!(en.contains("2 entries"), "{en}");
}

#[test]
fn data_dir_flag_works_like_the_environment_variable() {
    let env = Env::new();
    let other = tempfile::tempdir().expect("tempdir");
    env.ok(&[
        "--data-dir",
        other.path().to_str().expect("p"),
        "log",
        "call",
        "10086",
    ]);
    assert!(other.path().join("default/journal.jsonl").is_file());
    assert!(
        env.journal_bytes().is_empty(),
        "the flag wins over the environment"
    );
}

#[test]
fn english_output_with_lang_en() {
    let env = Env::new();
    let out = env.ok(&["--lang", "en", "log", "call", "10086", "-n", "bank"]);
    assert!(out.starts_with("Logged E1"), "{out}");
    assert!(!out.chars().any(is_cjk), "{out}");
    let shown = env.ok(&["--lang", "en", "show", "E1"]);
    assert!(
        shown.contains("counterpart") && !shown.chars().any(is_cjk),
        "{shown}"
    );
    let out = env
        .cmd()
        .env("LEAKAID_LANG", "en")
        .args(["list"])
        .output()
        .expect("run");
    assert!(!String::from_utf8_lossy(&out.stdout).chars().any(is_cjk));
}

#[test]
fn text_is_sanitised_before_it_is_stored() {
    let env = Env::new();
    let nasty =
        "\u{1b}[31m红色\u{1b}[0m \u{202e}evil\u{202c} bell\u{7}\tTAB\r\nline2\u{1b}]0;title\u{7}\u{85}end";
    env.log(&["call", "10086\u{1b}[2J\u{200f}", "--note", nasty]);
    let list = env.list_json();
    let summary = list[0]["current"]["summary"].as_str().expect("summary");
    assert_eq!(summary, "红色 evil bell TAB\nline2end");
    let who = list[0]["current"]["counterpart"].as_str().expect("counterpart");
    assert!(!who.chars().any(|c| c.is_control() || c == '\u{1b}'), "{who:?}");
    let table = env.ok(&["list"]);
    assert!(
        !table.contains('\u{1b}') && !table.contains('\u{202e}'),
        "{table:?}"
    );
    let raw = String::from_utf8(env.journal_bytes()).expect("utf-8");
    assert!(!raw.contains("\\u001b") && !raw.contains('\u{202e}'), "{raw}");
}

// ---- refusals: exit 1, one sentence in the user's language, nothing stored -----------------

/// Runs each refusal in Chinese and in English against a case that already holds an entry.
fn refused_in_both_languages(env: &Env, args: &[&str]) {
    let zh = env.refused(args);
    let mut en_args = vec!["--lang", "en"];
    en_args.extend_from_slice(args);
    let en = env.refused(&en_args);
    assert_ne!(zh, en);
}

#[test]
fn unknown_or_malformed_ids_are_refused() {
    let env = Env::new();
    env.log(&["call", "10086"]);
    for args in [
        vec!["show", "E9"],
        vec!["show", "abc"],
        vec!["correct", "E9", "--note", "x"],
        vec!["retract", "E0", "--reason", "x"],
        vec!["attach", "E2", "Cargo.toml"],
    ] {
        refused_in_both_languages(&env, &args);
    }
    let zh = env.refused(&["show", "E9"]);
    assert!(zh.contains("E9") && zh.contains("leakaid list"), "{zh}");
}

#[test]
fn bad_times_are_refused() {
    let env = Env::new();
    env.log(&["call", "10086"]);
    let tomorrow = jiff::ZonedDateTime::now()
        .checked_add(jiff::SignedDuration::from_hours(30))
        .expect("tomorrow")
        .strftime("%Y-%m-%d %H:%M")
        .to_string();
    for at in [
        "yesterday-ish",
        "25:99",
        "2026-13-45 10:00",
        "+5m",
        tomorrow.as_str(),
        "2999-01-01T00:00:00+08:00",
    ] {
        refused_in_both_languages(&env, &["log", "call", "10086", "--at", at]);
        refused_in_both_languages(&env, &["correct", "E1", "--at", at]);
    }
    let future = env.refused(&["log", "call", "10086", "--at", &tomorrow]);
    assert!(future.contains("还没到"), "{future}");
}

#[test]
fn an_empty_counterpart_is_refused_where_one_is_required() {
    let env = Env::new();
    for kind in ["call", "sms", "email", "web", "account"] {
        refused_in_both_languages(&env, &["log", kind, "--note", "没有号码"]);
        refused_in_both_languages(&env, &["log", kind, "   "]);
    }
    // Letters and others may be anonymous.
    env.log(&["letter", "--note", "匿名信"]);
    env.log(&["other"]);
    // A correction may not empty it either.
    env.log(&["call", "10086"]);
    refused_in_both_languages(&env, &["correct", "E3", "--counterpart", ""]);
}

#[test]
fn other_bad_values_are_refused() {
    let env = Env::new();
    env.log(&["call", "10086"]);
    for args in [
        vec!["log", "call", "10086", "--knew", "name,shoesize"],
        vec!["log", "call", "10086", "--lost", "很多"],
        vec!["log", "call", "10086", "--lost=-5"],
        vec!["log", "call", "10086", "--eml", "Cargo.toml"],
        vec!["verify", "--fingerprint", "not-a-fingerprint"],
        vec!["--case", "../escape", "log", "call", "10086"],
    ] {
        refused_in_both_languages(&env, &args);
    }
}

#[test]
fn a_missing_file_or_a_folder_is_refused_and_nothing_is_kept() {
    let env = Env::new();
    env.log(&["call", "10086"]);
    let missing = env.data().join("不存在.png");
    let folder = env.data().join("a-folder");
    std::fs::create_dir(&folder).expect("mkdir");
    let (missing, folder) = (missing.to_str().expect("p"), folder.to_str().expect("p"));
    for args in [
        vec!["log", "call", "10086", "--attach", missing],
        vec!["log", "call", "10086", "--attach", folder],
        vec!["attach", "E1", missing],
        vec!["attach", "E1", folder],
        vec!["log", "email", "--eml", missing],
        vec!["log", "email", "--eml", folder],
    ] {
        refused_in_both_languages(&env, &args);
    }
    let zh = env.refused(&["attach", "E1", folder]);
    assert!(zh.contains("文件夹"), "{zh}");
    let vault = env.case_dir().join("vault");
    let stored = std::fs::read_dir(&vault).map(|d| d.count()).unwrap_or(0);
    assert_eq!(stored, 0, "nothing was copied into the vault");
}

#[test]
fn a_missing_data_folder_is_refused_and_not_created() {
    let env = Env::new();
    let nowhere = env.data().join("no/such/folder");
    let p = nowhere.to_str().expect("p");
    for args in [
        vec!["--data-dir", p, "log", "call", "10086"],
        vec!["--data-dir", p, "list"],
        vec!["--data-dir", p, "verify"],
        vec!["--data-dir", p, "cases"],
    ] {
        refused_in_both_languages(&env, &args);
    }
    assert!(!nowhere.exists(), "the program must not invent the folder");
    let file = env.data().join("a-file");
    std::fs::write(&file, "x").expect("write");
    refused_in_both_languages(
        &env,
        &["--data-dir", file.to_str().expect("p"), "log", "call", "1"],
    );
}

#[test]
fn reading_a_case_that_does_not_exist_is_refused() {
    let env = Env::new();
    for args in [
        vec!["list"],
        vec!["show", "E1"],
        vec!["verify"],
        vec!["export", "json", "-o", "-"],
    ] {
        refused_in_both_languages(&env, &args);
    }
    assert!(!env.case_dir().exists(), "reading does not create the case");
}

/// True when this process runs as root (permission bits do not stop root).
fn running_as_root() -> bool {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("Uid:"))
                .and_then(|l| l.split_whitespace().nth(2).map(|euid| euid == "0"))
        })
        .unwrap_or(false)
}

#[test]
fn a_case_folder_that_cannot_be_created_is_refused() {
    // Works for root too: a regular file sits where the case folder would go.
    let env = Env::new();
    std::fs::write(env.case_dir(), "not a folder").expect("write");
    refused_in_both_languages(&env, &["log", "call", "10086"]);
    assert_eq!(std::fs::read(env.case_dir()).expect("file"), b"not a folder");
}

#[test]
fn a_read_only_data_folder_is_refused() {
    use std::os::unix::fs::PermissionsExt;
    let env = Env::new();
    let ro = env.data().join("read-only");
    std::fs::create_dir(&ro).expect("mkdir");
    std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o500)).expect("chmod");
    if running_as_root() {
        // Root ignores permission bits; the folder is made immutable instead when the file
        // system allows it (chattr +i needs CAP_LINUX_IMMUTABLE and ext2/3/4, xfs, btrfs).
        let ok = std::process::Command::new("chattr")
            .arg("+i")
            .arg(&ro)
            .status()
            .is_ok_and(|s| s.success());
        if !ok {
            common::skip("chattr", "running as root and `chattr +i` is not available here");
            return;
        }
    }
    let p = ro.to_str().expect("p");
    let zh = env.refused(&["--data-dir", p, "log", "call", "10086"]);
    let en = env.refused(&["--data-dir", p, "--lang", "en", "log", "call", "10086"]);
    if running_as_root() {
        let _ = std::process::Command::new("chattr").arg("-i").arg(&ro).status();
    }
    assert!(zh.contains("权限"), "{zh}");
    assert!(en.contains("permission"), "{en}");
    assert!(!ro.join("default").exists());
    std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o700)).expect("chmod back");
}

#[test]
fn a_huge_paste_is_refused_not_stored() {
    let env = Env::new();
    env.log(&["call", "10086"]);
    // One argument can hold at most 128 KiB on Linux, so the CLI gets 100 KiB; the 1 MB case
    // goes through the library below. A saved email with a 1 MB subject is still evidence:
    // it is recorded with the subject cut short, and the file itself is kept whole.
    let big = "骗".repeat(100 * 1024 / 3);
    refused_in_both_languages(&env, &["log", "call", "10086", "--note", &big]);
    refused_in_both_languages(&env, &["correct", "E1", "--note", &big]);
    let long_number = "1".repeat(1000);
    refused_in_both_languages(&env, &["log", "call", &long_number]);
    let zh = env.refused(&["log", "call", "10086", "--note", &big]);
    assert!(zh.contains("太长"), "{zh}");

    let eml = env.data().join("huge.eml");
    let subject = "x".repeat(1024 * 1024);
    std::fs::write(
        &eml,
        format!("From: a@b.cn\r\nSubject: {subject}\r\n\r\nbody\r\n"),
    )
    .expect("write");
    let id = env.log(&["email", "--eml", eml.to_str().expect("p")]);
    let list = env.list_json();
    let e = entry(&list, &id);
    let summary = e["current"]["summary"].as_str().expect("summary");
    assert!(
        summary.chars().count() < 1000,
        "{} chars",
        summary.chars().count()
    );
    let file_size = std::fs::metadata(&eml).expect("size").len();
    assert_eq!(e["attachments"][0]["size"], file_size);

    let draft = leakaid::case::EvidenceDraft {
        kind: Some(leakaid::case::EvidenceKind::Call),
        counterpart: "10086".into(),
        summary: "字".repeat(1024 * 1024 / 3),
        ..Default::default()
    };
    assert!(
        draft.validate(&jiff::ZonedDateTime::now()).is_err(),
        "a 1 MB summary is refused"
    );
}

#[test]
fn usage_errors_exit_with_2() {
    let env = Env::new();
    for args in [
        vec!["log"],
        vec!["log", "fax", "10086"],
        vec!["retract", "E1"],
        vec!["attach", "E1"],
        vec!["list", "--kind", "pigeon"],
        vec!["export", "pdfx"],
        vec!["--lang", "fr", "list"],
        vec!["frobnicate"],
    ] {
        let out = env.run(&args);
        assert_eq!(out.status.code(), Some(2), "`{}`", args.join(" "));
        assert!(!out.stderr.is_empty());
    }
    assert!(env.journal_bytes().is_empty());
}

/// A language saved in the data folder's config.toml (the wizard's `L` key) is used when
/// `--lang` is not given; `--lang` still wins.
#[test]
fn the_saved_language_applies_unless_lang_is_given() {
    let env = Env::new();
    env.log(&["call", "10086", "-n", "bank"]);
    std::fs::write(env.data().join("config.toml"), "lang = \"en\"\n").expect("write config");
    let en = env.ok(&["list"]);
    assert!(en.contains("summary"), "{en}");
    let zh = env.ok(&["--lang", "zh", "list"]);
    assert!(zh.contains("内容"), "{zh}");
}

#[test]
fn money_times_birth_dates_and_invisible_numbers_are_checked() {
    let env = Env::new();
    env.log(&["call", "10086", "--lost", "10000000000"]);
    for args in [
        vec!["log", "call", "10086", "--lost", "10000000000.01"],
        vec!["log", "call", "10086", "--lost", "99999999999999999"],
        vec!["correct", "E1", "--lost", "20000000000"],
        vec!["log", "call", "10086", "--at", "-99999999h"],
        vec!["log", "call", "10086", "--at", "1969-12-31 23:59"],
        vec!["log", "call", "10086", "--at", "2026-11-29T14:05:00+25:00"],
        vec!["log", "call", "\u{200B}"],
        vec!["log", "sms", "\u{FEFF} \u{2060}"],
        vec!["profile", "set", "--birth", "2999-01-01"],
        vec!["profile", "set", "--birth", "1850-01-01"],
    ] {
        refused_in_both_languages(&env, &args);
    }
    let zh = env.refused(&["log", "call", "10086", "--lost", "99999999999999999"]);
    assert!(zh.contains("100 亿"), "{zh}");
    let zh = env.refused(&["log", "call", "10086", "--at", "-99999999h"]);
    assert!(zh.contains("1970"), "{zh}");

    // Two entries at the limit: the totals neither wrap nor go negative.
    env.log(&["call", "10086", "--lost", "10000000000"]);
    let brief = env.ok(&["lawyer", "brief"]);
    assert!(brief.contains("20000000000.00"), "{brief}");
    env.ok(&["export", "pdf"]);

    // A zero-width space inside a number is removed: one caller, one lead.
    let id = env.log(&["call", "138\u{200B}0013\u{200B}8000"]);
    let list = env.list_json();
    assert_eq!(entry(&list, &id)["current"]["counterpart"], "13800138000");

    // A mistyped ID number is not echoed in full.
    let zh = env.refused(&["profile", "set", "--id-number", "110105194912310021"]);
    assert!(
        !zh.contains("110105194912310021") && zh.contains("110105********0021"),
        "{zh}"
    );
}

#[test]
fn an_email_with_no_date_or_a_future_date_is_logged_at_the_receipt_time() {
    let env = Env::new();
    let before = jiff::Timestamp::now();
    for (name, date, word) in [
        ("empty.eml", "Date: \r\n", "没有日期"),
        ("garbled.eml", "Date: someday soon\r\n", "看不懂"),
        ("future.eml", "Date: Fri, 01 Jan 2100 00:00:00 +0000\r\n", "可疑"),
    ] {
        let eml = env.data().join(name);
        std::fs::write(
            &eml,
            format!("From: a@scam.example\r\nSubject: 中奖\r\n{date}\r\nbody\r\n"),
        )
        .expect("write");
        let out = env.run(&["log", "email", "--eml", eml.to_str().expect("p")]);
        assert!(out.status.success());
        let stderr = String::from_utf8(out.stderr).expect("utf-8");
        assert!(stderr.contains(word), "{name}: {stderr}");
        let id = common::printed_id(&String::from_utf8(out.stdout).expect("utf-8")).expect("id");
        let list = env.list_json();
        let e = entry(&list, &id);
        let at: jiff::Timestamp = e["current"]["occurred_at"]
            .as_str()
            .expect("at")
            .parse()
            .expect("ts");
        assert!(at.as_second() >= before.as_second() - 1, "{name}: logged at {at}");
        if name == "future.eml" {
            let summary = e["current"]["summary"].as_str().expect("summary");
            assert!(summary.contains("2100"), "the claimed date is kept: {summary}");
        }
    }
}

#[test]
fn case_names_that_would_not_fit_or_that_hide_text_are_refused_and_echoed_clean() {
    let env = Env::new();
    let long = "骚".repeat(84);
    for name in [
        long.as_str(),
        "报案\u{202E}gpj.exe",
        "a\u{1b}]0;PWNED\u{7}\u{1b}[2Jb",
    ] {
        refused_in_both_languages(&env, &["--case", name, "log", "call", "10086"]);
        let zh = env.refused(&["--case", name, "log", "call", "10086"]);
        assert!(
            !zh.contains('\u{1b}') && !zh.contains('\u{202E}') && !zh.contains("再试"),
            "{zh:?}"
        );
    }
    let zh = env.refused(&["--case", &long, "log", "call", "10086"]);
    assert!(zh.contains("太长") && zh.contains("字节"), "{zh}");
    // The longest accepted name exports under its default name.
    let longest = "骚".repeat(leakaid::casedir::MAX_CASE_NAME_BYTES / 3);
    env.ok(&["--case", &longest, "log", "call", "10086"]);
    env.ok(&["--case", &longest, "export", "pdf"]);
    env.ok(&["--case", &longest, "export", "csv"]);
}

#[test]
fn warned_contacts_and_consultations_are_corrected_and_withdrawn_with_their_history() {
    let env = Env::new();
    env.ok(&["warn", "add", "妈妈", "--via", "微信", "--at", "-2h"]);
    env.ok(&["warn", "add", "妈妈 ", "--via", "电话"]);
    env.ok(&["warn", "add", "+86 138-0013-8000"]);
    env.ok(&["warn", "add", "13800138000", "--note", "同一个号码"]);
    // Four records, two people.
    assert!(env.ok(&["warn", "list"]).contains("已提醒 2 位（4 条记录）"));
    env.ok(&["warn", "correct", "W1", "--via", "当面", "--reason", "记错了方式"]);
    env.ok(&["warn", "correct", "w3", "--who", "李阿姨"]);
    env.ok(&["warn", "retract", "W2", "--reason", "重复记录"]);
    let list = env.ok(&["warn", "list"]);
    // W3 now names someone else; the withdrawn W2 is not counted (W1 still names 妈妈).
    for part in [
        "已提醒 3 位（4 条记录）",
        "[已撤回] 妈妈  电话",
        "[已更正] 妈妈  当面",
        "方式 → 当面 — 记错了方式",
        "撤回：重复记录",
    ] {
        assert!(list.contains(part), "warn list lacks {part}: {list}");
    }
    let json: Value = serde_json::from_str(&env.ok(&["warn", "list", "--json"])).expect("json");
    assert_eq!(json[0]["via"], "当面");
    assert_eq!(json[0]["history"]["original"]["via"], "微信");
    assert_eq!(json[1]["history"]["retracted"]["reason"], "重复记录");
    assert!(json[3].get("history").is_none());

    // Refusals name the record or the field, in the user's language; nothing is written.
    let before = env.journal_bytes();
    for args in [
        vec!["warn", "correct", "W9", "--via", "x"],
        vec!["warn", "correct", "W2", "--via", "x"],
        vec!["warn", "retract", "W2", "--reason", "again"],
        vec!["warn", "retract", "W1", "--reason", "  "],
        vec!["warn", "correct", "W1", "--via", "当面"],
        vec!["warn", "correct", "W1", "--who", " "],
        vec!["warn", "correct", "W1", "--at", "明年"],
        vec!["lawyer", "correct", "L1", "--firm", "x"],
    ] {
        refused_in_both_languages(&env, &args);
    }
    assert_eq!(env.journal_bytes(), before);
    let zh = env.refused(&["warn", "correct", "W9", "--via", "x"]);
    assert!(zh.contains("W9") && zh.contains("leakaid warn list"), "{zh}");
    assert!(
        env.refused(&["warn", "correct", "W1", "--who", " "])
            .contains("提醒了谁")
    );
    assert!(
        env.refused(&["--lang", "en", "warn", "retract", "W2", "--reason", "x"])
            .contains("withdrawn")
    );

    env.ok(&["lawyer", "add", "王律师", "--firm", "某某律所"]);
    env.ok(&["lawyer", "add", "12348"]);
    env.ok(&[
        "lawyer",
        "correct",
        "L1",
        "--note",
        "建议先报案",
        "--reason",
        "补充",
    ]);
    env.ok(&["lawyer", "retract", "L2", "--reason", "打错了"]);
    let lawyers = env.ok(&["lawyer", "list"]);
    for part in [
        "[已更正] 王律师",
        "建议先报案",
        "备注 → 建议先报案 — 补充",
        "[已撤回] 12348",
        "撤回：打错了",
    ] {
        assert!(lawyers.contains(part), "lawyer list lacks {part}: {lawyers}");
    }
    assert!(
        env.refused(&["lawyer", "correct", "L1", "--lawyer", ""])
            .contains("律师")
    );
    let en = env.ok(&["--lang", "en", "lawyer", "list"]);
    assert!(
        en.contains("[withdrawn] 12348") && en.contains("note → 建议先报案"),
        "{en}"
    );
    env.verify_ok();
}

#[test]
fn report_list_shows_each_update_in_order_with_its_time() {
    let env = Env::new();
    env.ok(&["report", "add", "--channel", "派出所", "--at", "-1h"]);
    env.ok(&[
        "report",
        "update",
        "R1",
        "--status",
        "accepted",
        "--receipt",
        "2026-118",
    ]);
    env.ok(&[
        "report",
        "update",
        "R1",
        "--follow-up",
        "+7d",
        "--note",
        "民警说一周后回电",
    ]);
    let list = env.ok(&["report", "list"]);
    let first = list
        .find("状态 → 已受理（有回执）；回执编号 → 2026-118")
        .expect("first update");
    let second = list.find("跟进日期 → ").expect("second update");
    assert!(first < second, "{list}");
    assert!(
        list.contains("记录报案") && list.contains("备注 → 民警说一周后回电"),
        "{list}"
    );
    let en = env.ok(&["--lang", "en", "report", "list"]);
    assert!(
        en.contains("status → accepted (receipt); receipt → 2026-118"),
        "{en}"
    );
}

#[test]
fn export_pdf_copies_the_packet_to_the_desktop_when_asked_or_set() {
    let env = Env::new();
    env.log(&["call", "10086", "-n", "自称客服", "--at", "2026-11-28 10:00"]);
    let home = env.data().join("home");
    std::fs::create_dir_all(home.join("Desktop")).expect("mkdir");
    let export = |args: &[&str]| {
        let mut c = env.cmd();
        c.env("HOME", &home)
            .env("XDG_CONFIG_HOME", home.join(".config"))
            .env_remove("XDG_DESKTOP_DIR")
            .env_remove("XDG_DOWNLOAD_DIR")
            .args(["export", "pdf", "--date", "2026-11-29"])
            .args(args);
        c.output().expect("run leakaid")
    };
    let copies = || std::fs::read_dir(home.join("Desktop")).expect("desktop").count();

    // Off by default on the command line.
    assert!(export(&[]).status.success());
    assert_eq!(copies(), 0);

    let out = export(&["--copy-to-desktop"]);
    assert!(out.status.success());
    let stdout = String::from_utf8_lossy(&out.stdout);
    let made = std::path::PathBuf::from(stdout.lines().next().expect("the packet's path"));
    let name = made.file_name().expect("a file").to_string_lossy().to_string();
    let copy = home.join("Desktop").join(&name);
    assert!(
        stdout.contains(&format!("已复制一份到：~/Desktop/{name}")),
        "{stdout}"
    );
    assert_eq!(
        std::fs::read(&copy).expect("copy"),
        std::fs::read(&made).expect("packet")
    );

    // The setting makes it the default.
    std::fs::write(env.data().join("config.toml"), "copy_to_desktop = true\n").expect("config");
    assert!(export(&[]).status.success());
    assert_eq!(copies(), 2);

    // Nowhere to put it: the packet is still made, and the user is told in a sentence.
    std::fs::remove_dir_all(home.join("Desktop")).expect("rm");
    let out = export(&["--lang", "en"]);
    assert!(out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("No Desktop or Downloads folder found"),
        "{out:?}"
    );
}

#[test]
fn show_prints_the_transfer_and_its_corrections() {
    let env = Env::new();
    env.log(&[
        "call",
        "13800138000",
        "--lost",
        "5000",
        "--to-account",
        "6222 0212 3456 7890",
        "--to-name",
        "李某",
    ]);
    env.ok(&["correct", "E1", "--to-bank", "中国银行", "--reason", "补充"]);
    let shown = env.ok(&["show", "E1"]);
    for part in [
        "收款账户: 6222 0212 3456 7890",
        "收款人: 李某",
        "收款银行: 中国银行",
        "收款银行 → 中国银行",
    ] {
        assert!(shown.contains(part), "show lacks {part}: {shown}");
    }
    let en = env.ok(&["--lang", "en", "show", "E1"]);
    assert!(en.contains("receiving bank: 中国银行"), "{en}");
}

#[test]
fn a_print_date_after_tomorrow_or_before_the_last_entry_is_refused() {
    let env = Env::new();
    env.log(&["call", "10086", "-n", "自称客服", "--at", "2026-11-28 10:00"]);
    env.ok(&["profile", "set", "--name", "王䶮", "--phone", "13912345678"]);
    for args in [
        vec!["export", "pdf", "--date", "1900-01-01"],
        vec!["export", "pdf", "--date", "2026-11-27"],
        vec!["export", "pdf", "--date", "9999-12-31"],
        vec!["letter", "carrier", "--date", "9999-12-31", "--text"],
        vec!["letter", "12321", "--date", "2026-11-27", "--text"],
    ] {
        let out = env.cmd().args(&args).output().expect("run leakaid");
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let said = String::from_utf8_lossy(&out.stderr);
        assert!(said.contains("日期"), "{args:?}: {said}");
    }
    let exports = env.data().join("default").join("exports");
    assert!(
        !exports.exists() || std::fs::read_dir(&exports).expect("ls").next().is_none(),
        "nothing written"
    );
    let out = env
        .cmd()
        .args(["export", "pdf", "--date", "2026-11-28"])
        .output()
        .expect("run leakaid");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn log_and_correct_say_where_the_original_is_kept_and_an_entry_without_it_writes_no_key() {
    let env = Env::new();
    env.log(&["call", "17012345678", "-n", "未接来电"]);
    env.log(&["sms", "10690000", "-n", "广告", "--original", "已删除"]);
    let json: Vec<Value> = serde_json::from_str(&env.ok(&["list", "--json"])).expect("json");
    assert!(json[0]["current"].get("kept_at").is_none(), "{json:?}");
    assert_eq!(json[1]["current"]["kept_at"], "已删除");
    let journal = std::fs::read_to_string(env.case_dir().join("journal.jsonl")).expect("journal");
    let first = journal.lines().next().expect("a line").to_string();
    assert!(!first.contains("kept_at"), "{first}");
    env.ok(&["correct", "E1", "--original", "手机", "--reason", "原件在手机上"]);
    let json: Vec<Value> = serde_json::from_str(&env.ok(&["list", "--json"])).expect("json");
    assert_eq!(json[0]["current"]["kept_at"], "手机");
    // The correction is a new line; the first line is as it was.
    let journal = std::fs::read_to_string(env.case_dir().join("journal.jsonl")).expect("journal");
    assert_eq!(journal.lines().next(), Some(first.as_str()));
    // attach --original: the file, then where its original is kept.
    let shot = env.data().join("截图.png");
    std::fs::write(&shot, b"png").expect("write");
    env.ok(&["attach", "E2", shot.to_str().expect("p"), "--original", "电脑"]);
    let json: Vec<Value> = serde_json::from_str(&env.ok(&["list", "--json"])).expect("json");
    assert_eq!(json[1]["current"]["kept_at"], "电脑");
    assert_eq!(json[1]["attachments"][0]["original_name"], "截图.png");
    let shown = env.ok(&["show", "E2"]);
    assert!(shown.contains("原件所在: 电脑"), "{shown}");
    env.verify_ok();
}
