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
        "报 案 材 料",
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
        .assert()
        .success();
    let out = export(&data, &tmp.path().join("w.pdf"), &[])?;
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains('𐀀') && stderr.contains("U+10000"), "{stderr}");
    Ok(())
}

#[test]
fn five_hundred_entries_paginate_with_the_header_repeated() -> TestResult {
    let input = sample_input(500, date(2025, 6, 1));
    let opts = PacketOptions {
        lang: Lang::Zh,
        redact: false,
        agency: None,
    };
    let packet = render(&input, &opts, &FontFace::embedded()?)?;
    let pages = page_texts(&packet.bytes)?;
    assert_eq!(pages.len(), packet.pages);
    let n = pages.len();
    assert!(n > 20, "{n} pages");
    // Every page holding table rows starts its table with the header row.
    let header = "序号\n时间\n类型\n对方号码/地址\n内容摘要\n对方掌握的本人信息\n";
    let table_pages: Vec<usize> = (0..n)
        .filter(|&i| (1..=500).any(|k| pages[i].contains(&format!("\nE{k}\n"))))
        .collect();
    assert!(table_pages.len() > 20);
    for &i in &table_pages {
        assert!(pages[i].contains(header), "page {} has no header", i + 1);
    }
    for (i, p) in pages.iter().enumerate() {
        assert!(p.contains(&format!("第 {} 页 共 {n} 页", i + 1)));
    }
    let all = pages.concat();
    for k in 1..=500 {
        assert!(all.contains(&format!("\nE{k}\n")), "E{k} missing");
    }
    Ok(())
}

#[test]
fn escapes_in_to_and_in_an_edited_journal_never_reach_the_packet() -> TestResult {
    let tmp = tempfile::tempdir()?;
    let data = tmp.path().join("data");
    std::fs::create_dir(&data)?;
    leakaid(&data)?
        .args(["log", "call", "13800138000", "--note", "自称银行客服"])
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
