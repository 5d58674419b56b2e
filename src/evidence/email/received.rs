//! The Received chain: each server that handled the message adds one header at the top, so
//! the topmost is the recipient's own server and the lowest the sender's machine. The first
//! hop from outside the recipient's provider is where the message came in from the sender's
//! side: its IP is the one the provider saw, which a sender cannot forge. Everything below
//! that hop was written before the provider had the message, by whoever sent it.
//!
//! This is the "trusted relays / last untrusted relay" reading of SpamAssassin's Received
//! parsing (and rspamd's first external hop), decided here from the chain alone: a hop is the
//! provider's own when its sending address is private, loopback or link-local, or in a block
//! the provider publishes (`assets/email/providers.toml`); for an organisation not in the
//! table, also when the receiving server looked its name up and found it under the
//! organisation's own domain. A name the sender gave (HELO) or a reverse-DNS name marked
//! "may be forged" never makes a hop inside.

use std::net::IpAddr;

use serde::{Deserialize, Serialize};

use super::links::registrable_domain;
use super::providers::{Provider, provider_holding, provider_named};
use super::{parse_date, tidy};
use crate::moment::Moment;

/// One Received header.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hop {
    /// The name the sending side gave (HELO/EHLO), as written after `from`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub helo: String,
    /// The sending side's host name as the receiving server looked it up (reverse DNS).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub host: String,
    /// The sending side's IP address.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub ip: String,
    /// The receiving server (after `by`).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub by: String,
    /// How it was received (after `with`: `ESMTPS`, `ESMTPSA`, `HTTP` …).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub with: String,
    /// The receiving server could not confirm the looked-up host name ("may be forged").
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub unconfirmed: bool,
    /// When the receiving server got it, with the offset it wrote.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<Moment>,
}

/// The word after `keyword` (`from`, `by`) in a Received value, before any comment.
fn word_after<'a>(value: &'a str, keyword: &str) -> Option<&'a str> {
    let mut words = value.split_whitespace();
    while let Some(w) = words.next() {
        if w.eq_ignore_ascii_case(keyword) {
            return words.next().filter(|n| !n.starts_with('('));
        }
    }
    None
}

/// Where the word `keyword` starts in `value`, outside `( … )` comments.
fn keyword_at(value: &str, keyword: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut prev_space = true;
    for (i, c) in value.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ => {}
        }
        if depth == 0 && prev_space {
            let rest = &value[i..];
            let next = rest.get(keyword.len()..).and_then(|r| r.chars().next());
            if rest.len() > keyword.len()
                && rest.is_char_boundary(keyword.len())
                && rest[..keyword.len()].eq_ignore_ascii_case(keyword)
                && next.is_some_and(char::is_whitespace)
            {
                return Some(i);
            }
        }
        prev_space = c.is_whitespace();
    }
    None
}

/// Reads one Received header value.
pub fn parse_hop(value: &str) -> Hop {
    let (trace, date) = match value.rsplit_once(';') {
        Some((t, d)) => (t, Some(d)),
        None => (value, None),
    };
    // The `from` part runs up to the word `by` outside comments.
    let by_at = keyword_at(trace, "by").unwrap_or(trace.len());
    let from_part = &trace[..by_at];
    let by_part = &trace[by_at..];
    let after_from = word_after(from_part, "from").unwrap_or_default();
    let after_from = after_from.trim_matches(['[', ']']);
    // `(host [ip])`, `(unknown [ip])`, `(helo=… [ip])`: the comment after the HELO name.
    let comment = from_part
        .find('(')
        .map(|i| &from_part[i + 1..])
        .map(|c| c.split(')').next().unwrap_or(c))
        .unwrap_or_default();
    // Where the comment names the HELO itself (qmail's `from host (HELO name) (ip)`, Exim's
    // `from host ([ip] helo=name)`), the word after `from` is the looked-up host, not the
    // name the sender gave.
    let (helo, host) = match claimed_helo(from_part) {
        Some(claimed) => (claimed, looked_up(after_from)),
        None => (
            after_from,
            comment
                .split_whitespace()
                .next()
                .map(looked_up)
                .filter(|h| !h.contains('='))
                .unwrap_or_default(),
        ),
    };
    let ip = find_ip(comment)
        .or_else(|| find_ip(from_part))
        .unwrap_or_default();
    let by = word_after(by_part, "by").unwrap_or_default();
    let with = keyword_at(by_part, "with")
        .and_then(|at| word_after(&by_part[at..], "with"))
        .unwrap_or_default()
        .trim_end_matches([';', ',']);
    let unconfirmed = from_part.to_ascii_lowercase().contains("may be forged");
    Hop {
        helo: tidy(helo, 255),
        host: tidy(host.trim_end_matches('.'), 255),
        ip,
        by: tidy(by, 255),
        with: tidy(with, 40),
        unconfirmed,
        at: date.and_then(parse_date),
    }
}

impl Hop {
    /// Whether the hop names its sending side at all (`Received: by … with SMTP id …` is a
    /// step inside one server).
    fn has_sender(&self) -> bool {
        !(self.ip.is_empty() && self.helo.is_empty() && self.host.is_empty())
    }

    /// The host name the receiving server looked up and confirmed, if any.
    fn confirmed_host(&self) -> &str {
        if self.unconfirmed { "" } else { &self.host }
    }

    /// Whether the message was handed in here by a signed-in sender: SMTP with
    /// authentication (`ESMTPA`, `ESMTPSA`, `LMTPA` … of RFC 3848 and RFC 6531) or a webmail
    /// (`HTTP`, `HTTPS`, `HTTPREST`, or a receiving server named as webmail).
    pub fn is_submission(&self) -> bool {
        let w = self.with.to_ascii_uppercase();
        let authenticated = matches!(
            w.as_str(),
            "ESMTPA"
                | "ESMTPSA"
                | "LMTPA"
                | "LMTPSA"
                | "UTF8SMTPA"
                | "UTF8SMTPSA"
                | "UTF8LMTPA"
                | "UTF8LMTPSA"
        );
        authenticated || w.starts_with("HTTP") || self.by.to_ascii_lowercase().contains("webmail")
    }
}

/// The name written after `HELO`, `EHLO` or `helo=` in a Received comment, if any.
fn claimed_helo(from_part: &str) -> Option<&str> {
    let mut words = from_part
        .split(|c: char| c.is_whitespace() || matches!(c, '(' | ')'))
        .filter(|w| !w.is_empty());
    while let Some(w) = words.next() {
        let lower = w.to_ascii_lowercase();
        let name = if lower == "helo" || lower == "ehlo" {
            words.next()
        } else if lower.starts_with("helo=") || lower.starts_with("ehlo=") {
            w.get(5..)
        } else {
            continue;
        };
        let name = name.map(|n| n.trim_matches(['[', ']', ',', ';']));
        if let Some(n) = name.filter(|n| !n.is_empty()) {
            return Some(n);
        }
    }
    None
}

/// A host name as the receiving server looked it up; empty when it could not (`unknown`) or
/// when only an address is written.
fn looked_up(word: &str) -> &str {
    let w = word.trim_matches(['[', ']']);
    if word.starts_with('[') || w.eq_ignore_ascii_case("unknown") || w.parse::<IpAddr>().is_ok() {
        ""
    } else {
        w
    }
}

/// The first IP address in `[…]` (or bare) in `text`.
fn find_ip(text: &str) -> Option<String> {
    text.split(|c: char| c.is_whitespace() || matches!(c, '[' | ']' | '(' | ')' | ',' | ';' | '='))
        .map(|t| {
            t.strip_prefix("IPv6:")
                .or_else(|| t.strip_prefix("ipv6:"))
                .unwrap_or(t)
        })
        .find_map(|t| t.parse::<IpAddr>().ok())
        .map(|ip| ip.to_string())
}

/// Whether an IP is private, loopback or link-local (a machine inside some network).
fn is_inside(ip: &str) -> bool {
    match ip.parse::<IpAddr>() {
        Ok(IpAddr::V4(v4)) => {
            // 100.64.0.0/10, the shared address space (RFC 6598), is used inside providers.
            let shared = v4.octets()[0] == 100 && (v4.octets()[1] & 0xc0) == 64;
            v4.is_private() || v4.is_loopback() || v4.is_link_local() || v4.is_unspecified() || shared
        }
        Ok(IpAddr::V6(v6)) => {
            v6.is_loopback()
                || v6.is_unspecified()
                || (v6.segments()[0] & 0xfe00) == 0xfc00
                || (v6.segments()[0] & 0xffc0) == 0xfe80
        }
        Err(_) => false,
    }
}

/// Where the message entered the recipient's provider, and where its sender handed it in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Route {
    /// The first hop received from outside the recipient's provider: its address is the
    /// sending server (or, for a message handed in at the provider itself, the sender's own
    /// connection).
    pub external: Option<usize>,
    /// The hop where a signed-in sender handed the message in (ESMTPA/ESMTPSA, a webmail):
    /// its address is the sender's own connection (提交方IP). Found at the first external hop,
    /// or below it while the hops are the sending provider's, known by its published blocks.
    pub submitted: Option<usize>,
}

/// Whether a hop's sending side is inside the recipient's side: a private address, one of
/// the provider's published blocks, or (for an organisation not in the table, or a hop that
/// shows no address) a name it confirmed under one of `domains`.
fn inside(hop: &Hop, provider: Option<&Provider>, domains: &[String]) -> bool {
    if !hop.ip.is_empty() {
        if is_inside(&hop.ip) || provider.is_some_and(|p| p.holds(&hop.ip)) {
            return true;
        }
        if provider.is_some() {
            // A listed provider is known by its addresses; a name says nothing.
            return false;
        }
    }
    let name = if hop.ip.is_empty() && hop.host.is_empty() {
        &hop.helo
    } else {
        hop.confirmed_host()
    };
    provider.is_some_and(|p| hop.ip.is_empty() && p.names(name))
        || registrable_domain(name).is_some_and(|d| domains.contains(&d))
}

/// Reads the chain from the top (see [`Route`]).
pub fn route(hops: &[Hop]) -> Route {
    let mut provider: Option<&Provider> = None;
    let mut domains: Vec<String> = Vec::new();
    for (i, hop) in hops.iter().enumerate() {
        if provider.is_none() {
            provider = provider_named(&hop.by);
        }
        if domains.is_empty()
            && let Some(d) = registrable_domain(&hop.by).filter(|d| d.parse::<IpAddr>().is_err())
        {
            domains.push(d);
        }
        if !hop.has_sender() {
            continue;
        }
        if !inside(hop, provider, &domains) {
            let here = hop.is_submission() && !hop.ip.is_empty();
            return Route {
                external: Some(i),
                submitted: if here { Some(i) } else { submitted_below(hops, i) },
            };
        }
        if provider.is_none()
            && let Some(d) = hops.get(i + 1).and_then(|next| registrable_domain(&next.by))
            && !domains.contains(&d)
        {
            domains.push(d);
        }
    }
    Route::default()
}

/// Below the first external hop, at `external`: when its address is in a block a listed
/// provider publishes, the hops that provider's servers wrote are believed down to the one
/// where the sender signed in. Anything else below the first external hop was written by
/// the sender and says nothing.
fn submitted_below(hops: &[Hop], external: usize) -> Option<usize> {
    let sending = provider_holding(&hops.get(external)?.ip)?;
    for (j, hop) in hops.iter().enumerate().skip(external + 1) {
        if !sending.names(&hop.by) {
            return None;
        }
        if !hop.has_sender() {
            continue;
        }
        if hop.is_submission() && !hop.ip.is_empty() && !is_inside(&hop.ip) {
            return Some(j);
        }
        if !(is_inside(&hop.ip) || sending.holds(&hop.ip)) {
            return None;
        }
    }
    None
}

/// The index of the first hop from outside the recipient's provider (see [`route`]).
pub fn first_external(hops: &[Hop]) -> Option<usize> {
    route(hops).external
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_host_helo_ip_by_and_time() {
        let h = parse_hop(
            "from smtp.secure-boc.top (unknown [203.0.113.7])\r\n\tby mx1.mail.example.net (Postfix) with ESMTP id 4F1;\r\n\tSun, 29 Nov 2026 09:12:31 +0800",
        );
        assert_eq!(h.helo, "smtp.secure-boc.top");
        assert_eq!(h.host, "");
        assert_eq!(h.ip, "203.0.113.7");
        assert_eq!(h.by, "mx1.mail.example.net");
        assert_eq!(
            h.at.map(|m| m.to_string()).as_deref(),
            Some("2026-11-29T09:12:31+08:00")
        );
        let h = parse_hop(
            "from mx1.mail.example.net (mx1.mail.example.net [198.51.100.20]) by relay.mail.example.net; Sun, 29 Nov 2026 01:12:32 +0000",
        );
        assert_eq!(h.host, "mx1.mail.example.net");
        assert_eq!(h.ip, "198.51.100.20");
        let h = parse_hop("from [IPv6:2001:db8::1] by mx.example.net");
        assert_eq!(h.ip, "2001:db8::1");
    }

    #[test]
    fn the_helo_name_in_a_comment_is_the_helo_and_the_word_after_from_the_looked_up_host() {
        // qmail: the HELO name sits in the first comment, the address in the second.
        let h = parse_hop(
            "from unknown (HELO boc.com.cn) (45.77.1.2) by mx.qq.com; Tue, 1 Dec 2026 09:59:58 +0800",
        );
        assert_eq!((h.helo.as_str(), h.host.as_str()), ("boc.com.cn", ""));
        assert_eq!(h.ip, "45.77.1.2");
        let h = parse_hop("from mail.scam.example (HELO www.icbc.com.cn) (198.51.100.3) by mx.example.net");
        assert_eq!(
            (h.helo.as_str(), h.host.as_str(), h.ip.as_str()),
            ("www.icbc.com.cn", "mail.scam.example", "198.51.100.3")
        );
        // Exim: `([ip] helo=name)`.
        let h = parse_hop("from [203.0.113.50] (helo=service.boc.cn) by mx.example.net with esmtp");
        assert_eq!(
            (h.helo.as_str(), h.host.as_str(), h.ip.as_str()),
            ("service.boc.cn", "", "203.0.113.50")
        );
        let h = parse_hop("from relay.example.org ([198.51.100.9] helo=relay.example.org) by mx.example.net");
        assert_eq!(
            (h.helo.as_str(), h.host.as_str(), h.ip.as_str()),
            ("relay.example.org", "relay.example.org", "198.51.100.9")
        );
    }

    #[test]
    fn a_forged_helo_does_not_pass_for_the_provider() {
        let hops = [
            parse_hop(
                "from mx1.mail.example.net (mx1.mail.example.net [198.51.100.20]) by inbox.mail.example.net",
            ),
            parse_hop("from mx1.mail.example.net (unknown [203.0.113.9]) by mx1.mail.example.net"),
        ];
        assert_eq!(first_external(&hops), Some(1));
    }

    #[test]
    fn a_reverse_dns_name_the_server_could_not_confirm_does_not_pass_for_the_organisation() {
        let hops = [
            parse_hop(
                "from mx1.mail.example.net (mx1.mail.example.net [198.51.100.20]) by inbox.mail.example.net",
            ),
            parse_hop(
                "from relay (mx2.mail.example.net [203.0.113.9] (may be forged)) by mx1.mail.example.net",
            ),
            parse_hop("from x (unknown [192.0.2.1]) by mx2.mail.example.net"),
        ];
        assert!(hops[1].unconfirmed);
        assert_eq!(route(&hops).external, Some(1));
        let confirmed = [
            hops[0].clone(),
            parse_hop("from relay (mx2.mail.example.net [198.51.100.21]) by mx1.mail.example.net"),
            hops[2].clone(),
        ];
        assert_eq!(
            route(&confirmed).external,
            Some(2),
            "a confirmed name of the organisation is inside"
        );
    }

    #[test]
    fn a_webmail_or_authenticated_submission_is_the_senders_own_connection() {
        let hops = [
            parse_hop(
                "from mail-sor-f41.google.com (mail-sor-f41.google.com. [209.85.220.41]) by mx.google.com with SMTPS id x",
            ),
            parse_hop("by 2002:a05:6a10:a0c1:b0:5b2:1a2b:3c4d with HTTPREST; Tue, 1 Dec 2026 10:00:00 -0800"),
            parse_hop("from [198.51.100.9] by smtp.gmail.com with HTTP; Tue, 1 Dec 2026 10:00:00 -0800"),
        ];
        assert_eq!(hops[2].with, "HTTP");
        assert!(hops[2].is_submission());
        let r = route(&hops);
        // Google's own relay is inside for a Gmail recipient; the sign-in is where it entered.
        assert_eq!((r.external, r.submitted), (Some(2), Some(2)));
        // A PTR naming Google on an address Google does not publish is outside.
        let forged = [parse_hop(
            "from x (mail-sor-f41.google.com. [203.0.113.41]) by mx.google.com with ESMTPS id y",
        )];
        assert_eq!(route(&forged).external, Some(0));
    }
}
