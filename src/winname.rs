//! File names Windows accepts: the characters it forbids (`< > : " / \ | ? *` and control
//! codes), the reserved device names (`CON`, `NUL`, `COM1` … with or without an extension)
//! and the trailing dot or space it drops. Pure functions of text, so they are tested on every
//! platform: the names leakaid makes are safe on a Windows disk or a USB stick wherever they
//! were made.

/// The device names Windows reserves in every folder, compared without case.
const RESERVED: [&str; 4] = ["CON", "PRN", "AUX", "NUL"];

/// True when `c` cannot appear in a Windows file name.
pub fn forbidden_char(c: char) -> bool {
    matches!(c, '<' | '>' | ':' | '"' | '/' | '\\' | '|' | '?' | '*') || (c as u32) < 0x20
}

/// True when `name` (one path component) names a device on Windows rather than a file:
/// `CON`, `PRN`, `AUX`, `NUL`, `COM1`–`COM9`, `LPT1`–`LPT9` (also `COM¹`–`COM³`),
/// `CONIN$`, `CONOUT$`, with any extension (`nul.txt`) and any trailing spaces or dots.
pub fn reserved_device(name: &str) -> bool {
    let stem = name
        .split('.')
        .next()
        .unwrap_or(name)
        .trim_end_matches([' ', '.']);
    let upper = stem.to_uppercase();
    if RESERVED.contains(&upper.as_str()) || upper == "CONIN$" || upper == "CONOUT$" {
        return true;
    }
    let mut chars = upper.chars();
    let head: String = chars.by_ref().take(3).collect();
    let rest: Vec<char> = chars.collect();
    (head == "COM" || head == "LPT")
        && matches!(rest.as_slice(), [d] if matches!(d, '1'..='9' | '¹' | '²' | '³'))
}

/// True when Windows would refuse `name` as a file or folder name, or read it as something
/// else: a forbidden character, a reserved device name, or a trailing dot or space (which
/// Windows silently drops, so the name would not be the one asked for).
pub fn refused(name: &str) -> bool {
    name.chars().any(forbidden_char) || reserved_device(name) || name.ends_with(['.', ' '])
}

/// `part` made safe to be part of a file name on Windows: each forbidden character becomes
/// `_`, so `a:b?` is written `a_b_`. (A reserved device name cannot survive here: the names
/// leakaid makes put `leakaid-` before it.)
pub fn file_part(part: &str) -> String {
    part.chars()
        .map(|c| if forbidden_char(c) { '_' } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn device_names_are_known_with_any_case_or_extension() {
        for n in [
            "CON",
            "con",
            "Nul.txt",
            "nul.tar.gz",
            "COM1",
            "com9.log",
            "LPT3",
            "aux ",
            "COM¹",
            "conout$",
        ] {
            assert!(reserved_device(n), "{n}");
            assert!(refused(n), "{n}");
        }
        for n in [
            "CONSOLE",
            "COM0",
            "COM10",
            "LPT",
            "nullable.txt",
            "案件",
            "2026-骚扰电话",
            "x.con",
        ] {
            assert!(!reserved_device(n), "{n}");
        }
    }

    #[test]
    fn forbidden_characters_and_trailing_dots_are_refused() {
        for n in [
            "14:05",
            "what?",
            "a*b",
            "a|b",
            "a\"b",
            "a<b>",
            "dir\\x",
            "a/b",
            "tab\there",
            "end.",
            "end ",
        ] {
            assert!(refused(n), "{n}");
        }
        for n in ["2026-11-29 1405", "张三的案件", "a.b", ".hidden"] {
            assert!(!refused(n), "{n}");
        }
    }

    #[test]
    fn a_file_part_keeps_everything_windows_allows() {
        assert_eq!(file_part("案件:11/29?*"), "案件_11_29__");
        assert_eq!(file_part("张三 2026"), "张三 2026");
        assert!(!refused(&format!("leakaid-{}-20261129.pdf", file_part("con:1"))));
    }
}
