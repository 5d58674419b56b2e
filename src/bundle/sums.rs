//! `SHA256SUMS.txt` as `sha256sum` writes and `sha256sum -c` reads it: one line per file,
//! the SHA-256 in lowercase hex, two spaces, the path relative to the folder with `/`.

/// One line for `path` (relative, with `/`).
pub fn line(sha256: &str, path: &str) -> String {
    format!("{sha256}  {path}\n")
}

/// A line of a SHA256SUMS.txt that is not `HASH  PATH` with a safe relative path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadLine {
    /// 1-based.
    pub line: usize,
}

/// The `(sha256, path)` pairs of a SHA256SUMS.txt, in order. A path that leaves the folder
/// (`..`, an absolute path, a drive, `\`) or names a file twice is refused, so checking a
/// bundle never reads outside it.
pub fn parse(text: &str) -> Result<Vec<(String, String)>, BadLine> {
    let mut out: Vec<(String, String)> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (i, raw) in text.lines().enumerate() {
        let bad = BadLine { line: i + 1 };
        let l = raw.strip_suffix('\r').unwrap_or(raw);
        if l.is_empty() {
            continue;
        }
        let (hash, rest) = l.split_at_checked(64).ok_or(bad.clone())?;
        if !hash.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(bad);
        }
        // "  PATH" (text mode) or " *PATH" (binary mode): the same bytes are hashed.
        let path = rest
            .strip_prefix("  ")
            .or_else(|| rest.strip_prefix(" *"))
            .ok_or(bad.clone())?;
        if !safe_relative(path) || !seen.insert(path.to_string()) {
            return Err(bad);
        }
        out.push((hash.to_ascii_lowercase(), path.to_string()));
    }
    Ok(out)
}

/// A path inside the folder: parts joined by `/`, none empty, `.` or `..`, no `\`, no
/// drive or control character.
pub fn safe_relative(path: &str) -> bool {
    !path.is_empty()
        && !path.contains(['\\', ':'])
        && !path.chars().any(char::is_control)
        && path.split('/').all(|p| !p.is_empty() && p != "." && p != "..")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_is_written_is_read_back() {
        let h = "a".repeat(64);
        let text = format!("{}{}", line(&h, "报案材料.pdf"), line(&h, "附件/E1-1-x.png"));
        assert_eq!(
            parse(&text).expect("parses"),
            vec![
                (h.clone(), "报案材料.pdf".to_string()),
                (h.clone(), "附件/E1-1-x.png".to_string())
            ]
        );
    }

    #[test]
    fn paths_that_leave_the_folder_are_refused() {
        let h = "b".repeat(64);
        for p in [
            "../x",
            "/etc/passwd",
            "a/../../x",
            "C:x",
            "a\\b",
            "a//b",
            "./a",
            "",
        ] {
            assert_eq!(parse(&line(&h, p)), Err(BadLine { line: 1 }), "{p}");
        }
        let twice = format!("{}{}", line(&h, "a"), line(&h, "a"));
        assert_eq!(parse(&twice), Err(BadLine { line: 2 }));
        assert_eq!(parse("xyz  a\n"), Err(BadLine { line: 1 }));
    }
}
