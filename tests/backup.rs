//! `leakaid backup` and `leakaid restore` as a user runs them: a round trip into a fresh data
//! folder gives the same fingerprint; a wrong passphrase, a cut or a changed backup and an
//! existing case are each refused with one sentence and nothing written.

mod common;

use std::path::{Path, PathBuf};
use std::process::Output;

use common::{Env, assert_one_sentence, fingerprint_in};

/// The passphrase the tests use (a strong one: no warning).
const PASS: &str = "青山 绿水 长流 7 只 白鹭";

/// Runs `args` with `stdin` on standard input and a small scrypt work factor.
fn run_with(env: &Env, args: &[&str], stdin: &str) -> Output {
    env.cmd()
        .env("LEAKAID_TEST_SCRYPT_LOG_N", "10")
        .args(args)
        .write_stdin(stdin)
        .timeout(common::HANG)
        .output()
        .expect("run leakaid")
}

/// A case with two entries, an attachment larger than one of age's 64 KiB chunks and a
/// small one, and a profile.
fn case_with_attachments() -> (Env, tempfile::TempDir) {
    let env = Env::new();
    let files = tempfile::tempdir().expect("tmp");
    let big = files.path().join("录音.m4a");
    let bytes: Vec<u8> = (0..300_000u32).map(|i| (i * 7 % 251) as u8).collect();
    std::fs::write(&big, bytes).expect("write");
    let small = files.path().join("截图.png");
    std::fs::write(&small, b"\x89PNG small").expect("write");
    env.log(&["call", "13800138000", "-n", "自称公安", "--attach", path(&big)]);
    env.log(&["sms", "10690000", "-n", "退款链接", "--attach", path(&small)]);
    env.ok(&["profile", "set", "--name", "王小明"]);
    (env, files)
}

fn path(p: &Path) -> &str {
    p.to_str().expect("UTF-8 path")
}

/// Backs up the case of `env` into `file`; returns the printed fingerprint.
fn backup(env: &Env, file: &Path) -> String {
    let out = run_with(
        env,
        &["backup", path(file), "--passphrase-fd", "0"],
        &format!("{PASS}\n"),
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "backup failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "no warning for a strong passphrase: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    fingerprint_in(&stdout).expect("backup prints the fingerprint")
}

/// Everything under `dir`, relative, sorted.
fn tree(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).expect("ls").flatten() {
            let p = e.path();
            out.push(p.strip_prefix(dir).expect("inside").to_path_buf());
            if e.file_type().expect("type").is_dir() {
                stack.push(p);
            }
        }
    }
    out.sort();
    out
}

/// A restore into `target` that must be refused with one sentence and leave `target` as it was.
fn refused_restore(target: &Env, file: &Path, stdin: &str, lang_en: bool) -> String {
    let before = tree(target.data());
    let mut args = vec!["restore", path(file), "--passphrase-fd", "0"];
    if lang_en {
        args.extend(["--lang", "en"]);
    }
    let out = run_with(target, &args, stdin);
    let stderr = String::from_utf8(out.stderr).expect("UTF-8");
    assert_eq!(out.status.code(), Some(1), "refused: {stderr}");
    assert!(out.stdout.is_empty());
    assert_one_sentence(
        &stderr,
        if lang_en {
            common::Lang::En
        } else {
            common::Lang::Zh
        },
    );
    assert_eq!(tree(target.data()), before, "a refused restore wrote nothing");
    stderr
}

#[test]
fn backup_then_restore_into_a_fresh_data_folder_gives_the_same_fingerprint() {
    let (env, _files) = case_with_attachments();
    let before = env.verify_ok();
    let out_dir = tempfile::tempdir().expect("tmp");
    let file = out_dir.path().join("案件备份.age");
    let printed = backup(&env, &file);
    assert_eq!(printed, before, "backup prints the case's fingerprint");

    // Nothing about the victim in the clear: the file is age, and neither the name, the
    // notes nor the attachments' bytes appear in it.
    let bytes = std::fs::read(&file).expect("read backup");
    assert!(bytes.starts_with(b"age-encryption.org/v1\n-> scrypt "));
    let text = String::from_utf8_lossy(&bytes);
    // Only strings long enough that random ciphertext cannot hold them by chance.
    for secret in ["王小明", "13800138000", "journal.jsonl", "leakaid-backup"] {
        assert!(!text.contains(secret), "{secret} is readable in the backup");
    }
    let png = b"\x89PNG\r\n\x1a\n";
    assert!(
        !bytes.windows(png.len()).any(|w| w == png),
        "a picture is readable in the backup"
    );

    let fresh = Env::new();
    let out = run_with(
        &fresh,
        &["restore", path(&file), "--passphrase-fd", "0"],
        &format!("{PASS}\n"),
    );
    assert!(
        out.status.success(),
        "restore failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let restored = fingerprint_in(&String::from_utf8_lossy(&out.stdout)).expect("fingerprint");
    assert_eq!(restored, before);
    assert_eq!(
        fresh.verify_ok(),
        before,
        "verify on the restored case prints the same fingerprint"
    );
    assert_eq!(fresh.list_json().len(), 2);
    assert!(fresh.ok(&["profile", "show"]).contains("王小明"));
    assert_eq!(
        std::fs::read(fresh.journal()).expect("journal"),
        env.journal_bytes(),
        "the journal comes back byte for byte"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        for rel in tree(&fresh.case_dir()) {
            let p = fresh.case_dir().join(&rel);
            let meta = std::fs::metadata(&p).expect("meta");
            let want = if meta.is_dir() { 0o700 } else { 0o600 };
            assert_eq!(meta.permissions().mode() & 0o777, want, "{}", rel.display());
        }
        let case = std::fs::metadata(fresh.case_dir()).expect("meta");
        assert_eq!(case.permissions().mode() & 0o777, 0o700);
    }
    // No temporary folder is left in the data folder.
    assert_eq!(
        tree(fresh.data())
            .iter()
            .filter(|p| p.components().count() == 1)
            .count(),
        1
    );

    // Restored under another name next to the original: the original is untouched.
    let out = run_with(
        &env,
        &["restore", path(&file), "--case", "恢复的", "--passphrase-fd", "0"],
        &format!("{PASS}\n"),
    );
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(env.verify_ok(), before);
    let other = env.ok(&["--case", "恢复的", "verify"]);
    assert_eq!(fingerprint_in(&other).as_deref(), Some(before.as_str()));
}

#[test]
fn a_wrong_passphrase_is_one_sentence_and_writes_nothing() {
    let (env, _files) = case_with_attachments();
    let dir = tempfile::tempdir().expect("tmp");
    let file = dir.path().join("b.age");
    backup(&env, &file);
    let fresh = Env::new();
    let zh = refused_restore(&fresh, &file, "not the passphrase\n", false);
    assert!(zh.contains("口令不对"), "{zh}");
    let en = refused_restore(&fresh, &file, "not the passphrase\n", true);
    assert!(en.contains("passphrase is wrong"), "{en}");
}

#[test]
fn a_cut_backup_is_named_as_incomplete_and_writes_nothing() {
    let (env, _files) = case_with_attachments();
    let dir = tempfile::tempdir().expect("tmp");
    let file = dir.path().join("b.age");
    backup(&env, &file);
    let bytes = std::fs::read(&file).expect("read");
    assert!(bytes.len() > 3 * 65_552, "the case spans several chunks");
    let header_end = bytes.windows(4).position(|w| w == b"\n---").expect("header") + 48;
    let fresh = Env::new();
    // Cut inside the header, just after it, at a chunk boundary, inside a chunk, one byte short.
    for len in [
        40,
        header_end + 16,
        header_end + 16 + 65_552,
        bytes.len() / 2,
        bytes.len() - 1,
    ] {
        let cut = dir.path().join(format!("cut-{len}.age"));
        std::fs::write(&cut, &bytes[..len]).expect("write");
        let zh = refused_restore(&fresh, &cut, &format!("{PASS}\n"), false);
        assert!(zh.contains("不完整"), "cut at {len}: {zh}");
    }
    let cut = dir.path().join("cut-en.age");
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).expect("write");
    let en = refused_restore(&fresh, &cut, &format!("{PASS}\n"), true);
    assert!(en.contains("incomplete"), "{en}");
}

#[test]
fn a_changed_byte_is_named_as_a_change_and_writes_nothing() {
    let (env, _files) = case_with_attachments();
    let dir = tempfile::tempdir().expect("tmp");
    let file = dir.path().join("b.age");
    backup(&env, &file);
    let bytes = std::fs::read(&file).expect("read");
    let mac = bytes.windows(4).position(|w| w == b"\n---").expect("header") + 6;
    let fresh = Env::new();
    // The header's MAC (a flip that keeps it base64, and one that does not), the first
    // chunk, a chunk in the middle.
    for (at, flip) in [
        (mac, 0x01),
        (mac, 0x80),
        (mac + 60, 0x01),
        (bytes.len() / 2, 0x01),
    ] {
        let mut changed = bytes.clone();
        changed[at] ^= flip;
        let f = dir.path().join(format!("changed-{at}-{flip}.age"));
        std::fs::write(&f, &changed).expect("write");
        let zh = refused_restore(&fresh, &f, &format!("{PASS}\n"), false);
        assert!(zh.contains("被改动过"), "byte {at}: {zh}");
    }
    let mut changed = bytes.clone();
    changed[bytes.len() / 2] ^= 0x80;
    let f = dir.path().join("changed-en.age");
    std::fs::write(&f, &changed).expect("write");
    let en = refused_restore(&fresh, &f, &format!("{PASS}\n"), true);
    assert!(en.contains("was changed after it was made"), "{en}");
    // Not an age file at all.
    let f = dir.path().join("plain.txt");
    std::fs::write(&f, "just text\n").expect("write");
    let zh = refused_restore(&fresh, &f, &format!("{PASS}\n"), false);
    assert!(zh.contains("不是 leakaid 备份"), "{zh}");
}

#[test]
fn an_existing_case_is_never_restored_over() {
    let (env, _files) = case_with_attachments();
    let dir = tempfile::tempdir().expect("tmp");
    let file = dir.path().join("b.age");
    backup(&env, &file);
    let other = Env::new();
    other.log(&["call", "10086", "-n", "另一个案件"]);
    let before = other.journal_bytes();
    let zh = refused_restore(&other, &file, &format!("{PASS}\n"), false);
    assert!(zh.contains("已经存在"), "{zh}");
    assert_eq!(other.journal_bytes(), before);
    // Even an empty folder of that name is not replaced.
    let third = Env::new();
    std::fs::create_dir(third.case_dir()).expect("mkdir");
    refused_restore(&third, &file, &format!("{PASS}\n"), false);
}

#[test]
fn backup_refuses_to_overwrite_or_to_write_into_the_case_and_asks_for_a_passphrase() {
    let (env, _files) = case_with_attachments();
    let dir = tempfile::tempdir().expect("tmp");
    let file = dir.path().join("b.age");
    std::fs::write(&file, b"keep me").expect("write");
    let stdin = format!("{PASS}\n");
    let out = run_with(&env, &["backup", path(&file), "--passphrase-fd", "0"], &stdin);
    assert_eq!(out.status.code(), Some(1));
    assert_one_sentence(&String::from_utf8_lossy(&out.stderr), common::Lang::Zh);
    assert_eq!(std::fs::read(&file).expect("read"), b"keep me");
    let out = run_with(
        &env,
        &["backup", path(&file), "--force", "--passphrase-fd", "0"],
        &stdin,
    );
    assert!(out.status.success());
    assert!(
        std::fs::read(&file)
            .expect("read")
            .starts_with(b"age-encryption.org/v1")
    );

    let inside = env.case_dir().join("exports").join("b.age");
    std::fs::create_dir_all(inside.parent().expect("parent")).expect("mkdir");
    let out = run_with(&env, &["backup", path(&inside), "--passphrase-fd", "0"], &stdin);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("案件文件夹里面"), "{stderr}");
    assert!(!inside.exists());

    // An empty passphrase is refused; a weak one is warned about, and the backup is made.
    let f2 = dir.path().join("weak.age");
    let out = run_with(&env, &["backup", path(&f2), "--passphrase-fd", "0"], "\n");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("口令不能为空"));
    assert!(!f2.exists());
    let out = run_with(&env, &["backup", path(&f2), "--passphrase-fd", "0"], "123456\n");
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("容易被猜到"));
    assert!(f2.exists());
}

/// One entry of an archive made by hand: its name's bytes, its kind and its content.
type RawEntry<'a> = (&'a [u8], tar::EntryType, &'a [u8]);

/// A backup whose archive was made by hand: `entries` are (name bytes, kind, content), after
/// a valid description unless `manifest` is false.
fn hostile_backup(dir: &Path, entries: &[RawEntry], manifest: bool) -> PathBuf {
    let mut plain = Vec::new();
    {
        let mut tar = tar::Builder::new(&mut plain);
        let mut add = |name: &[u8], kind: tar::EntryType, data: &[u8]| {
            let mut h = tar::Header::new_gnu();
            h.as_gnu_mut().expect("gnu").name[..name.len()].copy_from_slice(name);
            h.set_entry_type(kind);
            h.set_mode(0o600);
            h.set_size(data.len() as u64);
            if matches!(kind, tar::EntryType::Symlink | tar::EntryType::Link) {
                h.set_link_name("/etc/passwd").expect("link");
            }
            h.set_cksum();
            tar.append(&h, data).expect("append");
        };
        if manifest {
            let m = br#"{"format":"leakaid-backup","version":1,"fingerprint":"0:","intact":true,"attachments":0}"#;
            add(b"leakaid-backup.json", tar::EntryType::Regular, m);
        }
        for (name, kind, data) in entries {
            add(name, *kind, data);
        }
        tar.finish().expect("finish");
    }
    let mut r = age::scrypt::Recipient::new(leakaid::backup::SecretString::from(PASS.to_string()));
    r.set_work_factor(10);
    let enc = age::Encryptor::with_recipients(std::iter::once(&r as &dyn age::Recipient)).expect("enc");
    let mut out = Vec::new();
    let mut w = enc.wrap_output(&mut out).expect("wrap");
    std::io::Write::write_all(&mut w, &plain).expect("write");
    w.finish().expect("finish");
    let file = dir.join(format!(
        "hostile-{}.age",
        entries.len() * 100 + usize::from(manifest)
    ));
    std::fs::write(&file, out).expect("write");
    file
}

#[test]
fn hostile_archive_entries_are_refused_and_nothing_is_written_anywhere() {
    let dir = tempfile::tempdir().expect("tmp");
    let hash = "ab".repeat(32);
    let vault = format!("case/vault/{hash}");
    let cases: Vec<(Vec<RawEntry>, bool)> = vec![
        (
            vec![(b"/tmp/leakaid-escape", tar::EntryType::Regular, b"x")],
            true,
        ),
        (vec![(b"../leakaid-escape", tar::EntryType::Regular, b"x")], true),
        (
            vec![(b"case/../../leakaid-escape", tar::EntryType::Regular, b"x")],
            true,
        ),
        (vec![(b"case/journal.jsonl", tar::EntryType::Symlink, b"")], true),
        (vec![(b"case/journal.jsonl", tar::EntryType::Link, b"")], true),
        (vec![(b"case/journal.jsonl", tar::EntryType::Char, b"")], true),
        (vec![(b"case/journal.jsonl", tar::EntryType::Block, b"")], true),
        (vec![(b"case/journal.jsonl", tar::EntryType::Fifo, b"")], true),
        (
            vec![(b"case/vault/evil.exe", tar::EntryType::Regular, b"x")],
            true,
        ),
        (
            vec![(b"case/exports/.hidden", tar::EntryType::Regular, b"x")],
            true,
        ),
        (vec![(b"case/elsewhere/x", tar::EntryType::Regular, b"x")], true),
        (
            vec![
                (vault.as_bytes(), tar::EntryType::Regular, b"one"),
                (vault.as_bytes(), tar::EntryType::Regular, b"two"),
            ],
            true,
        ),
        // The description must come first.
        (vec![(b"case/journal.jsonl", tar::EntryType::Regular, b"")], false),
    ];
    let target = Env::new();
    for (i, (entries, manifest)) in cases.iter().enumerate() {
        let sub = dir.path().join(i.to_string());
        std::fs::create_dir(&sub).expect("mkdir");
        let file = hostile_backup(&sub, entries, *manifest);
        let zh = refused_restore(&target, &file, &format!("{PASS}\n"), false);
        assert!(zh.contains("不会有的内容"), "case {i}: {zh}");
        assert!(!Path::new("/tmp/leakaid-escape").exists());
        assert!(!target.data().join("..").join("leakaid-escape").exists());
    }
}

#[test]
fn an_archive_without_a_journal_or_with_a_false_fingerprint_is_refused() {
    let dir = tempfile::tempdir().expect("tmp");
    let target = Env::new();
    // A well-formed archive whose journal does not give the recorded fingerprint.
    let line: &[u8] = b"not a journal line\n";
    let file = hostile_backup(
        dir.path(),
        &[(b"case/journal.jsonl", tar::EntryType::Regular, line)],
        true,
    );
    let zh = refused_restore(&target, &file, &format!("{PASS}\n"), false);
    assert!(zh.contains("核对不通过"), "{zh}");
}

#[test]
fn a_restore_onto_a_new_computer_makes_the_data_folder_and_a_wrong_passphrase_leaves_none() {
    let (env, _files) = case_with_attachments();
    let dir = tempfile::tempdir().expect("tmp");
    let file = dir.path().join("b.age");
    let printed = backup(&env, &file);
    let fresh = Env::new();

    let wrong = dir.path().join("新电脑-错");
    let out = run_with(
        &fresh,
        &[
            "--data-dir",
            path(&wrong),
            "restore",
            path(&file),
            "--passphrase-fd",
            "0",
        ],
        "not the passphrase\n",
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(!wrong.exists(), "a failed restore leaves no folder behind");

    let target = dir.path().join("新电脑").join("leakaid");
    let out = run_with(
        &fresh,
        &[
            "--data-dir",
            path(&target),
            "restore",
            path(&file),
            "--passphrase-fd",
            "0",
        ],
        &format!("{PASS}\n"),
    );
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&target).expect("made").permissions().mode();
        assert_eq!(mode & 0o777, 0o700);
    }
    let verified = run_with(&fresh, &["--data-dir", path(&target), "verify"], "");
    assert!(verified.status.success());
    let stdout = String::from_utf8_lossy(&verified.stdout);
    assert_eq!(
        fingerprint_in(&stdout).as_deref(),
        Some(printed.as_str()),
        "{stdout}"
    );
}
