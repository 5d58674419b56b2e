//! Plain text files as Windows' Notepad writes them: a UTF-8 byte order mark and CRLF line
//! ends, so a letter saved with `--text` opens in Chinese, line by line, in every Notepad
//! (before Windows 10 1809 Notepad showed LF-only text as one long line, and before 1903 it
//! needed the mark to read UTF-8).

/// The UTF-8 byte order mark.
pub const BOM: &[u8] = &[0xEF, 0xBB, 0xBF];

/// `text` with every line end written CRLF (a CRLF already there stays one).
pub fn crlf(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    let mut prev = '\0';
    for c in text.chars() {
        if c == '\n' && prev != '\r' {
            out.push('\r');
        }
        out.push(c);
        prev = c;
    }
    out
}

/// `text` with every line end written CRLF ([`crlf`]) and the mark in front.
pub fn notepad_bytes(text: &str) -> Vec<u8> {
    [BOM, crlf(text).as_bytes()].concat()
}

/// The bytes a text file leakaid writes holds on this platform: Notepad's form on Windows
/// ([`notepad_bytes`]), the text as it is elsewhere.
pub fn file_bytes(text: &str) -> Vec<u8> {
    if cfg!(windows) {
        notepad_bytes(text)
    } else {
        text.as_bytes().to_vec()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_ends_crlf_once_after_the_mark() {
        let b = notepad_bytes("致：派出所\n\n此致\r\n敬礼\n");
        assert_eq!(&b[..3], BOM);
        assert_eq!(
            String::from_utf8(b[3..].to_vec()).expect("utf8"),
            "致：派出所\r\n\r\n此致\r\n敬礼\r\n"
        );
    }

    #[cfg(not(windows))]
    #[test]
    fn elsewhere_a_text_file_is_the_text() {
        assert_eq!(file_bytes("a\nb"), b"a\nb");
    }
}
