//! Hostile files and interrupted writes: files that never end (a FIFO, a link to
//! `/dev/zero`), folders where files belong, links planted at an export's name, temporary
//! files left by a killed process, and appends refused after their files were stored.
//!
//! Every command here runs with a timeout: a command that blocks on a FIFO or reads
//! `/dev/zero` forever is killed and the test fails, instead of the suite hanging.

#![cfg(unix)]

mod common;

use std::path::{Path, PathBuf};
use std::process::Output;

use common::{Env, HANG};

fn run_in_time(env: &Env, args: &[&str]) -> Output {
    let out = env.run(args);
    assert!(
        out.status.code().is_some(),
        "`leakaid {}` did not finish: it was killed after the timeout",
        args.join(" ")
    );
    out
}

fn mkfifo(p: &Path) {
    let c = std::ffi::CString::new(p.to_str().expect("utf-8 path")).expect("c path");
    // SAFETY: a valid NUL-terminated path and a mode.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0, "mkfifo");
}

/// A FIFO, a link to /dev/zero and a folder, each with what the sentence must name.
fn hostile_files(dir: &Path) -> Vec<(PathBuf, &'static str)> {
    let fifo = dir.join("never-ends.png");
    mkfifo(&fifo);
    let zero = dir.join("zero.eml");
    std::os::unix::fs::symlink("/dev/zero", &zero).expect("symlink");
    let folder = dir.join("a-folder.ttf");
    std::fs::create_dir(&folder).expect("mkdir");
    vec![(fifo, "管道"), (zero, "设备"), (folder, "文件夹")]
}

fn vault_names(env: &Env) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(env.case_dir().join("vault"))
        .map(|rd| {
            rd.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

#[test]
fn files_that_never_end_are_refused_as_attachments_emails_and_fonts() {
    let env = Env::new();
    env.log(&["call", "10086"]);
    let files = tempfile::tempdir().expect("tmp");
    for (path, word) in hostile_files(files.path()) {
        let p = path.to_str().expect("utf-8");
        for args in [
            vec!["log", "call", "10086", "--attach", p],
            vec!["attach", "E1", p],
            vec!["log", "email", "--eml", p],
            vec!["export", "pdf", "--font", p],
        ] {
            let zh = env.refused(&args);
            assert!(zh.contains(word), "{args:?}: {zh}");
            let mut en = vec!["--lang", "en"];
            en.extend_from_slice(&args);
            env.refused(&en);
        }
    }
    assert!(
        vault_names(&env).is_empty(),
        "nothing reached the vault: {:?}",
        vault_names(&env)
    );
    assert!(
        std::fs::read_dir(env.case_dir().join("exports")).is_err(),
        "no packet was written"
    );
}

#[test]
fn files_over_their_limit_are_refused_before_they_are_read() {
    let env = Env::new();
    env.log(&["call", "10086"]);
    let dir = tempfile::tempdir().expect("tmp");
    // Sparse files: as large as they claim, without taking the disk space.
    let sparse = |name: &str, len: u64| {
        let p = dir.path().join(name);
        std::fs::File::create(&p)
            .expect("create")
            .set_len(len)
            .expect("len");
        p.to_str().expect("p").to_string()
    };
    let video = sparse("video.mp4", 2048 * 1024 * 1024 + 1);
    let eml = sparse("huge.eml", 50 * 1024 * 1024 + 1);
    let font = sparse("huge.ttf", 64 * 1024 * 1024 + 1);
    for (args, limit) in [
        (vec!["log", "call", "10086", "--attach", &video], "2 GB"),
        (vec!["attach", "E1", &video], "2 GB"),
        (vec!["log", "email", "--eml", &eml], "50 MB"),
        (vec!["export", "pdf", "--font", &font], "64 MB"),
    ] {
        let zh = env.refused(&args);
        assert!(zh.contains(limit) && zh.contains("太大"), "{args:?}: {zh}");
    }
    assert!(vault_names(&env).is_empty());
}

#[test]
fn a_story_on_standard_input_is_bounded() {
    let env = Env::new();
    let big = vec![b'a'; 1024 * 1024 + 1];
    let before = env.journal_bytes();
    let out = env
        .cmd()
        .args(["profile", "story", "-"])
        .write_stdin(big)
        .timeout(HANG)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).expect("utf-8");
    assert!(stderr.contains("1 MB"), "{stderr}");
    assert_eq!(env.journal_bytes(), before);
}

#[test]
fn a_vault_entry_replaced_by_a_fifo_or_a_link_is_named_not_read() {
    let env = Env::new();
    let files = tempfile::tempdir().expect("tmp");
    let shot = files.path().join("shot.png");
    std::fs::write(&shot, b"\x89PNG\r\n\x1a\nnot really").expect("write");
    let note = files.path().join("note.txt");
    std::fs::write(&note, b"a note").expect("write");
    let memo = files.path().join("memo.txt");
    std::fs::write(&memo, b"another note").expect("write");
    env.log(&[
        "call",
        "10086",
        "--attach",
        shot.to_str().expect("p"),
        "--attach",
        note.to_str().expect("p"),
        "--attach",
        memo.to_str().expect("p"),
    ]);
    let names = vault_names(&env);
    assert_eq!(names.len(), 3);
    let vault = env.case_dir().join("vault");
    for name in &names {
        std::fs::remove_file(vault.join(name)).expect("rm");
    }
    mkfifo(&vault.join(&names[0]));
    std::os::unix::fs::symlink("/dev/zero", vault.join(&names[1])).expect("symlink");
    std::fs::create_dir(vault.join(&names[2])).expect("mkdir");

    let out = run_in_time(&env, &["verify"]);
    assert_eq!(out.status.code(), Some(1), "a breach");
    let text = String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    assert!(
        text.contains("管道") && text.contains("符号链接") && text.contains("文件夹"),
        "{text}"
    );
    for name in &names {
        assert!(text.contains(name.as_str()), "{name} is named: {text}");
    }

    // The packet is still made (the problems are named), without reading either entry.
    let out = run_in_time(&env, &["export", "pdf"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn export_o_never_replaces_without_force_and_never_writes_through_a_link() {
    let env = Env::new();
    env.log(&["call", "10086"]);
    let dir = tempfile::tempdir().expect("tmp");
    let existing = dir.path().join("out.json");
    std::fs::write(&existing, b"my own file").expect("write");
    let p = existing.to_str().expect("p");

    let zh = env.refused(&["export", "json", "-o", p]);
    assert!(zh.contains("--force"), "{zh}");
    assert_eq!(std::fs::read(&existing).expect("read"), b"my own file");
    env.refused(&["--lang", "en", "export", "csv", "-o", p]);

    env.ok(&["export", "json", "-o", p, "--force"]);
    let replaced = std::fs::read_to_string(&existing).expect("read");
    assert!(replaced.contains("10086"), "{replaced}");

    // The packet too: an existing file is kept unless --force.
    let pdf = dir.path().join("mine.pdf");
    std::fs::write(&pdf, b"my own pdf").expect("write");
    let zh = env.refused(&["export", "pdf", "-o", pdf.to_str().expect("p")]);
    assert!(zh.contains("--force"), "{zh}");
    assert_eq!(std::fs::read(&pdf).expect("read"), b"my own pdf");
    env.ok(&["export", "pdf", "-o", pdf.to_str().expect("p"), "--force"]);
    assert!(std::fs::read(&pdf).expect("read").starts_with(b"%PDF"));
    std::fs::remove_file(&pdf).expect("rm");

    // A link planted at the target: refused even with --force; its target is untouched.
    let victim = dir.path().join("victim.txt");
    std::fs::write(&victim, b"do not touch").expect("write");
    let link = dir.path().join("packet.pdf");
    std::os::unix::fs::symlink(&victim, &link).expect("symlink");
    let l = link.to_str().expect("p");
    for args in [
        vec!["export", "pdf", "-o", l],
        vec!["export", "pdf", "-o", l, "--force"],
        vec!["export", "csv", "-o", "/dev/null", "--force"],
        vec!["export", "csv", "-o", dir.path().to_str().expect("p"), "--force"],
    ] {
        env.refused(&args);
    }
    assert_eq!(std::fs::read(&victim).expect("read"), b"do not touch");
    assert!(
        std::fs::symlink_metadata(&link)
            .expect("link")
            .file_type()
            .is_symlink()
    );
    let mut left: Vec<String> = std::fs::read_dir(dir.path())
        .expect("ls")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    left.sort();
    assert_eq!(
        left,
        vec!["out.json", "packet.pdf", "victim.txt"],
        "no temporary file left"
    );
}

#[test]
fn temp_files_left_by_a_killed_process_are_removed_and_reported() {
    let env = Env::new();
    env.log(&["call", "10086"]);
    let case = env.case_dir();
    let exports = case.join("exports");
    std::fs::create_dir_all(&exports).expect("mkdir");
    let planted = [
        case.join("vault").join(".incoming-4242-1700000000"),
        exports.join(".leakaid-default-20261201-101010.pdf.tmp-4242"),
        case.join(".journal.jsonl.tmp-abc"),
    ];
    std::fs::create_dir_all(case.join("vault")).expect("mkdir");
    for p in &planted {
        std::fs::write(p, vec![0u8; 1000]).expect("plant");
    }
    let mine = exports.join("leakaid-default-kept.pdf");
    std::fs::write(&mine, b"an earlier export").expect("write");

    let out = run_in_time(&env, &["log", "call", "10010"]);
    assert_eq!(out.status.code(), Some(0));
    let stderr = String::from_utf8(out.stderr).expect("utf-8");
    let note: Vec<&str> = stderr.lines().collect();
    assert_eq!(note.len(), 1, "one line: {stderr}");
    assert!(
        note[0].contains("3 个临时文件") && note[0].contains("3000"),
        "{stderr}"
    );
    for p in &planted {
        assert!(!p.exists(), "{} is gone", p.display());
    }
    assert!(mine.exists(), "other files are kept");
    let again = run_in_time(&env, &["log", "call", "10010"]);
    assert!(again.stderr.is_empty(), "nothing left to report");
}

#[test]
fn a_refused_append_leaves_the_vault_exactly_as_it_was() {
    let env = Env::new();
    let files = tempfile::tempdir().expect("tmp");
    let old = files.path().join("old.txt");
    std::fs::write(&old, b"kept by E1").expect("write");
    let new = files.path().join("new.txt");
    std::fs::write(&new, b"never recorded").expect("write");
    env.log(&["call", "10086", "--attach", old.to_str().expect("p")]);
    let before = vault_names(&env);
    assert_eq!(before.len(), 1);

    // A damaged last line: the next append is refused after its files were received.
    let mut journal = std::fs::OpenOptions::new()
        .append(true)
        .open(env.journal())
        .expect("open");
    std::io::Write::write_all(&mut journal, b"{\"not\":\"an event\"}\n").expect("damage");
    for file in [&new, &old] {
        let f = file.to_str().expect("p");
        for args in [
            vec!["log", "call", "10010", "--attach", f],
            vec!["attach", "E1", f],
        ] {
            let zh = env.refused(&args);
            assert!(!zh.contains("第 0 行"), "{zh}");
            assert_eq!(vault_names(&env), before, "the vault is as it was");
        }
    }
}

#[test]
fn a_font_error_in_chinese_has_no_english_sentence_in_it() {
    let env = Env::new();
    env.log(&["call", "10086"]);
    let dir = tempfile::tempdir().expect("tmp");
    let fake = dir.path().join("fake.ttf");
    std::fs::write(&fake, b"this is not a font at all").expect("write");
    let p = fake.to_str().expect("p");
    for path in [p, "/no/such/font.otf"] {
        let zh = env.refused(&["export", "pdf", "--font", path]);
        let own = zh
            .replace(path, "")
            .replace("--font", "")
            .replace(".ttf", "")
            .replace(".otf", "")
            .replace(".ttc", "");
        let english: Vec<&str> = own
            .split(|c: char| !c.is_ascii_alphabetic())
            .filter(|w| w.len() >= 3)
            .collect();
        assert!(english.is_empty(), "English words {english:?} in: {zh}");
    }
}

#[test]
fn a_profile_name_holding_an_id_number_and_a_phone_is_refused_and_nothing_saved() {
    let env = Env::new();
    let said = env.refused(&["profile", "set", "--name", "张三 11010519491231002X 13800138000"]);
    assert!(said.contains("--id-number"), "{said}");
    let journal = env.data().join("default").join("journal.jsonl");
    let written = std::fs::read_to_string(&journal).unwrap_or_default();
    assert!(
        !written.contains("11010519491231002X"),
        "nothing saved: {written}"
    );
}

#[test]
fn json_output_escapes_c1_and_bidi_controls_from_a_hand_edited_journal() {
    let env = Env::new();
    env.log(&["call", "10086", "--note", "abc"]);
    let journal = env.data().join("default").join("journal.jsonl");
    let text = std::fs::read_to_string(&journal).expect("read");
    std::fs::write(&journal, text.replace("abc", "a\u{85}b\u{202e}c")).expect("edit");
    for args in [vec!["list", "--json"], vec!["leads", "--json"]] {
        let out = env.cmd().args(&args).output().expect("run leakaid");
        assert!(out.status.success(), "{args:?}");
        let json = String::from_utf8(out.stdout).expect("utf-8");
        assert!(
            !json.contains('\u{85}') && !json.contains('\u{202e}'),
            "{args:?}: {json:?}"
        );
        let _: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
    }
    let out = env.cmd().args(["list", "--json"]).output().expect("run leakaid");
    assert!(String::from_utf8_lossy(&out.stdout).contains("a\\u0085b\\u202ec"));
}
