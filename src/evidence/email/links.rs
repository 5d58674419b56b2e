//! Where links really go: every `href` target in the HTML parts and every URL in the text,
//! reduced to its registrable domain with the Public Suffix List (the `psl` crate), with the
//! domain the link's visible text shows when that is a different one.

use serde::{Deserialize, Serialize};

use super::tidy;

/// One link target.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Link {
    /// The registrable domain it goes to (`secure-boc.top` for `https://www.boc.cn.secure-boc.top/x`),
    /// or the IP address.
    pub domain: String,
    /// The URL, bounded.
    pub url: String,
    /// The domain the visible text shows when it is another one (`boc.cn` for
    /// `<a href="https://evil.top">www.boc.cn</a>`).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub shown: String,
}

/// The registrable domain of a host name (eTLD+1 by the Public Suffix List), or the address
/// itself for an IP; `None` for something that is neither.
pub fn registrable_domain(host: &str) -> Option<String> {
    let h = host
        .trim()
        .trim_matches(['[', ']'])
        .trim_end_matches('.')
        .to_lowercase();
    if h.parse::<std::net::IpAddr>().is_ok() {
        return Some(h);
    }
    if !h.contains('.') || h.contains(|c: char| c.is_whitespace() || c == '@' || c == '/') {
        return None;
    }
    psl::domain_str(&h).map(str::to_string)
}

/// The host of a URL (`https://user@host:port/path`) or of a bare `www.…` address.
fn host_of(url: &str) -> Option<&str> {
    let rest = match url.find("://") {
        Some(i) => &url[i + 3..],
        None => url,
    };
    let authority = rest.split(['/', '?', '#', '\\']).next()?;
    let host = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    if host.starts_with('[') {
        return host.split(']').next().map(|h| h.trim_start_matches('['));
    }
    host.split(':').next().filter(|h| !h.is_empty())
}

fn domain_of_url(url: &str) -> Option<String> {
    registrable_domain(host_of(url)?)
}

/// Ends of a URL in running text.
fn url_end(c: char) -> bool {
    c.is_whitespace()
        || matches!(c, '"' | '\'' | '<' | '>' | '）' | '，' | '。' | '】' | '」')
        || c.is_control()
}

/// Bytes of an anchor's visible text looked at: the text of a real link is short, and an
/// anchor never closed must not make every later one read to the end of the message.
const ANCHOR_TEXT_BYTES: usize = 2_000;
/// Bytes of one URL looked at (a host comes early).
const URL_BYTES: usize = 2_000;
/// Link candidates looked at in one message, kept or not: past this, a message made of links
/// has shown what it is.
const MAX_CANDIDATES: usize = 20_000;

/// `s` cut to at most `max` bytes, at a character boundary.
fn bounded(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

fn url_start() -> Option<&'static regex::Regex> {
    static RE: std::sync::OnceLock<Option<regex::Regex>> = std::sync::OnceLock::new();
    RE.get_or_init(|| regex::Regex::new(r"(?i)https?://|www\.").ok())
        .as_ref()
}

fn href_start() -> Option<&'static regex::Regex> {
    static RE: std::sync::OnceLock<Option<regex::Regex>> = std::sync::OnceLock::new();
    RE.get_or_init(|| regex::Regex::new(r"(?i)href\s*=\s*").ok())
        .as_ref()
}

/// URLs written out in `text` (`http://`, `https://`, `www.`), in one pass: each is read to
/// its end once and the search goes on after it. `each` returns false to stop.
fn urls_in<'a>(text: &'a str, mut each: impl FnMut(&'a str) -> bool) {
    let Some(re) = url_start() else { return };
    let mut after = 0;
    for m in re.find_iter(text) {
        let start = m.start();
        if start < after {
            // Inside the URL just read.
            continue;
        }
        let end = text[start..].find(url_end).map_or(text.len(), |e| start + e);
        after = end;
        let url = bounded(&text[start..end], URL_BYTES).trim_end_matches(['.', ',', ')', ';', ':', '!', '?']);
        if url.len() > 4 && !each(url) {
            return;
        }
    }
}

/// The first URL written in `text`.
pub fn first_url(text: &str) -> Option<&str> {
    let mut first = None;
    urls_in(text, |u| {
        first = Some(u);
        false
    });
    first
}

/// `href` targets in HTML with the visible text of their anchor, in one pass; `each` returns
/// false to stop.
fn hrefs_in(html: &str, mut each: impl FnMut(&str, &str) -> bool) {
    let Some(re) = href_start() else { return };
    let mut after = 0;
    for m in re.find_iter(html) {
        if m.start() < after {
            continue;
        }
        let value_src = &html[m.end()..];
        let (value, consumed) = match value_src.chars().next() {
            Some(q @ ('"' | '\'')) => {
                let body = bounded(&value_src[1..], URL_BYTES);
                let end = body.find(q).unwrap_or(body.len());
                (&body[..end], end + 2)
            }
            _ => {
                let body = bounded(value_src, URL_BYTES);
                let end = body
                    .find(|c: char| c.is_whitespace() || c == '>')
                    .unwrap_or(body.len());
                (&body[..end], end)
            }
        };
        let at = (m.end() + consumed).min(html.len());
        after = at;
        // The anchor's visible text: after the tag's `>`, up to `</a`, within a bound.
        let window = bounded(html.get(at..).unwrap_or_default(), ANCHOR_TEXT_BYTES);
        let shown = window
            .find('>')
            .map(|gt| &window[gt + 1..])
            .and_then(|rest| {
                let lower = rest.to_ascii_lowercase();
                lower.find("</a").map(|e| &rest[..e])
            })
            .map(strip_tags)
            .unwrap_or_default();
        if !each(&value.replace("&amp;", "&"), &shown) {
            return;
        }
    }
}

fn strip_tags(s: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.trim().to_string()
}

/// The links of the decoded text parts (`(is_html, text)`), each target once, at most `max`;
/// at most [`MAX_CANDIDATES`] looked at.
pub fn collect(texts: &[(bool, String)], max: usize) -> Vec<Link> {
    let mut found: Vec<Link> = Vec::new();
    let mut looked = 0usize;
    let mut push = |url: &str, shown_text: &str| -> bool {
        looked += 1;
        if found.len() >= max || looked > MAX_CANDIDATES {
            return false;
        }
        let url = url.trim();
        if !(url.contains("://") || url.to_ascii_lowercase().starts_with("www.")) {
            return true;
        }
        let Some(domain) = domain_of_url(url) else {
            return true;
        };
        let url = tidy(url, 300);
        if found.iter().any(|l| l.url == url) {
            return true;
        }
        let shown = first_url(shown_text)
            .or_else(|| Some(shown_text.trim()).filter(|t| t.contains('.') && !t.contains(' ')))
            .and_then(domain_of_url)
            .filter(|d| *d != domain)
            .unwrap_or_default();
        found.push(Link { domain, url, shown });
        true
    };
    for (html, text) in texts {
        if *html {
            hrefs_in(text, &mut push);
        } else {
            urls_in(text, |u| push(u, ""));
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registrable_domains_follow_the_public_suffix_list() {
        assert_eq!(registrable_domain("www.boc.cn").as_deref(), Some("boc.cn"));
        assert_eq!(
            registrable_domain("a.b.example.com.cn").as_deref(),
            Some("example.com.cn")
        );
        assert_eq!(registrable_domain("mps.gov.cn").as_deref(), Some("mps.gov.cn"));
        assert_eq!(
            registrable_domain("www.boc.cn.secure-boc.top").as_deref(),
            Some("secure-boc.top")
        );
        assert_eq!(registrable_domain("203.0.113.7").as_deref(), Some("203.0.113.7"));
        assert_eq!(registrable_domain("localhost"), None);
    }

    #[test]
    fn hrefs_win_over_what_the_link_shows() {
        let html = r#"<p>请<a class="x" href="https://www.boc.cn.secure-boc.top/verify?id=1&amp;t=2">登录 https://www.boc.cn/</a>核实</p>
            <a href=http://user@198.51.100.9:8080/x>here</a>"#;
        let links = collect(&[(true, html.to_string())], 10);
        assert_eq!(links.len(), 2);
        assert_eq!(links[0].domain, "secure-boc.top");
        assert_eq!(links[0].url, "https://www.boc.cn.secure-boc.top/verify?id=1&t=2");
        assert_eq!(links[0].shown, "boc.cn");
        assert_eq!(links[1].domain, "198.51.100.9");
    }

    #[test]
    fn urls_in_running_chinese_text() {
        let links = collect(
            &[(
                false,
                "请点击http://boc-verify.top/login，或访问www.example.com。谢谢".to_string(),
            )],
            10,
        );
        let d: Vec<&str> = links.iter().map(|l| l.domain.as_str()).collect();
        assert_eq!(d, ["boc-verify.top", "example.com"]);
    }

    #[test]
    fn an_anchor_never_closed_reads_only_a_bounded_text() {
        let html = format!(
            "<a href=\"https://evil.example/x\">{} www.boc.cn</a>",
            "x".repeat(ANCHOR_TEXT_BYTES + 10)
        );
        let links = collect(&[(true, html)], 10);
        assert_eq!(links.len(), 1);
        assert_eq!(links[0].shown, "", "the text 2,000 bytes on is not this anchor's");
    }

    #[test]
    fn a_message_made_of_links_is_read_only_so_far() {
        let mut text = "http://a ".repeat(MAX_CANDIDATES + 1);
        text.push_str("https://late.example/x");
        assert_eq!(collect(&[(false, text)], 50), []);
        let links = collect(&[(false, "http://a https://early.example/".to_string())], 50);
        assert_eq!(links.len(), 1);
    }
}
