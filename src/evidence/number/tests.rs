//! Each kind of number, written the ways people write it, gets one key and one label.

use super::*;
use crate::evidence::phone::counterpart_key;

fn label(s: &str) -> NumberLabel {
    classify(s).expect("a number")
}

#[test]
fn every_way_of_writing_a_number_makes_one_key() {
    let groups: [&[&str]; 5] = [
        &[
            "13800138000",
            "+86 138 0013 8000",
            "0086-138-0013-8000",
            "138\u{3000}0013\u{3000}8000",
            "１３８００１３８０００",
            "+８６ １３８－００１３－８０００",
            "138\u{200B}0013\u{FEFF}8000",
            "\u{2066}138 0013 8000\u{2069}",
        ],
        &[
            "0755-8888-1234",
            "(0755) 88881234",
            "+86 755 8888 1234",
            "0086 755 88881234",
            "０７５５８８８８１２３４",
        ],
        &[
            "+855 12 345 678",
            "00855 12345678",
            "+855-12-345-678",
            "＋８５５１２３４５６７８",
        ],
        &[
            "400-820-8820",
            "400 820 8820",
            "4008208820",
            "４００－８２０－８８２０",
        ],
        &["95566", "９５５６６", "+86 95566", "95\u{200D}566"],
    ];
    for g in groups {
        let key = counterpart_key(g[0]);
        for s in g {
            assert_eq!(counterpart_key(s), key, "{s:?} vs {:?}", g[0]);
            assert_eq!(
                classify(s).map(|l| l.kind),
                classify(g[0]).map(|l| l.kind),
                "{s:?}"
            );
        }
    }
    assert_ne!(counterpart_key("13800138000"), counterpart_key("13800138001"));
}

#[test]
fn a_bank_service_number_is_named_and_flagged_as_a_likely_spoof() {
    let l = label("95566");
    assert_eq!(l.kind, NumberKind::Bank);
    assert!(l.caution);
    assert_eq!(
        l.zh,
        "银行客服号 95566（中国银行）— 官方号码一般不会要求转账，显示此号码的来电可能是改号冒用"
    );
    assert!(l.en.contains("Bank of China"), "{}", l.en);
    assert_eq!(l.tag(crate::i18n::Lang::Zh), "冒充银行？");
    assert_eq!(l.head(crate::i18n::Lang::Zh), "银行客服号 95566（中国银行）");
    assert_eq!(
        l.head(crate::i18n::Lang::En),
        "bank service number 95566 (Bank of China)"
    );
    assert_eq!(
        label("17012345678").head(crate::i18n::Lang::Zh),
        "移动通信转售号段（虚拟运营商）"
    );
    assert!(label("95599").zh.contains("中国农业银行"));
    assert!(label("95588").zh.contains("中国工商银行"));
    assert_eq!(label("95188").kind, NumberKind::Payment);
    assert_eq!(label("95123").kind, NumberKind::Service95);
}

#[test]
fn virtual_operator_blocks() {
    for n in [
        "17012345678",
        "171 2345 6789",
        "16212345678",
        "16512345678",
        "16712345678",
    ] {
        let l = label(n);
        assert_eq!(l.kind, NumberKind::Virtual, "{n}");
        assert_eq!(l.zh, "移动通信转售号段（虚拟运营商）");
        // Named neutrally: no source says callers from these blocks are fraudsters.
        assert!(!l.caution);
        assert!(
            !l.zh.contains("诈骗") && !l.en.contains("fraud"),
            "{} / {}",
            l.zh,
            l.en
        );
        assert!(l.source.contains("工业和信息化部"), "{}", l.source);
    }
}

#[test]
fn mobiles_carry_their_carrier() {
    assert_eq!(label("13800138000").zh, "手机号 · 中国移动");
    assert_eq!(label("+86 133 0000 0000").en, "mobile · China Telecom");
    assert_eq!(label("19212345678").zh, "手机号 · 中国广电");
    assert_eq!(label("12345678901").kind, NumberKind::Invalid);
}

#[test]
fn landlines_name_their_city() {
    assert_eq!(label("0755-8888-1234").zh, "固话 · 广东省深圳市");
    assert_eq!(label("+86 755 8888 1234").en, "landline · Shenzhen, Guangdong");
    assert_eq!(label("010 6552 9988").zh, "固话 · 北京市");
}

#[test]
fn numbers_abroad_name_their_country() {
    let l = label("+855 12 345 678");
    assert_eq!(l.kind, NumberKind::International);
    assert_eq!(l.zh, "境外号码 · 柬埔寨");
    assert_eq!(l.en, "international number · Cambodia");
    assert_eq!(label("0063 917 123 4567").zh, "境外号码 · 菲律宾");
    // Codes once printed bare ("KP", "001") are named.
    assert_eq!(label("+850 2 381 2345").zh, "境外号码 · 朝鲜");
    assert_eq!(
        label("+800 1234 5678").zh,
        "境外号码 · 非地理号码（国际免费电话、卫星电话等，不属于任何国家）"
    );
}

#[test]
fn numbers_written_after_plus_86_keep_their_kind() {
    assert_eq!(label("+86 (0) 138 0013 8000").kind, label("13800138000").kind);
    assert_eq!(label("+86 400 800 8888").kind, NumberKind::Service400);
    assert_eq!(label("tel:+86-138-0013-8000").kind, label("13800138000").kind);
}

#[test]
fn company_lines_ports_and_public_numbers() {
    assert_eq!(label("400-820-8820").kind, NumberKind::Service400);
    assert!(label("400-820-8820").zh.starts_with("企业 400 号码"));
    assert_eq!(label("800-820-8820").kind, NumberKind::TollFree);
    assert_eq!(label("10690000").kind, NumberKind::SmsPort);
    assert_eq!(label("1065502100").kind, NumberKind::SmsPort);
    // 106 numbers carry enterprise and public-service texts (一证通查 answers from 10699000),
    // not only a company's bulk messages.
    let sms = label("10699000");
    assert_eq!(sms.kind, NumberKind::SmsPort);
    assert!(
        sms.zh.contains("短信服务号码") && sms.zh.contains("公共服务"),
        "{}",
        sms.zh
    );
    assert!(!sms.zh.contains("群发") && !sms.en.contains("bulk"), "{}", sms.en);
    assert_eq!(label("96110").kind, NumberKind::AntiFraud);
    assert_eq!(label("020-96110").kind, NumberKind::AntiFraud);
    assert_eq!(label("96123").kind, NumberKind::Service96);
    let p = label("12321");
    assert_eq!(p.kind, NumberKind::Public);
    assert!(p.zh.contains("12321") && p.zh.contains("网络不良与垃圾信息举报受理中心"));
    assert_eq!(label("12399").zh, "公共服务号码 12399");
}

#[test]
fn addresses_and_names_are_not_numbers() {
    assert_eq!(classify("scam@example.com"), None);
    assert_eq!(classify("某某贷款公司"), None);
    assert_eq!(
        classify("10086"),
        None,
        "nothing to say about an unlisted short number"
    );
}

#[test]
fn the_mobile_shortcut_agrees_with_the_metadata() {
    for n in [
        "13800138000",
        "17400123456",
        "17406123456",
        "14012345678",
        "19912345678",
        "15412345678",
    ] {
        let direct = phonenumber::parse(Some(phonenumber::country::Id::CN), n)
            .map(|p| p.is_valid_with(&DATABASE))
            .unwrap_or(false);
        assert_eq!(valid_cn(n), direct, "{n}");
    }
}

/// `cn-mobile-valid.txt` is the metadata's answer for every five-digit beginning of an
/// 11-digit number starting with 1, whatever digits follow (`LEAKAID_BLESS=1` writes it
/// again from the metadata, after a `phonenumber` update).
#[test]
fn the_mobile_table_is_what_the_metadata_says() {
    let by_metadata: Vec<bool> = (10_000..20_000u32)
        .map(|p| {
            let answers = ["000000", "123456", "999999"].map(|tail| valid_by_metadata(&format!("{p}{tail}")));
            assert!(
                answers.iter().all(|&a| a == answers[0]),
                "{p}: the ending matters"
            );
            answers[0]
        })
        .collect();
    if std::env::var_os("LEAKAID_BLESS").is_some() {
        let mut text = String::from(
            "# The five-digit beginnings of an 11-digit mainland number starting with 1 that\n\
             # libphonenumber's CN metadata (cn-metadata.xml: generalDesc, then mobile or fixedLine)\n\
             # takes as valid, as ranges. Written from the metadata by the test\n\
             # the_mobile_table_is_what_the_metadata_says (LEAKAID_BLESS=1); Apache-2.0, see\n\
             # LICENSE-libphonenumber.txt.\n",
        );
        let mut p = 0;
        while p < by_metadata.len() {
            if !by_metadata[p] {
                p += 1;
                continue;
            }
            let start = p;
            while p < by_metadata.len() && by_metadata[p] {
                p += 1;
            }
            let (a, b) = (10_000 + start, 10_000 + p - 1);
            text.push_str(&if a == b {
                format!("{a}\n")
            } else {
                format!("{a}-{b}\n")
            });
        }
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/numbers/cn-mobile-valid.txt");
        std::fs::write(path, text).expect("write the table");
        return;
    }
    assert_eq!(
        data::mobile_valid_flags(data::MOBILE_VALID),
        by_metadata,
        "cn-mobile-valid.txt differs from the metadata: LEAKAID_BLESS=1 writes it again"
    );
}

#[test]
fn a_shared_label_is_the_label_of_each_number() {
    // Every mobile block, with endings that differ after the digits the label depends on,
    // asked in an order that puts a remembered label in front of most numbers; the service
    // numbers and other shapes are labelled by their whole number.
    let mut cache = LabelCache::default();
    let mut keys: Vec<String> = Vec::new();
    for block in 100..200u32 {
        for mid in [0u32, 47, 99] {
            for tail in [0u32, 123_456, 999_999, 500_001] {
                keys.push(format!("{block}{mid:02}{tail:06}"));
            }
        }
    }
    keys.extend(
        [
            "95566",
            "95588",
            "10690000",
            "1069000012345",
            "4008208820",
            "075588881234",
            "+85512345678",
            "12345",
            "0108896110",
        ]
        .map(String::from),
    );
    for key in &keys {
        let shared = cache.of_key(key);
        assert_eq!(shared.as_deref(), classify_key(key).as_ref(), "{key}");
    }
    assert!(
        cache.seen.len() < keys.len() / 3,
        "mobiles share labels: {} labels for {} numbers",
        cache.seen.len(),
        keys.len()
    );
}

#[test]
fn the_mainland_metadata_answers_as_the_whole_database() {
    let cn = phonenumber::metadata::Database::parse(CN_METADATA).expect("cn-metadata.xml loads");
    let full = DATABASE.by_id("CN").expect("CN");
    let part = cn.by_id("CN").expect("CN");
    let (f, p) = (full.descriptors(), part.descriptors());
    let mut numbers: Vec<String> = (10_000..20_000u32).map(|p| format!("{p}123456")).collect();
    numbers.extend((10..1000u32).map(|a| format!("{a}88881234")));
    numbers.extend((10..1000u32).map(|a| format!("{a}6552998")));
    numbers.extend(["1012345678", "2112345678", "75588881234", "8896110", "95566"].map(String::from));
    for n in &numbers {
        assert_eq!(f.general().is_match(n), p.general().is_match(n), "general {n}");
        for (a, b) in [(f.mobile(), p.mobile()), (f.fixed_line(), p.fixed_line())] {
            assert_eq!(a.map(|d| d.is_match(n)), b.map(|d| d.is_match(n)), "{n}");
        }
    }
}
