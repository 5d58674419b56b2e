//! The complaint packet for a 200-entry case without images: time per packet (font load +
//! layout + subsetting + writing), and the size, printed once. Goals: ≤ 150 ms, ≤ 150 KB.

use criterion::{Criterion, criterion_group, criterion_main};
use jiff::civil::date;
use leakaid::i18n::Lang;
use leakaid::pdf::sample::sample_input;
use leakaid::pdf::{FontFace, PacketOptions, render};

fn packet_200(c: &mut Criterion) {
    let input = sample_input(200, date(2025, 6, 1));
    let opts = PacketOptions {
        lang: Lang::Zh,
        redact: false,
        mask_name: false,
        agency: Some("北京市公安局朝阳分局某某派出所".to_string()),
    };
    if let Ok(face) = FontFace::embedded()
        && let Ok(p) = render(&input, &opts, &face)
    {
        eprintln!("200-entry packet: {} pages, {} bytes", p.pages, p.bytes.len());
    }
    c.bench_function("packet_200_entries", |b| {
        b.iter(|| {
            let face = FontFace::embedded().ok();
            face.and_then(|f| render(&input, &opts, &f).ok())
                .map(|p| p.bytes.len())
        })
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = packet_200
}
criterion_main!(benches);
