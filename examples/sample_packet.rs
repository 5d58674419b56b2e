//! Write a sample packet: `cargo run --example sample_packet -- N OUT.pdf [--redact] [--en]`.
use leakaid::i18n::Lang as PacketLang;
use leakaid::pdf::{FontFace, PacketOptions, render, sample::sample_input};
fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let n: usize = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(12);
    let out = args.get(2).cloned().unwrap_or_else(|| "/tmp/out.pdf".into());
    let mut input = sample_input(n, jiff::civil::date(2025, 6, 1));
    if let Some(img) = std::env::var_os("PROBE_IMG")
        && let Some(e) = input.entries.get_mut(1)
    {
        let bytes = std::fs::read(&img)?;
        e.attachments.push(leakaid::pdf::PacketAttachment {
            name: "截图.png".into(),
            sha256: "ab".repeat(32),
            size: bytes.len() as u64,
            media_type: "image/png".into(),
            path: Some(img.into()),
        });
    }
    let opts = PacketOptions {
        lang: if args.iter().any(|a| a == "--en") {
            PacketLang::En
        } else {
            PacketLang::Zh
        },
        redact: args.iter().any(|a| a == "--redact"),
        mask_name: false,
        agency: Some("北京市公安局朝阳分局某某派出所".into()),
    };
    let t = std::time::Instant::now();
    let face = FontFace::embedded()?;
    let r = render(&input, &opts, &face)?;
    eprintln!(
        "{} pages, {} bytes, {:?}, missing {:?}",
        r.pages,
        r.bytes.len(),
        t.elapsed(),
        r.missing
    );
    std::fs::write(out, r.bytes)?;
    Ok(())
}
