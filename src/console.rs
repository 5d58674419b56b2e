//! The console window a double-click opens. On Windows, a program started from Explorer gets a
//! console of its own that closes the moment the program ends: an error printed just before
//! would vanish unread. So when leakaid owns its window and stops with an error, it waits for
//! Enter ("按回车键关闭") first. In a terminal someone opened (cmd, PowerShell, Windows
//! Terminal, any Unix terminal) nothing waits.

use std::io::{BufRead, Write};

use crate::i18n::Lang;

/// True when the window closes as soon as leakaid ends: a Windows console that no other
/// program (no shell) shares. Always false elsewhere.
pub fn window_closes_on_exit() -> bool {
    #[cfg(windows)]
    {
        crate::winsys::owns_console()
    }
    #[cfg(not(windows))]
    {
        false
    }
}

/// The line asking to close the window, in `lang`.
pub fn close_prompt(lang: Lang) -> &'static str {
    lang.pick("按回车键关闭", "Press Enter to close")
}

/// Shows [`close_prompt`] on `out` and waits for a line (or the end) on `input`.
pub fn hold(lang: Lang, out: &mut dyn Write, input: &mut dyn BufRead) {
    let _ = write!(out, "\n{}", close_prompt(lang));
    let _ = out.flush();
    let mut line = String::new();
    let _ = input.read_line(&mut line);
}

/// When the window would close with leakaid, waits for Enter so the error above stays
/// readable.
pub fn hold_if_window_closes(lang: Lang) {
    if window_closes_on_exit() {
        hold(lang, &mut std::io::stderr(), &mut std::io::stdin().lock());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_prompt_waits_for_one_line_in_the_users_language() {
        let mut out = Vec::new();
        let mut input: &[u8] = b"\nmore";
        hold(Lang::Zh, &mut out, &mut input);
        assert_eq!(String::from_utf8(out).expect("utf8"), "\n按回车键关闭");
        assert_eq!(input, b"more", "only the one line is read");
        let mut out = Vec::new();
        hold(Lang::En, &mut out, &mut &b""[..]);
        assert!(
            String::from_utf8(out)
                .expect("utf8")
                .ends_with("Press Enter to close")
        );
    }

    #[cfg(not(windows))]
    #[test]
    fn a_unix_terminal_never_waits() {
        assert!(!window_closes_on_exit());
    }
}
