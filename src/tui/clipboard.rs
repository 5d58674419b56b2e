//! Putting text on the clipboard: the system's clipboard through `arboard` where the platform
//! has one (Windows, macOS, X11, Wayland), else the terminal's own (OSC 52), which also works
//! over SSH in terminals that allow it. The text goes as given: callers pass whole paragraphs,
//! never lines cut at the screen width.

use std::io::Write;

/// Which clipboard took the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    /// The system clipboard.
    System,
    /// The terminal was asked to (OSC 52); whether it did, the program cannot know.
    Terminal,
}

/// The system clipboard, opened on first use and kept open for the session: on X11 and
/// Wayland the text stays on the clipboard only while its owner lives.
#[derive(Default)]
pub struct SystemClipboard {
    board: Option<arboard::Clipboard>,
}

impl std::fmt::Debug for SystemClipboard {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SystemClipboard")
            .field("open", &self.board.is_some())
            .finish()
    }
}

impl SystemClipboard {
    /// Puts `text` on the system clipboard; an error when there is none (no display, e.g.
    /// over SSH) or it refused. Windows' clipboard text has CRLF line ends (older Notepad
    /// pastes bare LFs as one line).
    pub fn set(&mut self, text: &str) -> Result<(), arboard::Error> {
        let board = match &mut self.board {
            Some(b) => b,
            None => self.board.insert(arboard::Clipboard::new()?),
        };
        if cfg!(windows) {
            board.set_text(crate::text::notepad::crlf(text))
        } else {
            board.set_text(text)
        }
    }
}

/// Copies `text`: to the system clipboard through `system`, else by writing the OSC 52
/// sequence to `terminal`.
pub fn copy<E>(text: &str, system: impl FnOnce(&str) -> Result<(), E>, terminal: &mut dyn Write) -> Route {
    if system(text).is_ok() {
        return Route::System;
    }
    let _ = terminal.write_all(osc52(text).as_bytes());
    let _ = terminal.flush();
    Route::Terminal
}

/// The OSC 52 sequence that asks the terminal to put `text` on the clipboard.
pub fn osc52(text: &str) -> String {
    use base64::Engine;
    format!(
        "\x1b]52;c;{}\x07",
        base64::engine::general_purpose::STANDARD.encode(text.as_bytes())
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn without_a_system_clipboard_the_terminal_gets_the_text_whole() {
        let text = "【提醒】我的个人信息可能已经泄露。如果有人自称是我或我的朋友，请先打电话给我本人确认。\n不要回拨陌生号码。";
        let mut out = Vec::new();
        let route = copy(text, |_| Err("no display"), &mut out);
        assert_eq!(route, Route::Terminal);
        let seq = String::from_utf8(out).expect("ascii");
        assert!(seq.starts_with("\x1b]52;c;") && seq.ends_with('\x07'), "{seq}");
        use base64::Engine;
        let body = &seq["\x1b]52;c;".len()..seq.len() - 1];
        let decoded = base64::engine::general_purpose::STANDARD
            .decode(body)
            .expect("base64");
        assert_eq!(decoded, text.as_bytes());
    }

    #[test]
    fn with_a_system_clipboard_nothing_is_sent_to_the_terminal() {
        let mut out = Vec::new();
        let mut got = String::new();
        let route = copy(
            "打电话",
            |t| {
                got = t.to_string();
                Ok::<(), ()>(())
            },
            &mut out,
        );
        assert_eq!((route, got.as_str(), out.len()), (Route::System, "打电话", 0));
    }
}
