//! The redacted copy, read back with lopdf: the victim's ID number, birth date, phones and
//! email are gone in every spelling they were written in, no picture is printed, every page
//! says it is a copy, and the fingerprint still matches the signed original.

mod common;

use common::pdf_text::page_texts;
use jiff::civil::date;
use leakaid::i18n::Lang;
use leakaid::pdf::sample::sample_input;
use leakaid::pdf::{FontFace, PacketAttachment, PacketInput, PacketOptions, render};
use lopdf::{Document, Object};
use sha2::Digest;

type TestResult = Result<(), Box<dyn std::error::Error>>;

const ID: &str = "11010519491231002X";

/// Digits and letters only, full-width folded, lowercase: how a reader would rebuild a
/// number from whatever spelling is left on the page.
fn squeeze(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
            c => c,
        })
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

fn input_with_spellings(picture: &std::path::Path) -> Result<PacketInput, Box<dyn std::error::Error>> {
    let mut input = sample_input(6, date(2025, 6, 1));
    let c = &mut input.complainant;
    c.id_number = Some(ID.into());
    c.birth_date = Some("1949-12-31".into());
    c.phones = vec!["139 1234 5678".into()];
    c.emails = vec!["wang.yan@example.com".into()];
    c.address = Some("北京市朝阳区𠮷祥路龘苑 3 号".into());
    input.narrative = Some(
        "对方报出我的身份证号 110105 1949 1231 002X，又说 ID 是 11010519491231002x，生日 1949年12月31日（1949.12.31），\
         打我手机 139-1234-5678 和 +86 139 1234 5678，还发邮件到 Wang.Yan@Example.com，说我住在𠮷祥路龘苑 3 号。"
            .into(),
    );
    input.entries[0].summary =
        "短信里写着 １３９１２３４５６７８ 和 １１０１０５１９４９１２３１００２Ｘ，出生日期 19491231".into();
    input.entries[1].counterpart = "0086-13912345678".into();
    input.entries[2].summary = "邮件标题：“wang.yan 您好，您的账户 wang.yan＠example.com 已冻结”".into();
    input.entries[3].counterpart = "（+86）139 1234 5678".into();
    let bytes = std::fs::read(picture)?;
    input.entries[4].attachments = vec![PacketAttachment {
        name: "身份证-11010519491231002X-13912345678.png".into(),
        sha256: hex::encode(sha2::Sha256::digest(&bytes)),
        size: bytes.len() as u64,
        media_type: "image/png".into(),
        path: Some(picture.to_path_buf()),
    }];
    Ok(input)
}

#[test]
fn the_redacted_copy_reveals_no_number_date_phone_or_email() -> TestResult {
    let tmp = tempfile::tempdir()?;
    let picture = tmp.path().join("id.png");
    {
        let file = std::fs::File::create(&picture)?;
        let mut enc = png::Encoder::new(std::io::BufWriter::new(file), 32, 20);
        enc.set_color(png::ColorType::Grayscale);
        enc.write_header()?.write_image_data(&[128u8; 32 * 20])?;
    }
    let input = input_with_spellings(&picture)?;
    let face = FontFace::embedded()?;
    let opts = |redact| PacketOptions {
        lang: Lang::Zh,
        redact,
        mask_name: false,
        agency: None,
    };

    // The original shows everything (so the copy's checks are not vacuous).
    let original = render(&input, &opts(false), &face)?;
    let all = squeeze(&page_texts(&original.bytes)?.concat());
    for needle in ["11010519491231002x", "19491231", "13912345678", "wangyan"] {
        assert!(all.contains(needle), "the original lacks {needle}");
    }

    let copy = render(&input, &opts(true), &face)?;
    let pages = page_texts(&copy.bytes)?;
    let text = pages.concat();
    let squeezed = squeeze(&text);
    for needle in [
        "11010519491231002x",
        "0519491231",
        "19491231",
        "491231",
        "13912345678",
        "1391234",
        "wangyan",
    ] {
        assert!(
            !squeezed.contains(needle),
            "{needle} is readable in the copy:\n{text}"
        );
    }
    assert!(!text.contains("1949"), "a birth year remains:\n{text}");
    assert!(!text.to_lowercase().contains("wang.yan"));
    assert!(!text.contains("𠮷祥路"), "the street remains");
    // What the copy does show (a label and its value are separate text lines).
    let joined = text.replace('\n', "");
    assert!(joined.contains("身份证号：110105********002X"), "{text}");
    assert!(joined.contains("出生日期：（已隐去）"));
    assert!(joined.contains("联系电话：*******5678"));
    assert!(joined.contains("电子邮箱：w***@example.com"));
    assert!(joined.contains("住　　址：北京市朝阳区（详细地址已隐去）"));
    assert!(joined.contains("王䶮"));
    // Every page is marked; the letter is not the signed one; the fingerprint stays.
    for (i, p) in pages.iter().enumerate() {
        assert!(
            p.contains("副本（已隐去个人信息）"),
            "page {} is not marked",
            i + 1
        );
    }
    assert!(!text.contains("控告人（签名") && !text.contains("特此控告"));
    assert!(text.contains("不是控告人签名提交的刑事控告书"));
    assert!(text.contains(&input.fingerprint.full()));
    // No picture at all; the one attachment is listed with its hash and the sentence.
    let doc = Document::load_mem(&copy.bytes)?;
    let images = doc
        .objects
        .values()
        .filter_map(|o| o.as_stream().ok())
        .filter(|s| s.dict.get(b"Subtype").and_then(Object::as_name).ok() == Some(&b"Image"[..]))
        .count();
    assert_eq!(images, 0, "a picture is printed in the copy");
    assert!(text.contains("图片已隐去，原件可核对"));
    assert!(text.contains(&input.entries[4].attachments[0].sha256));
    assert!(copy.undecodable.is_empty());
    Ok(())
}

#[test]
fn losses_that_would_overflow_a_sum_never_print_a_small_total() -> TestResult {
    let mut input = sample_input(4, date(2025, 6, 1));
    for e in input.entries.iter_mut().take(2) {
        e.amount_lost_fen = Some(u64::MAX);
    }
    let opts = PacketOptions {
        lang: Lang::Zh,
        redact: false,
        mask_name: false,
        agency: None,
    };
    let r = render(&input, &opts, &FontFace::embedded()?)?;
    let all = page_texts(&r.bytes)?.concat();
    // u64::MAX + u64::MAX would wrap to 1.8e17 fen less 2: "…99.98元" in place of the sum.
    assert!(
        !all.contains("人民币0.00元") && !all.contains("99.98元"),
        "a wrapped total"
    );
    assert!(
        all.contains("184,467,440,737,095,516.15"),
        "the total saturates at the largest sum"
    );
    Ok(())
}
