//! What the receiving side checked: Authentication-Results (RFC 8601), Received-SPF
//! (RFC 7208) and the domains that signed the message (DKIM-Signature `d=`).

use mailparse::{MailHeader, MailHeaderMap};
use serde::{Deserialize, Serialize};

use super::tidy;

/// One check and its result.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuthResult {
    /// `spf`, `dkim`, `dmarc` (lower case); `dkim-signature` for a signature seen.
    pub method: String,
    /// `pass`, `fail`, `softfail`, `none` … (lower case); empty for a signature seen.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub result: String,
    /// The domain checked (`smtp.mailfrom`, `header.d`, `header.from`, DKIM `d=`).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub domain: String,
}

impl AuthResult {
    /// Whether the check failed (`fail`, `softfail`, `permerror`).
    pub fn failed(&self) -> bool {
        matches!(self.result.as_str(), "fail" | "softfail" | "permerror")
    }
}

const METHODS: [&str; 3] = ["spf", "dkim", "dmarc"];

/// The domain in a property value such as `bounce@evil.top` or `evil.top`.
fn domain_in(value: &str) -> String {
    let v = value.trim().trim_matches(['"', '<', '>']);
    let d = v.rsplit_once('@').map_or(v, |(_, d)| d);
    tidy(&d.to_lowercase(), 255)
}

/// Reads one Authentication-Results value (`authserv-id; spf=fail smtp.mailfrom=…; dkim=pass
/// header.d=…`).
fn authentication_results(value: &str, out: &mut Vec<AuthResult>) {
    for clause in value.split(';').skip(1) {
        let mut words = clause.split_whitespace();
        let Some((method, result)) = words.next().and_then(|w| w.split_once('=')) else {
            continue;
        };
        let method = method.to_lowercase();
        if !METHODS.contains(&method.as_str()) {
            continue;
        }
        let domain = words
            .filter_map(|w| w.split_once('='))
            .find(|(k, _)| {
                matches!(
                    k.to_lowercase().as_str(),
                    "smtp.mailfrom" | "header.d" | "header.i" | "header.from" | "smtp.helo"
                )
            })
            .map(|(_, v)| domain_in(v))
            .unwrap_or_default();
        out.push(AuthResult {
            method,
            result: tidy(&result.to_lowercase(), 20),
            domain,
        });
    }
}

/// Reads a Received-SPF value (`fail (reason) … envelope-from=…`).
fn received_spf(value: &str) -> Option<AuthResult> {
    let result = value.split_whitespace().next()?.to_lowercase();
    let domain = value
        .split([';', ' '])
        .filter_map(|w| w.trim().split_once('='))
        .find(|(k, _)| k.eq_ignore_ascii_case("envelope-from"))
        .map(|(_, v)| domain_in(v))
        .unwrap_or_default();
    Some(AuthResult {
        method: "spf".into(),
        result: tidy(&result, 20),
        domain,
    })
}

/// The `d=` of a DKIM-Signature value.
fn dkim_domain(value: &str) -> Option<String> {
    value
        .split(';')
        .filter_map(|t| t.trim().split_once('='))
        .find(|(k, _)| k.trim() == "d")
        .map(|(_, v)| domain_in(&v.split_whitespace().collect::<String>()))
}

/// Every result the headers carry, Authentication-Results first, in header order.
pub fn results(headers: &[MailHeader<'_>]) -> Vec<AuthResult> {
    let mut out = Vec::new();
    for v in headers.get_all_values("Authentication-Results") {
        authentication_results(&v, &mut out);
    }
    out.extend(
        headers
            .get_all_values("Received-SPF")
            .iter()
            .filter_map(|v| received_spf(v)),
    );
    out.extend(
        headers
            .get_all_values("DKIM-Signature")
            .iter()
            .filter_map(|v| dkim_domain(v))
            .map(|domain| AuthResult {
                method: "dkim-signature".into(),
                result: String::new(),
                domain,
            }),
    );
    out.truncate(50);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_each_method_with_its_domain() {
        let mut v = Vec::new();
        authentication_results(
            "mx.example.net;\r\n spf=fail (sender IP is 203.0.113.7) smtp.mailfrom=bounce@secure-boc.top;\r\n dkim=pass header.d=mailer.secure-boc.top; dmarc=fail header.from=boc.cn",
            &mut v,
        );
        let got: Vec<(&str, &str, &str)> = v
            .iter()
            .map(|r| (r.method.as_str(), r.result.as_str(), r.domain.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("spf", "fail", "secure-boc.top"),
                ("dkim", "pass", "mailer.secure-boc.top"),
                ("dmarc", "fail", "boc.cn")
            ]
        );
        let spf = received_spf("softfail (domain does not designate 203.0.113.7) client-ip=203.0.113.7; envelope-from=\"a@b.example\"").expect("spf");
        assert_eq!(
            (spf.result.as_str(), spf.domain.as_str()),
            ("softfail", "b.example")
        );
        assert!(spf.failed());
        assert_eq!(
            dkim_domain("v=1; a=rsa-sha256; d=mailer.example; s=k1; b=abc").as_deref(),
            Some("mailer.example")
        );
    }
}
