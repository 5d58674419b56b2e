//! Reading a packet back with lopdf (an independent parser, not the writer): the text of
//! each page through the fonts' /ToUnicode maps, and the image streams.

use std::collections::HashMap;

use lopdf::{Document, Object};

/// The text of every page, decoded through each font's /ToUnicode CMap; one line per line
/// of text drawn (a text object ends a line, and so does a move to a new line inside one).
pub fn page_texts(bytes: &[u8]) -> Result<Vec<String>, Box<dyn std::error::Error>> {
    let doc = Document::load_mem(bytes)?;
    let mut out = Vec::new();
    for (_, page_id) in doc.get_pages() {
        let fonts = doc.get_page_fonts(page_id)?;
        let mut maps: HashMap<Vec<u8>, HashMap<u16, String>> = HashMap::new();
        for (name, font) in &fonts {
            let mut map = HashMap::new();
            if let Ok(Object::Reference(r)) = font.get(b"ToUnicode") {
                let stream = doc.get_object(*r)?.as_stream()?;
                let data = stream
                    .decompressed_content()
                    .unwrap_or_else(|_| stream.content.clone());
                parse_cmap(&String::from_utf8_lossy(&data), &mut map);
            }
            maps.insert(name.clone(), map);
        }
        let content = lopdf::content::Content::decode(&doc.get_page_content(page_id))?;
        let mut text = String::new();
        let mut current: Option<&HashMap<u16, String>> = None;
        for op in &content.operations {
            match op.operator.as_str() {
                "Tf" => {
                    if let Some(Object::Name(n)) = op.operands.first() {
                        current = maps.get(n);
                    }
                }
                "Tj" | "TJ" => {
                    let mut strings = Vec::new();
                    for o in &op.operands {
                        match o {
                            Object::String(b, _) => strings.push(b.clone()),
                            Object::Array(a) => {
                                for x in a {
                                    if let Object::String(b, _) = x {
                                        strings.push(b.clone());
                                    }
                                }
                            }
                            _ => {}
                        }
                    }
                    for b in strings {
                        for pair in b.chunks(2) {
                            let code = u16::from_be_bytes([pair[0], *pair.get(1).unwrap_or(&0)]);
                            match current.and_then(|m| m.get(&code)) {
                                Some(s) => text.push_str(s),
                                None => text.push('\u{FFFD}'),
                            }
                        }
                    }
                }
                "Td" | "TD" | "Tm" | "T*" if !text.is_empty() && !text.ends_with('\n') => {
                    text.push('\n');
                }
                "ET" => text.push('\n'),
                _ => {}
            }
        }
        out.push(text);
    }
    Ok(out)
}

fn utf16_hex(h: &str) -> String {
    let units: Vec<u16> = (0..h.len() / 4)
        .filter_map(|i| u16::from_str_radix(&h[i * 4..i * 4 + 4], 16).ok())
        .collect();
    String::from_utf16_lossy(&units)
}

fn parse_cmap(cmap: &str, map: &mut HashMap<u16, String>) {
    let mut mode = "";
    for line in cmap.lines() {
        let line = line.trim();
        if line.ends_with("beginbfchar") {
            mode = "char";
            continue;
        }
        if line.ends_with("beginbfrange") {
            mode = "range";
            continue;
        }
        if line.starts_with("end") {
            mode = "";
            continue;
        }
        let hexes: Vec<&str> = line
            .split(['<', '>', ' ', '[', ']'])
            .filter(|s| !s.is_empty())
            .collect();
        match (mode, hexes.as_slice()) {
            ("char", [src, dst, ..]) => {
                if let Ok(code) = u16::from_str_radix(src, 16) {
                    map.insert(code, utf16_hex(dst));
                }
            }
            ("range", [lo, hi, dst]) => {
                let (Ok(lo), Ok(hi)) = (u16::from_str_radix(lo, 16), u16::from_str_radix(hi, 16)) else {
                    continue;
                };
                let base: Vec<char> = utf16_hex(dst).chars().collect();
                if let Some(&first) = base.first() {
                    for (k, code) in (lo..=hi).enumerate() {
                        if let Some(c) = char::from_u32(first as u32 + k as u32) {
                            map.insert(code, c.to_string());
                        }
                    }
                }
            }
            _ => {}
        }
    }
}
