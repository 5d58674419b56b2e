//! Evidence that speaks, through the real binary: a saved phishing email shows where it
//! really came from and names the forged sender; the same file twice is refused; the leads
//! table groups one caller however the number was written and says what kind of number it is.

mod common;

use common::Env;
use serde_json::Value;

const PHISH: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/email/phishing-boc.eml"
);
const NEWS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/email/newsletter-utf8.eml"
);

#[test]
fn a_phishing_email_shows_its_real_origin_and_the_forged_sender() {
    let env = Env::new();
    let out = env
        .cmd()
        .env("TZ", "UTC")
        .args(["log", "email", "--eml", PHISH])
        .output()
        .expect("run");
    assert!(out.status.success());
    let printed = String::from_utf8(out.stdout).expect("utf-8");
    assert!(
        printed.contains("已记录 E1：邮件 secure-boc.top，时间 2026-11-29 09:12:30 +08:00"),
        "{printed}"
    );
    assert!(
        printed.contains("真实来源: secure-boc.top（IP 203.0.113.7；冒用 service@boc.cn）"),
        "{printed}"
    );
    assert!(
        printed.contains("发件人冒用中国银行的邮箱域名 boc.cn：收件服务器记录该域名的检查未通过。"),
        "{printed}"
    );
    assert!(
        printed.contains("链接显示为 boc.cn，实际指向 secure-boc.top。"),
        "{printed}"
    );
    assert!(printed.contains("附件 verify.exe 是可执行程序"), "{printed}");

    let list = env.list_json();
    let e = &list[0];
    assert_eq!(e["current"]["counterpart"], "secure-boc.top");
    assert_eq!(
        e["current"]["summary"],
        "主题：【中国银行】您的账户存在异常，请立即核实"
    );
    assert_eq!(
        e["current"]["occurred_at"], "2026-11-29T09:12:30+08:00",
        "its own offset, with TZ=UTC"
    );
    let m = &e["current"]["email"];
    assert_eq!(m["from"]["address"], "service@boc.cn");
    assert_eq!(m["return_path"], "bounce-7781@secure-boc.top");
    assert_eq!(m["reply_to"][0]["address"], "kefu@boc-help.xyz");
    assert_eq!(m["first_external"], 2);
    assert_eq!(m["received"][2]["ip"], "203.0.113.7");
    assert_eq!(m["auth"][0]["result"], "fail");
    assert_eq!(m["links"][1]["domain"], "secure-boc.top");
    assert_eq!(m["attachments"][0]["name"], "verify.exe");
    assert_eq!(e["attachments"][0]["original_name"], "phishing-boc.eml");

    let show = env.ok(&["show", "E1"]);
    for want in [
        "发件人 From: 中国银行 <service@boc.cn>（冒用）",
        "退信地址 Return-Path: bounce-7781@secure-boc.top",
        "Message-ID: <20261129091230.7781@secure-boc.top>",
        "← 第一个外部发件服务器",
        // The name the sending server gave is shown as its claim, after the address seen.
        "来自 [203.0.113.7]（自称 ",
        "SPF fail (boc.cn)",
        "DKIM pass (secure-boc.top)",
        "verify.exe · application/octet-stream · 2050 字节",
    ] {
        assert!(show.contains(want), "{want} missing from:\n{show}");
    }
    let show_en = env.ok(&["--lang", "en", "show", "E1"]);
    assert!(
        show_en.contains("From: 中国银行 <service@boc.cn> (impersonated)"),
        "{show_en}"
    );
    assert!(show_en.contains("← first external hop"), "{show_en}");

    let leads = env.ok(&["leads"]);
    assert!(leads.starts_with("secure-boc.top — 1 次（邮件）"), "{leads}");
    assert!(
        leads.contains("真实来源: IP 203.0.113.7；冒用 service@boc.cn"),
        "{leads}"
    );
    env.verify_ok();
}

#[test]
fn the_same_email_twice_is_refused_unless_asked_again() {
    let env = Env::new();
    env.log(&["email", "--eml", PHISH]);
    let zh = env.refused(&["log", "email", "--eml", PHISH]);
    assert!(zh.contains("已经记录为 E1") && zh.contains("--again"), "{zh}");
    let en = env.refused(&["--lang", "en", "log", "email", "--eml", PHISH]);
    assert!(en.contains("already recorded as E1"), "{en}");
    let again = env.log(&["email", "--eml", PHISH, "--again"]);
    assert_eq!(again, "E2");
    env.ok(&["retract", "E1", "--reason", "重复"]);
    env.ok(&["retract", "E2", "--reason", "重复"]);
    assert_eq!(
        env.log(&["email", "--eml", PHISH]),
        "E3",
        "a retracted import does not block a new one"
    );
    env.verify_ok();
}

#[test]
fn an_english_import_keeps_an_honest_sender_and_its_minus_five_offset() {
    let env = Env::new();
    let out = env.ok(&["--lang", "en", "log", "email", "--eml", NEWS]);
    assert!(out.contains("news@shop.example.com"), "{out}");
    assert!(!out.contains("impersonated"), "{out}");
    let list = env.list_json();
    assert_eq!(list[0]["current"]["summary"], "Subject: 冬季促销");
    assert_eq!(list[0]["current"]["occurred_at"], "2026-11-30T08:00:00-05:00");
    assert_eq!(list[0]["current"]["to_mine"], "user000@list.example.org");
    assert_eq!(
        list[0]["current"]["email"]["to"].as_array().map(Vec::len),
        Some(80)
    );
}

#[test]
fn leads_json_groups_repeats_and_names_the_number() {
    let env = Env::new();
    // The number that called eleven times, written as people write it.
    let ways = [
        "+86 170 1234 5678",
        "17012345678",
        "170-1234-5678",
        "１７０１２３４５６７８",
        "0086 170 1234 5678",
        "170\u{200B}1234\u{200B}5678",
        "170\u{3000}1234\u{3000}5678",
        "(170) 1234 5678",
        "8617012345678",
        "+86-170-1234-5678",
        "170 1234 5678",
    ];
    for (i, n) in ways.iter().enumerate() {
        let knew = if i == 4 { "name,id" } else { "name" };
        env.log(&[
            "call",
            n,
            "--at",
            &format!("2026-11-{:02} 10:00", i + 1),
            "--knew",
            knew,
        ]);
    }
    for n in ["0755-8888-1234", "+86 755 8888 1234"] {
        env.log(&["call", n, "--at", "2026-11-20 09:00", "--lost", "300"]);
    }
    env.log(&["call", "95566", "--at", "2026-11-21 09:00"]);
    env.log(&["sms", "+855 12 345 678", "--at", "2026-11-22 09:00"]);
    env.log(&["call", "400-820-8820", "--at", "2026-11-23 09:00"]);
    let out = env.ok(&["leads", "--json"]);
    let leads: Vec<Value> = serde_json::from_str(&out).expect("JSON");
    assert_eq!(leads.len(), 5);
    let top = &leads[0];
    assert_eq!(top["count"], 11);
    assert_eq!(top["counterpart"], "+86 170 1234 5678");
    assert_eq!(top["key"], "17012345678");
    assert_eq!(top["label"]["kind"], "virtual");
    assert_eq!(top["label"]["zh"], "移动通信转售号段（虚拟运营商）");
    // A resale block is named, not flagged: nothing shows its callers are fraudsters.
    assert_eq!(top["label"]["caution"], false);
    assert_eq!(top["knew"], serde_json::json!(["name", "id_number"]));
    assert!(
        top["first"]
            .as_str()
            .is_some_and(|f| f.starts_with("2026-11-01T10:00:00"))
    );
    assert!(
        top["last"]
            .as_str()
            .is_some_and(|f| f.starts_with("2026-11-11T10:00:00"))
    );
    let shenzhen = &leads[1];
    assert_eq!(shenzhen["count"], 2);
    assert_eq!(shenzhen["label"]["zh"], "固话 · 广东省深圳市");
    assert_eq!(shenzhen["lost"], 60_000);
    let by_key = |k: &str| leads.iter().find(|l| l["key"] == k).cloned().unwrap_or_default();
    assert_eq!(by_key("95566")["label"]["kind"], "bank");
    assert_eq!(by_key("95566")["label"]["caution"], true);
    assert_eq!(by_key("+85512345678")["label"]["zh"], "境外号码 · 柬埔寨");
    assert_eq!(by_key("4008208820")["label"]["kind"], "service_400");

    let text = env.ok(&["leads"]);
    assert!(text.starts_with("+86 170 1234 5678 — 11 次（电话）"), "{text}");
    assert!(
        text.contains("号码类型: 移动通信转售号段（虚拟运营商）"),
        "{text}"
    );
    assert!(text.contains("号码类型: 固话 · 广东省深圳市"), "{text}");
    let list = env.ok(&["list"]);
    assert!(
        !list.contains("[转售号段]") && !list.contains("诈骗）") && list.contains("[冒充银行？]"),
        "{list}"
    );
}

/// The evidence list's row of a saved email carries what an officer can act on: From with
/// 冒用 only where shown, Reply-To, the checks the provider recorded, the sending server's
/// IP and where the links really point.
#[test]
fn the_evidence_list_row_of_an_email_names_what_its_headers_show() {
    let env = Env::new();
    env.ok(&["log", "email", "--eml", PHISH]);
    let pdf = env.data().join("packet.pdf");
    env.ok(&["export", "pdf", "-o", pdf.to_str().expect("path")]);
    let bytes = std::fs::read(&pdf).expect("packet");
    let all = common::pdf_text::page_texts(&bytes).expect("text").concat();
    let list = &all[all.find("附件一：证据清单").expect("evidence list")..];
    let flat = list.replace('\n', "");
    for want in [
        "发件人：中国银行 <service@boc.cn>（冒用）",
        "回复地址 Reply-To：客服 <kefu@boc-help.xyz>",
        "收件服务器记录的发件人验证：SPF fail (boc.cn)",
        "发信服务器IP：203.0.113.7",
        "邮件中链接实际指向：",
        "secure-boc.top",
    ] {
        assert!(flat.contains(want), "{want} missing from:\n{list}");
    }
    // The victim's own address in 来源 keeps its domain on one line at the table's 9 pt.
    assert!(list.lines().any(|l| l.contains("mail.example.net")), "{list}");
    // A check recorded twice (Received-SPF and Authentication-Results) is named once.
    assert_eq!(flat.matches("SPF fail (boc.cn)").count(), 1, "{list}");
}
