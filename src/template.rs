//! The one way sentences are filled: sentences kept as data (`assets/letter/*.toml` and the
//! like) with named placeholders, `{amount}`, `{n}`, filled in one pass by [`fill`]; the
//! wizard's and the command line's short sentences with `{}` filled in order by
//! [`fill_in_order`].
//!
//! One pass matters: a value is never read as a template itself, so a counterpart written
//! `{amount}` by whoever sent the message prints as it was written.
//!
//! `fill("共计被骗{amount}（{ids}）", &[("amount", &"人民币5,000.00元"), ("ids", &"E3")])` gives
//! `共计被骗人民币5,000.00元（E3）`.

use std::fmt::{Display, Write as _};

/// A placeholder name and the value put in its place.
pub type Value<'a> = (&'a str, &'a dyn Display);

/// `template` with every `{name}` whose name is among `values` replaced by its value.
/// Braces around anything else (an unknown name, a space, nothing) are kept as written.
pub fn fill(template: &str, values: &[Value<'_>]) -> String {
    let mut out = String::with_capacity(template.len() + 16 * values.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after
            .find('}')
            .map(|close| (&after[..close], close))
            .filter(|(name, _)| is_name(name))
            .and_then(|(name, close)| values.iter().find(|(n, _)| *n == name).map(|(_, v)| (*v, close)));
        match value {
            Some((v, close)) => {
                let _ = write!(out, "{v}");
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// `template` with each `{}` replaced by the next of `values`, in order: the wizard's short
/// sentences (`已记录 {}`). A `{}` with no value left is dropped; a value is never read as a
/// template.
pub fn fill_in_order(template: &str, values: &[&dyn Display]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut parts = template.split("{}");
    if let Some(first) = parts.next() {
        out.push_str(first);
    }
    for (i, part) in parts.enumerate() {
        if let Some(v) = values.get(i) {
            let _ = write!(out, "{v}");
        }
        out.push_str(part);
    }
    out
}

/// The placeholder names `template` uses, in order of first use, each once.
pub fn names(template: &str) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        match after.find('}').map(|close| (&after[..close], close)) {
            Some((name, close)) if is_name(name) => {
                if !out.contains(&name) {
                    out.push(name);
                }
                rest = &after[close + 1..];
            }
            _ => rest = after,
        }
    }
    out
}

/// A placeholder name: ASCII lowercase letters, digits and `_`, starting with a letter.
fn is_name(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_ascii_lowercase())
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// Every string of two parsed TOML documents (the same sentences in two languages), walked
/// together: the paths where the two differ in keys, in type, or in the placeholders a
/// sentence uses. Empty when they match — the test every sentence file pair runs.
#[cfg(test)]
pub fn mismatches(a: &toml::Value, b: &toml::Value) -> Vec<String> {
    let mut out = Vec::new();
    walk("", a, b, &mut out);
    out
}

#[cfg(test)]
fn walk(path: &str, a: &toml::Value, b: &toml::Value, out: &mut Vec<String>) {
    use toml::Value as V;
    match (a, b) {
        (V::Table(x), V::Table(y)) => {
            for (k, va) in x {
                let p = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                match y.get(k) {
                    Some(vb) => walk(&p, va, vb, out),
                    None => out.push(format!("{p}: only in the first")),
                }
            }
            for k in y.keys().filter(|k| !x.contains_key(*k)) {
                out.push(format!("{path}.{k}: only in the second"));
            }
        }
        (V::Array(x), V::Array(y)) => {
            if x.len() != y.len() {
                out.push(format!("{path}: {} items against {}", x.len(), y.len()));
            }
            for (i, (va, vb)) in x.iter().zip(y).enumerate() {
                walk(&format!("{path}[{i}]"), va, vb, out);
            }
        }
        (V::String(x), V::String(y)) => {
            let (mut nx, mut ny) = (names(x), names(y));
            nx.sort_unstable();
            ny.sort_unstable();
            if nx != ny {
                out.push(format!("{path}: placeholders {nx:?} against {ny:?}"));
            }
        }
        (x, y) if x.type_str() == y.type_str() => {}
        (x, y) => out.push(format!("{path}: {} against {}", x.type_str(), y.type_str())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_named_places_once_and_keeps_other_braces() {
        let n = 3;
        assert_eq!(fill("{n} 页", &[("n", &n)]), "3 页");
        assert_eq!(
            fill("{a}{b}{a}", &[("a", &"x"), ("b", &"{a}")]),
            "x{a}x",
            "a value is never expanded again"
        );
        assert_eq!(fill("{unknown} { } {} {", &[("n", &1)]), "{unknown} { } {} {");
        assert_eq!(fill("全角｛n｝与{n}", &[("n", &"五")]), "全角｛n｝与五");
        assert_eq!(fill("", &[]), "");
    }

    #[test]
    fn fills_in_order_once() {
        assert_eq!(fill_in_order("{} of {} done", &[&3, &11]), "3 of 11 done");
        assert_eq!(
            fill_in_order("{}{}", &[&"{}", &"x"]),
            "{}x",
            "a value is never expanded again"
        );
        assert_eq!(fill_in_order("约至 {}", &[]), "约至 ");
    }

    #[test]
    fn names_are_listed_once_in_order() {
        assert_eq!(names("{b}{a}{b} {x y} {Cap}"), vec!["b", "a"]);
    }

    #[test]
    fn mismatched_sentence_files_are_named() -> Result<(), toml::de::Error> {
        let a: toml::Value = toml::from_str("x = \"{n} 页\"\n[t]\ny = \"a\"\nz = [\"{k}\"]")?;
        let b: toml::Value = toml::from_str("x = \"{m} pages\"\n[t]\nw = \"a\"\nz = [\"\"]")?;
        let m = mismatches(&a, &b);
        assert_eq!(m.len(), 4, "{m:?}");
        assert!(m.iter().any(|s| s.starts_with("x: placeholders")));
        assert!(m.iter().any(|s| s == "t.y: only in the first"));
        assert!(m.iter().any(|s| s == "t.w: only in the second"));
        assert!(m.iter().any(|s| s.starts_with("t.z[0]")));
        assert!(mismatches(&a, &a).is_empty());
        Ok(())
    }
}
