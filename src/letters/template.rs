//! Filling a sentence of the letters' wording. The placeholders and the one-pass fill are the
//! shared ones ([`crate::template`]); what is added here is the letters' rule: a sentence that
//! names a value the case does not have is left out whole (a line "电子邮箱：{emails}"
//! disappears for a victim with no email), so no letter prints a label with nothing after it.

use std::fmt::Display;

pub use crate::template::names;

/// `template` with every `{name}` replaced by `value(name)`; `None` when a name has no
/// value or an empty one (the sentence is then left out).
pub fn fill(template: &str, value: impl Fn(&str) -> Option<String>) -> Option<String> {
    let values: Vec<(&str, String)> = names(template)
        .into_iter()
        .map(|n| value(n).filter(|v| !v.trim().is_empty()).map(|v| (n, v)))
        .collect::<Option<_>>()?;
    let refs: Vec<crate::template::Value<'_>> = values.iter().map(|(n, v)| (*n, v as &dyn Display)).collect();
    Some(crate::template::fill(template, &refs))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vals(k: &str) -> Option<String> {
        match k {
            "name" => Some("王䶮".into()),
            "empty" => Some("  ".into()),
            "sly" => Some("{name}".into()),
            _ => None,
        }
    }

    #[test]
    fn fills_and_drops_sentences_with_missing_values() {
        assert_eq!(fill("姓名：{name}。", vals).as_deref(), Some("姓名：王䶮。"));
        assert_eq!(fill("邮箱：{emails}", vals), None);
        assert_eq!(fill("x{empty}", vals), None);
        // A value is never read as a template; braces around no name stay as written.
        assert_eq!(fill("{sly} {name} { }", vals).as_deref(), Some("{name} 王䶮 { }"));
        assert_eq!(names("a {x} b {z}"), vec!["x", "z"]);
    }
}
