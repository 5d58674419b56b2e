//! Real mail is not always well formed: a header line with no name, a continuation line at
//! the very top, a lone CR, raw 8-bit text in a header (GBK in much Chinese spam). The parser
//! takes a message whose header block has been tidied here: lines no reader could take are
//! left out (and what parses is kept), and a header line that is not UTF-8 is decoded with
//! the message's charset, or GB18030 when that is missing or fails, and written as UTF-8.
//! The body is passed on unchanged.

use std::borrow::Cow;

use encoding_rs::{Encoding, GB18030};

/// Whether `name` can be a header field name (RFC 5322: printable ASCII but `:`).
fn field_name(name: &[u8]) -> bool {
    !name.is_empty() && name.iter().all(|b| (33..=126).contains(b) && *b != b':')
}

/// The `charset=` a Content-Type header names in the header block, if any.
fn declared_charset(head: &[u8]) -> Option<&'static Encoding> {
    let lower = head.to_ascii_lowercase();
    let at = memchr::memmem::find(&lower, b"charset=")? + 8;
    let rest = &head[at..];
    let rest = rest.strip_prefix(b"\"").unwrap_or(rest);
    let end = rest
        .iter()
        .position(|b| matches!(b, b'"' | b';' | b' ' | b'\r' | b'\n' | b'\t'))
        .unwrap_or(rest.len());
    Encoding::for_label(&rest[..end]).filter(|e| *e != encoding_rs::UTF_8)
}

/// A header line as UTF-8: as it is when it is UTF-8, else in `charset`, else GB18030.
fn as_utf8<'a>(line: &'a [u8], charset: Option<&'static Encoding>) -> Cow<'a, [u8]> {
    if std::str::from_utf8(line).is_ok() {
        return Cow::Borrowed(line);
    }
    if let Some(enc) = charset {
        let (text, had_errors) = enc.decode_without_bom_handling(line);
        if !had_errors {
            return Cow::Owned(text.into_owned().into_bytes());
        }
    }
    let (text, _) = GB18030.decode_without_bom_handling(line);
    Cow::Owned(text.into_owned().into_bytes())
}

/// The message with its header block tidied (borrowed when nothing needed it).
pub fn tidy_headers(bytes: &[u8]) -> Cow<'_, [u8]> {
    // The header block ends at the first empty line.
    let (head_len, body_at) = match (
        memchr::memmem::find(bytes, b"\r\n\r\n"),
        memchr::memmem::find(bytes, b"\n\n"),
    ) {
        (Some(a), Some(b)) if a + 1 < b => (a + 2, a + 4),
        (_, Some(b)) => (b + 1, b + 2),
        (Some(a), None) => (a + 2, a + 4),
        (None, None) => (bytes.len(), bytes.len()),
    };
    let head = &bytes[..head_len];
    let charset = declared_charset(head);
    let mut out: Vec<u8> = Vec::with_capacity(head.len() + 2);
    let mut changed = false;
    // Whether the last header line was kept (its continuation lines follow it).
    let mut keeping = false;
    for raw in head.split(|b| *b == b'\n') {
        let line = raw.strip_suffix(b"\r").unwrap_or(raw);
        if line.is_empty() {
            continue;
        }
        let kept = if line[0] == b' ' || line[0] == b'\t' {
            keeping
        } else {
            let name_end = line.iter().position(|b| *b == b':');
            keeping = name_end.is_some_and(|e| field_name(&line[..e]));
            keeping
        };
        if !kept {
            changed = true;
            continue;
        }
        let mut text = as_utf8(line, charset);
        if matches!(text, Cow::Owned(_)) {
            changed = true;
        }
        // A lone CR inside a line is a line break no reader expects.
        if text.contains(&b'\r') {
            text = Cow::Owned(text.iter().map(|b| if *b == b'\r' { b' ' } else { *b }).collect());
            changed = true;
        }
        out.extend_from_slice(&text);
        out.extend_from_slice(b"\r\n");
    }
    if !changed {
        return Cow::Borrowed(bytes);
    }
    out.extend_from_slice(b"\r\n");
    out.extend_from_slice(bytes.get(body_at..).unwrap_or_default());
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_well_formed_message_is_passed_on_as_it_is() {
        let m = b"From: a@b.example\r\nSubject: hi\r\n\r\nbody\r\n";
        assert!(matches!(tidy_headers(m), Cow::Borrowed(_)));
    }

    #[test]
    fn lines_no_reader_takes_are_left_out_and_the_rest_kept() {
        let m = b" stray continuation\r\nFrom: a@b.example\r\nthis line has no name\r\nX Bad Name: v\r\n\tcontinued bad\r\nSubject: hi\rthere\r\n\r\nbody";
        let t = tidy_headers(m);
        assert_eq!(
            String::from_utf8_lossy(&t),
            "From: a@b.example\r\nSubject: hi there\r\n\r\nbody"
        );
    }

    #[test]
    fn raw_gbk_in_a_header_becomes_utf8() {
        let (gbk, _, _) = GB18030.encode("Subject: 您的账户异常");
        let mut m = b"From: a@b.example\r\n".to_vec();
        m.extend_from_slice(&gbk);
        m.extend_from_slice(b"\r\nContent-Type: text/plain; charset=gbk\r\n\r\nx");
        let t = tidy_headers(&m);
        assert!(String::from_utf8_lossy(&t).contains("Subject: 您的账户异常"));
    }
}
