//! A picture in the vault on its way into the packet: the header probe, then the decode, scale
//! and re-encode (or the original bytes) at two printed widths, as the packet does it. The
//! picture path reads vault files, so each input is written to a file first.
#![no_main]

use std::io::Write;

use leakaid::pdf::images::{self, Undrawable};
use libfuzzer_sys::fuzz_target;

/// Pictures larger than this are probed but not decoded here: decoding tens of megapixels is
/// slow, not interesting, and bounded by `MAX_DECODED_BYTES` in the program.
const MAX_FUZZ_PIXELS: u64 = 4_000_000;

fuzz_target!(|bytes: &[u8]| {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("picture");
    std::fs::File::create(&path)
        .and_then(|mut f| f.write_all(bytes))
        .expect("the picture is written");
    let probe = match images::probe(&path) {
        Ok(p) => p,
        Err(Undrawable::Unreadable) => panic!("a readable vault file was reported unreadable"),
        Err(_) => return,
    };
    assert!(
        (1..=8).contains(&probe.orientation),
        "orientation {}",
        probe.orientation
    );
    if u64::from(probe.width) * u64::from(probe.height) > MAX_FUZZ_PIXELS {
        return;
    }
    // A thumbnail width (scaled down) and a page width (the original when it can be).
    for printed_w in [24.0, 480.0] {
        if let Ok(pic) = images::prepare(&path, probe.clone(), printed_w) {
            assert!(
                pic.stream_px.0 > 0 && pic.stream_px.1 > 0,
                "an image without pixels"
            );
            let _ = images::placement(pic.orientation, 0.0, 0.0, printed_w, printed_w);
        }
    }
});
