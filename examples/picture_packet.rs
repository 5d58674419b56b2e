//! Packets with many or large pictures, for measuring size, time and peak memory.
//!
//! ```text
//! cargo run --release --example picture_packet -- make DIR      # write the test pictures
//! /usr/bin/time -v target/release/examples/picture_packet render DIR SET OUT.pdf
//! ```
//! SET is one of `photos` (10 phone photos, 4032×3024 JPEG), `screenshots` (10 chat
//! screenshots, 1080×9000 PNG), `png6000` (6000×6000 PNG), `png6000-16` (6000×6000 16-bit PNG),
//! `jpeg6000` (6000×6000 JPEG), `kinds` (one picture of each kind: EXIF-rotated, CMYK, 16-bit,
//! palette, grey with alpha, a truncated PNG), `redact` (the same as a redacted copy). `render` prints the pages, the packet size, the pictures'
//! total size and the render time; `/usr/bin/time -v` gives the peak memory (maximum
//! resident set size) of exactly that step.

use std::io::Write;
use std::path::{Path, PathBuf};

use jiff::civil::date;
use leakaid::i18n::Lang;
use leakaid::pdf::sample::sample_input;
use leakaid::pdf::{FontFace, PacketAttachment, PacketOptions, render};
use sha2::Digest;

/// A generator of noise, the same on every run.
struct Lcg(u32);

impl Lcg {
    fn next(&mut self) -> u8 {
        self.0 = self.0.wrapping_mul(1_103_515_245).wrapping_add(12345);
        (self.0 >> 16) as u8
    }
}

/// A photo-like picture: smooth colour fields with sensor-like noise, row by row.
fn photo_row(y: u32, w: u32, h: u32, rng: &mut Lcg, out: &mut Vec<u8>) {
    out.clear();
    for x in 0..w {
        let n = i32::from(rng.next() % 24) - 12;
        let base = [
            (x * 200 / w + 30) as i32,
            (y * 180 / h + 40) as i32,
            (((x / 37 + y / 53) % 9) * 20 + 40) as i32,
        ];
        for b in base {
            out.push((b + n).clamp(0, 255) as u8);
        }
    }
}

/// A chat screenshot: white, with grey bubbles and lines of dark "text".
fn screenshot_row(y: u32, w: u32, seed: u32, out: &mut Vec<u8>) {
    out.clear();
    let bubble = (y / 220 + seed).is_multiple_of(2);
    let in_bubble = y % 220 > 20 && y % 220 < 200;
    let text_line = in_bubble && (y % 220) % 44 > 14 && (y % 220) % 44 < 36;
    for x in 0..w {
        let (l, r) = if bubble { (40, 760) } else { (320, 1040) };
        let mut v = [255u8, 255, 255];
        if in_bubble && x > l && x < r {
            v = if bubble { [236, 236, 236] } else { [149, 236, 105] };
            if text_line && x > l + 24 && x < r - 24 && (x * 7 + y * 3 + seed) % 11 < 5 {
                v = [25, 25, 25];
            }
        }
        out.extend_from_slice(&v);
    }
}

fn write_png(
    path: &Path,
    w: u32,
    h: u32,
    sixteen: bool,
    mut row: impl FnMut(u32, &mut Vec<u8>),
) -> anyhow::Result<()> {
    let file = std::io::BufWriter::new(std::fs::File::create(path)?);
    let mut enc = png::Encoder::new(file, w, h);
    enc.set_color(png::ColorType::Rgb);
    enc.set_depth(if sixteen {
        png::BitDepth::Sixteen
    } else {
        png::BitDepth::Eight
    });
    let mut writer = enc.write_header()?;
    let mut stream = writer.stream_writer()?;
    let mut buf = Vec::new();
    for y in 0..h {
        row(y, &mut buf);
        if sixteen {
            let wide: Vec<u8> = buf.iter().flat_map(|&v| [v, v]).collect();
            stream.write_all(&wide)?;
        } else {
            stream.write_all(&buf)?;
        }
    }
    stream.finish()?;
    Ok(())
}

fn write_jpeg(path: &Path, w: u16, h: u16) -> anyhow::Result<()> {
    let mut rng = Lcg(7);
    let mut px = Vec::with_capacity(usize::from(w) * usize::from(h) * 3);
    let mut row = Vec::new();
    for y in 0..u32::from(h) {
        photo_row(y, u32::from(w), u32::from(h), &mut rng, &mut row);
        px.extend_from_slice(&row);
    }
    jpeg_encoder::Encoder::new_file(path, 92)?.encode(&px, w, h, jpeg_encoder::ColorType::Rgb)?;
    Ok(())
}

/// A 400×200 marker picture: red block top left, blue bar along the top edge, so its
/// orientation on the page can be seen.
fn marker_pixels(bpp: usize) -> Vec<u8> {
    let mut px = Vec::with_capacity(400 * 200 * bpp);
    for y in 0..200u32 {
        for x in 0..400u32 {
            let rgb = if x < 80 && y < 80 {
                [220, 30, 30]
            } else if y < 20 {
                [30, 30, 220]
            } else {
                [235, 235, 200]
            };
            px.extend_from_slice(&rgb);
            if bpp == 4 {
                px.push(0);
            }
        }
    }
    px
}

/// A TIFF block with one entry: orientation 6 (turn 90° clockwise to view).
const EXIF_ROTATE_CW: &[u8] = &[
    b'E', b'x', b'i', b'f', 0, 0, 0x4D, 0x4D, 0x00, 0x2A, 0x00, 0x00, 0x00, 0x08, 0x00, 0x01, 0x01, 0x12,
    0x00, 0x03, 0x00, 0x00, 0x00, 0x01, 0x00, 0x06, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
];

fn make_kinds(dir: &Path) -> anyhow::Result<()> {
    let mut enc = jpeg_encoder::Encoder::new_file(dir.join("rotated.jpg"), 90)?;
    enc.add_app_segment(1, EXIF_ROTATE_CW.to_vec())?;
    enc.encode(&marker_pixels(3), 400, 200, jpeg_encoder::ColorType::Rgb)?;
    jpeg_encoder::Encoder::new_file(dir.join("cmyk.jpg"), 90)?.encode(
        &marker_pixels(4),
        400,
        200,
        jpeg_encoder::ColorType::Cmyk,
    )?;
    let marker = marker_pixels(3);
    write_png(&dir.join("16bit.png"), 400, 200, true, |y, out| {
        out.clear();
        out.extend_from_slice(&marker[(y * 1200) as usize..((y + 1) * 1200) as usize]);
    })?;
    let file = std::io::BufWriter::new(std::fs::File::create(dir.join("palette.png"))?);
    let mut enc = png::Encoder::new(file, 400, 200);
    enc.set_color(png::ColorType::Indexed);
    enc.set_palette(vec![220, 30, 30, 30, 30, 220, 235, 235, 200]);
    let idx: Vec<u8> = marker
        .chunks(3)
        .map(|c| match c[0] {
            220 => 0,
            30 => 1,
            _ => 2,
        })
        .collect();
    enc.write_header()?.write_image_data(&idx)?;
    let file = std::io::BufWriter::new(std::fs::File::create(dir.join("grey-alpha.png"))?);
    let mut enc = png::Encoder::new(file, 400, 200);
    enc.set_color(png::ColorType::GrayscaleAlpha);
    let ga: Vec<u8> = (0..400 * 200u32)
        .flat_map(|i| [((i % 400) / 2) as u8, if (i / 400) < 100 { 255 } else { 60 }])
        .collect();
    enc.write_header()?.write_image_data(&ga)?;
    let whole = std::fs::read(dir.join("16bit.png"))?;
    std::fs::write(dir.join("truncated.png"), &whole[..whole.len() / 2])?;
    Ok(())
}

fn make(dir: &Path) -> anyhow::Result<()> {
    std::fs::create_dir_all(dir)?;
    make_kinds(dir)?;
    write_jpeg(&dir.join("photo.jpg"), 4032, 3024)?;
    for i in 0..10u32 {
        write_png(&dir.join(format!("chat-{i}.png")), 1080, 9000, false, |y, out| {
            screenshot_row(y, 1080, i, out)
        })?;
    }
    let mut rng = Lcg(11);
    write_png(&dir.join("big.png"), 6000, 6000, false, |y, out| {
        photo_row(y, 6000, 6000, &mut rng, out)
    })?;
    let mut rng = Lcg(13);
    write_png(&dir.join("big16.png"), 6000, 6000, true, |y, out| {
        photo_row(y, 6000, 6000, &mut rng, out)
    })?;
    write_jpeg(&dir.join("big.jpg"), 6000, 6000)?;
    Ok(())
}

fn attachment(path: PathBuf, media_type: &str) -> anyhow::Result<PacketAttachment> {
    let mut hasher = sha2::Sha256::new();
    let mut f = std::fs::File::open(&path)?;
    let size = std::io::copy(&mut f, &mut hasher)?;
    Ok(PacketAttachment {
        name: path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        sha256: hex::encode(hasher.finalize()),
        size,
        media_type: media_type.to_string(),
        path: Some(path),
    })
}

fn render_set(dir: &Path, set: &str, out: &Path) -> anyhow::Result<()> {
    let files: Vec<PacketAttachment> = match set {
        // Ten photos: the same file ten times is ten pictures to embed.
        "photos" => (0..10)
            .map(|_| attachment(dir.join("photo.jpg"), "image/jpeg"))
            .collect::<Result<_, _>>()?,
        "screenshots" => (0..10)
            .map(|i| attachment(dir.join(format!("chat-{i}.png")), "image/png"))
            .collect::<Result<_, _>>()?,
        "png6000" => vec![attachment(dir.join("big.png"), "image/png")?],
        "png6000-16" => vec![attachment(dir.join("big16.png"), "image/png")?],
        "jpeg6000" => vec![attachment(dir.join("big.jpg"), "image/jpeg")?],
        "kinds" | "redact" => {
            let mut v = Vec::new();
            for name in [
                "rotated.jpg",
                "cmyk.jpg",
                "16bit.png",
                "palette.png",
                "grey-alpha.png",
                "truncated.png",
            ] {
                let kind = if name.ends_with("jpg") {
                    "image/jpeg"
                } else {
                    "image/png"
                };
                v.push(attachment(dir.join(name), kind)?);
            }
            v.push(attachment(dir.join("photo.jpg"), "image/jpeg")?);
            v.push(attachment(dir.join("chat-0.png"), "image/png")?);
            v
        }
        other => anyhow::bail!("unknown set {other}"),
    };
    let pictures: u64 = files.iter().map(|a| a.size).sum();
    let mut input = sample_input(12, date(2025, 6, 1));
    for (i, a) in files.into_iter().enumerate() {
        input.entries[i % 12].attachments.push(a);
    }
    let opts = PacketOptions {
        lang: Lang::Zh,
        redact: set == "redact",
        mask_name: false,
        agency: None,
    };
    let face = FontFace::embedded()?;
    let t = std::time::Instant::now();
    let p = render(&input, &opts, &face)?;
    let took = t.elapsed();
    std::fs::write(out, &p.bytes)?;
    println!(
        "{set}: {} pages, packet {} bytes, pictures {} bytes, render {:.2} s, undrawn {:?}",
        p.pages,
        p.bytes.len(),
        pictures,
        took.as_secs_f64(),
        p.undecodable
    );
    Ok(())
}

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    match args.get(1).map(String::as_str) {
        Some("make") => make(Path::new(args.get(2).map_or("pictures", String::as_str))),
        Some("render") => {
            let dir = Path::new(args.get(2).map_or("pictures", String::as_str));
            let set = args.get(3).map_or("photos", String::as_str);
            let out = PathBuf::from(args.get(4).map_or("pictures.pdf", String::as_str));
            render_set(dir, set, &out)
        }
        _ => anyhow::bail!("usage: picture_packet make DIR | render DIR SET OUT.pdf"),
    }
}
