//! The parser against saved messages written for these tests (tests/fixtures/email): a forged
//! Bank of China notice (GBK subject, GB18030 body, an HTML link whose text is not its
//! target, a program attached, five Received hops, SPF fail and DKIM pass) and a UTF-8
//! newsletter from a -0500 zone with a 2,000-character To list.

use super::*;
use crate::i18n::Lang;

const PHISH: &[u8] = include_bytes!("../../../tests/fixtures/email/phishing-boc.eml");
const NEWS: &[u8] = include_bytes!("../../../tests/fixtures/email/newsletter-utf8.eml");

fn phish() -> EmailFacts {
    parse(PHISH).expect("an email")
}

#[test]
fn headers_of_a_forged_bank_notice() {
    let f = phish();
    assert_eq!(
        f.from,
        Some(Mailbox {
            name: "中国银行".into(),
            address: "service@boc.cn".into()
        })
    );
    assert_eq!(
        f.reply_to,
        [Mailbox {
            name: "客服".into(),
            address: "kefu@boc-help.xyz".into()
        }]
    );
    assert_eq!(f.return_path, "bounce-7781@secure-boc.top");
    assert_eq!(
        f.to,
        [Mailbox {
            name: "张三".into(),
            address: "zhangsan@mail.example.net".into()
        }]
    );
    assert_eq!(
        f.cc,
        [Mailbox {
            name: String::new(),
            address: "lisi@mail.example.net".into()
        }]
    );
    assert_eq!(f.subject, "【中国银行】您的账户存在异常，请立即核实");
    assert_eq!(f.message_id, "<20261129091230.7781@secure-boc.top>");
    assert_eq!(f.sha256, crate::journal::sha256_hex(PHISH));
}

#[test]
fn the_date_keeps_its_own_offset() {
    let f = phish();
    assert_eq!(
        f.date.map(|d| d.to_string()).as_deref(),
        Some("2026-11-29T09:12:30+08:00")
    );
    let n = parse(NEWS).expect("an email");
    assert_eq!(
        n.date.map(|d| d.to_string()).as_deref(),
        Some("2026-11-30T08:00:00-05:00")
    );
    let now: jiff::ZonedDateTime = "2026-12-01T10:00:00+00:00[UTC]".parse().expect("now");
    assert_eq!(f.occurred_at(&now), f.date, "a past Date is the time");
    let future = EmailFacts {
        date: Some("2027-01-01T00:00:00+08:00".parse().expect("moment")),
        received: vec![Hop {
            at: Some("2026-11-29T09:12:34+08:00".parse().expect("moment")),
            ..Hop::default()
        }],
        ..EmailFacts::default()
    };
    assert_eq!(
        future.occurred_at(&now).map(|m| m.to_string()).as_deref(),
        Some("2026-11-29T09:12:34+08:00"),
        "a Date after now gives way to the time the recipient's server received it"
    );
    let nothing = EmailFacts {
        received: Vec::new(),
        ..future
    };
    assert_eq!(nothing.occurred_at(&now), None, "then the time of import is used");
}

#[test]
fn the_received_chain_in_order_with_the_first_external_hop() {
    let f = phish();
    let chain: Vec<(&str, &str, &str, &str)> = f
        .received
        .iter()
        .map(|h| (h.helo.as_str(), h.host.as_str(), h.ip.as_str(), h.by.as_str()))
        .collect();
    assert_eq!(
        chain,
        [
            (
                "mx-relay.mail.example.net",
                "mx-relay.mail.example.net",
                "10.12.0.5",
                "inbox.mail.example.net"
            ),
            (
                "mx1.mail.example.net",
                "mx1.mail.example.net",
                "198.51.100.20",
                "mx-relay.mail.example.net"
            ),
            ("smtp.secure-boc.top", "", "203.0.113.7", "mx1.mail.example.net"),
            ("localhost", "localhost", "127.0.0.1", "smtp.secure-boc.top"),
            ("WIN-7Q2K", "", "192.168.1.23", "localhost"),
        ]
    );
    assert_eq!(f.first_external, Some(2), "the hop in the middle");
    assert_eq!(f.external_hop().map(|h| h.ip.as_str()), Some("203.0.113.7"));
    assert_eq!(
        f.received[2].at.map(|m| m.to_string()).as_deref(),
        Some("2026-11-29T09:12:32+08:00")
    );
}

#[test]
fn spf_fail_dkim_pass_and_the_signing_domain() {
    let f = phish();
    let got: Vec<(&str, &str, &str)> = f
        .auth
        .iter()
        .map(|a| (a.method.as_str(), a.result.as_str(), a.domain.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("spf", "fail", "boc.cn"),
            ("dkim", "pass", "secure-boc.top"),
            ("spf", "fail", "boc.cn"),
            ("dkim-signature", "", "secure-boc.top"),
        ]
    );
}

#[test]
fn links_go_where_the_href_says_and_the_gb18030_body_reads() {
    let f = phish();
    let links: Vec<(&str, &str)> = f
        .links
        .iter()
        .map(|l| (l.domain.as_str(), l.shown.as_str()))
        .collect();
    assert_eq!(links, [("boc-verify.top", ""), ("secure-boc.top", "boc.cn")]);
    assert!(
        f.excerpt.starts_with("尊敬的客户： 您的账户存在异常"),
        "{}",
        f.excerpt
    );
}

#[test]
fn the_attachment_is_listed_not_opened() {
    let f = phish();
    assert_eq!(
        f.attachments,
        [MailAttachment {
            name: "verify.exe".into(),
            media_type: "application/octet-stream".into(),
            size: 2050
        }]
    );
    assert!(f.attachments[0].is_executable());
}

#[test]
fn every_mismatch_is_one_sentence() {
    let f = phish();
    let zh: Vec<String> = f.signals().iter().map(|s| s.sentence(Lang::Zh)).collect();
    assert_eq!(
        zh,
        [
            "发件人冒用中国银行的邮箱域名 boc.cn：收件服务器记录该域名的检查未通过。",
            "SPF 未通过（fail，boc.cn）：收件服务器记录邮件不是从该域名许可的服务器发出的。",
            "发件人域名 boc.cn 与退信地址（Return-Path）域名 secure-boc.top 不一致。",
            "回复会发往 boc-help.xyz，而不是发件人域名 boc.cn。",
            "链接指向与发件人无关的域名 boc-verify.top。",
            "链接显示为 boc.cn，实际指向 secure-boc.top。",
            "附件 verify.exe 是可执行程序：不要打开。",
        ]
    );
    let en = f.signals()[0].sentence(Lang::En);
    assert_eq!(
        en,
        "The sender impersonates Bank of China (boc.cn): the receiving server recorded that domain's check failing."
    );
}

#[test]
fn the_lead_is_the_real_origin_with_the_forged_sender_named() {
    let o = phish().origin();
    assert_eq!(o.sender, "secure-boc.top");
    assert_eq!(o.ip, "203.0.113.7");
    assert_eq!(
        o.line(Lang::Zh),
        "secure-boc.top（IP 203.0.113.7；冒用 service@boc.cn）"
    );
    assert_eq!(
        o.line(Lang::En),
        "secure-boc.top (IP 203.0.113.7; impersonated: service@boc.cn)"
    );
}

#[test]
fn an_honest_newsletter_raises_nothing_and_keeps_its_long_to_list() {
    let n = parse(NEWS).expect("an email");
    assert_eq!(n.subject, "冬季促销");
    assert_eq!(n.to.len(), 80, "a 2,000-character To list is kept whole");
    assert_eq!(n.to[79].address, "user079@list.example.org");
    assert_eq!(n.signals(), []);
    let o = n.origin();
    assert_eq!(
        (o.sender.as_str(), o.impersonated.is_none()),
        ("news@shop.example.com", true)
    );
    assert_eq!(n.first_external, Some(0));
    assert_eq!(n.summary_line(Lang::Zh), "主题：冬季促销");
    assert_eq!(n.summary_line(Lang::En), "Subject: 冬季促销");
}

#[test]
fn hostile_headers_are_cleaned_and_bounded() {
    let raw = format!(
        "From: \u{202E}evil\u{1b}[2J <a@b.example>\r\nSubject: {}\r\n\r\nx",
        "长".repeat(5000)
    );
    let f = parse(raw.as_bytes()).expect("an email");
    let from = f.from.expect("from");
    assert!(
        !from.name.contains('\u{202E}') && !from.name.contains('\u{1b}'),
        "{:?}",
        from.name
    );
    assert_eq!(f.subject.chars().count(), MAX_FIELD);
}

#[test]
fn plain_text_is_not_an_email() {
    assert_eq!(parse(b"just some words\nand more"), None);
}

#[test]
fn a_date_with_an_offset_no_place_uses_is_kept_in_utc_and_reads_back() {
    // Found by the `email` fuzz target: a date at +1600 could be stored but not read back.
    let m = parse_date("Mon, 7 Dec 2026 10:00:00 +1600").expect("a date");
    let written = serde_json::to_string(&m).expect("json");
    let back: crate::moment::Moment = serde_json::from_str(&written).expect("reads back");
    assert_eq!(back, m);
    assert_eq!(
        m.timestamp(),
        "2026-12-06T18:00:00Z".parse::<jiff::Timestamp>().expect("ts")
    );
}
