//! The evidence bundle as a user makes and checks it: `export bundle DIR`, then
//! `sha256sum -c` and `verify --bundle DIR`; tampering, hostile attachment names, a folder
//! that is taken, a link, a redacted copy, and a write that fails half-way.

mod common;

use std::path::{Path, PathBuf};

use common::Env;
use common::pdf_text::page_texts;

const ID: &str = "11010519491231002X";
const PHONE: &str = "13912345678";

/// A 1×1 PNG.
const PNG: &[u8] = &[
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00,
    0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x02, 0x00, 0x00, 0x00, 0x90, 0x77, 0x53, 0xDE, 0x00,
    0x00, 0x00, 0x0C, 0x49, 0x44, 0x41, 0x54, 0x08, 0xD7, 0x63, 0xF8, 0xCF, 0xC0, 0x00, 0x00, 0x03, 0x01,
    0x01, 0x00, 0x18, 0xDD, 0x8D, 0xB0, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60,
    0x82,
];

/// A case with a profile and attachments named as a scammer or a phone names them.
fn case_with_files(env: &Env, files: &Path) -> Vec<PathBuf> {
    env.ok(&[
        "profile",
        "set",
        "--name",
        "王小明",
        "--id-number",
        ID,
        "--phone",
        PHONE,
        "--address",
        "北京市朝阳区某路1号",
    ]);
    std::fs::create_dir_all(files).expect("mkdir");
    let long = format!("{}.png", "a".repeat(240));
    let names = [
        "聊天截图.png".to_string(),
        "CON.png".to_string(),
        "invoice\u{202e}gnp.exe".to_string(),
        long,
        "..hidden.txt".to_string(),
    ];
    let paths: Vec<PathBuf> = names
        .iter()
        .map(|n| {
            let p = files.join(n);
            std::fs::write(
                &p,
                if n.ends_with(".png") {
                    PNG.to_vec()
                } else {
                    n.as_bytes().to_vec()
                },
            )
            .expect("write");
            p
        })
        .collect();
    let s = |p: &PathBuf| p.to_str().expect("utf8").to_string();
    env.log(&[
        "sms",
        "10690000123",
        "-n",
        "退款诈骗短信，报出了我的订单号",
        "--attach",
        &s(&paths[0]),
        "--attach",
        &s(&paths[1]),
    ]);
    env.log(&[
        "call",
        "13800000000",
        "-n",
        "冒充客服",
        "--attach",
        &s(&paths[2]),
        "--attach",
        &s(&paths[3]),
    ]);
    env.log(&[
        "email",
        "scam@x.example",
        "-n",
        "钓鱼邮件",
        "--attach",
        &s(&paths[4]),
    ]);
    paths
}

/// Every file under `dir`, relative, with `/`.
fn files(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).expect("read_dir") {
            let p = e.expect("entry").path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(
                    p.strip_prefix(dir)
                        .expect("inside")
                        .to_string_lossy()
                        .replace('\\', "/"),
                );
            }
        }
    }
    out.sort();
    out
}

fn copy_dir(from: &Path, to: &Path) {
    for f in files(from) {
        let dest = to.join(&f);
        std::fs::create_dir_all(dest.parent().expect("parent")).expect("mkdir");
        std::fs::copy(from.join(&f), dest).expect("copy");
    }
}

fn verify_bundle(env: &Env, dir: &Path, lang: &[&str]) -> std::process::Output {
    let mut args: Vec<&str> = lang.to_vec();
    args.extend(["verify", "--bundle", dir.to_str().expect("utf8")]);
    env.run(&args)
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn a_bundle_copied_elsewhere_checks_out_with_sha256sum_and_with_leakaid() {
    let env = Env::new();
    let work = tempfile::tempdir().expect("tempdir");
    case_with_files(&env, &work.path().join("in"));
    let fp = env.verify_ok();
    let made = work.path().join("证据");
    let out = env.ok(&["export", "bundle", made.to_str().expect("utf8")]);
    assert!(out.contains(&fp), "{out}");
    // Only its owner can open the folder, as the case folder itself.
    #[cfg(unix)]
    for dir in [made.clone(), made.join("附件")] {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&dir).expect("meta").permissions().mode();
        assert_eq!(mode & 0o777, 0o700, "{}", dir.display());
    }

    // Copied to "the USB stick": another folder.
    let stick = work.path().join("U盘").join("证据");
    copy_dir(&made, &stick);
    let listed = files(&stick);
    for want in [
        "SHA256SUMS.txt",
        "journal.jsonl",
        "报案材料.pdf",
        "证据清单.csv",
        "说明.txt",
        "附件/E1-1-聊天截图.png",
        "附件/E1-2-CON.png",
        "附件/E2-1-invoicegnp.exe",
        "附件/E3-1-hidden.txt",
    ] {
        assert!(listed.iter().any(|f| f == want), "{want} not in {listed:?}");
    }
    let long = listed
        .iter()
        .find(|f| f.starts_with("附件/E2-2-"))
        .expect("the long name");
    assert!(long.len() < 100 && long.ends_with(".png"), "{long}");

    // The standard tool reads SHA256SUMS.txt as it is.
    let sums = std::process::Command::new("sha256sum")
        .args(["-c", "SHA256SUMS.txt"])
        .current_dir(&stick)
        .output()
        .expect("sha256sum runs");
    assert!(sums.status.success(), "{}", String::from_utf8_lossy(&sums.stdout));
    let said = String::from_utf8_lossy(&sums.stdout);
    assert_eq!(
        said.lines().filter(|l| l.ends_with(": OK")).count(),
        listed.len() - 1,
        "{said}"
    );

    let v = verify_bundle(&env, &stick, &[]);
    let stdout = String::from_utf8_lossy(&v.stdout);
    assert!(
        v.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&v.stderr)
    );
    assert!(stdout.contains("完好") && stdout.contains(&fp), "{stdout}");
    let v = verify_bundle(&env, &stick, &["--lang", "en"]);
    assert!(String::from_utf8_lossy(&v.stdout).contains("Intact"));

    // 说明.txt opens in Notepad and says how to check.
    let readme = std::fs::read(stick.join("说明.txt")).expect("read");
    assert!(readme.starts_with(&[0xEF, 0xBB, 0xBF]));
    let text = String::from_utf8(readme[3..].to_vec()).expect("utf8");
    assert!(!text.replace("\r\n", "").contains('\n'), "CRLF line ends only");
    for part in [
        fp.as_str(),
        "certutil -hashfile",
        "shasum -a 256 -c SHA256SUMS.txt",
        "sha256sum -c SHA256SUMS.txt",
        "leakaid verify --bundle",
    ] {
        assert!(text.contains(part), "{part} missing from 说明.txt");
    }

    // The packet's 附 names each file with the start of its hash, and no U盘 it does not hold.
    let pdf = std::fs::read(stick.join("报案材料.pdf")).expect("read");
    let pages = page_texts(&pdf).expect("pdf text").join("\n");
    let squeezed: String = pages.chars().filter(|c| !c.is_whitespace()).collect();
    let sums_text = std::fs::read_to_string(stick.join("SHA256SUMS.txt")).expect("read");
    for line in sums_text.lines() {
        let (hash, path) = line.split_once("  ").expect("two spaces");
        if path == "报案材料.pdf" {
            continue;
        }
        let shown: String = format!("{path}{}", &hash[..16])
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        assert!(squeezed.contains(&shown), "{shown} not in the packet's annex");
    }
    assert!(
        !squeezed.contains("leakaidexportbundle"),
        "a bundled packet does not say how to make one"
    );
}

#[test]
fn a_packet_without_a_bundle_says_how_to_make_one() {
    let env = Env::new();
    env.log(&["call", "10086", "-n", "骚扰"]);
    let out = tempfile::tempdir().expect("tempdir");
    let pdf = out.path().join("p.pdf");
    env.ok(&["export", "pdf", "-o", pdf.to_str().expect("utf8")]);
    let text: String = page_texts(&std::fs::read(&pdf).expect("read"))
        .expect("text")
        .join("")
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    assert!(text.contains("leakaidexportbundle"), "{text}");
    assert!(
        !text.contains("电子数据（U盘或光盘）1份"),
        "no promise of a stick it does not hold"
    );
}

#[test]
fn a_changed_byte_a_removed_file_and_an_extra_file_are_each_named() {
    let env = Env::new();
    let work = tempfile::tempdir().expect("tempdir");
    case_with_files(&env, &work.path().join("in"));
    let made = work.path().join("b");
    env.ok(&["export", "bundle", made.to_str().expect("utf8")]);
    for (i, f) in files(&made).iter().enumerate() {
        let copy = work.path().join(format!("t{i}"));
        copy_dir(&made, &copy);
        let p = copy.join(f);
        let mut bytes = std::fs::read(&p).expect("read");
        let at = bytes.len() / 2;
        bytes[at] ^= 0x01;
        std::fs::write(&p, bytes).expect("write");
        let v = verify_bundle(&env, &copy, &[]);
        let err = String::from_utf8_lossy(&v.stderr);
        assert_eq!(
            v.status.code(),
            Some(1),
            "a changed byte in {f} went unnoticed: {err}"
        );
        if f != "SHA256SUMS.txt" {
            assert!(err.contains(&format!("{f} 的内容被改动过")), "{f}: {err}");
        }
    }
    let copy = work.path().join("removed");
    copy_dir(&made, &copy);
    std::fs::remove_file(copy.join("证据清单.csv")).expect("rm");
    std::fs::write(copy.join("附件").join("new.png"), PNG).expect("write");
    let v = verify_bundle(&env, &copy, &["--lang", "en"]);
    let err = String::from_utf8_lossy(&v.stderr);
    assert_eq!(v.status.code(), Some(1));
    assert!(err.contains("证据清单.csv is missing"), "{err}");
    assert!(err.contains("附件/new.png is not in SHA256SUMS.txt"), "{err}");

    // A journal line removed and the sums made again: the chain and the packet's fingerprint
    // give it away.
    let copy = work.path().join("rewritten");
    copy_dir(&made, &copy);
    let journal = std::fs::read_to_string(copy.join("journal.jsonl")).expect("read");
    let kept: Vec<&str> = journal.lines().collect();
    std::fs::write(
        copy.join("journal.jsonl"),
        format!("{}\n", kept[..kept.len() - 1].join("\n")),
    )
    .expect("write");
    let resummed = std::process::Command::new("sha256sum")
        .args(["报案材料.pdf", "journal.jsonl", "证据清单.csv", "说明.txt"])
        .args(files(&copy).iter().filter(|f| f.starts_with("附件/")))
        .current_dir(&copy)
        .output()
        .expect("sha256sum");
    std::fs::write(copy.join("SHA256SUMS.txt"), resummed.stdout).expect("write");
    let v = verify_bundle(&env, &copy, &[]);
    let err = String::from_utf8_lossy(&v.stderr);
    assert_eq!(v.status.code(), Some(1));
    assert!(err.contains("案件指纹") && err.contains("不一致"), "{err}");
}

#[test]
fn a_taken_folder_is_refused_and_only_a_bundle_is_replaced_with_force() {
    let env = Env::new();
    env.log(&["call", "10086", "-n", "骚扰"]);
    let work = tempfile::tempdir().expect("tempdir");
    let taken = work.path().join("taken");
    std::fs::create_dir(&taken).expect("mkdir");
    std::fs::write(taken.join("mine.txt"), "the user's own file").expect("write");
    let t = taken.to_str().expect("utf8");
    let err = env.refused(&["export", "bundle", t]);
    assert!(err.contains("里面有别的文件"), "{err}");
    let err = env.refused(&["export", "bundle", t, "--force"]);
    assert!(err.contains("加 --force 也不会"), "{err}");
    assert_eq!(files(&taken), vec!["mine.txt"]);

    // An empty folder is fine.
    let empty = work.path().join("empty");
    std::fs::create_dir(&empty).expect("mkdir");
    env.ok(&["export", "bundle", empty.to_str().expect("utf8")]);
    assert!(empty.join("SHA256SUMS.txt").is_file());

    // A bundle is refused without --force, replaced with it.
    let e = empty.to_str().expect("utf8");
    let err = env.refused(&["--lang", "en", "export", "bundle", e]);
    assert!(err.contains("--force"), "{err}");
    env.log(&["call", "10087", "-n", "又一个"]);
    let fp = env.verify_ok();
    env.ok(&["export", "bundle", e, "--force"]);
    let v = verify_bundle(&env, &empty, &[]);
    assert!(v.status.success());
    assert!(String::from_utf8_lossy(&v.stdout).contains(&fp));
    // Nothing hidden is left beside it.
    let beside: Vec<String> = std::fs::read_dir(work.path())
        .expect("read")
        .map(|e| e.expect("e").file_name().to_string_lossy().into_owned())
        .collect();
    assert!(beside.iter().all(|n| !n.starts_with('.')), "{beside:?}");

    // A bundle with a file put in by hand is not one leakaid may replace.
    std::fs::write(empty.join("note.txt"), "added").expect("write");
    let err = env.refused(&["export", "bundle", e, "--force"]);
    assert!(err.contains("里面有别的文件"), "{err}");
    assert!(empty.join("note.txt").is_file());
}

#[cfg(unix)]
#[test]
fn a_link_is_never_written_through() {
    let env = Env::new();
    env.log(&["call", "10086", "-n", "骚扰"]);
    let work = tempfile::tempdir().expect("tempdir");
    let real = work.path().join("real");
    std::fs::create_dir(&real).expect("mkdir");
    let link = work.path().join("link");
    std::os::unix::fs::symlink(&real, &link).expect("symlink");
    for force in [false, true] {
        let mut args = vec!["export", "bundle", link.to_str().expect("utf8")];
        if force {
            args.push("--force");
        }
        let err = env.refused(&args);
        assert!(err.contains("不是文件夹"), "{err}");
    }
    assert!(files(&real).is_empty());
    assert!(
        std::fs::symlink_metadata(&link)
            .expect("still there")
            .file_type()
            .is_symlink()
    );
}

#[test]
fn a_redacted_bundle_holds_no_record_and_no_id_number() {
    let env = Env::new();
    let work = tempfile::tempdir().expect("tempdir");
    case_with_files(&env, &work.path().join("in"));
    env.log(&[
        "call",
        "10086",
        "-n",
        &format!("骗子报出了我的身份证号 {ID} 和手机 {PHONE}"),
    ]);
    let shared = work.path().join("副本");
    env.ok(&["export", "bundle", shared.to_str().expect("utf8"), "--redact"]);
    let listed = files(&shared);
    assert_eq!(listed, vec!["SHA256SUMS.txt", "报案材料.pdf", "说明.txt"]);
    let digits: Vec<u8> = ID.bytes().collect();
    for f in &listed {
        let bytes = std::fs::read(shared.join(f)).expect("read");
        assert!(
            !contains(&bytes, &digits) && !contains(&bytes, PHONE.as_bytes()),
            "{f}"
        );
    }
    let text = page_texts(&std::fs::read(shared.join("报案材料.pdf")).expect("read"))
        .expect("text")
        .join("");
    assert!(
        !text.contains(ID) && !text.contains("19491231") && !text.contains(PHONE),
        "{text}"
    );
    let v = verify_bundle(&env, &shared, &[]);
    assert!(v.status.success(), "{}", String::from_utf8_lossy(&v.stderr));

    // The originals only when asked for; still no record.
    let with = work.path().join("副本2");
    env.ok(&[
        "export",
        "bundle",
        with.to_str().expect("utf8"),
        "--redact",
        "--with-attachments",
    ]);
    let listed = files(&with);
    assert!(
        !listed.iter().any(|f| f == "journal.jsonl" || f.ends_with(".csv")),
        "{listed:?}"
    );
    assert!(listed.iter().any(|f| f == "附件/E1-1-聊天截图.png"), "{listed:?}");
    assert!(verify_bundle(&env, &with, &[]).status.success());
}

/// A write that fails half-way (the file size limit, as a full disk would) leaves neither
/// the folder nor a hidden half of it.
#[cfg(target_os = "linux")]
#[test]
fn a_write_that_fails_leaves_no_half_bundle() {
    use std::os::unix::process::CommandExt;
    let env = Env::new();
    let work = tempfile::tempdir().expect("tempdir");
    let big = work.path().join("录音.png");
    std::fs::write(&big, vec![7u8; 512 * 1024]).expect("write");
    env.log(&[
        "call",
        "10086",
        "-n",
        "骚扰",
        "--attach",
        big.to_str().expect("utf8"),
    ]);
    let out_dir = work.path().join("out");
    let mut cmd = std::process::Command::new(common::bin());
    cmd.env("LEAKAID_DATA_DIR", env.data())
        .env_remove("LEAKAID_LANG")
        .args(["export", "bundle", out_dir.to_str().expect("utf8")]);
    // SAFETY: setrlimit and signal are async-signal-safe; nothing else runs in the child.
    unsafe {
        cmd.pre_exec(|| {
            let lim = libc::rlimit {
                rlim_cur: 256 * 1024,
                rlim_max: 256 * 1024,
            };
            libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
            if libc::setrlimit(libc::RLIMIT_FSIZE, &lim) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let out = cmd.output().expect("run");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("没有留下不完整的文件夹"), "{err}");
    assert!(!out_dir.exists());
    let left: Vec<String> = std::fs::read_dir(work.path())
        .expect("read")
        .map(|e| e.expect("e").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(left, vec!["录音.png"], "nothing but the original is left");
    // With room again it works.
    env.ok(&["export", "bundle", out_dir.to_str().expect("utf8")]);
    assert!(verify_bundle(&env, &out_dir, &[]).status.success());
}
