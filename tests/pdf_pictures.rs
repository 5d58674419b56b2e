//! Pictures in the packet, read back with lopdf: original JPEG bytes when sharp enough,
//! 300 ppi renditions otherwise, long screenshots over pages, every image kind, and a
//! damaged picture listed instead of failing the export.

mod common;

use std::path::{Path, PathBuf};

use common::pdf_text::page_texts;
use jiff::civil::date;
use leakaid::i18n::Lang;
use leakaid::pdf::sample::sample_input;
use leakaid::pdf::{FontFace, PacketAttachment, PacketInput, PacketOptions, Rendered, render};
use lopdf::{Document, Object};
use sha2::Digest;

type TestResult = Result<(), Box<dyn std::error::Error>>;

/// 170 mm, the text column, in points.
const TEXT_WIDTH: f32 = 170.0 * 72.0 / 25.4;

fn attachment(path: &Path, media_type: &str) -> Result<PacketAttachment, Box<dyn std::error::Error>> {
    let bytes = std::fs::read(path)?;
    Ok(PacketAttachment {
        name: path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        sha256: hex::encode(sha2::Sha256::digest(&bytes)),
        size: bytes.len() as u64,
        media_type: media_type.to_string(),
        path: Some(path.to_path_buf()),
    })
}

/// A two-entry case whose second entry carries `files`.
fn case_with(files: Vec<PacketAttachment>) -> PacketInput {
    let mut input = sample_input(2, date(2025, 6, 1));
    for e in &mut input.entries {
        e.attachments.clear();
    }
    input.entries[1].attachments = files;
    input
}

fn packet(input: &PacketInput) -> Result<Rendered, Box<dyn std::error::Error>> {
    let opts = PacketOptions {
        lang: Lang::Zh,
        redact: false,
        mask_name: false,
        agency: None,
    };
    Ok(render(input, &opts, &FontFace::embedded()?)?)
}

/// Every image XObject: (width, height, filter, bits per component, colour space, raw bytes).
type ImageStream = (i64, i64, String, i64, String, Vec<u8>);

fn image_streams(doc: &Document) -> Vec<ImageStream> {
    let name = |d: &lopdf::Dictionary, k: &[u8]| {
        d.get(k)
            .and_then(Object::as_name)
            .map(|n| String::from_utf8_lossy(n).into_owned())
            .unwrap_or_default()
    };
    doc.objects
        .values()
        .filter_map(|o| o.as_stream().ok())
        .filter(|s| name(&s.dict, b"Subtype") == "Image")
        .map(|s| {
            let int = |k: &[u8]| s.dict.get(k).and_then(Object::as_i64).unwrap_or(0);
            (
                int(b"Width"),
                int(b"Height"),
                name(&s.dict, b"Filter"),
                int(b"BitsPerComponent"),
                name(&s.dict, b"ColorSpace"),
                s.content.clone(),
            )
        })
        .collect()
}

/// A page index and the matrix an image is drawn with.
type Placed = (usize, [f32; 6]);

/// The matrix (all `cm` operands in force, multiplied) with which each image (`Do`) is
/// drawn, and the page it is on.
fn image_matrices(doc: &Document) -> Result<Vec<Placed>, Box<dyn std::error::Error>> {
    const ID: [f32; 6] = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];
    // m × ctm, as `cm` concatenates (ISO 32000-1, 8.4.4).
    let mul = |m: [f32; 6], t: [f32; 6]| {
        [
            m[0] * t[0] + m[1] * t[2],
            m[0] * t[1] + m[1] * t[3],
            m[2] * t[0] + m[3] * t[2],
            m[2] * t[1] + m[3] * t[3],
            m[4] * t[0] + m[5] * t[2] + t[4],
            m[4] * t[1] + m[5] * t[3] + t[5],
        ]
    };
    let mut out = Vec::new();
    for (i, (_, page)) in doc.get_pages().into_iter().enumerate() {
        let content = lopdf::content::Content::decode(&doc.get_page_content(page))?;
        let mut ctm = ID;
        let mut stack = Vec::new();
        for op in &content.operations {
            match op.operator.as_str() {
                "q" => stack.push(ctm),
                "Q" => ctm = stack.pop().unwrap_or(ID),
                "cm" => {
                    let mut m = ID;
                    for (k, o) in op.operands.iter().take(6).enumerate() {
                        m[k] = o.as_float().unwrap_or(0.0);
                    }
                    ctm = mul(m, ctm);
                }
                "Do" => out.push((i, ctm)),
                _ => {}
            }
        }
    }
    Ok(out)
}

fn write_png(
    path: &Path,
    (w, h): (u32, u32),
    colour: png::ColorType,
    depth: png::BitDepth,
    palette: Option<Vec<u8>>,
    data: &[u8],
) -> TestResult {
    let file = std::fs::File::create(path)?;
    let mut enc = png::Encoder::new(std::io::BufWriter::new(file), w, h);
    enc.set_color(colour);
    enc.set_depth(depth);
    if let Some(p) = palette {
        enc.set_palette(p);
    }
    enc.write_header()?.write_image_data(data)?;
    Ok(())
}

/// An RGB test pattern: smooth gradients with a little texture, like a photo.
fn photo_pixels(w: u32, h: u32) -> Vec<u8> {
    let mut px = Vec::with_capacity((w * h * 3) as usize);
    for y in 0..h {
        for x in 0..w {
            let t = ((x * 31 + y * 17) % 23) as u8;
            px.extend_from_slice(&[
                (x * 255 / w.max(1)) as u8 ^ t,
                (y * 255 / h.max(1)) as u8,
                ((x + y) % 256) as u8,
            ]);
        }
    }
    px
}

/// RGB noise (a simple linear congruential generator): no encoder can shrink it, so fewer
/// pixels always means fewer bytes.
fn noise_pixels(w: u32, h: u32) -> Vec<u8> {
    let mut state: u32 = 12345;
    (0..w * h * 3)
        .map(|_| {
            state = state.wrapping_mul(1_103_515_245).wrapping_add(12345);
            (state >> 16) as u8
        })
        .collect()
}

/// An RGB screenshot-like pattern: a light background with rows of dark "text" strokes.
fn screenshot_pixels(w: u32, h: u32) -> Vec<u8> {
    let mut px = vec![246u8; (w * h * 3) as usize];
    for y in 0..h {
        if y % 48 >= 30 {
            continue;
        }
        for x in 40..w.saturating_sub(40) {
            if (x / 3 + y / 2) % 7 < 3 && (x / 90) % 5 != 4 {
                let i = ((y * w + x) * 3) as usize;
                px[i..i + 3].copy_from_slice(&[30, 30, 40]);
            }
        }
    }
    px
}

fn write_jpeg(
    path: &Path,
    w: u16,
    h: u16,
    colour: jpeg_encoder::ColorType,
    exif: Option<&[u8]>,
) -> TestResult {
    let bpp = if colour == jpeg_encoder::ColorType::Cmyk {
        4
    } else {
        3
    };
    let mut px = photo_pixels(u32::from(w), u32::from(h));
    if bpp == 4 {
        px = px.chunks(3).flat_map(|c| [c[0], c[1], c[2], 40]).collect();
    }
    let mut enc = jpeg_encoder::Encoder::new_file(path, 90)?;
    if let Some(exif) = exif {
        let mut seg = b"Exif\0\0".to_vec();
        seg.extend_from_slice(exif);
        enc.add_app_segment(1, seg)?;
    }
    enc.encode(&px, w, h, colour)?;
    Ok(())
}

fn tmp_file(dir: &Path, name: &str) -> PathBuf {
    dir.join(name)
}

#[test]
fn a_jpeg_at_most_300_ppi_is_embedded_as_its_own_bytes() -> TestResult {
    let tmp = tempfile::tempdir()?;
    let path = tmp_file(tmp.path(), "银行短信.jpg");
    write_jpeg(&path, 800, 600, jpeg_encoder::ColorType::Rgb, None)?;
    let file = std::fs::read(&path)?;
    let p = packet(&case_with(vec![attachment(&path, "image/jpeg")?]))?;
    let doc = Document::load_mem(&p.bytes)?;
    let images = image_streams(&doc);
    assert_eq!(images.len(), 1);
    let (w, h, filter, bpc, cs, content) = &images[0];
    assert_eq!(
        (*w, *h, filter.as_str(), *bpc, cs.as_str()),
        (800, 600, "DCTDecode", 8, "DeviceRGB")
    );
    assert!(*content == file, "the image stream is not the original JPEG");
    let text = page_texts(&p.bytes)?.concat();
    assert!(text.contains("E2 图1：银行短信.jpg"), "{text}");
    assert!(text.contains("原图 800×600 像素") && text.contains("未重新压缩"));
    assert!(text.contains(&hex::encode(sha2::Sha256::digest(&file))));
    Ok(())
}

#[test]
fn sharp_pictures_are_printed_at_300_ppi_and_add_less_than_their_size() -> TestResult {
    let tmp = tempfile::tempdir()?;
    let photo = tmp_file(tmp.path(), "photo.jpg");
    // Wide pictures, so they are small to make: 2400 px over the 170 mm text column is about
    // 360 ppi, 2100 px about 314 ppi.
    write_jpeg(&photo, 2400, 600, jpeg_encoder::ColorType::Rgb, None)?;
    // A photo-like PNG, scaled like the photo, and a flat screenshot that compresses so well
    // that its original data is smaller than any rendition: embedded as it is.
    let big = tmp_file(tmp.path(), "big.png");
    write_png(
        &big,
        (2100, 300),
        png::ColorType::Rgb,
        png::BitDepth::Eight,
        None,
        &noise_pixels(2100, 300),
    )?;
    let flat = tmp_file(tmp.path(), "flat.png");
    write_png(
        &flat,
        (2400, 600),
        png::ColorType::Rgb,
        png::BitDepth::Eight,
        None,
        &screenshot_pixels(2400, 600),
    )?;
    let base = packet(&case_with(Vec::new()))?.bytes.len();
    for (path, kind, filter, width, says) in [
        (
            &photo,
            "image/jpeg",
            "DCTDecode",
            2008,
            "缩至 300 ppi（高质量 JPEG）",
        ),
        (&big, "image/png", "FlateDecode", 2008, "缩至 300 ppi（无损）"),
        (&flat, "image/png", "FlateDecode", 2400, "按原文件嵌入"),
    ] {
        let size = std::fs::metadata(path)?.len() as usize;
        let p = packet(&case_with(vec![attachment(path, kind)?]))?;
        let doc = Document::load_mem(&p.bytes)?;
        let images = image_streams(&doc);
        assert_eq!(images.len(), 1);
        // 170 mm at 300 ppi is 2008 pixels.
        assert_eq!(images[0].0, width, "{path:?}");
        assert_eq!(images[0].2, filter);
        // The picture's own bytes plus its caption (a few glyphs and lines of text).
        let growth = p.bytes.len() - base;
        assert!(
            growth <= size + 16 * 1024,
            "{path:?}: packet grew {growth} for a {size}-byte picture"
        );
        let text = page_texts(&p.bytes)?.concat();
        assert!(text.contains(says), "{text}");
    }
    Ok(())
}

#[test]
fn a_long_screenshot_continues_over_pages_at_text_width() -> TestResult {
    let tmp = tempfile::tempdir()?;
    let path = tmp_file(tmp.path(), "聊天记录.png");
    let (w, h) = (1080u32, 9000u32);
    let mut px = vec![255u8; (w * h * 3) as usize];
    for y in (0..h).step_by(40) {
        for x in 60..1000 {
            let i = ((y * w + x) * 3) as usize;
            px[i..i + 3].copy_from_slice(&[20, 20, 20]);
        }
    }
    write_png(
        &path,
        (w, h),
        png::ColorType::Rgb,
        png::BitDepth::Eight,
        None,
        &px,
    )?;
    let p = packet(&case_with(vec![attachment(&path, "image/png")?]))?;
    let doc = Document::load_mem(&p.bytes)?;
    let images = image_streams(&doc);
    assert_eq!(images.len(), 1);
    assert_eq!(
        (images[0].0, images[0].1),
        (1080, 9000),
        "kept at full resolution"
    );
    let pages = page_texts(&p.bytes)?;
    let n = (1..20)
        .find(|n| pages.concat().contains(&format!("E2 图1（1/{n}）")))
        .ok_or("no part label")?;
    assert!(n >= 3, "{n} parts");
    for k in 1..=n {
        let label = format!("E2 图1（{k}/{n}）");
        assert_eq!(pages.iter().filter(|t| t.contains(&label)).count(), 1, "{label}");
    }
    let placed = image_matrices(&doc)?;
    assert_eq!(placed.len(), n, "one placement per part");
    let distinct_pages: std::collections::BTreeSet<usize> = placed.iter().map(|(p, _)| *p).collect();
    assert_eq!(distinct_pages.len(), n);
    for (_, m) in &placed {
        assert!((m[0] - TEXT_WIDTH).abs() < 0.5, "printed {} pt wide", m[0]);
    }
    // A part printed alone on a page (it may be torn out) names its file and where the hash
    // is; the hash itself is under the last part.
    for k in 1..n {
        let page = pages
            .iter()
            .find(|t| t.contains(&format!("E2 图1（{k}/{n}）")))
            .ok_or("no part")?;
        let flat: String = page.split_whitespace().collect();
        assert!(
            flat.contains("聊天记录.png") && flat.contains(&format!("SHA-256见（{n}/{n}）下方")),
            "part {k}: {page}"
        );
    }
    let last = pages
        .iter()
        .find(|t| t.contains(&format!("E2 图1（{n}/{n}）")))
        .ok_or("no last part")?;
    assert!(!last.contains("未完"), "{last}");

    // The annex's heading is on the page of the first part, never alone at a page's end.
    let heading = pages
        .iter()
        .position(|t| t.contains("附件二：附件图片"))
        .ok_or("no heading")?;
    assert!(
        pages[heading].contains(&format!("E2 图1（1/{n}）")),
        "heading alone on page {}: {}",
        heading + 1,
        pages[heading]
    );
    Ok(())
}

/// A TIFF block with one entry: orientation 6 (turn 90° clockwise to view).
const EXIF_ROTATE_CW: &[u8] = &[
    0x4D, 0x4D, 0x00, 0x2A, 0x00, 0x00, 0x00, 0x08, 0x00, 0x01, 0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00,
    0x01, 0x00, 0x06, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
];

#[test]
fn every_image_kind_is_printed_and_a_damaged_one_is_listed() -> TestResult {
    let tmp = tempfile::tempdir()?;
    let d = tmp.path();
    let (w, h) = (120u32, 80u32);
    let rgb = photo_pixels(w, h);

    let p16 = tmp_file(d, "16bit.png");
    let wide: Vec<u8> = rgb.iter().flat_map(|&v| [v, 0x7F]).collect();
    write_png(
        &p16,
        (w, h),
        png::ColorType::Rgb,
        png::BitDepth::Sixteen,
        None,
        &wide,
    )?;

    let pal = tmp_file(d, "palette.png");
    let palette = vec![255, 0, 0, 0, 128, 0, 0, 0, 255, 240, 240, 240];
    let idx: Vec<u8> = (0..w * h).map(|i| (i % 4) as u8).collect();
    write_png(
        &pal,
        (w, h),
        png::ColorType::Indexed,
        png::BitDepth::Eight,
        Some(palette),
        &idx,
    )?;

    let ga = tmp_file(d, "grey-alpha.png");
    let gadata: Vec<u8> = (0..w * h)
        .flat_map(|i| [(i % 200) as u8, (i % 256) as u8])
        .collect();
    write_png(
        &ga,
        (w, h),
        png::ColorType::GrayscaleAlpha,
        png::BitDepth::Eight,
        None,
        &gadata,
    )?;

    let cmyk = tmp_file(d, "cmyk.jpg");
    write_jpeg(&cmyk, w as u16, h as u16, jpeg_encoder::ColorType::Cmyk, None)?;

    let rotated = tmp_file(d, "rotated.jpg");
    write_jpeg(
        &rotated,
        w as u16,
        h as u16,
        jpeg_encoder::ColorType::Rgb,
        Some(EXIF_ROTATE_CW),
    )?;

    let truncated = tmp_file(d, "truncated.png");
    write_png(
        &truncated,
        (w, h),
        png::ColorType::Rgb,
        png::BitDepth::Eight,
        None,
        &rgb,
    )?;
    let whole = std::fs::read(&truncated)?;
    std::fs::write(&truncated, &whole[..whole.len() / 2])?;

    let files = vec![
        attachment(&p16, "image/png")?,
        attachment(&pal, "image/png")?,
        attachment(&ga, "image/png")?,
        attachment(&cmyk, "image/jpeg")?,
        attachment(&rotated, "image/jpeg")?,
        attachment(&truncated, "image/png")?,
    ];
    let truncated_hash = files[5].sha256.clone();
    let p = packet(&case_with(files))?;
    assert_eq!(p.undecodable, vec!["truncated.png".to_string()]);

    let doc = Document::load_mem(&p.bytes)?;
    let images = image_streams(&doc);
    assert_eq!(images.len(), 5, "five pictures drawn");
    for (iw, ih, _, bpc, cs, _) in &images {
        assert_eq!(*bpc, 8);
        assert!(cs == "DeviceRGB" || cs == "DeviceGray", "{cs}");
        assert_eq!((*iw, *ih), (i64::from(w), i64::from(h)));
    }
    // The rotated JPEG is embedded as it is and turned by its matrix (b and c set, a and d 0).
    let turned = image_matrices(&doc)?
        .into_iter()
        .filter(|(_, m)| m[0] == 0.0 && m[3] == 0.0 && m[1] < 0.0 && m[2] > 0.0)
        .count();
    assert_eq!(turned, 1);

    let text = page_texts(&p.bytes)?.concat();
    for n in 1..=5 {
        assert!(text.contains(&format!("E2 图{n}：")), "figure {n} missing");
    }
    assert!(
        text.contains("truncated.png") && text.contains("图片无法解码"),
        "{text}"
    );
    assert!(text.contains(&truncated_hash));

    // The header version covers what the file uses.
    let used = if doc.objects.values().any(|o| {
        let d = match o {
            Object::Stream(s) => &s.dict,
            Object::Dictionary(d) => d,
            _ => return false,
        };
        d.get(b"BitsPerComponent").and_then(Object::as_i64).ok() == Some(16)
    }) {
        "1.5"
    } else if doc
        .objects
        .values()
        .any(|o| o.as_dict().is_ok_and(|d| d.has(b"Lang") || d.has(b"SMask")))
    {
        "1.4"
    } else {
        "1.3"
    };
    assert!(
        doc.version.as_str() >= used,
        "header {} but uses {used}",
        doc.version
    );
    assert!(p.bytes.starts_with(format!("%PDF-{}", doc.version).as_bytes()));
    Ok(())
}

#[test]
fn gif_webp_bmp_and_tiff_are_printed_and_an_iphone_heic_photo_is_listed_with_a_notice() -> TestResult {
    let tmp = tempfile::tempdir()?;
    let d = tmp.path();
    let (w, h) = (90u32, 60u32);
    let picture = image::RgbImage::from_raw(w, h, photo_pixels(w, h)).ok_or("pixels")?;
    let mut files = Vec::new();
    for (name, format, media) in [
        ("anim.gif", image::ImageFormat::Gif, "image/gif"),
        ("chat.webp", image::ImageFormat::WebP, "image/webp"),
        ("scan.bmp", image::ImageFormat::Bmp, "image/bmp"),
        ("fax.tiff", image::ImageFormat::Tiff, "image/tiff"),
    ] {
        let path = tmp_file(d, name);
        let rgba = image::DynamicImage::ImageRgb8(picture.clone()).to_rgba8();
        image::DynamicImage::ImageRgba8(rgba).save_with_format(&path, format)?;
        let head = std::fs::read(&path)?;
        assert_eq!(
            leakaid::vault::media_type(name, &head[..head.len().min(16)]),
            media,
            "{name} is known by its bytes"
        );
        files.push(attachment(&path, media)?);
    }
    // The start of an iPhone photo: an ISO box `ftyp` with the `heic` brand.
    let heic = tmp_file(d, "IMG_0001.HEIC");
    let mut bytes = vec![0, 0, 0, 24];
    bytes.extend_from_slice(b"ftypheic\0\0\0\0mif1heic");
    bytes.extend_from_slice(&[0u8; 64]);
    std::fs::write(&heic, &bytes)?;
    assert_eq!(
        leakaid::vault::media_type("IMG_0001.HEIC", &bytes[..16]),
        "image/heic"
    );
    files.push(attachment(&heic, "image/heic")?);

    let rendered = packet(&case_with(files))?;
    let doc = Document::load_mem(&rendered.bytes)?;
    let drawn = image_streams(&doc);
    assert_eq!(drawn.len(), 4, "GIF, WebP, BMP and TIFF are each printed");
    assert!(drawn.iter().all(|s| (s.0, s.1) == (i64::from(w), i64::from(h))));
    assert_eq!(rendered.undecodable, vec!["IMG_0001.HEIC".to_string()]);
    let notes = leakaid::pdf::export::undecodable_notes(Lang::Zh, &rendered.undecodable);
    assert!(
        notes.iter().any(|n| n.contains("HEIC") && n.contains("JPEG")),
        "{notes:?}"
    );
    Ok(())
}

#[test]
fn a_crafted_jpeg_that_makes_the_decoder_panic_is_listed_not_fatal() -> TestResult {
    // Found by the `picture` fuzz target: 49 bytes on which zune-jpeg asserts.
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pictures/crafted-jpeg-panics-zune.jpg");
    let rendered = packet(&case_with(vec![attachment(&path, "image/jpeg")?]))?;
    assert_eq!(
        rendered.undecodable,
        vec!["crafted-jpeg-panics-zune.jpg".to_string()]
    );
    Ok(())
}
