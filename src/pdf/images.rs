//! Pictures as evidence: how a photo or screenshot from the vault becomes an image in the
//! packet, at a bounded cost.
//!
//! - A JPEG that prints at no more than [`PRINT_PPI`] is embedded as its original bytes
//!   (`/DCTDecode`, not re-encoded); its EXIF orientation is applied by the placement matrix.
//! - Anything sharper is scaled down to [`PRINT_PPI`] at its printed size: photos (JPEG) are
//!   re-encoded as high-quality JPEG, screenshots and PNGs are stored losslessly (Flate).
//! - GIF (its first frame), WebP, BMP and TIFF are decoded and stored losslessly like a PNG.
//!   HEIC (an iPhone's photos) has no maintained pure-Rust decoder: it is listed with its hash
//!   and the export says how to add a JPEG of it.
//! - Every PNG kind is read as 8-bit (16-bit reduced, palette and low bit depths expanded);
//!   transparency is flattened onto white, so no soft mask is needed; CMYK and 12-bit JPEGs
//!   are converted to RGB.
//! - Decoding has limits: a picture whose decoded pixels would exceed [`MAX_DECODED_BYTES`]
//!   or whose file is unreadable is reported as [`Undrawable`], never a failed export.
//!
//! The original stays untouched in the vault; the packet names its SHA-256 beside the print.

use std::collections::BTreeMap;
use std::io::{BufReader, Cursor, Read};
use std::path::Path;

use image::ImageDecoder;
use image::codecs::jpeg::JpegDecoder;
use printpdf::{DictItem, ExternalStream, ExternalXObject, XObject};

/// Resolution of a print rendition, in pixels per inch.
pub const PRINT_PPI: f32 = 300.0;

/// The largest decoded 8-bit pixel buffer one picture may need (about 50 megapixels RGB).
/// With the scaled copy and the encoded stream this keeps one picture under 300 MB.
pub const MAX_DECODED_BYTES: usize = 160 * 1024 * 1024;

/// The largest JPEG file read into memory (it is embedded or decoded from memory).
pub const MAX_JPEG_FILE: u64 = 64 * 1024 * 1024;

/// JPEG quality of a scaled photo.
const JPEG_QUALITY: u8 = 90;

/// A picture's format, from its first bytes (not from its name).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// JPEG / JFIF / EXIF.
    Jpeg,
    /// PNG.
    Png,
    /// GIF, WebP, BMP or TIFF: decoded with `image` and stored losslessly.
    Other(image::ImageFormat),
}

impl Format {
    /// The format of a file starting with `head`, if it is one we draw.
    pub fn sniff(head: &[u8]) -> Option<Format> {
        if head.starts_with(&[0xFF, 0xD8, 0xFF]) {
            Some(Format::Jpeg)
        } else if head.starts_with(b"\x89PNG\r\n\x1a\n") {
            Some(Format::Png)
        } else if head.starts_with(b"GIF87a") || head.starts_with(b"GIF89a") {
            Some(Format::Other(image::ImageFormat::Gif))
        } else if head.starts_with(b"RIFF") && head.get(8..12) == Some(b"WEBP") {
            Some(Format::Other(image::ImageFormat::WebP))
        } else if crate::vault::is_bmp(head) {
            Some(Format::Other(image::ImageFormat::Bmp))
        } else if head.starts_with(b"II*\0") || head.starts_with(b"MM\0*") {
            Some(Format::Other(image::ImageFormat::Tiff))
        } else {
            None
        }
    }
}

/// Why a picture is listed instead of drawn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Undrawable {
    /// The vault file could not be opened or read.
    Unreadable,
    /// Not a JPEG or PNG we can decode (wrong type, truncated or damaged).
    Undecodable,
    /// Decoding it would need more memory than a picture may use.
    TooLarge {
        /// Pixel width.
        width: u32,
        /// Pixel height.
        height: u32,
    },
}

/// The header facts of a picture, read without decoding its pixels.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Probe {
    /// The format.
    pub format: Format,
    /// Stored pixel width (before orientation).
    pub width: u32,
    /// Stored pixel height (before orientation).
    pub height: u32,
    /// EXIF orientation 1–8 (1: upright).
    pub orientation: u8,
    /// Whether the compressed data can be embedded as it is: a JPEG that is 8-bit, grey or
    /// YCbCr/RGB, Huffman-coded baseline or progressive; a PNG that is 8-bit grey or RGB,
    /// not interlaced, without transparency (its IDAT data is a PDF Flate stream).
    pub embeddable: bool,
}

impl Probe {
    /// Pixel size as seen (after orientation).
    pub fn display_size(&self) -> (u32, u32) {
        if swaps_axes(self.orientation) {
            (self.height, self.width)
        } else {
            (self.width, self.height)
        }
    }
}

fn swaps_axes(orientation: u8) -> bool {
    (5..=8).contains(&orientation)
}

/// What the print rendition is, for the caption.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rendition {
    /// The original JPEG bytes, unchanged.
    Original,
    /// The original pixels, stored losslessly (a PNG re-packed for PDF).
    Lossless,
    /// Scaled down to [`PRINT_PPI`]; `jpeg` tells how it was stored.
    Scaled {
        /// Stored as high-quality JPEG (a photo) rather than losslessly.
        jpeg: bool,
    },
    /// Converted to RGB (a CMYK or 12-bit JPEG) without scaling, as high-quality JPEG.
    Converted,
}

/// A picture ready to place: the image XObject and how to orient it.
pub struct Picture {
    /// The header facts of the original.
    pub probe: Probe,
    /// Pixel size of the stored image stream.
    pub stream_px: (u32, u32),
    /// Orientation still to apply when placing (1 when the stored pixels are upright).
    pub orientation: u8,
    /// What the print rendition is.
    pub rendition: Rendition,
    /// The image XObject.
    pub xobject: XObject,
}

/// Opens a vault file for reading. The one place pictures are read from disk.
/// Vault files only: a regular file, links not followed, bounded.
fn open(path: &Path) -> Result<crate::userfile::Bounded, Undrawable> {
    crate::userfile::open(path, crate::userfile::Purpose::Vault).map_err(|_| Undrawable::Unreadable)
}

/// Reads the header of the picture at `path`.
pub fn probe(path: &Path) -> Result<Probe, Undrawable> {
    let mut head = [0u8; 12];
    let mut f = open(path)?;
    f.read_exact(&mut head).map_err(|_| Undrawable::Undecodable)?;
    match Format::sniff(&head) {
        Some(Format::Jpeg) => probe_jpeg(&read_jpeg(path)?),
        Some(Format::Png) => probe_png(path),
        Some(Format::Other(format)) => probe_other(path, format),
        None => Err(Undrawable::Undecodable),
    }
}

/// A reader of a GIF, WebP, BMP or TIFF file in the vault, with the decoding limits.
fn other_reader(
    path: &Path,
    format: image::ImageFormat,
) -> Result<image::ImageReader<BufReader<crate::userfile::Bounded>>, Undrawable> {
    let mut reader = image::ImageReader::with_format(BufReader::new(open(path)?), format);
    let mut limits = image::Limits::default();
    limits.max_alloc = Some(MAX_DECODED_BYTES as u64);
    reader.limits(limits);
    Ok(reader)
}

fn probe_other(path: &Path, format: image::ImageFormat) -> Result<Probe, Undrawable> {
    let (width, height) = other_reader(path, format)?
        .into_dimensions()
        .map_err(|_| Undrawable::Undecodable)?;
    Ok(Probe {
        format: Format::Other(format),
        width,
        height,
        orientation: 1,
        embeddable: false,
    })
}

fn decode_other(path: &Path, format: image::ImageFormat, probe: &Probe) -> Result<Pixels, Undrawable> {
    // 4 bytes a pixel while it is decoded (RGBA), then flattened to RGB.
    let bytes = u64::from(probe.width) * u64::from(probe.height) * 4;
    if bytes > MAX_DECODED_BYTES as u64 {
        return Err(too_large(probe));
    }
    let decoded = other_reader(path, format)?.decode().map_err(|e| match e {
        image::ImageError::Limits(_) => too_large(probe),
        _ => Undrawable::Undecodable,
    })?;
    let rgba = decoded.into_rgba8();
    let (width, height) = (rgba.width() as usize, rgba.height() as usize);
    let mut data = rgba.into_raw();
    flatten_alpha(&mut data, 3);
    Ok(Pixels {
        width,
        height,
        channels: 3,
        data,
    })
}

fn read_jpeg(path: &Path) -> Result<Vec<u8>, Undrawable> {
    let f = open(path)?;
    let mut bytes = Vec::new();
    f.take(MAX_JPEG_FILE + 1)
        .read_to_end(&mut bytes)
        .map_err(|_| Undrawable::Unreadable)?;
    if bytes.len() as u64 > MAX_JPEG_FILE {
        return Err(Undrawable::TooLarge { width: 0, height: 0 });
    }
    Ok(bytes)
}

/// The frame header of a JPEG: precision, size, components, and whether it is a Huffman
/// baseline/extended/progressive frame; plus the Adobe colour transform if present.
struct JpegFrame {
    precision: u8,
    width: u32,
    height: u32,
    components: u8,
    huffman: bool,
}

fn jpeg_frame(bytes: &[u8]) -> Option<JpegFrame> {
    let mut i = 2;
    while i + 4 <= bytes.len() {
        if bytes[i] != 0xFF {
            return None;
        }
        let marker = bytes[i + 1];
        if marker == 0xFF {
            i += 1;
            continue;
        }
        let len = usize::from(u16::from_be_bytes([bytes[i + 2], bytes[i + 3]]));
        let seg = bytes.get(i + 4..i + 2 + len)?;
        if matches!(marker, 0xC0..=0xCF) && !matches!(marker, 0xC4 | 0xC8 | 0xCC) {
            if seg.len() < 6 {
                return None;
            }
            return Some(JpegFrame {
                precision: seg[0],
                height: u32::from(u16::from_be_bytes([seg[1], seg[2]])),
                width: u32::from(u16::from_be_bytes([seg[3], seg[4]])),
                components: seg[5],
                huffman: matches!(marker, 0xC0..=0xC2),
            });
        }
        if marker == 0xDA {
            return None;
        }
        i += 2 + len;
    }
    None
}

/// Runs a JPEG decoder step; a decoder that panics on a crafted file (zune-jpeg can) lists the
/// picture as undecodable instead of stopping the export.
fn guarded<T>(step: impl FnOnce() -> Result<T, Undrawable>) -> Result<T, Undrawable> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(step)).unwrap_or(Err(Undrawable::Undecodable))
}

fn probe_jpeg(bytes: &[u8]) -> Result<Probe, Undrawable> {
    guarded(|| probe_jpeg_unguarded(bytes))
}

fn probe_jpeg_unguarded(bytes: &[u8]) -> Result<Probe, Undrawable> {
    let frame = jpeg_frame(bytes).ok_or(Undrawable::Undecodable)?;
    let mut decoder = JpegDecoder::new(Cursor::new(bytes)).map_err(|_| Undrawable::Undecodable)?;
    let orientation = decoder.orientation().map(|o| o.to_exif()).unwrap_or(1);
    if frame.width == 0 || frame.height == 0 {
        return Err(Undrawable::Undecodable);
    }
    Ok(Probe {
        format: Format::Jpeg,
        width: frame.width,
        height: frame.height,
        orientation: orientation.clamp(1, 8),
        embeddable: frame.precision == 8 && matches!(frame.components, 1 | 3) && frame.huffman,
    })
}

fn png_decoder(path: &Path) -> Result<png::Decoder<BufReader<crate::userfile::Bounded>>, Undrawable> {
    let mut d = png::Decoder::new(BufReader::new(open(path)?));
    d.set_transformations(png::Transformations::normalize_to_color8());
    d.set_limits(png::Limits {
        bytes: MAX_DECODED_BYTES,
    });
    Ok(d)
}

fn probe_png(path: &Path) -> Result<Probe, Undrawable> {
    let reader = png_decoder(path)?.read_info();
    let reader = match reader {
        Ok(r) => r,
        Err(png::DecodingError::LimitsExceeded) => return Err(Undrawable::TooLarge { width: 0, height: 0 }),
        Err(_) => return Err(Undrawable::Undecodable),
    };
    let info = reader.info();
    Ok(Probe {
        format: Format::Png,
        width: info.width,
        height: info.height,
        orientation: 1,
        embeddable: info.bit_depth == png::BitDepth::Eight
            && matches!(info.color_type, png::ColorType::Grayscale | png::ColorType::Rgb)
            && !info.interlaced
            && info.trns.is_none(),
    })
}

/// Decoded 8-bit pixels, grey (1 channel) or RGB (3 channels), alpha already flattened.
struct Pixels {
    width: usize,
    height: usize,
    channels: usize,
    data: Vec<u8>,
}

fn too_large(p: &Probe) -> Undrawable {
    Undrawable::TooLarge {
        width: p.width,
        height: p.height,
    }
}

/// Flattens `alpha`-interleaved pixels onto white in place, dropping the alpha channel.
fn flatten_alpha(data: &mut Vec<u8>, colour: usize) {
    let stride = colour + 1;
    let n = data.len() / stride;
    for i in 0..n {
        let a = u32::from(data[i * stride + colour]);
        for c in 0..colour {
            let v = u32::from(data[i * stride + c]);
            data[i * colour + c] = ((v * a + 255 * (255 - a) + 127) / 255) as u8;
        }
    }
    data.truncate(n * colour);
}

fn decode_png(path: &Path, probe: &Probe) -> Result<Pixels, Undrawable> {
    let mut reader = match png_decoder(path)?.read_info() {
        Ok(r) => r,
        Err(png::DecodingError::LimitsExceeded) => return Err(too_large(probe)),
        Err(_) => return Err(Undrawable::Undecodable),
    };
    let size = reader.output_buffer_size().ok_or_else(|| too_large(probe))?;
    if size > MAX_DECODED_BYTES {
        return Err(too_large(probe));
    }
    let mut data = vec![0u8; size];
    let info = reader
        .next_frame(&mut data)
        .map_err(|_| Undrawable::Undecodable)?;
    data.truncate(info.buffer_size());
    let (width, height) = (info.width as usize, info.height as usize);
    let channels = match info.color_type {
        png::ColorType::Grayscale => 1,
        png::ColorType::GrayscaleAlpha => {
            flatten_alpha(&mut data, 1);
            1
        }
        png::ColorType::Rgb => 3,
        png::ColorType::Rgba => {
            flatten_alpha(&mut data, 3);
            3
        }
        png::ColorType::Indexed => return Err(Undrawable::Undecodable),
    };
    // Rows may be padded by the decoder; keep exactly width × channels per row.
    let row = width * channels;
    if data.len() < row * height {
        return Err(Undrawable::Undecodable);
    }
    data.truncate(row * height);
    Ok(Pixels {
        width,
        height,
        channels,
        data,
    })
}

fn decode_jpeg(bytes: &[u8], probe: &Probe) -> Result<Pixels, Undrawable> {
    guarded(|| decode_jpeg_unguarded(bytes, probe))
}

fn decode_jpeg_unguarded(bytes: &[u8], probe: &Probe) -> Result<Pixels, Undrawable> {
    let mut decoder = JpegDecoder::new(Cursor::new(bytes)).map_err(|_| Undrawable::Undecodable)?;
    let mut limits = image::Limits::default();
    limits.max_alloc = Some(MAX_DECODED_BYTES as u64);
    decoder.set_limits(limits).map_err(|_| too_large(probe))?;
    let total = usize::try_from(decoder.total_bytes()).map_err(|_| too_large(probe))?;
    if total > MAX_DECODED_BYTES {
        return Err(too_large(probe));
    }
    let (w, h) = decoder.dimensions();
    let colour = decoder.color_type();
    let mut data = vec![0u8; total];
    decoder
        .read_image(&mut data)
        .map_err(|_| Undrawable::Undecodable)?;
    let channels = match colour {
        image::ColorType::L8 => 1,
        image::ColorType::La8 => {
            flatten_alpha(&mut data, 1);
            1
        }
        image::ColorType::Rgb8 => 3,
        image::ColorType::Rgba8 => {
            flatten_alpha(&mut data, 3);
            3
        }
        _ => return Err(Undrawable::Undecodable),
    };
    Ok(Pixels {
        width: w as usize,
        height: h as usize,
        channels,
        data,
    })
}

/// For each output index, the source indexes it covers and their weights (area average).
fn spans(src: usize, dst: usize) -> Vec<Vec<(usize, f32)>> {
    let scale = src as f64 / dst as f64;
    (0..dst)
        .map(|i| {
            let (a, b) = (i as f64 * scale, (i + 1) as f64 * scale);
            let mut out = Vec::new();
            let mut j = a.floor() as usize;
            while (j as f64) < b && j < src {
                let lo = a.max(j as f64);
                let hi = b.min((j + 1) as f64);
                if hi > lo {
                    out.push((j, ((hi - lo) / scale) as f32));
                }
                j += 1;
            }
            out
        })
        .collect()
}

/// Scales `p` down to `w` × `h` by averaging the source area each output pixel covers
/// (the right filter for shrinking text and photos alike). Uses one row of accumulators.
fn downscale(p: &Pixels, w: usize, h: usize) -> Pixels {
    let ch = p.channels;
    let xs = spans(p.width, w);
    let ys = spans(p.height, h);
    let mut out = vec![0u8; w * h * ch];
    let mut acc = vec![0f32; w * ch];
    for (oy, yspan) in ys.iter().enumerate() {
        acc.iter_mut().for_each(|v| *v = 0.0);
        for &(sy, wy) in yspan {
            let row = &p.data[sy * p.width * ch..(sy + 1) * p.width * ch];
            for (ox, xspan) in xs.iter().enumerate() {
                for c in 0..ch {
                    let s: f32 = xspan
                        .iter()
                        .map(|&(sx, wx)| f32::from(row[sx * ch + c]) * wx)
                        .sum();
                    acc[ox * ch + c] += s * wy;
                }
            }
        }
        for (o, a) in out[oy * w * ch..(oy + 1) * w * ch].iter_mut().zip(&acc) {
            *o = a.round().clamp(0.0, 255.0) as u8;
        }
    }
    Pixels {
        width: w,
        height: h,
        channels: ch,
        data: out,
    }
}

/// Applies EXIF `orientation` to the pixels, so they are stored upright.
fn orient(p: Pixels, orientation: u8) -> Pixels {
    if orientation <= 1 || orientation > 8 {
        return p;
    }
    let (w, h, ch) = (p.width, p.height, p.channels);
    let (ow, oh) = if swaps_axes(orientation) { (h, w) } else { (w, h) };
    let mut out = vec![0u8; p.data.len()];
    for sy in 0..h {
        for sx in 0..w {
            let (dx, dy) = match orientation {
                2 => (w - 1 - sx, sy),
                3 => (w - 1 - sx, h - 1 - sy),
                4 => (sx, h - 1 - sy),
                5 => (sy, sx),
                6 => (h - 1 - sy, sx),
                7 => (h - 1 - sy, w - 1 - sx),
                _ => (sy, w - 1 - sx),
            };
            let s = (sy * w + sx) * ch;
            let d = (dy * ow + dx) * ch;
            out[d..d + ch].copy_from_slice(&p.data[s..s + ch]);
        }
    }
    Pixels {
        width: ow,
        height: oh,
        channels: ch,
        data: out,
    }
}

fn name(s: &str) -> DictItem {
    DictItem::Name(s.as_bytes().to_vec())
}

fn image_xobject(width: u32, height: u32, channels: usize, filter: &str, content: Vec<u8>) -> XObject {
    let mut parms = BTreeMap::new();
    let mut dict = BTreeMap::new();
    dict.insert("Type".to_string(), name("XObject"));
    dict.insert("Subtype".to_string(), name("Image"));
    dict.insert("Width".to_string(), DictItem::Int(i64::from(width)));
    dict.insert("Height".to_string(), DictItem::Int(i64::from(height)));
    dict.insert(
        "ColorSpace".to_string(),
        name(if channels == 1 { "DeviceGray" } else { "DeviceRGB" }),
    );
    dict.insert("BitsPerComponent".to_string(), DictItem::Int(8));
    dict.insert("Filter".to_string(), name(filter));
    if filter == "FlateDecode" {
        // The rows carry PNG filter bytes (see `encode_flate`).
        parms.insert("Predictor".to_string(), DictItem::Int(15));
        parms.insert("Colors".to_string(), DictItem::Int(channels as i64));
        parms.insert("BitsPerComponent".to_string(), DictItem::Int(8));
        parms.insert("Columns".to_string(), DictItem::Int(i64::from(width)));
        dict.insert("DecodeParms".to_string(), DictItem::Dict { map: parms });
    }
    XObject::External(ExternalXObject {
        stream: ExternalStream {
            dict,
            content,
            compress: false,
        },
        width: None,
        height: None,
        dpi: None,
    })
}

fn encode_jpeg(p: &Pixels) -> Result<Vec<u8>, Undrawable> {
    let mut out = Vec::new();
    let colour = if p.channels == 1 {
        jpeg_encoder::ColorType::Luma
    } else {
        jpeg_encoder::ColorType::Rgb
    };
    let w = u16::try_from(p.width).map_err(|_| Undrawable::Undecodable)?;
    let h = u16::try_from(p.height).map_err(|_| Undrawable::Undecodable)?;
    jpeg_encoder::Encoder::new(&mut out, JPEG_QUALITY)
        .encode(&p.data, w, h, colour)
        .map_err(|_| Undrawable::Undecodable)?;
    Ok(out)
}

/// Lossless: the rows PNG-filtered and deflated by the `png` encoder, taken out of its IDAT
/// chunks — exactly a `/FlateDecode` stream with `/Predictor 15`.
fn encode_flate(p: &Pixels) -> Result<Vec<u8>, Undrawable> {
    let mut png_bytes = Vec::new();
    {
        let mut enc = png::Encoder::new(&mut png_bytes, p.width as u32, p.height as u32);
        enc.set_color(if p.channels == 1 {
            png::ColorType::Grayscale
        } else {
            png::ColorType::Rgb
        });
        enc.set_depth(png::BitDepth::Eight);
        enc.set_compression(png::Compression::Balanced);
        let mut writer = enc.write_header().map_err(|_| Undrawable::Undecodable)?;
        writer
            .write_image_data(&p.data)
            .map_err(|_| Undrawable::Undecodable)?;
        writer.finish().map_err(|_| Undrawable::Undecodable)?;
    }
    idat(&png_bytes).ok_or(Undrawable::Undecodable)
}

/// The concatenated IDAT data of a PNG file (its zlib stream of filtered rows), or `None`
/// if the chunk structure is broken.
fn idat(png_bytes: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let mut i = 8;
    while i + 12 <= png_bytes.len() {
        let len =
            u32::from_be_bytes([png_bytes[i], png_bytes[i + 1], png_bytes[i + 2], png_bytes[i + 3]]) as usize;
        let data = png_bytes.get(i + 8..(i + 8).checked_add(len)?)?;
        match &png_bytes[i + 4..i + 8] {
            b"IDAT" => out.extend_from_slice(data),
            b"IEND" => return Some(out),
            _ => {}
        }
        i += 12 + len;
    }
    None
}

/// The IDAT data of the PNG at `path`, if it can be embedded as it is and is at most
/// `limit` bytes long.
fn original_idat(path: &Path, probe: &Probe, limit: u64) -> Option<Vec<u8>> {
    if !probe.embeddable {
        return None;
    }
    let mut bytes = Vec::new();
    open(path).ok()?.take(limit + 1).read_to_end(&mut bytes).ok()?;
    if bytes.len() as u64 > limit {
        return None;
    }
    idat(&bytes)
}

/// The pixel size a picture of display size `px` needs to print `printed_w` points wide at
/// [`PRINT_PPI`], or `None` when it is not sharper than that already.
pub fn print_size(px: (u32, u32), printed_w: f32) -> Option<(u32, u32)> {
    let inches = printed_w / 72.0;
    let ppi = px.0 as f32 / inches.max(f32::EPSILON);
    // A little tolerance so a picture at 301 ppi is not re-encoded for nothing.
    if ppi <= PRINT_PPI * 1.02 {
        return None;
    }
    let w = (inches * PRINT_PPI).round().max(1.0);
    let h = (w * px.1 as f32 / px.0.max(1) as f32).round().max(1.0);
    Some((w as u32, h as u32))
}

/// Prepares the picture at `path` (already probed) for printing `printed_w` points wide.
pub fn prepare(path: &Path, probe: Probe, printed_w: f32) -> Result<Picture, Undrawable> {
    let target = print_size(probe.display_size(), printed_w);
    match probe.format {
        Format::Jpeg => {
            let bytes = read_jpeg(path)?;
            if target.is_none() && probe.embeddable {
                let channels = jpeg_frame(&bytes).map_or(3, |f| usize::from(f.components));
                return Ok(Picture {
                    stream_px: (probe.width, probe.height),
                    orientation: probe.orientation,
                    rendition: Rendition::Original,
                    xobject: image_xobject(probe.width, probe.height, channels, "DCTDecode", bytes),
                    probe,
                });
            }
            let pixels = decode_jpeg(&bytes, &probe)?;
            drop(bytes);
            let pixels = scale_upright(pixels, &probe, target);
            let stream = encode_jpeg(&pixels)?;
            let rendition = if target.is_some() {
                Rendition::Scaled { jpeg: true }
            } else {
                Rendition::Converted
            };
            Ok(rendered(probe, &pixels, rendition, "DCTDecode", stream))
        }
        Format::Png => {
            // Decoded in full even when the original is embedded: a damaged file is listed
            // rather than printed broken.
            let pixels = decode_png(path, &probe)?;
            let file_len = std::fs::metadata(path).map_or(u64::MAX, |m| m.len());
            let (width, height, channels) = (probe.width, probe.height, pixels.channels);
            let original = |probe: Probe| {
                original_idat(path, &probe, file_len).map(|data| Picture {
                    stream_px: (width, height),
                    orientation: 1,
                    rendition: Rendition::Original,
                    xobject: image_xobject(width, height, channels, "FlateDecode", data),
                    probe,
                })
            };
            if target.is_none()
                && let Some(p) = original(probe.clone())
            {
                return Ok(p);
            }
            let pixels = scale_upright(pixels, &probe, target);
            let stream = encode_flate(&pixels)?;
            // Never larger than the file itself when the file can go in as it is.
            if stream.len() as u64 > file_len
                && let Some(p) = original(probe.clone())
            {
                return Ok(p);
            }
            let rendition = if target.is_some() {
                Rendition::Scaled { jpeg: false }
            } else {
                Rendition::Lossless
            };
            Ok(rendered(probe, &pixels, rendition, "FlateDecode", stream))
        }
        Format::Other(format) => {
            let pixels = decode_other(path, format, &probe)?;
            let pixels = scale_upright(pixels, &probe, target);
            let stream = encode_flate(&pixels)?;
            let rendition = if target.is_some() {
                Rendition::Scaled { jpeg: false }
            } else {
                Rendition::Lossless
            };
            Ok(rendered(probe, &pixels, rendition, "FlateDecode", stream))
        }
    }
}

/// A picture whose stream was made here from upright `pixels`.
fn rendered(probe: Probe, pixels: &Pixels, rendition: Rendition, filter: &str, stream: Vec<u8>) -> Picture {
    let (w, h) = (pixels.width as u32, pixels.height as u32);
    Picture {
        stream_px: (w, h),
        orientation: 1,
        rendition,
        xobject: image_xobject(w, h, pixels.channels, filter, stream),
        probe,
    }
}

/// Scales (in stored orientation, before rotating: cheaper) and then turns the pixels upright.
fn scale_upright(pixels: Pixels, probe: &Probe, target: Option<(u32, u32)>) -> Pixels {
    let pixels = match target {
        Some((w, h)) => {
            let (w, h) = if swaps_axes(probe.orientation) {
                (h, w)
            } else {
                (w, h)
            };
            downscale(&pixels, w as usize, h as usize)
        }
        None => pixels,
    };
    orient(pixels, probe.orientation)
}

/// The PDF matrix `[a b c d e f]` that draws an image stored with EXIF `orientation` upright
/// into the box with lower-left corner (`x`, `y`) and size `w` × `h` points (as seen).
pub fn placement(orientation: u8, x: f32, y: f32, w: f32, h: f32) -> [f32; 6] {
    match orientation {
        2 => [-w, 0.0, 0.0, h, x + w, y],
        3 => [-w, 0.0, 0.0, -h, x + w, y + h],
        4 => [w, 0.0, 0.0, -h, x, y + h],
        5 => [0.0, -h, -w, 0.0, x + w, y + h],
        6 => [0.0, -h, w, 0.0, x, y + h],
        7 => [0.0, h, w, 0.0, x, y],
        8 => [0.0, h, -w, 0.0, x + w, y],
        _ => [w, 0.0, 0.0, h, x, y],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn area_average_keeps_flat_colour_and_halves_size() {
        let p = Pixels {
            width: 4,
            height: 2,
            channels: 1,
            data: vec![10, 30, 200, 200, 10, 30, 200, 200],
        };
        let d = downscale(&p, 2, 1);
        assert_eq!(d.data, vec![20, 200]);
    }

    #[test]
    fn orientation_six_turns_clockwise() {
        // 2×1: [a b] stored; rotated clockwise it is a column: a on top, b below.
        let p = Pixels {
            width: 2,
            height: 1,
            channels: 1,
            data: vec![1, 2],
        };
        let o = orient(p, 6);
        assert_eq!((o.width, o.height, o.data), (1, 2, vec![1, 2]));
    }

    #[test]
    fn placement_six_puts_the_stored_top_left_at_the_top_right() {
        let m = placement(6, 10.0, 20.0, 100.0, 200.0);
        // Stored top-left is (u, v) = (0, 1) in the unit square.
        let (u, v) = (0.0, 1.0);
        let (x, y) = (m[0] * u + m[2] * v + m[4], m[1] * u + m[3] * v + m[5]);
        assert_eq!((x, y), (110.0, 220.0));
    }

    #[test]
    fn print_size_only_when_sharper_than_300_ppi() {
        // 1080 px over the 170 mm text column is about 161 ppi: kept.
        assert_eq!(print_size((1080, 9000), 170.0 / 25.4 * 72.0), None);
        // 4032 px over 170 mm is about 602 ppi: scaled to 2008 px wide.
        let s = print_size((4032, 3024), 170.0 / 25.4 * 72.0);
        assert_eq!(s.map(|s| s.0), Some(2008));
    }

    fn chunk(kind: &[u8], data: &[u8]) -> Vec<u8> {
        let mut crc = flate2::Crc::new();
        crc.update(kind);
        crc.update(data);
        let mut out = (data.len() as u32).to_be_bytes().to_vec();
        out.extend_from_slice(kind);
        out.extend_from_slice(data);
        out.extend_from_slice(&crc.sum().to_be_bytes());
        out
    }

    #[test]
    fn a_picture_too_large_to_decode_is_refused_before_allocating() -> Result<(), Box<dyn std::error::Error>>
    {
        // A 20000 × 20000 RGBA header (1.6 GB decoded) with a token IDAT.
        let mut ihdr = Vec::new();
        ihdr.extend_from_slice(&20000u32.to_be_bytes());
        ihdr.extend_from_slice(&20000u32.to_be_bytes());
        ihdr.extend_from_slice(&[8, 6, 0, 0, 0]);
        let mut bytes = b"\x89PNG\r\n\x1a\n".to_vec();
        bytes.extend(chunk(b"IHDR", &ihdr));
        bytes.extend(chunk(b"IDAT", &[0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]));
        bytes.extend(chunk(b"IEND", &[]));
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("huge.png");
        std::fs::write(&path, &bytes)?;
        let probe = probe(&path).map_err(|e| format!("{e:?}"))?;
        assert_eq!(probe.display_size(), (20000, 20000));
        let err = prepare(&path, probe, 480.0).err();
        assert_eq!(
            err,
            Some(Undrawable::TooLarge {
                width: 20000,
                height: 20000
            })
        );
        Ok(())
    }

    #[test]
    fn white_under_transparent_pixels() {
        let mut d = vec![0, 0, 0, 0, 255, 0, 0, 255];
        flatten_alpha(&mut d, 3);
        assert_eq!(d, vec![255, 255, 255, 255, 0, 0]);
    }
}
