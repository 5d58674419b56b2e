//! The complaint packet, read back with lopdf (an independent parser), not with the writer.

mod common;

use std::path::Path;

use assert_cmd::Command;
use common::pdf_text::page_texts;
use jiff::civil::date;
use leakaid::i18n::Lang;
use leakaid::pdf::sample::sample_input;
use leakaid::pdf::{FontFace, PacketOptions, render};
use lopdf::{Document, Object};

type TestResult = Result<(), Box<dyn std::error::Error>>;

fn leakaid(data: &Path) -> Result<Command, Box<dyn std::error::Error>> {
    let mut cmd = Command::cargo_bin("leakaid")?;
    cmd.env("LEAKAID_DATA_DIR", data)
        .env("TZ", "UTC")
        .env_remove("LEAKAID_CASE")
        .env_remove("LEAKAID_LANG");
    Ok(cmd)
}

const ID: &str = "11010519491231002X";
const PHONE: &str = "13912345678";

/// A small real case made through the command line, with one PNG attachment.
fn make_case(data: &Path, png: &Path) -> TestResult {
    leakaid(data)?
        .args(["profile", "set", "--name", "王䶮", "--id-number", ID])
        .args(["--phone", PHONE, "--address", "北京市𠮷祥路龘苑 3 号"])
        .assert()
        .success();
    leakaid(data)?
        .args(["log", "call", "13800138000", "--note", "自称银行客服"])
        .args(["--knew", "name,id", "--at", "2025-05-01 10:00"])
        .assert()
        .success();
    leakaid(data)?
        .args(["log", "sms", "10690000", "--note", "中奖短信"])
        .args(["--at", "2025-05-02 11:00", "--attach"])
        .arg(png)
        .assert()
        .success();
    Ok(())
}

fn write_png(path: &Path, w: u32, h: u32) -> Result<Vec<u8>, Box<dyn std::error::Error>> {
    let mut pixels = Vec::new();
    for y in 0..h {
        for x in 0..w {
            pixels.extend_from_slice(&[(x * 7 % 256) as u8, (y * 13 % 256) as u8, ((x ^ y) % 256) as u8]);
        }
    }
    let file = std::fs::File::create(path)?;
    let mut enc = png::Encoder::new(std::io::BufWriter::new(file), w, h);
    enc.set_color(png::ColorType::Rgb);
    enc.set_depth(png::BitDepth::Eight);
    enc.write_header()?.write_image_data(&pixels)?;
    Ok(pixels)
}

fn export(
    data: &Path,
    out: &Path,
    extra: &[&str],
) -> Result<std::process::Output, Box<dyn std::error::Error>> {
    let output = leakaid(data)?
        .args(["export", "pdf", "--date", "2025-06-01"])
        .args(["--to", "朝阳分局某某派出所", "-o"])
        .arg(out)
        .args(extra)
        .output()?;
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    Ok(output)
}

/// [`export`] dated today: for a case whose entries run up to now.
fn export_today(
    data: &Path,
    out: &Path,
    extra: &[&str],
) -> Result<std::process::Output, Box<dyn std::error::Error>> {
    let output = leakaid(data)?
        .args(["export", "pdf", "-o"])
        .arg(out)
        .args(extra)
        .output()?;
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    Ok(output)
}

#[test]
fn packet_text_fonts_images_and_reproducibility() -> TestResult {
    let tmp = tempfile::tempdir()?;
    let data = tmp.path().join("data");
    std::fs::create_dir(&data)?;
    let png_path = tmp.path().join("截图.png");
    let pixels = write_png(&png_path, 64, 48)?;
    make_case(&data, &png_path)?;

    let a = tmp.path().join("a.pdf");
    export(&data, &a, &[])?;
    let bytes = std::fs::read(&a)?;
    let pages = page_texts(&bytes)?;
    let all = pages.concat();
    let n = pages.len();
    for needle in [
        "刑 事 控 告 书",
        "王䶮",
        "13800138000",
        "10690000",
        "䶮",
        "𠮷",
        "龘",
        ID,
        PHONE,
        "朝阳分局某某派出所",
    ] {
        assert!(all.contains(needle), "missing {needle:?} in:\n{all}");
    }
    assert!(pages[0].contains(&format!("第 1 页 共 {n} 页")));
    assert!(pages[n - 1].contains(&format!("第 {n} 页 共 {n} 页")));
    // The attachment's full hash, exactly, on one line.
    let hash = {
        use sha2::Digest;
        hex::encode(sha2::Sha256::digest(std::fs::read(&png_path)?))
    };
    assert!(
        all.lines().any(|l| l.contains(&hash)),
        "hash {hash} not on one line"
    );

    // Fonts: all embedded, all subset, the program far smaller than the asset.
    let doc = Document::load_mem(&bytes)?;
    let mut fonts = 0;
    for obj in doc.objects.values() {
        let Ok(dict) = obj.as_dict() else { continue };
        if dict.get(b"Type").and_then(Object::as_name).ok() != Some(&b"FontDescriptor"[..]) {
            continue;
        }
        fonts += 1;
        let name = String::from_utf8_lossy(dict.get(b"FontName")?.as_name()?).to_string();
        let tag = name.split('+').next().unwrap_or("");
        assert!(
            name.contains('+') && tag.len() == 6 && tag.chars().all(|c| c.is_ascii_uppercase()),
            "{name}"
        );
        let file = ["FontFile", "FontFile2", "FontFile3"]
            .iter()
            .find_map(|k| dict.get(k.as_bytes()).ok())
            .ok_or("font not embedded")?;
        let stream = doc.get_object(file.as_reference()?)?.as_stream()?;
        let program = stream
            .decompressed_content()
            .unwrap_or_else(|_| stream.content.clone());
        assert!(
            program.len() < leakaid::pdf::font::EMBEDDED_FONT.len() / 20,
            "font program {} bytes",
            program.len()
        );
    }
    assert!(fonts >= 1);

    // Images: the decoded pixels equal the source PNG.
    let mut images = 0;
    for obj in doc.objects.values() {
        let Ok(stream) = obj.as_stream() else {
            continue;
        };
        if stream.dict.get(b"Subtype").and_then(Object::as_name).ok() != Some(&b"Image"[..]) {
            continue;
        }
        images += 1;
        let filter = stream.dict.get(b"Filter").and_then(Object::as_name).ok();
        assert_eq!(filter, Some(&b"FlateDecode"[..]), "lossless filter");
        assert_eq!(stream.dict.get(b"Width")?.as_i64()?, 64);
        assert_eq!(stream.dict.get(b"Height")?.as_i64()?, 48);
        assert!(stream.decompressed_content()? == pixels, "pixels changed");
    }
    assert_eq!(images, 1);

    // Same case + same date → the same bytes.
    let b = tmp.path().join("b.pdf");
    export(&data, &b, &[])?;
    assert!(
        std::fs::read(&b)? == bytes,
        "two exports of the same case and date differ"
    );

    // --redact: neither the full ID number nor the phone remains.
    let r = tmp.path().join("r.pdf");
    export(&data, &r, &["--redact"])?;
    let redacted = page_texts(&std::fs::read(&r)?)?.concat();
    assert!(!redacted.contains(ID) && !redacted.contains(PHONE));
    assert!(redacted.contains("110105********002X") && redacted.contains("*******5678"));
    assert!(redacted.contains("王䶮"));
    Ok(())
}

#[test]
fn a_character_the_font_lacks_is_named_in_a_warning() -> TestResult {
    let tmp = tempfile::tempdir()?;
    let data = tmp.path().join("data");
    std::fs::create_dir(&data)?;
    leakaid(&data)?
        .args(["log", "call", "13800138000", "--note", "对方发来 𐀀 符号"])
        .args(["--at", "2025-05-20 10:00"])
        .assert()
        .success();
    let out = export(&data, &tmp.path().join("w.pdf"), &[])?;
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains('𐀀') && stderr.contains("U+10000"), "{stderr}");
    Ok(())
}

/// In a big case the ids run to six or seven characters (E100000): the transfer table and the
/// 时间经过 keep each id on one line instead of breaking it as "E9800" / "1".
#[test]
fn a_long_entry_id_stands_on_one_line_in_the_letters_tables() -> TestResult {
    let mut input = sample_input(40, date(2025, 6, 1));
    for e in &mut input.entries {
        e.id = format!("E{}", 100_000 + e.number);
    }
    let lost: Vec<String> = input
        .entries
        .iter()
        .filter(|e| e.amount_lost_fen.is_some_and(|f| f > 0))
        .map(|e| e.id.clone())
        .collect();
    assert!(!lost.is_empty(), "the sample has a loss");
    let opts = PacketOptions {
        lang: Lang::Zh,
        redact: false,
        mask_name: false,
        agency: None,
    };
    let packet = render(&input, &opts, &FontFace::embedded()?)?;
    let text = page_texts(&packet.bytes)?.concat();
    for id in &lost {
        assert!(text.contains(&format!("\n{id}\n")), "{id} missing:\n{text}");
        // A cell that broke the id leaves a line holding only its first characters.
        let broken = text
            .lines()
            .find(|l| l.len() >= 2 && l.len() < id.len() && id.starts_with(l));
        assert!(broken.is_none(), "{id} is broken at {broken:?}:\n{text}");
    }
    Ok(())
}

/// A 200-entry packet fits a 150 KB e-mail or upload limit: the font's outlines are embedded
/// flat (no subroutine indexes left), and the text still reads back whole.
#[test]
fn a_two_hundred_entry_packet_is_within_150_kb() -> TestResult {
    let input = sample_input(200, date(2025, 6, 1));
    let opts = PacketOptions {
        lang: Lang::Zh,
        redact: false,
        mask_name: false,
        agency: Some("北京市公安局朝阳分局某某派出所".to_string()),
    };
    let packet = render(&input, &opts, &FontFace::embedded()?)?;
    assert!(packet.bytes.len() <= 150_000, "{} bytes", packet.bytes.len());
    let doc = Document::load_mem(&packet.bytes)?;
    let mut fonts = 0;
    for obj in doc.objects.values() {
        if let Object::Stream(s) = obj
            && s.dict.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"CIDFontType0C")
        {
            let cff = s.decompressed_content().unwrap_or_else(|_| s.content.clone());
            let table = ttf_parser::cff::Table::parse(&cff).ok_or("the font program does not parse")?;
            assert!(table.number_of_glyphs() > 400);
            let cff = allsorts::binary::read::ReadScope::new(&cff).read::<allsorts::cff::CFF<'_>>()?;
            assert_eq!(cff.global_subr_index.len(), 0, "global subroutines left");
            fonts += 1;
        }
    }
    assert_eq!(fonts, 1);
    let pages = page_texts(&packet.bytes)?;
    assert_eq!(pages.len(), packet.pages);
    assert!(pages[0].contains("刑 事 控 告 书") && pages.concat().contains("\nE200\n"));
    Ok(())
}

#[test]
fn five_hundred_entries_paginate_with_the_header_repeated() -> TestResult {
    let input = sample_input(500, date(2025, 6, 1));
    let opts = PacketOptions {
        lang: Lang::Zh,
        redact: false,
        mask_name: false,
        agency: None,
    };
    let packet = render(&input, &opts, &FontFace::embedded()?)?;
    let pages = page_texts(&packet.bytes)?;
    assert_eq!(pages.len(), packet.pages);
    let n = pages.len();
    assert!(n > 20, "{n} pages");
    // Every page of the evidence list starts its table with the header row.
    let header = "序号\n时间\n证据名称\n来源\n原件所在\n证明目的\n";
    let first = pages
        .iter()
        .position(|p| p.contains("附件一：证据清单"))
        .ok_or("no evidence list")?;
    let table_pages: Vec<usize> = (first..n)
        .filter(|&i| (1..=500).any(|k| pages[i].contains(&format!("\nE{k}\n"))))
        .collect();
    assert!(table_pages.len() > 20);
    for &i in &table_pages {
        assert!(pages[i].contains(header), "page {} has no header", i + 1);
    }
    for (i, p) in pages.iter().enumerate() {
        assert!(p.contains(&format!("第 {} 页 共 {n} 页", i + 1)));
    }
    let list = pages[first..].concat();
    for k in 1..=500 {
        assert!(list.contains(&format!("\nE{k}\n")), "E{k} missing");
    }
    Ok(())
}

// ───────────── the 刑事控告书: charges, leads, evidence list, pages, chart, languages ─────────────

use leakaid::case::{EntryId, EvidenceFields, EvidenceKind, Fen, Knew, Moment, Transfer};
use leakaid::pdf::case_input::{EntryFiles, EntryParts, build};
use leakaid::pdf::{Complainant, Fingerprint, PacketInput};

fn at(day: i8, hour: i8) -> Moment {
    let z = date(2026, 10, day)
        .at(hour, 5, 0, 0)
        .to_zoned_datetime(jiff::tz::TimeZone::fixed(jiff::tz::Offset::constant(8)));
    z.map(|z| Moment::from_zoned(&z))
        .unwrap_or_else(|_| Moment::now())
}

fn entry(kind: EvidenceKind, counterpart: &str, when: Moment, summary: &str) -> EvidenceFields {
    EvidenceFields {
        kind,
        occurred_at: when,
        counterpart: counterpart.to_string(),
        to_mine: "13912345678".to_string(),
        summary: summary.to_string(),
        knew: Default::default(),
        lost: None,
        transfer: None,
        email: None,
        phone: None,
        kept_at: String::new(),
    }
}

/// A packet input built the way `export pdf` builds it, from entries' facts.
fn input_of(fields: &[EvidenceFields], print: jiff::civil::Date) -> PacketInput {
    let parts: Vec<EntryParts<'_>> = fields
        .iter()
        .enumerate()
        .map(|(i, f)| EntryParts {
            id: EntryId(i as u32 + 1),
            fields: f,
            recorded_at: f.occurred_at,
            attachments: EntryFiles::Listed(Vec::new()),
            corrections: 0,
            retracted: None,
        })
        .collect();
    build(
        Complainant {
            name: "张三".into(),
            id_number: Some(ID.into()),
            phones: vec![PHONE.into()],
            ..Default::default()
        },
        Some("我接到电话后按对方要求转了账，事后发现被骗。".into()),
        &parts,
        Fingerprint {
            count: fields.len() as u64,
            head: "ab".repeat(32),
        },
        print,
        &jiff::tz::TimeZone::fixed(jiff::tz::Offset::constant(8)),
        Lang::Zh,
    )
}

fn zh() -> PacketOptions {
    PacketOptions {
        lang: Lang::Zh,
        redact: false,
        mask_name: false,
        agency: Some("朝阳分局某某派出所".into()),
    }
}

fn pages_of(input: &PacketInput, opts: &PacketOptions) -> Result<Vec<String>, Box<dyn std::error::Error>> {
    let packet = render(input, opts, &FontFace::embedded()?)?;
    page_texts(&packet.bytes)
}

/// The fraud case of the issue: one mobile number written four ways, two bank service
/// numbers, a 106 SMS port, a ¥5,000 loss, a phishing email with a hyphenated link.
fn fraud_case() -> Vec<EvidenceFields> {
    let mut v = Vec::new();
    for (i, cp) in [
        "+86 138-0013-8000",
        "+8613800138000",
        "008613800138000",
        "13800138000",
    ]
    .iter()
    .enumerate()
    {
        let mut e = entry(
            EvidenceKind::Call,
            cp,
            at(20 + i as i8, 10),
            "自称银行客服，说我的卡被冻结",
        );
        e.knew = [Knew::Name, Knew::IdNumber].into_iter().collect();
        v.push(e);
    }
    v.push(entry(
        EvidenceKind::Call,
        "95588",
        at(21, 15),
        "显示为银行客服号码，要求我提供验证码",
    ));
    v.push(entry(
        EvidenceKind::Call,
        "95566",
        at(22, 15),
        "显示为银行客服号码",
    ));
    v.push(entry(
        EvidenceKind::Sms,
        "10690000123",
        at(22, 16),
        "短信链接，要求登录“安全账户”",
    ));
    let mut loss = entry(
        EvidenceKind::Call,
        "6222 0200 1234 5678",
        at(24, 11),
        "按对方要求向“安全账户”转账",
    );
    loss.lost = Some(Fen(500_000));
    loss.transfer = Some(Box::new(Transfer {
        account: "6222 0200 1234 5678".into(),
        ..Transfer::default()
    }));
    v.push(loss);
    v.push(entry(
        EvidenceKind::Email,
        "notice@boc-verify.example-scam.top",
        at(24, 20),
        "钓鱼邮件，链接 https://boc-verify.example-scam.top/login?from=mail&id=7",
    ));
    v
}

/// The letter's text outside the quoted law texts (法律依据), where a sentence of the
/// victim's own would stand.
fn own_words(all: &str) -> String {
    match (all.find("法律依据"), all.find("综上")) {
        (Some(a), Some(b)) if a < b => format!("{}{}", &all[..a], &all[b..]),
        _ => all.to_string(),
    }
}

#[test]
fn one_number_written_four_ways_is_one_lead_of_four_contacts() -> TestResult {
    let pages = pages_of(&input_of(&fraud_case(), date(2026, 10, 25)), &zh())?;
    let all = pages.concat();
    let accused =
        &all[all.find("被控告人").ok_or("no 被控告人")?..all.find("控告请求").ok_or("no 控告请求")?];
    let accused = accused.replace('\n', "");
    // In the 11 digits an officer can query, the spelling it was first written in once.
    assert!(
        accused.contains("13800138000（另记作 +86 138-0013-8000）（来电，4 次"),
        "{accused}"
    );
    for other in ["+8613800138000", "008613800138000"] {
        assert!(
            !accused.contains(other),
            "{other} printed as its own lead:\n{accused}"
        );
    }
    assert_eq!(accused.matches("13800138000").count(), 1, "{accused}");
    // Ranked by what they show: the account the money went to, then the number that knew
    // the name and the ID number.
    assert!(accused.contains("1. 6222 0200 1234 5678"), "{accused}");
    assert!(accused.contains("2. 13800138000"), "{accused}");
    Ok(())
}

#[test]
fn forty_counterparts_none_dropped_and_the_rest_counted() -> TestResult {
    let fields: Vec<EvidenceFields> = (0..40)
        .map(|i| {
            entry(
                EvidenceKind::Call,
                &format!("1700000{:04}", i),
                at(1 + (i % 20) as i8, 9),
                "推销",
            )
        })
        .collect();
    let pages = pages_of(&input_of(&fields, date(2026, 11, 1)), &zh())?;
    let all = pages.concat();
    let letter_end = all.find("附件一：证据清单").ok_or("no list")?;
    let (letter, list) = all.split_at(letter_end);
    let shown = (0..40)
        .filter(|i| letter.contains(&format!("1700000{:04}（", i)))
        .count();
    assert!(
        letter.contains(&format!("另有 {} 个号码/地址，见附件一证据清单", 40 - shown)),
        "{letter}"
    );
    for i in 0..40 {
        assert!(
            list.contains(&format!("1700000{:04}", i)),
            "1700000{i:04} missing from the list"
        );
    }
    Ok(())
}

#[test]
fn a_loss_adds_fraud_recovery_and_a_stop_payment_request_first() -> TestResult {
    let pages = pages_of(&input_of(&fraud_case(), date(2026, 10, 25)), &zh())?;
    let all = pages.concat();
    assert!(
        all.contains("第二百六十六条") && all.contains("反电信网络诈骗法》第三十四条"),
        "{all}"
    );
    assert!(all.contains("转账情况") && all.contains("人民币5,000.00元"));
    let requests =
        &all[all.find("控告请求").ok_or("no requests")?..all.find("事实与理由").ok_or("no facts")?];
    let requests = requests.replace('\n', "");
    let first = requests.find("1. ").ok_or("no first request")?;
    // The urgent request names its basis, 反电信网络诈骗法第二十条 (紧急止付、快速冻结), not 34.
    assert!(
        requests[first..]
            .starts_with("1. 【紧急】请求依照《中华人民共和国反电信网络诈骗法》第二十条，立即通知相关银行"),
        "{requests}"
    );
    let laws = all.replace('\n', "");
    assert!(
        laws.contains("《中华人民共和国反电信网络诈骗法》第二十条：国务院公安部门会同有关部门建立完善电信网络诈骗涉案资金即时查询、紧急止付"),
        "{laws}"
    );
    assert!(
        requests.replace(' ', "").contains("6222020012345678"),
        "receiving account named: {requests}"
    );
    assert!(requests.contains("追缴被骗款项"));

    // Without a loss: neither provision, no transfers, no stop-payment request.
    let no_loss: Vec<EvidenceFields> = fraud_case().into_iter().filter(|e| e.lost.is_none()).collect();
    let all = pages_of(&input_of(&no_loss, date(2026, 10, 25)), &zh())?.concat();
    assert!(!all.contains("第二百六十六条") && !all.contains("第三十四条") && !all.contains("第二十条"));
    assert!(!all.contains("转账情况") && !all.contains("紧急止付"));
    assert!(all.contains("第二百五十三条之一"));
    Ok(())
}

#[test]
fn an_account_opened_in_the_victims_name_cites_the_account_offences() -> TestResult {
    let mut fields = fraud_case()[4..7].to_vec();
    fields.push(entry(
        EvidenceKind::Account,
        "某银行信用卡尾号1234",
        at(23, 9),
        "征信报告上的信用卡，不是我办的",
    ));
    let all = pages_of(&input_of(&fields, date(2026, 10, 25)), &zh())?.concat();
    let laws = all.replace('\n', "");
    for cited in [
        "《中华人民共和国反电信网络诈骗法》第三十一条第一款：",
        // The offences an account may involve are named with a one-line 要旨, marked as such.
        "《中华人民共和国刑法》第二百八十条之一（要旨）：在依照国家规定应当提供身份证明的活动中",
        "《中华人民共和国刑法》第一百七十七条之一（要旨）：使用虚假的身份证明骗领信用卡",
        "《中华人民共和国刑法》第一百九十六条（要旨）：使用以虚假的身份证明骗领的信用卡",
        "《中华人民共和国刑法》第二百八十七条之二（要旨）：明知他人利用信息网络实施犯罪",
    ] {
        assert!(laws.contains(cited), "missing {cited} in\n{laws}");
    }
    // Cited, not charged: the closing sentence still names only what the victim can stand behind.
    let closing = &laws[laws.find("综上").ok_or("no closing")?..];
    let closing = &closing[..closing.find('。').unwrap_or(closing.len())];
    assert!(
        !closing.contains("信用卡诈骗") && !closing.contains("妨害信用卡"),
        "{closing}"
    );
    // Without an account entry none of them is cited.
    let without = pages_of(&input_of(&fraud_case()[4..7], date(2026, 10, 25)), &zh())?.concat();
    assert!(!without.contains("第二百八十条之一") && !without.contains("第一百九十六条"));
    Ok(())
}

#[test]
fn the_letter_says_only_what_the_victim_can_stand_behind() -> TestResult {
    for fields in [fraud_case(), fraud_case()[4..7].to_vec()] {
        let all = pages_of(&input_of(&fields, date(2026, 10, 25)), &zh())?.concat();
        let own = own_words(&all);
        assert!(!own.contains("情节严重"), "{own}");
        assert!(!own.contains("已被非法") && !own.contains("出售"), "{own}");
        assert!(
            all.contains("刑 事 控 告 书")
                && all.contains("控告人（被害人）")
                && all.contains("控告人（签名、捺印）")
        );
        // (The statute's own words of 刑诉法110/111 name the 报案人; the letter never does.)
        assert!(!own.contains("报案人") && !all.contains("报案材料"), "{own}");
        assert!(all.contains("第一百一十一条关于诬告应负法律责任的规定"));
        assert!(all.contains("本人有理由认为") && all.contains("请依法审查立案"));
        assert!(!all.contains("民法典") && !all.contains("个人信息保护法") && !all.contains("网络安全法"));
        assert!(!all.contains("、其他、") && !all.contains("其他等"));
        // Summaries are marked as such.
        let laws = all.replace('\n', "");
        // The paragraphs the request rests on, in the statute's own words.
        assert!(
            laws.contains("第二百五十三条之一第一款、第三款：违反国家有关规定"),
            "the statute's own words"
        );
        // Of 法释〔2017〕10号 only what a victim can show, in its own words; no record counts.
        assert!(
            laws.contains("第五条第一款第（一）项、第（二）项：非法获取、出售或者提供公民个人信息"),
            "{laws}"
        );
        assert!(laws.contains("知道或者应当知道他人利用公民个人信息实施犯罪，向其出售或者提供的"));
        assert!(laws.contains("第四条（要旨）：通过购买、收受、交换等方式获取公民个人信息"));
        assert!(!laws.contains("五十条") && !laws.contains("五千条") && !laws.contains("50条"));
        // 附: every annex.
        let annex = &all[all.rfind("附：").ok_or("no 附")?..];
        assert!(annex.contains("证据清单（") && annex.contains("电子数据") && annex.contains("身份证复印件"));
    }
    Ok(())
}

#[test]
fn the_evidence_list_has_source_and_purpose_in_entry_order_and_whole_urls() -> TestResult {
    let pages = pages_of(&input_of(&fraud_case(), date(2026, 10, 25)), &zh())?;
    let first = pages
        .iter()
        .position(|p| p.contains("附件一：证据清单"))
        .ok_or("no list")?;
    let list = pages[first..].concat();
    assert!(
        list.contains("序号\n时间\n证据名称\n来源\n原件所在\n证明目的\n"),
        "{list}"
    );
    let joined = list.replace('\n', "");
    let mut last = 0;
    for k in 1..=9 {
        let at = list.find(&format!("\nE{k}\n")).ok_or(format!("E{k} missing"))?;
        assert!(at > last, "E{k} out of order");
        last = at;
    }
    // Calls without a recording: the log proves the number and the time, what was said
    // rests on the victim's statement.
    assert!(
        joined.contains(
            "证明该号码于该时间呼叫本人；通话内容（对方说出本人姓名、身份证号）见控告人陈述（无录音）"
        ),
        "{list}"
    );
    assert!(joined.contains("证明本人被骗人民币5,000.00元"));
    assert!(joined.contains("本人手机（13912345678）通话记录"));
    let url = "https://boc-verify.example-scam.top/login?from=mail&id=7";
    assert!(joined.contains(url), "{list}");
    for line in list.lines() {
        assert!(!line.ends_with('-'), "broken at a hyphen: {line}");
    }
    Ok(())
}

/// Lines on a page other than its footer (page number, fingerprint) and the translation mark.
fn body_lines(page: &str) -> usize {
    page.lines()
        .filter(|l| !l.trim().is_empty())
        .filter(|l| {
            !l.starts_with("第 ")
                && !l.starts_with("Page ")
                && !l.contains("案件指纹 ")
                && !l.starts_with("Case fingerprint ")
        })
        .filter(|l| !l.starts_with("TRANSLATION"))
        .count()
}

#[test]
fn no_near_empty_pages_and_the_signature_stays_with_the_statement() -> TestResult {
    for n in [1, 3, 9, 45] {
        let input = sample_input(n, date(2025, 6, 1));
        for opts in [
            zh(),
            PacketOptions {
                lang: Lang::En,
                ..zh()
            },
        ] {
            let pages = pages_of(&input, &opts)?;
            let annex_start = pages
                .iter()
                .position(|p| p.contains("附件一：证据清单") || p.contains("Annex 1: Evidence list"))
                .ok_or("no list")?;
            let images = pages
                .iter()
                .position(|p| p.contains("附件二") || p.contains("Annex 2"));
            for (i, p) in pages.iter().enumerate() {
                let last_of_annex = i + 1 == pages.len() || images.is_some_and(|s| s == i + 1);
                if !last_of_annex {
                    assert!(
                        body_lines(p) >= 3,
                        "{n} entries, {:?}: page {} is near empty:\n{p}",
                        opts.lang,
                        i + 1
                    );
                }
            }
            let sign = pages
                .iter()
                .position(|p| p.contains("控告人（签名、捺印）") || p.contains("Complainant (signature"))
                .ok_or("no signature")?;
            assert!(sign < annex_start);
            let statement = ["第一百一十一条", "Article 111"];
            assert!(
                statement.iter().any(|s| pages[sign].contains(s)),
                "{n} entries: signature page {} lacks the statement",
                sign + 1
            );
            // The list of annexes is not left alone on a page after the signature.
            assert!(
                pages[sign].contains("附：") || pages[sign].contains("Annexes:"),
                "{n} entries, {:?}: the annex list is not on the signature page {}:\n{}",
                opts.lang,
                sign + 1,
                pages[sign]
            );
        }
    }
    Ok(())
}

#[test]
fn the_chart_is_drawn_on_the_facts_page_with_the_daily_counts() -> TestResult {
    // Three days: 4 contacts, none, 1, then 2.
    let mut fields = Vec::new();
    for h in 0..4 {
        fields.push(entry(EvidenceKind::Call, "13800138000", at(3, 8 + h), "来电"));
    }
    fields.push(entry(EvidenceKind::Sms, "10690000", at(5, 9), "短信"));
    fields.push(entry(EvidenceKind::Email, "a@example.com", at(6, 9), "邮件"));
    fields.push(entry(EvidenceKind::Call, "13800138000", at(6, 10), "来电"));
    fields[1].knew = [Knew::IdNumber].into_iter().collect();
    let input = input_of(&fields, date(2026, 10, 10));
    let packet = render(&input, &zh(), &FontFace::embedded()?)?;
    let pages = page_texts(&packet.bytes)?;
    let i = pages
        .iter()
        .position(|p| p.contains("联系次数统计图"))
        .ok_or("no chart")?;
    let page = &pages[i];
    let after = &page[page.find("每日联系次数").ok_or("no scale note")?..];
    let numbers: Vec<usize> = after
        .lines()
        .skip(1)
        .take_while(|l| l.chars().all(|c| c.is_ascii_digit()) && !l.is_empty())
        .filter_map(|l| l.parse().ok())
        .collect();
    assert_eq!(numbers, vec![4, 1, 2], "{after}");
    assert!(page.contains("首次说出身份证号（E2）"));
    // The bars are vector rectangles on that page.
    let doc = Document::load_mem(&packet.bytes)?;
    let page_id = *doc.get_pages().get(&(i as u32 + 1)).ok_or("no page")?;
    let content = lopdf::content::Content::decode(&doc.get_page_content(page_id))?;
    let rects = content.operations.iter().filter(|op| op.operator == "re").count();
    assert!(rects >= 4, "{rects} rectangles");
    Ok(())
}

#[test]
fn the_chart_title_is_never_the_last_thing_on_a_page() -> TestResult {
    // The facts grow by one transfer (a lead line and a table row) at a time, so the chart's
    // title walks down a page and over its foot: with one transfer the facts end near the
    // foot of page 1, with 14–15 near the foot of page 2. At every step the chart's first
    // label (its scale note) is on the title's page.
    let face = FontFace::embedded()?;
    let mut title_pages = std::collections::BTreeSet::new();
    for n in (1..=3).chain(12..=16) {
        let mut fields = Vec::new();
        for i in 0..n {
            let mut e = entry(
                EvidenceKind::Call,
                &format!("138{:08}", 100 + i),
                at(1 + (i % 28) as i8, 9),
                "自称客服，要求转账到“安全账户”",
            );
            e.lost = Some(Fen(10_000 + i as u64));
            fields.push(e);
        }
        let input = input_of(&fields, date(2026, 10, 30));
        let packet = render(&input, &zh(), &face)?;
        let pages = page_texts(&packet.bytes)?;
        let title = pages
            .iter()
            .position(|p| p.contains("联系次数统计图"))
            .ok_or("no chart title")?;
        let label = pages
            .iter()
            .position(|p| p.contains("每日联系次数"))
            .ok_or("no chart label")?;
        assert_eq!(
            title,
            label,
            "{n} transfers: the title is on page {} and the chart on page {}",
            title + 1,
            label + 1
        );
        title_pages.insert(title);
    }
    assert!(
        title_pages.len() > 1,
        "the cases never moved the chart over a page foot: {title_pages:?}"
    );
    Ok(())
}

#[test]
fn english_ui_gets_a_chinese_packet_and_packet_lang_en_a_marked_translation() -> TestResult {
    let tmp = tempfile::tempdir()?;
    let data = tmp.path().join("data");
    std::fs::create_dir(&data)?;
    let png = tmp.path().join("x.png");
    write_png(&png, 8, 8)?;
    make_case(&data, &png)?;
    let a = tmp.path().join("ui-en.pdf");
    export(&data, &a, &["--lang", "en"])?;
    let zh_pages = page_texts(&std::fs::read(&a)?)?;
    assert!(zh_pages[0].contains("刑 事 控 告 书"));
    assert!(zh_pages.iter().all(|p| !p.contains("TRANSLATION")));
    let b = tmp.path().join("en.pdf");
    export(&data, &b, &["--packet-lang", "en"])?;
    let en_pages = page_texts(&std::fs::read(&b)?)?;
    assert!(en_pages[0].contains("Criminal Complaint"));
    for (i, p) in en_pages.iter().enumerate() {
        assert!(
            p.contains("TRANSLATION for the complainant's own use"),
            "page {} unmarked",
            i + 1
        );
    }
    Ok(())
}

#[test]
fn an_empty_case_is_refused_with_a_sentence_and_no_file() -> TestResult {
    let tmp = tempfile::tempdir()?;
    let data = tmp.path().join("data");
    std::fs::create_dir(&data)?;
    leakaid(&data)?
        .args(["profile", "set", "--name", "张三"])
        .assert()
        .success();
    let out = tmp.path().join("none.pdf");
    let output = leakaid(&data)?.args(["export", "pdf", "-o"]).arg(&out).output()?;
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("还没有任何证据记录"), "{stderr}");
    assert!(!out.exists());
    let exports = data.join("default").join("exports");
    assert!(!exports.exists() || std::fs::read_dir(&exports)?.next().is_none());
    Ok(())
}

#[test]
fn a_big_case_prints_its_top_leads_and_writes_the_complete_list_beside_the_pdf() -> TestResult {
    let tmp = tempfile::tempdir()?;
    let data = tmp.path().join("data");
    leakaid::synthetic::write_case(&data.join("default"), 1_200)?;
    let out = tmp.path().join("big.pdf");
    export_today(&data, &out, &[])?;
    let csv = std::fs::read(tmp.path().join("big-evidence.csv"))?;
    let journal = std::fs::read(tmp.path().join("big-journal.jsonl"))?;
    assert_eq!(
        journal,
        std::fs::read(data.join("default").join("journal.jsonl"))?
    );
    assert!(String::from_utf8_lossy(&csv).lines().count() > 1_200);
    let all = page_texts(&std::fs::read(&out)?)?.concat();
    for bytes in [&csv, &journal] {
        use sha2::Digest;
        let hash = hex::encode(sha2::Sha256::digest(bytes));
        assert!(all.contains(&hash), "SHA-256 {hash} not printed");
    }
    let flat = all.replace('\n', "");
    assert!(
        flat.contains("big-evidence.csv") && flat.contains("本案记录超过 1000 条"),
        "{flat}"
    );
    assert!(all.contains("联系次数统计图"));

    // The side files are never replaced without --force either, even when the PDF's name is
    // free: nothing is written, and the list beside it stays as it was.
    std::fs::remove_file(&out)?;
    std::fs::write(tmp.path().join("big-evidence.csv"), b"my notes")?;
    let refused = leakaid(&data)?.args(["export", "pdf", "-o"]).arg(&out).output()?;
    assert!(!refused.status.success());
    let said = String::from_utf8_lossy(&refused.stderr);
    assert!(
        said.contains("big-evidence.csv") && said.contains("--force"),
        "{said}"
    );
    assert_eq!(std::fs::read(tmp.path().join("big-evidence.csv"))?, b"my notes");
    assert_eq!(std::fs::read(tmp.path().join("big-journal.jsonl"))?, journal);
    assert!(!out.exists(), "no packet naming side files that are not its own");
    export_today(&data, &out, &["--force"])?;
    assert_eq!(std::fs::read(tmp.path().join("big-evidence.csv"))?, csv);
    Ok(())
}

#[test]
fn a_redacted_copy_of_a_big_case_writes_no_complete_list_or_record_beside_it() -> TestResult {
    let tmp = tempfile::tempdir()?;
    let data = tmp.path().join("data");
    leakaid::synthetic::write_case(&data.join("default"), 1_200)?;
    leakaid(&data)?
        .args(["profile", "set", "--name", "王䶮", "--id-number", ID])
        .assert()
        .success();
    let out = tmp.path().join("family.pdf");
    export_today(&data, &out, &["--redact"])?;
    let mut names: Vec<String> = std::fs::read_dir(tmp.path())?
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        vec!["data", "family.pdf"],
        "nothing beside the redacted copy"
    );
    let all = page_texts(&std::fs::read(&out)?)?.concat();
    assert!(!all.contains(ID), "the ID number is not in the copy");
    assert!(
        all.contains("不随本副本提供"),
        "the copy says the complete list is not part of it"
    );
    Ok(())
}

#[test]
fn transfer_details_logged_and_corrected_print_in_the_transfer_table() -> TestResult {
    let tmp = tempfile::tempdir()?;
    let data = tmp.path().join("data");
    std::fs::create_dir(&data)?;
    // An old-style loss without details still prints.
    leakaid(&data)?
        .args([
            "log",
            "call",
            "17000000001",
            "--note",
            "冒充客服退款",
            "--lost",
            "800",
        ])
        .args(["--at", "2025-05-20 09:00"])
        .assert()
        .success();
    leakaid(&data)?
        .args([
            "log",
            "call",
            "13800138000",
            "--note",
            "冒充公安，要求转账到安全账户",
        ])
        .args([
            "--at",
            "2025-05-28 10:00",
            "--lost",
            "5000",
            "--to-account",
            "6222 0200 1234 5678",
        ])
        .args([
            "--to-name",
            "李某",
            "--to-bank",
            "某商业银行",
            "--paid-at",
            "2025-05-28 10:20",
        ])
        .args(["--paid-via", "手机银行转账"])
        .assert()
        .success();
    leakaid(&data)?
        .args([
            "correct",
            "E2",
            "--txn",
            "2025052810200098765",
            "--reason",
            "补充流水号",
        ])
        .assert()
        .success();
    let journal = std::fs::read_to_string(data.join("default").join("journal.jsonl"))?;
    let added = journal
        .lines()
        .find(|l| l.contains("6222 0200 1234 5678"))
        .ok_or("no transfer logged")?;
    let order = ["\"account\"", "\"name\"", "\"bank\"", "\"paid_at\"", "\"method\""];
    let at: Vec<usize> = order.iter().filter_map(|k| added.find(k)).collect();
    assert_eq!(at.len(), order.len(), "{added}");
    assert!(at.windows(2).all(|w| w[0] < w[1]), "fixed order: {added}");
    assert!(
        !added.contains("\"txn\""),
        "absent parts are not written: {added}"
    );
    assert!(!journal.lines().next().unwrap_or("").contains("transfer"));

    let out = tmp.path().join("t.pdf");
    export(&data, &out, &[])?;
    let all = page_texts(&std::fs::read(&out)?)?.concat().replace('\n', "");
    let table = &all[all.find("转账情况").ok_or("no transfer table")?..];
    // Paid at 10:20 on a computer set to UTC: 18:20 Beijing time.
    for needle in [
        "6222 0200 1234 5678（户名李某，某商业银行）",
        "手机银行转账2025052810200098765",
        "2025年5月28日18:20",
        "人民币5,000.00元",
        "人民币800.00元（未记录）（未记录）",
    ] {
        assert!(table.contains(needle), "{needle} missing: {table}");
    }
    // The caller's number of the old-style loss is never printed as its account.
    let rows = &table[..table.find("收款账户一览").ok_or("no overview")?];
    assert!(!rows.contains("17000000001"), "{rows}");
    Ok(())
}

#[test]
fn escapes_in_to_and_in_an_edited_journal_never_reach_the_packet() -> TestResult {
    let tmp = tempfile::tempdir()?;
    let data = tmp.path().join("data");
    std::fs::create_dir(&data)?;
    leakaid(&data)?
        .args(["log", "call", "13800138000", "--note", "自称银行客服"])
        .args(["--at", "2025-05-20 10:00"])
        .assert()
        .success();
    // A hand edit in the canonical form (serde_json writes ESC as \u001b).
    let journal = data.join("default").join("journal.jsonl");
    let edited = std::fs::read_to_string(&journal)?.replace("13800138000", "\\u001b[31m13800138000\u{202E}");
    std::fs::write(&journal, edited)?;
    let out = tmp.path().join("e.pdf");
    let output = leakaid(&data)?
        .args(["export", "pdf", "--date", "2025-06-01", "--to"])
        .arg("\u{1b}[31m朝阳分局\u{202E}某某派出所\u{1b}]0;PWNED\u{7}")
        .arg("-o")
        .arg(&out)
        .output()?;
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let text = page_texts(&std::fs::read(&out)?)?.join("\n");
    assert!(text.contains("朝阳分局某某派出所"), "{text}");
    assert!(text.contains("13800138000"), "{text}");
    assert!(!text.contains("[31m") && !text.contains("PWNED"), "{text}");
    assert!(
        !text
            .chars()
            .any(|c| c == '\u{1b}' || c == '\u{202E}' || c == '\u{7}'),
        "{text:?}"
    );
    Ok(())
}

#[test]
fn times_print_in_beijing_time_whatever_the_computers_zone_named_once_per_table() -> TestResult {
    let tmp = tempfile::tempdir()?;
    let data = tmp.path().join("data");
    std::fs::create_dir(&data)?;
    leakaid(&data)?
        .args(["profile", "set", "--name", "王䶮"])
        .assert()
        .success();
    // Logged on a machine set to UTC: recorded as 02:05+00:00.
    leakaid(&data)?
        .args(["log", "call", "13800138000", "--note", "自称银行客服"])
        .args(["--at", "2025-05-01 02:05"])
        .assert()
        .success();
    let packet_in = |tz: &str, name: &str| -> Result<String, Box<dyn std::error::Error>> {
        let out = tmp.path().join(name);
        let output = leakaid(&data)?
            .env("TZ", tz)
            .args(["export", "pdf", "--date", "2025-06-01", "-o"])
            .arg(&out)
            .output()?;
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        Ok(page_texts(&std::fs::read(&out)?)?.concat().replace('\n', ""))
    };

    let beijing = packet_in("Asia/Shanghai", "beijing.pdf")?;
    assert!(beijing.contains("2025年5月1日 10:05"), "{beijing}");
    assert!(!beijing.contains("02:05"), "{beijing}");
    // Named once at the top of the 时间经过 and once at the top of the 证据清单.
    assert_eq!(beijing.matches("时间均为北京时间").count(), 2, "{beijing}");
    assert!(!beijing.contains("本地时间"), "{beijing}");

    // A packet for the police made on a computer set to UTC (or New York) says the same.
    for (tz, name) in [("UTC", "utc.pdf"), ("America/New_York", "ny.pdf")] {
        let other = packet_in(tz, name)?;
        assert!(other.contains("2025年5月1日 10:05"), "{other}");
        assert!(!other.contains("02:05") && !other.contains("22:05"), "{other}");
        assert_eq!(other.matches("时间均为北京时间").count(), 2, "{other}");
        assert!(!other.contains("本地时间"), "{other}");
    }
    Ok(())
}

#[test]
fn many_transfers_are_named_as_the_table_lists_them_and_all_counted() -> TestResult {
    let fields: Vec<EvidenceFields> = (0..45)
        .map(|i| {
            let mut f = entry(
                EvidenceKind::Call,
                &format!("138001{:05}", i),
                at(1 + (i / 20) as i8, (i % 20) as i8),
                "按对方要求转账",
            );
            f.lost = Some(Fen(10_000));
            f.transfer = Some(Box::new(Transfer {
                account: format!("6222 0000 0000 1{i:03}"),
                name: format!("收款人{i}"),
                ..Transfer::default()
            }));
            f
        })
        .collect();
    let input = input_of(&fields, date(2026, 12, 1));
    let all = pages_of(&input, &zh())?.concat().replace('\n', "");
    // Every one of the 45 receiving accounts is in the packet: 收款账户一览 is never cut, and
    // 被控告人 lists each as a lead.
    let overview = &all[all.find("收款账户一览").ok_or("no overview")?..];
    let accused = &all[..all.find("控告请求").ok_or("no requests")?];
    for i in 0..45 {
        let account = format!("6222 0000 0000 1{i:03}");
        assert!(overview.contains(&account), "{account} missing from 收款账户一览");
        assert!(accused.contains(&account), "{account} missing from 被控告人");
    }
    // Printed while a stop is still possible: the request names ten and points at the rest.
    let urgent = pages_of(&input_of(&fields, date(2026, 10, 5)), &zh())?
        .concat()
        .replace('\n', "");
    assert!(
        urgent.contains("6222 0000 0000 1044（户名收款人44）；"),
        "{urgent}"
    );
    assert!(
        urgent.contains("另有 35 个收款账户见下文“收款账户一览”"),
        "{urgent}"
    );
    // The latest 40 (E6 … E45), as in the transfer table, then how many in all.
    assert!(
        all.contains("共计被骗人民币4,500.00元（大写：肆仟伍佰元整）（E6、E7、"),
        "{all}"
    );
    assert!(all.contains("E45等，共 45 笔）"), "{all}");
    assert!(!all.contains("（E1、E2、"), "{all}");
    Ok(())
}

/// A number typed with the input method's full-width digits prints as the police would type it
/// into their systems (1069 0000 1234), in the leads, the 时间经过 and the 证据清单.
#[test]
fn a_number_typed_full_width_prints_in_ascii_digits() -> TestResult {
    let tmp = tempfile::tempdir()?;
    let data = tmp.path().join("data");
    std::fs::create_dir(&data)?;
    leakaid(&data)?
        .args(["profile", "set", "--name", "王䶮"])
        .assert()
        .success();
    leakaid(&data)?
        .args([
            "log",
            "sms",
            "１０６９　0000 １２３４",
            "--note",
            "贷款广告，叫出了我的全名",
        ])
        .args(["--knew", "name", "--at", "2025-05-01 10:05"])
        .assert()
        .success();
    let out = tmp.path().join("p.pdf");
    leakaid(&data)?
        .args(["export", "pdf", "--date", "2025-06-01", "-o"])
        .arg(&out)
        .assert()
        .success();
    let text = page_texts(&std::fs::read(&out)?)?.concat();
    assert!(text.matches("1069 0000 1234").count() >= 3, "{text}");
    assert!(!text.contains('１'), "{text}");
    Ok(())
}

/// The text of the packet of a case made through the command line from `steps`, printed on
/// 7 December 2026.
fn packet_after(steps: &[&[&str]]) -> Result<String, Box<dyn std::error::Error>> {
    let tmp = tempfile::tempdir()?;
    let data = tmp.path().join("data");
    std::fs::create_dir(&data)?;
    for args in steps {
        let out = leakaid(&data)?.args(*args).output()?;
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let pdf = tmp.path().join("p.pdf");
    let out = leakaid(&data)?
        .args(["export", "pdf", "--date", "2026-12-07", "-o"])
        .arg(&pdf)
        .output()?;
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    Ok(page_texts(&std::fs::read(&pdf)?)?.concat().replace('\n', ""))
}

const CALL: &[&str] = &[
    "log",
    "call",
    "13800138000",
    "--at",
    "2026-12-01 10:00",
    "--note",
    "自称快递客服",
    "--knew",
    "name,address",
];

#[test]
fn a_report_not_accepted_is_named_and_the_letter_asks_for_a_receipt_and_a_written_notice() -> TestResult {
    let all = packet_after(&[
        CALL,
        &[
            "report",
            "add",
            "--channel",
            "朝阳区某某派出所",
            "--at",
            "2026-12-02 09:30",
            "--how",
            "当面",
            "--status",
            "not-accepted",
            "--officer",
            "王警官",
            "--note",
            "民警说没有损失，不构成刑事案件",
        ],
        &[
            "report",
            "add",
            "--channel",
            "12321",
            "--at",
            "2026-12-02 20:00",
            "--how",
            "网上",
            "--receipt",
            "JB-778",
        ],
    ])?;
    let measures = &all[all.find("已采取的措施").ok_or("no 已采取的措施")?..];
    assert!(
        // Recorded at 09:30 on a computer on UTC: printed in Beijing time.
        measures.contains("2026年12月2日 17:30，向朝阳区某某派出所报案（当面），结果：不予受理（没有接受报案）；经办人：王警官；当时的情况：民警说没有损失，不构成刑事案件。"),
        "{measures}"
    );
    assert!(
        measures.contains("向12321报案（网上），结果：已报案，等待答复；回执或编号：JB-778。"),
        "{measures}"
    );
    // The request says what happened and asks for the receipt and, if refused, the notice.
    let requests =
        &all[all.find("控告请求").ok_or("no 控告请求")?..all.find("事实与理由").ok_or("no facts")?];
    assert!(requests.contains("本人此前的报案未被受理"), "{requests}");
    assert!(
        requests.contains("出具受案回执")
            && requests.contains("第一百七十八条")
            && requests.contains("不予立案通知书")
    );
    assert!(
        !requests.contains("请求出具受案回执。"),
        "the plain request is replaced: {requests}"
    );
    // No money lost: the 治安 route, the law named without an article number.
    assert!(
        requests.contains("请求依照《中华人民共和国治安管理处罚法》，将侵犯本人个人信息的行为"),
        "{requests}"
    );
    assert!(!requests.contains("治安管理处罚法》第"), "{requests}");
    // No record counts anywhere in the letter to the police.
    assert!(!all.contains("五十条") && !all.contains("五千条"));
    Ok(())
}

#[test]
fn a_notice_of_refusal_is_listed_with_its_date_and_a_loss_keeps_the_plain_requests() -> TestResult {
    let all = packet_after(&[
        &[
            "log",
            "call",
            "13800138000",
            "--at",
            "2026-12-01 10:00",
            "--note",
            "冒充客服让我转账",
            "--lost",
            "3000",
        ],
        &[
            "report",
            "add",
            "--channel",
            "朝阳区某某派出所",
            "--at",
            "2026-12-02 09:30",
            "--status",
            "accepted",
            "--receipt",
            "京公受案字2026-88",
        ],
        &[
            "report",
            "update",
            "R1",
            "--status",
            "refused",
            "--notice-date",
            "2026-12-05",
        ],
    ])?;
    let measures = &all[all.find("已采取的措施").ok_or("no 已采取的措施")?..];
    assert!(
        measures.contains(
            "向朝阳区某某派出所报案，结果：不予立案；回执或编号：京公受案字2026-88；文书日期：2026-12-05。"
        ),
        "{measures}"
    );
    let requests =
        &all[all.find("控告请求").ok_or("no 控告请求")?..all.find("事实与理由").ok_or("no facts")?];
    assert!(
        requests.contains("请求出具受案回执。") && !requests.contains("未被受理"),
        "{requests}"
    );
    assert!(
        !requests.contains("治安管理处罚法"),
        "money lost: a fraud, no 治安 route: {requests}"
    );
    Ok(())
}

#[test]
fn the_accounts_list_counts_only_the_transfers_that_went_to_the_accounts_it_lists() -> TestResult {
    let all = packet_after(&[
        &[
            "log",
            "call",
            "13912345678",
            "--at",
            "2026-12-05 10:00",
            "--lost",
            "5000",
        ],
        &[
            "log",
            "call",
            "13912345678",
            "--at",
            "2026-12-05 11:00",
            "--lost",
            "3000",
            "--to-account",
            "6222 0200 1234 5678",
            "--to-name",
            "李某",
        ],
    ])?;
    let list = &all[all.find("收款账户一览").ok_or("no 收款账户一览")?..];
    assert!(
        list.contains("本人被骗款项共 1 笔转入以下 1 个收款账户，合计人民币3,000.00元（大写：叁仟元整）"),
        "{list}"
    );
    assert!(
        list.contains("另有 1 笔转账的收款账户本人尚未记录（E1）"),
        "{list}"
    );
    // The whole loss is still stated where the loss is.
    assert!(all.contains("人民币8,000.00元（大写：捌仟元整）"), "{all}");
    Ok(())
}
