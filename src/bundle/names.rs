//! The names of the files in a bundle, and the name an attachment gets there:
//! `E2-1-聊天截图.png` (entry, number, the name it had, cleaned). The name it had comes from
//! whoever sent the file, so it is treated as hostile: no folder part, no control or bidi
//! character, nothing Windows forbids or reads as a device, and a bounded length.

use crate::text::shown_line;
use crate::winname;

/// The packet.
pub const PACKET: &str = "报案材料.pdf";
/// The copy of the case record (the name `leakaid verify` reads a journal under).
pub const JOURNAL: &str = crate::journal::JOURNAL_FILE;
/// The complete evidence list.
pub const LIST: &str = "证据清单.csv";
/// The folder of the attachments.
pub const ATTACHMENTS: &str = "附件";
/// What the files are and how to check them.
pub const README: &str = "说明.txt";
/// The SHA-256 of every other file, as `sha256sum` writes it.
pub const SUMS: &str = "SHA256SUMS.txt";

/// Characters of the cleaned original name kept (before the extension).
const STEM_CHARS: usize = 60;
/// Bytes of the cleaned original name kept: with the prefix and the extension, the whole
/// name stays far below the 255 bytes a file name may take on Linux and macOS.
const STEM_BYTES: usize = 150;
/// The longest extension kept.
const EXT_CHARS: usize = 8;

/// The name of the `n`th (from 1) attachment of entry `entry`, once called `original`.
pub fn attachment_name(entry: &str, n: usize, original: &str) -> String {
    // Only the last part of a path: "C:\Users\x\a.png" and "../../a.png" are "a.png".
    let last = original.rsplit(['/', '\\']).next().unwrap_or_default();
    let shown = shown_line(last);
    let cleaned: String = shown
        .chars()
        .map(|c| {
            if winname::forbidden_char(c) || c.is_whitespace() {
                ' '
            } else {
                c
            }
        })
        .collect();
    let cleaned = cleaned.split_whitespace().collect::<Vec<_>>().join(" ");
    let cleaned = cleaned.trim_matches(['.', ' ']);
    let (stem, ext) = match cleaned.rsplit_once('.') {
        Some((s, e))
            if !e.is_empty()
                && e.chars().count() <= EXT_CHARS
                && e.chars().all(|c| c.is_ascii_alphanumeric()) =>
        {
            (s.trim_end_matches(['.', ' ']), Some(e.to_ascii_lowercase()))
        }
        _ => (cleaned, None),
    };
    let mut kept = String::new();
    for c in stem.chars().take(STEM_CHARS) {
        if kept.len() + c.len_utf8() > STEM_BYTES {
            break;
        }
        kept.push(c);
    }
    let kept = kept.trim_end_matches(['.', ' ']);
    let mut name = format!("{entry}-{n}");
    if !kept.is_empty() {
        name.push('-');
        name.push_str(kept);
    }
    if let Some(ext) = ext {
        name.push('.');
        name.push_str(&ext);
    }
    name
}

/// The path of an attachment in the bundle, with `/` (as SHA256SUMS.txt writes it).
pub fn attachment_path(name: &str) -> String {
    format!("{ATTACHMENTS}/{name}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn safe(name: &str) {
        assert!(!winname::refused(name), "{name}");
        assert!(!name.contains(['/', '\\']), "{name}");
        assert!(name.len() < 200, "{} bytes: {name}", name.len());
        assert!(
            !name.chars().any(|c| c.is_control()
                || ('\u{202a}'..='\u{202e}').contains(&c)
                || ('\u{2066}'..='\u{2069}').contains(&c)),
            "{name:?}"
        );
    }

    #[test]
    fn a_plain_name_keeps_its_words_and_extension() {
        assert_eq!(attachment_name("E2", 1, "聊天截图.PNG"), "E2-1-聊天截图.png");
        assert_eq!(
            attachment_name("E10", 3, "bill 2025.xlsx"),
            "E10-3-bill 2025.xlsx"
        );
    }

    #[test]
    fn hostile_names_lose_their_folders_devices_and_controls() {
        let cases = [
            ("../../x", "E1-1-x"),
            ("..\\..\\Windows\\system32\\evil.dll", "E1-1-evil.dll"),
            ("CON.png", "E1-1-CON.png"),
            ("nul", "E1-1-nul"),
            ("invoice\u{202e}gnp.exe", "E1-1-invoicegnp.exe"),
            ("a\u{1b}[31mred\u{7}.txt", "E1-1-ared.txt"),
            ("what?:*<>|\".png", "E1-1-what.png"),
            ("...", "E1-1"),
            ("", "E1-1"),
            ("trail. . .", "E1-1-trail"),
            ("line\nbreak.jpg", "E1-1-line break.jpg"),
        ];
        for (original, want) in cases {
            let got = attachment_name("E1", 1, original);
            assert_eq!(got, want, "{original:?}");
            safe(&got);
        }
    }

    #[test]
    fn a_long_name_is_cut_and_keeps_its_extension() {
        let long = format!("{}.png", "很".repeat(300));
        let got = attachment_name("E7", 2, &long);
        safe(&got);
        assert!(got.starts_with("E7-2-很很"), "{got}");
        assert!(got.ends_with("很.png"), "{got}");
        assert_eq!(got.chars().filter(|c| *c == '很').count(), 50, "{got}");
        let ascii = "a".repeat(300);
        let got = attachment_name("E7", 2, &ascii);
        safe(&got);
        assert_eq!(got.len(), "E7-2-".len() + 60);
        // An "extension" that is not one stays part of the name (and is cut with it).
        let odd = format!("x.{}", "长".repeat(300));
        safe(&attachment_name("E7", 2, &odd));
    }
}
