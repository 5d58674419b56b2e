//! Filling a sentence of the letters' wording: `{name}` placeholders replaced by values from
//! the case. A sentence that names a value the case does not have is left out whole (a line
//! "电子邮箱：{emails}" disappears for a victim with no email), so no letter prints a label
//! with nothing after it. `{{` and `}}` stand for literal braces.

/// The placeholders in `template`, in order (for the load-time check that every name is one
/// the letter code fills in).
pub fn names(template: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        if let Some(escaped) = after.strip_prefix('{') {
            rest = escaped;
            continue;
        }
        match after.find('}') {
            Some(close) => {
                out.push(&after[..close]);
                rest = &after[close + 1..];
            }
            None => break,
        }
    }
    out
}

/// `template` with every `{name}` replaced by `value(name)`; `None` when a name has no
/// value or an empty one (the sentence is then left out).
pub fn fill(template: &str, value: impl Fn(&str) -> Option<String>) -> Option<String> {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    loop {
        let Some(open) = rest.find(['{', '}']) else {
            out.push_str(rest);
            return Some(out);
        };
        out.push_str(&rest[..open]);
        let brace = rest[open..].chars().next().unwrap_or('{');
        let after = &rest[open + 1..];
        if let Some(escaped) = after.strip_prefix(brace) {
            out.push(brace);
            rest = escaped;
            continue;
        }
        if brace == '}' {
            // A lone closing brace is text.
            out.push('}');
            rest = after;
            continue;
        }
        let close = after.find('}')?;
        let v = value(&after[..close]).filter(|v| !v.trim().is_empty())?;
        out.push_str(&v);
        rest = &after[close + 1..];
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vals(k: &str) -> Option<String> {
        match k {
            "name" => Some("王䶮".into()),
            "empty" => Some("  ".into()),
            _ => None,
        }
    }

    #[test]
    fn fills_and_drops_sentences_with_missing_values() {
        assert_eq!(fill("姓名：{name}。", vals).as_deref(), Some("姓名：王䶮。"));
        assert_eq!(fill("邮箱：{emails}", vals), None);
        assert_eq!(fill("x{empty}", vals), None);
        assert_eq!(
            fill("{{literal}} {name}", vals).as_deref(),
            Some("{literal} 王䶮")
        );
        assert_eq!(names("a {x} b {{y}} {z}"), vec!["x", "z"]);
    }
}
