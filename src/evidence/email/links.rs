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

/// URLs written out in `text` (`http://`, `https://`, `www.`).
pub fn urls_in(text: &str) -> Vec<&str> {
    let lower = text.to_ascii_lowercase();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lower.len() {
        let next = ["https://", "http://", "www."]
            .iter()
            .filter_map(|p| lower[i..].find(p).map(|at| i + at))
            .min();
        let Some(start) = next else { break };
        let end = text[start..].find(url_end).map_or(text.len(), |e| start + e);
        let url = text[start..end].trim_end_matches(['.', ',', ')', ';', ':', '!', '?']);
        if url.len() > 4 {
            out.push(url);
        }
        i = end.max(start + 1);
        while !lower.is_char_boundary(i) {
            i += 1;
        }
    }
    out
}

/// `href` targets in HTML with the visible text of their anchor.
fn hrefs_in(html: &str) -> Vec<(String, String)> {
    let lower = html.to_ascii_lowercase();
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(at) = lower[from..].find("href") {
        let mut i = from + at + 4;
        from = i;
        let rest = &html[i..];
        let trimmed = rest.trim_start();
        let Some(after_eq) = trimmed.strip_prefix('=') else {
            continue;
        };
        let value_src = after_eq.trim_start();
        i += rest.len() - value_src.len();
        let (value, consumed) = match value_src.chars().next() {
            Some(q @ ('"' | '\'')) => {
                let body = &value_src[1..];
                let end = body.find(q).unwrap_or(body.len());
                (&body[..end], end + 2)
            }
            _ => {
                let end = value_src
                    .find(|c: char| c.is_whitespace() || c == '>')
                    .unwrap_or(value_src.len());
                (&value_src[..end], end)
            }
        };
        let after = (i + consumed).min(html.len());
        from = after;
        // The anchor's visible text: after the tag's `>`, up to `</a`.
        let shown = lower[after..]
            .find('>')
            .map(|gt| after + gt + 1)
            .and_then(|s| lower[s..].find("</a").map(|e| &html[s..s + e]))
            .map(strip_tags)
            .unwrap_or_default();
        out.push((value.replace("&amp;", "&"), shown));
    }
    out
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

/// The links of the decoded text parts (`(is_html, text)`), each target once, at most `max`.
pub fn collect(texts: &[(bool, String)], max: usize) -> Vec<Link> {
    let mut found: Vec<Link> = Vec::new();
    let mut push = |url: &str, shown_text: &str| {
        let url = url.trim();
        if found.len() >= max || !(url.contains("://") || url.to_ascii_lowercase().starts_with("www.")) {
            return;
        }
        let Some(domain) = domain_of_url(url) else { return };
        let url = tidy(url, 300);
        if found.iter().any(|l| l.url == url) {
            return;
        }
        let shown = urls_in(shown_text)
            .first()
            .copied()
            .or_else(|| Some(shown_text.trim()).filter(|t| t.contains('.') && !t.contains(' ')))
            .and_then(domain_of_url)
            .filter(|d| *d != domain)
            .unwrap_or_default();
        found.push(Link { domain, url, shown });
    };
    for (html, text) in texts {
        if *html {
            for (href, shown) in hrefs_in(text) {
                push(&href, &shown);
            }
        } else {
            for url in urls_in(text) {
                push(url, "");
            }
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
}
