//! Where mail from real providers came from: saved messages with the Received chains
//! Outlook.com / Microsoft 365, Gmail, QQ Mail, NetEase 163 and Aliyun Mail write
//! (tests/fixtures/email/providers; invented people, documentation addresses for everyone but
//! the providers' own servers), and the headers a sender writes to mislead.

use super::*;
use crate::i18n::Lang;

fn fixture(name: &str) -> EmailFacts {
    let path = format!(
        "{}/tests/fixtures/email/providers/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    parse(&std::fs::read(&path).expect("fixture")).expect("an email")
}

fn sentences(f: &EmailFacts) -> Vec<String> {
    f.signals().iter().map(|s| s.sentence(Lang::Zh)).collect()
}

fn no_impersonation(f: &EmailFacts) {
    let o = f.origin();
    assert!(o.impersonated.is_none(), "{o:?}");
    assert!(!o.line(Lang::Zh).contains("冒用 "), "{}", o.line(Lang::Zh));
    assert!(
        !f.signals()
            .iter()
            .any(|s| matches!(s, Signal::Impersonates { .. })),
        "{:?}",
        sentences(f)
    );
}

#[test]
fn outlook_passes_over_microsofts_own_hops_to_gmail_and_the_gmail_sign_in() {
    let f = fixture("outlook-from-gmail.eml");
    let route = f.route();
    assert_eq!(
        route.external,
        Some(3),
        "the hand-over from Google, not a Microsoft hop"
    );
    assert_eq!(f.external_hop().map(|h| h.ip.as_str()), Some("209.85.160.178"));
    assert_eq!(f.submission_hop().map(|h| h.ip.as_str()), Some("198.51.100.23"));
    let o = f.origin();
    assert_eq!(o.sender, "wang.kefu.2026@gmail.com");
    assert_eq!(
        o.line(Lang::Zh),
        "wang.kefu.2026@gmail.com（IP 209.85.160.178；提交方IP 198.51.100.23）"
    );
    assert_eq!(
        o.line(Lang::En),
        "wang.kefu.2026@gmail.com (IP 209.85.160.178; submitted from IP 198.51.100.23)"
    );
    // Exchange Online's results carry no server name; they stand above the hand-over.
    let recorded: Vec<(&str, &str)> = f
        .provider_checks()
        .map(|a| (a.method.as_str(), a.result.as_str()))
        .collect();
    assert_eq!(
        recorded,
        [
            ("spf", "pass"),
            ("dkim", "pass"),
            ("dmarc", "pass"),
            ("spf", "pass")
        ]
    );
    assert_eq!(
        sentences(&f),
        ["显示名自称“中国银行”，但发件域名 gmail.com 与显示的机构不符。"]
    );
    no_impersonation(&f);
    let shown = f.describe(Lang::Zh);
    assert!(
        shown
            .iter()
            .any(|(_, l)| l.contains("[209.85.160.178]") && l.ends_with("← 第一个外部发件服务器")),
        "{shown:?}"
    );
    assert!(
        shown
            .iter()
            .any(|(_, l)| l.contains("[198.51.100.23]") && l.contains("提交方IP")),
        "{shown:?}"
    );
}

#[test]
fn gmail_names_the_scam_server_and_believes_only_its_own_results() {
    let f = fixture("gmail-from-scam-server.eml");
    assert_eq!(f.external_hop().map(|h| h.ip.as_str()), Some("203.0.113.88"));
    assert_eq!(f.submission_hop(), None);
    // Gmail writes its results below its Received line; the sender's "pass" for icbc.com.cn
    // further down, and its DKIM-Signature, are not believed.
    let recorded: Vec<(&str, &str, &str)> = f
        .provider_checks()
        .map(|a| (a.method.as_str(), a.result.as_str(), a.domain.as_str()))
        .collect();
    assert_eq!(
        recorded,
        [
            ("spf", "softfail", ""),
            ("spf", "softfail", "icbc.com.cn"),
            ("dmarc", "fail", "icbc.com.cn")
        ]
    );
    let said = sentences(&f);
    assert_eq!(
        said[0],
        "发件人冒用中国工商银行的邮箱域名 icbc.com.cn：收件服务器记录该域名的检查未通过。"
    );
    assert!(
        said.contains(&"链接显示为 icbc.com.cn，实际指向 icbc-verify.top。".to_string()),
        "{said:?}"
    );
    assert_eq!(
        f.origin().line(Lang::Zh),
        "service@icbc.com.cn（IP 203.0.113.88；冒用 service@icbc.com.cn）"
    );
    let checks = f.describe(Lang::Zh);
    let line = checks
        .iter()
        .find(|(l, _)| l == "发件人验证")
        .map(|(_, v)| v.as_str())
        .unwrap_or_default();
    assert!(
        line.starts_with("SPF softfail; SPF softfail (icbc.com.cn); DMARC fail (icbc.com.cn)"),
        "{line}"
    );
    assert!(
        line.contains("邮件自带、收件服务器未核实的：SPF pass (icbc.com.cn)"),
        "{line}"
    );
    assert!(!line.contains("()"), "no empty parentheses: {line}");
}

#[test]
fn qq_mail_names_the_sign_in_at_its_own_server() {
    let f = fixture("qq-esmtpsa.eml");
    let route = f.route();
    assert_eq!((route.external, route.submitted), (Some(1), Some(1)));
    let o = f.origin();
    assert_eq!(o.line(Lang::Zh), "2837465910@qq.com（提交方IP 198.51.100.61）");
    no_impersonation(&f);
    assert_eq!(sentences(&f), Vec::<String>::new());
}

#[test]
fn a_netease_webmail_submission_is_the_senders_own_connection() {
    let f = fixture("netease-163-webmail.eml");
    let route = f.route();
    assert_eq!((route.external, route.submitted), (Some(1), Some(1)));
    assert_eq!(f.origin().submitter, "198.51.100.77");
    no_impersonation(&f);
}

#[test]
fn aliyun_an_unconfirmed_name_of_the_provider_and_a_results_line_the_sender_wrote_count_for_nothing() {
    let f = fixture("aliyun-may-be-forged.eml");
    assert_eq!(f.received[1].host, "mxw.mxhichina.com");
    assert!(f.received[1].unconfirmed);
    assert_eq!(f.external_hop().map(|h| h.ip.as_str()), Some("203.0.113.140"));
    assert_eq!(
        f.submission_hop(),
        None,
        "below the first external hop the sender writes"
    );
    assert_eq!(f.provider_checks().count(), 0);
    no_impersonation(&f);
    let o = f.origin();
    assert_eq!(
        o.unverified.as_ref().map(|m| m.address.as_str()),
        Some("notice@ccb.com")
    );
    assert_eq!(
        o.counterpart(Lang::Zh),
        "notice@ccb.com（发件人未经验证，可能冒用）"
    );
    assert_eq!(
        o.line(Lang::Zh),
        "notice@ccb.com（发件人未经验证（可能冒用）；IP 203.0.113.140）"
    );
    assert_eq!(
        sentences(&f)[0],
        "发件人未经验证（可能冒用）：notice@ccb.com 属于中国建设银行的域名，但收件服务器没有记录它通过 SPF/DKIM/DMARC 检查，不能认定是中国建设银行发出的。"
    );
}

fn mail(headers: &str, body: &str) -> EmailFacts {
    parse(format!("{headers}\r\n\r\n{body}").as_bytes()).expect("an email")
}

const BORDER: &str = "Received: from mx1.mail.example.net (mx1.mail.example.net [198.51.100.20]) by inbox.mail.example.net; Tue, 1 Dec 2026 10:00:02 +0800\r\nReceived: from smtp.scam.example (unknown [203.0.113.9]) by mx1.mail.example.net; Tue, 1 Dec 2026 10:00:01 +0800";

#[test]
fn a_dkim_signature_alone_never_vouches_for_a_link() {
    let f = mail(
        &format!(
            "{BORDER}\r\nDKIM-Signature: v=1; d=pay-check.example; s=a; b=x\r\nFrom: a@scam.example\r\nSubject: x\r\nContent-Type: text/html"
        ),
        "<a href=\"https://pay-check.example/x\">pay</a>",
    );
    assert!(
        f.signals()
            .iter()
            .any(|s| matches!(s, Signal::LinkElsewhere { domain, .. } if domain == "pay-check.example")),
        "{:?}",
        sentences(&f)
    );
}

#[test]
fn a_look_alike_domain_prints_as_punycode_and_names_the_institution() {
    // "bоc.cn" with a Cyrillic о.
    let f = mail(
        &format!("{BORDER}\r\nFrom: service@b\u{043e}c.cn\r\nSubject: x"),
        "x",
    );
    let from = f.from.clone().expect("from");
    assert!(
        from.address.is_ascii() && from.address.starts_with("service@xn--"),
        "{}",
        from.address
    );
    let said = sentences(&f);
    assert!(
        said.iter()
            .any(|s| s.contains("看起来与中国银行的 boc.cn 一样，但不是同一个域名")),
        "{said:?}"
    );
    assert!(
        said.iter().any(|s| s.contains("含非拉丁字母（Cyrillic）")),
        "{said:?}"
    );
    no_impersonation(&f);
}

#[test]
fn a_display_name_with_an_address_and_two_from_headers_are_named() {
    let f = mail(
        &format!(
            "{BORDER}\r\nFrom: 中国银行 <service@boc.cn> <scam@evil.example>\r\nFrom: other@evil.example\r\nSubject: x"
        ),
        "x",
    );
    assert_eq!(
        f.from.as_ref().map(|m| m.address.as_str()),
        Some("scam@evil.example")
    );
    let said = sentences(&f);
    assert!(
        said.contains(&"显示名自称“中国银行”，但发件域名 evil.example 与显示的机构不符。".to_string()),
        "{said:?}"
    );
    assert!(
        said.contains(&"显示名里写着地址 service@boc.cn，真实发件地址是 scam@evil.example。".to_string()),
        "{said:?}"
    );
    assert!(
        said.contains(&"邮件有 2 个发件人（From）头，邮件程序可能只显示其中一个：scam@evil.example、other@evil.example。".to_string()),
        "{said:?}"
    );
    no_impersonation(&f);
}

#[test]
fn a_free_mail_sender_is_its_full_address_and_a_bulk_bounce_is_no_lead() {
    let f = mail(
        &format!(
            "{BORDER}\r\nReturn-Path: <Scam.2026@QQ.com>\r\nFrom: 某公司 <hr@company.example>\r\nSubject: x"
        ),
        "x",
    );
    assert_eq!(f.origin().sender, "scam.2026@qq.com");
    let f = mail(
        &format!(
            "{BORDER}\r\nReturn-Path: <0100018c2f3e4a5b-1234@eu-west-1.amazonses.com>\r\nFrom: news@shop.example\r\nSubject: x"
        ),
        "x",
    );
    assert_eq!(f.origin().sender, "news@shop.example");
    assert_eq!(sentences(&f), Vec::<String>::new());
    let f = mail(
        &format!(
            "{BORDER}\r\nReturn-Path: <bounce@mailer.evil.example>\r\nFrom: a@shop.example\r\nSubject: x"
        ),
        "x",
    );
    assert_eq!(
        f.origin().sender,
        "evil.example",
        "an organisation's own domain groups its addresses"
    );
}

#[test]
fn a_failed_check_on_an_unlisted_domain_is_no_impersonation() {
    let f = mail(
        "Received: from mx1.mail.example.net (mx1.mail.example.net [198.51.100.20]) by inbox.mail.example.net; Tue, 1 Dec 2026 10:00:02 +0800\r\nAuthentication-Results: mx1.mail.example.net; spf=fail smtp.mailfrom=shop.example; dmarc=fail header.from=shop.example\r\nReceived: from smtp.scam.example (unknown [203.0.113.9]) by mx1.mail.example.net; Tue, 1 Dec 2026 10:00:01 +0800\r\nFrom: 促销 <zhangsan@mail.example.net>\r\nSubject: x",
        "x",
    );
    no_impersonation(&f);
    assert!(
        sentences(&f)
            .iter()
            .any(|s| s.starts_with("SPF 未通过（fail，shop.example）")),
        "{:?}",
        sentences(&f)
    );
}

#[test]
fn one_bad_header_line_and_raw_gbk_headers_still_read() {
    let (subject, _, _) = encoding_rs::GB18030.encode("Subject: 您的账户异常，请核实");
    let mut raw = b" stray line\r\nFrom: a@shop.example\r\nthis is no header\r\n".to_vec();
    raw.extend_from_slice(&subject);
    raw.extend_from_slice(b"\r\nContent-Type: text/plain; charset=gbk\r\n\r\nbody");
    let f = parse(&raw).expect("an email");
    assert_eq!(f.subject, "您的账户异常，请核实");
    assert_eq!(f.from.map(|m| m.address), Some("a@shop.example".to_string()));
}

#[test]
fn invisible_characters_are_dropped_from_what_the_sender_wrote() {
    let f = mail(
        "From: \u{4e2d}\u{200b}\u{56fd}\u{94f6}\u{2060}\u{884c} <a@shop.example>\r\nSubject: 请致电 138\u{2800}0013\u{feff}8000",
        "x",
    );
    assert_eq!(f.from.map(|m| m.name), Some("中国银行".to_string()));
    assert_eq!(f.subject, "请致电 13800138000");
}
