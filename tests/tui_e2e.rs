//! The real `leakaid` binary in a pseudo-terminal: log a call through the form typing
//! Chinese as an IME commits it, paste with bracketed paste, see an entry logged from another
//! terminal appear, resize, quit — and the terminal is given back as it was found.

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

struct Screen {
    parser: Arc<Mutex<vt100::Parser>>,
    bytes: Arc<Mutex<Vec<u8>>>,
}

impl Screen {
    fn text(&self) -> String {
        self.parser
            .lock()
            .map(|p| p.screen().contents())
            .unwrap_or_default()
    }

    /// Waits until the screen shows `needle` (no fixed sleeps: poll with a deadline).
    fn wait_for(&self, needle: &str) {
        let deadline = Instant::now() + Duration::from_secs(15);
        while Instant::now() < deadline {
            if self.text().contains(needle) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        unreachable!("screen never showed {needle:?}; it shows:\n{}", self.text());
    }
}

fn nz(n: u16) -> NonZeroU16 {
    NonZeroU16::new(n).unwrap_or(NonZeroU16::MIN)
}

/// Waits (with a deadline) for the wizard to end, and checks it ended well.
fn exits_cleanly(child: &mut (dyn portable_pty::Child + Send + Sync)) {
    let deadline = Instant::now() + Duration::from_secs(10);
    let status = loop {
        if let Some(s) = child.try_wait().expect("wait") {
            break s;
        }
        assert!(Instant::now() < deadline, "the wizard did not quit");
        std::thread::sleep(Duration::from_millis(20));
    };
    assert!(status.success());
}

fn journal_text(root: &Path) -> String {
    std::fs::read_to_string(root.join("default").join("journal.jsonl")).unwrap_or_default()
}

#[test]
fn a_call_logged_through_the_wizard_in_a_real_terminal() {
    let tmp = tempfile::tempdir().expect("tmp");
    let root = tmp.path().to_path_buf();
    let pty = native_pty_system();
    let pair = pty
        .openpty(PtySize {
            rows: 24,
            cols: 80,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("pty");
    let bin = env!("CARGO_BIN_EXE_leakaid");
    let mut cmd = CommandBuilder::new(bin);
    cmd.args(["--data-dir", root.to_str().expect("utf-8 path")]);
    cmd.env("TERM", "xterm-256color");
    cmd.env_remove("NO_COLOR");
    let mut child = pair.slave.spawn_command(cmd).expect("spawn");
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().expect("reader");
    let mut writer = pair.master.take_writer().expect("writer");
    let screen = Screen {
        parser: Arc::new(Mutex::new(vt100::Parser::new(nz(24), nz(80), 0))),
        bytes: Arc::new(Mutex::new(Vec::new())),
    };
    let (parser, bytes) = (screen.parser.clone(), screen.bytes.clone());
    std::thread::spawn(move || {
        let mut buf = [0u8; 8192];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            if let Ok(mut p) = parser.lock() {
                p.process(&buf[..n]);
            }
            if let Ok(mut b) = bytes.lock() {
                b.extend_from_slice(&buf[..n]);
            }
        }
    });
    let mut send = |s: &str| {
        writer.write_all(s.as_bytes()).expect("write");
        writer.flush().expect("flush");
    };

    screen.wait_for("信息泄露维权助手");
    screen.wait_for("下一步");
    // With the input method on: a Chinese character outside a field says so, and the
    // full-width keys it sends are the same commands.
    send("你");
    screen.wait_for("现在是中文输入状态");
    send("ｎ");
    screen.wait_for("新记录");
    send("13800138000");
    send("\t");
    // Chinese as an IME commits it: raw UTF-8.
    send("自称银行客服");
    screen.wait_for("自称银行客服");
    // A bracketed paste with an escape sequence in it.
    send("\x1b[200~要验证码\x1b[31m红\x1b[201~");
    screen.wait_for("要验证码红");
    send("\x13"); // Ctrl-S
    screen.wait_for("E1");
    send("１");
    screen.wait_for("13800138000");
    assert!(
        journal_text(&root).contains("自称银行客服要验证码红"),
        "{}",
        journal_text(&root)
    );

    // Another terminal logs a call while the wizard is open.
    let out = std::process::Command::new(bin)
        .args([
            "--data-dir",
            root.to_str().expect("utf-8"),
            "log",
            "call",
            "13900139000",
            "--note",
            "外部记录",
        ])
        .output()
        .expect("log runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    screen.wait_for("13900139000");
    screen.wait_for("外部记录");

    // Resize: small, too small, back.
    let resize = |rows: u16, cols: u16| {
        pair.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("resize");
        if let Ok(mut p) = screen.parser.lock() {
            p.set_size(nz(rows), nz(cols));
        }
    };
    resize(12, 40);
    screen.wait_for("2/2");
    resize(8, 30);
    screen.wait_for("请放大窗口");
    resize(24, 80);
    screen.wait_for("13900139000");

    send("ｑ");
    exits_cleanly(&mut *child);
    // Let the reader take the last bytes.
    let deadline = Instant::now() + Duration::from_secs(5);
    let written = loop {
        let b = screen.bytes.lock().map(|b| b.clone()).unwrap_or_default();
        let s = String::from_utf8_lossy(&b).into_owned();
        if s.contains("\x1b[?1049l") || Instant::now() > deadline {
            break s;
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let on = written
        .rfind("\x1b[?2004h")
        .expect("bracketed paste was turned on");
    let off = written.rfind("\x1b[?2004l").expect("bracketed paste turned off");
    let alt_on = written.rfind("\x1b[?1049h").expect("alternate screen entered");
    let alt_off = written.rfind("\x1b[?1049l").expect("alternate screen left");
    assert!(off > on && alt_off > alt_on);
    let lines = journal_text(&root).lines().count();
    assert_eq!(lines, 2);
}

#[test]
fn a_packet_exported_from_the_wizard_lands_in_the_exports_folder() {
    let tmp = tempfile::tempdir().expect("tmp");
    let root = tmp.path().to_path_buf();
    let bin = env!("CARGO_BIN_EXE_leakaid");
    // A case with one entry and a name, logged from the command line.
    for args in [
        vec!["log", "call", "13800138000", "--note", "自称客服"],
        vec!["profile", "set", "--name", "王小明"],
    ] {
        let out = std::process::Command::new(bin)
            .args(["--data-dir", root.to_str().expect("utf-8")])
            .args(&args)
            .output()
            .expect("runs");
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let pty = native_pty_system();
    let pair = pty
        .openpty(PtySize {
            rows: 24,
            cols: 80,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("pty");
    // A home of its own with a Desktop, where the wizard puts a copy of the packet.
    let home = tmp.path().join("home");
    let desktop = home.join("Desktop");
    std::fs::create_dir_all(&desktop).expect("desktop");
    let mut cmd = CommandBuilder::new(bin);
    cmd.args(["--data-dir", root.to_str().expect("utf-8 path")]);
    cmd.env("TERM", "xterm-256color");
    cmd.env("HOME", home.to_str().expect("utf-8 path"));
    cmd.env(
        "XDG_CONFIG_HOME",
        home.join(".config").to_str().expect("utf-8 path"),
    );
    cmd.env_remove("XDG_DESKTOP_DIR");
    cmd.env_remove("DISPLAY");
    cmd.env_remove("WAYLAND_DISPLAY");
    let mut child = pair.slave.spawn_command(cmd).expect("spawn");
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().expect("reader");
    let mut writer = pair.master.take_writer().expect("writer");
    let screen = Screen {
        parser: Arc::new(Mutex::new(vt100::Parser::new(nz(24), nz(80), 0))),
        bytes: Arc::new(Mutex::new(Vec::new())),
    };
    let parser = screen.parser.clone();
    std::thread::spawn(move || {
        let mut buf = [0u8; 8192];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            if let Ok(mut p) = parser.lock() {
                p.process(&buf[..n]);
            }
        }
    });
    let mut send = |s: &str| {
        writer.write_all(s.as_bytes()).expect("write");
        writer.flush().expect("flush");
    };
    screen.wait_for("下一步");
    send("ｘ");
    screen.wait_for("报案材料选项");
    send("朝阳分局某某派出所");
    screen.wait_for("朝阳分局某某派出所");
    send("\x13"); // Ctrl-S: make it
    screen.wait_for("已保存");
    let exports = root.join("default").join("exports");
    let pdfs: Vec<_> = std::fs::read_dir(&exports)
        .expect("exports folder")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "pdf"))
        .collect();
    assert_eq!(pdfs.len(), 1, "{pdfs:?}");
    let bytes = std::fs::read(&pdfs[0]).expect("pdf");
    assert!(bytes.starts_with(b"%PDF"));
    let name = pdfs[0]
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    // The path is on screen (it may wrap; the file name's start is on one row).
    screen.wait_for(&name[..16]);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&pdfs[0]).expect("meta").permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    // The copy on the Desktop, named on screen by its short path.
    screen.wait_for("已复制一份到：~/Desktop/");
    let copy = desktop.join(&name);
    assert_eq!(std::fs::read(&copy).expect("copy on the Desktop"), bytes);
    // o: there is no graphical desktop here, so the wizard says where the file is.
    send("o");
    screen.wait_for("这里不能直接打开文件");
    send("q");
    exits_cleanly(&mut *child);
}

/// The wizard in an 80x24 pseudo-terminal on the data folder `root`, with `env` set: its
/// screen, a way to type, and the process.
fn start_wizard(
    root: &Path,
    env: &[(&str, &str)],
) -> (
    Screen,
    Box<dyn Write + Send>,
    Box<dyn portable_pty::Child + Send + Sync>,
) {
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 24,
            cols: 80,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("pty");
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_leakaid"));
    cmd.args(["--data-dir", root.to_str().expect("utf-8 path")]);
    cmd.env("TERM", "xterm-256color");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let child = pair.slave.spawn_command(cmd).expect("spawn");
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().expect("reader");
    let writer = pair.master.take_writer().expect("writer");
    let screen = Screen {
        parser: Arc::new(Mutex::new(vt100::Parser::new(nz(24), nz(80), 0))),
        bytes: Arc::new(Mutex::new(Vec::new())),
    };
    let parser = screen.parser.clone();
    std::thread::spawn(move || {
        let _master = pair.master;
        let mut buf = [0u8; 8192];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            if let Ok(mut p) = parser.lock() {
                p.process(&buf[..n]);
            }
        }
    });
    (screen, writer, child)
}

#[test]
fn keys_typed_while_a_big_case_is_read_are_kept_and_times_read_in_the_zone_of_tz() {
    let tmp = tempfile::tempdir().expect("tmp");
    leakaid::synthetic::write_case(&tmp.path().join("default"), 30_000).expect("case");
    let (screen, mut writer, mut child) = start_wizard(tmp.path(), &[("TZ", "UTC")]);
    // Typed at once, before the case can have been read: step 1, then the last entry.
    writer.write_all("１G".as_bytes()).expect("write");
    writer.flush().expect("flush");
    screen.wait_for("收集证据 类型");
    screen.wait_for("时间均为本地时间（UTC+00:00）");
    screen.wait_for("↑ ");
    assert!(!screen.text().contains("正在读取"), "{}", screen.text());
    writer.write_all(b"q").expect("write");
    writer.flush().expect("flush");
    exits_cleanly(&mut *child);
}
