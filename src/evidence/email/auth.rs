//! What the receiving side checked: Authentication-Results (RFC 8601), Received-SPF
//! (RFC 7208) and the domains that signed the message (DKIM-Signature `d=`).
//!
//! The sender writes headers too: a line saying "spf=pass" can be in the message before it is
//! sent. Each result keeps how many Received headers were above it, so only the ones the
//! recipient's provider added (above the first hop from outside, RFC 8601 §5) are believed. A
//! DKIM-Signature is only a claim: its `d=` is never a verified domain.

use mailparse::MailHeader;
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
    /// How many Received headers stand above this one in the message (`None` in records
    /// made before this was kept: then it is not known who wrote it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub received_above: Option<usize>,
    /// The server that says it checked (the authserv-id of Authentication-Results, the host
    /// named in a Received-SPF comment).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub authserv: String,
    /// Only trace headers (Received-SPF, Authentication-Results, ARC) stand between it and
    /// the Received header above it: it was written with that hop, as Gmail writes its own.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub with_hop: bool,
}

impl AuthResult {
    /// Whether the check failed (`fail`, `softfail`, `permerror`).
    pub fn failed(&self) -> bool {
        matches!(self.result.as_str(), "fail" | "softfail" | "permerror")
    }

    /// Whether the check passed.
    pub fn passed(&self) -> bool {
        self.result == "pass"
    }

    /// Whether the recipient's provider wrote it, given the chain and the index `external`
    /// of the first hop from outside: a result (not a signature seen) that stands above that
    /// hop's Received header, or directly below it in the same block of trace headers and
    /// named for the server that received that hop (Gmail writes its results there). What
    /// stands lower was in the message before the provider had it.
    pub fn by_provider(&self, hops: &[super::Hop], external: Option<usize>) -> bool {
        let (Some(n), Some(k)) = (self.received_above, external) else {
            return false;
        };
        if self.method == "dkim-signature" {
            return false;
        }
        if n <= k {
            return true;
        }
        let by = hops.get(k).map_or("", |h| h.by.as_str());
        n == k + 1
            && self.with_hop
            && !self.authserv.is_empty()
            && (self.authserv.eq_ignore_ascii_case(by)
                || super::registrable_domain(&self.authserv)
                    .is_some_and(|d| super::registrable_domain(by).as_deref() == Some(d.as_str())))
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
    // The first clause names the server (authserv-id), except where a server leaves it out
    // and starts with a result (`spf=pass …`, as Exchange Online writes).
    let first = value.split(';').next().unwrap_or_default().trim();
    let names_server = !first.split_whitespace().next().is_some_and(|w| {
        w.split_once('=')
            .is_some_and(|(m, _)| METHODS.contains(&m.to_lowercase().as_str()))
    });
    let authserv = if names_server {
        tidy(first.split_whitespace().next().unwrap_or_default(), 255)
    } else {
        String::new()
    };
    let before = out.len();
    for clause in value.split(';').skip(usize::from(names_server)) {
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
            received_above: None,
            authserv: String::new(),
            with_hop: false,
        });
    }
    for r in &mut out[before..] {
        r.authserv.clone_from(&authserv);
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
    // `pass (mx.google.com: domain of …)`: the server named before the colon.
    let authserv = value
        .split_once('(')
        .and_then(|(_, c)| c.split_once(':'))
        .map(|(h, _)| tidy(h.trim(), 255))
        .filter(|h| !h.contains(' '))
        .unwrap_or_default();
    Some(AuthResult {
        method: "spf".into(),
        result: tidy(&result, 20),
        domain,
        received_above: None,
        authserv,
        with_hop: false,
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

/// Every result the headers carry, in header order, each with the number of Received
/// headers above it.
pub fn results(headers: &[MailHeader<'_>]) -> Vec<AuthResult> {
    let mut out = Vec::new();
    let mut received = 0usize;
    // Whether only trace headers stand between here and the last Received header.
    let mut with_hop = false;
    for h in headers {
        let key = h.get_key_ref();
        let before = out.len();
        if key.eq_ignore_ascii_case("Received") {
            received += 1;
            with_hop = true;
            continue;
        } else if key.eq_ignore_ascii_case("Authentication-Results") {
            authentication_results(&h.get_value(), &mut out);
        } else if key.eq_ignore_ascii_case("Received-SPF") {
            out.extend(received_spf(&h.get_value()));
        } else if key.eq_ignore_ascii_case("DKIM-Signature") {
            out.extend(dkim_domain(&h.get_value()).map(|domain| AuthResult {
                method: "dkim-signature".into(),
                result: String::new(),
                domain,
                received_above: None,
                authserv: String::new(),
                with_hop: false,
            }));
        }
        let trace = key.eq_ignore_ascii_case("Authentication-Results")
            || key.eq_ignore_ascii_case("Received-SPF")
            || key.to_ascii_lowercase().starts_with("arc-");
        for r in &mut out[before..] {
            r.received_above = Some(received);
            r.with_hop = with_hop && trace;
        }
        with_hop &= trace;
        if out.len() >= 50 {
            break;
        }
    }
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
