//! Wrapping styled lines for the terminal with the shared line breaker, so Chinese text
//! follows the punctuation rules (no line starts with ，。、) and CJK widths count double —
//! ratatui's own word wrap knows neither.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::linebreak::{Columns, wrap};
use crate::text::shown_text;

/// Breaks each line to at most `width` columns, keeping the styles of its spans.
pub fn wrap_lines(lines: Vec<Line<'_>>, width: u16) -> Vec<Line<'static>> {
    let mut out = Vec::with_capacity(lines.len());
    for line in lines {
        let styled: Vec<(char, Style)> = line
            .spans
            .iter()
            .flat_map(|sp| {
                let style = line.style.patch(sp.style);
                // Text read back from a case is cleaned for showing here, once for every screen;
                // a line break stays, for the breaker to start a new paragraph.
                let shown: Vec<char> = shown_text(&sp.content).chars().collect();
                shown.into_iter().map(move |c| (c, style))
            })
            .collect();
        let text: String = styled.iter().map(|(c, _)| *c).collect();
        if text.is_empty() || width == 0 {
            out.push(Line::from(String::new()).style(line.style));
            continue;
        }
        let mut source = styled.into_iter().peekable();
        for piece in wrap(&text, f32::from(width), &Columns) {
            let mut spans: Vec<Span<'static>> = Vec::new();
            let mut run = String::new();
            let mut run_style: Option<Style> = None;
            // The breaker only drops spaces at line edges and the line breaks between
            // paragraphs: skip those to stay aligned.
            while source
                .peek()
                .is_some_and(|(c, _)| *c == '\n' || (*c == ' ' && !piece.starts_with(' ')))
            {
                source.next();
            }
            for want in piece.chars() {
                let Some((c, style)) = source.next() else { break };
                debug_assert_eq!(c, want);
                if run_style.is_some_and(|s| s != style) {
                    spans.push(Span::styled(
                        std::mem::take(&mut run),
                        run_style.unwrap_or_default(),
                    ));
                }
                run_style = Some(style);
                run.push(c);
            }
            if !run.is_empty() {
                spans.push(Span::styled(run, run_style.unwrap_or_default()));
            }
            out.push(Line::from(spans));
        }
    }
    out
}

/// Draws wrapped `lines` in `area` from row `scroll` (kept inside the text), with a marker
/// on the last row saying how many rows are above and below when the text does not fit.
pub fn draw_scrolled(
    frame: &mut ratatui::Frame,
    area: ratatui::layout::Rect,
    lines: Vec<Line<'_>>,
    scroll: u16,
    marks: (&str, &str),
    style: Style,
) {
    let wrapped = wrap_lines(lines, area.width);
    let total = wrapped.len();
    let height = usize::from(area.height);
    if height == 0 {
        return;
    }
    let fits = total <= height;
    // One row is kept for the marker when the text is longer than the area.
    let view = if fits { height } else { height - 1 };
    let top = usize::from(scroll).min(total.saturating_sub(view));
    let body = ratatui::layout::Rect::new(area.x, area.y, area.width, view as u16);
    let p = ratatui::widgets::Paragraph::new(wrapped).scroll((top as u16, 0));
    frame.render_widget(p, body);
    if fits {
        return;
    }
    let text = scroll_marks(marks, top, total - top - view);
    let y = area.y + view as u16;
    let w = crate::tui::widgets::text_field::str_width(&text);
    let x = area.right().saturating_sub(w as u16 + 1).max(area.x);
    crate::tui::widgets::text_field::put(frame.buffer_mut(), x, y, &text, usize::from(area.width), style);
}

/// "↑ 2 … / ↓ 5 …": how many rows are hidden above and below, from the two templates (`{}` the
/// count); a side with none is left out, and nothing hidden gives an empty string.
pub fn scroll_marks(marks: (&str, &str), above: usize, below: usize) -> String {
    let mut parts = Vec::new();
    if above > 0 {
        parts.push(marks.0.replacen("{}", &above.to_string(), 1));
    }
    if below > 0 {
        parts.push(marks.1.replacen("{}", &below.to_string(), 1));
    }
    parts.join(" / ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::Stylize;

    #[test]
    fn escapes_and_bidi_controls_never_reach_a_screen() {
        let line = Line::from(vec![
            Span::raw("对方: "),
            Span::raw("\u{1b}]0;PWNED\u{7}\u{1b}[2J10086\u{202E}\nforged"),
        ]);
        let lines: Vec<String> = wrap_lines(vec![line], 40).iter().map(|l| l.to_string()).collect();
        assert_eq!(lines, ["对方: 10086", "forged"]);
    }

    #[test]
    fn keeps_styles_and_punctuation_rules() {
        let line = Line::from(vec![
            Span::raw("内容: ").bold(),
            Span::raw("报案时带上证据，讲清楚七要素：时间、地点、受害人、事情性质、起因、后果、联系方式。"),
        ]);
        let lines = wrap_lines(vec![line], 20);
        assert!(lines.len() > 2);
        assert_eq!(lines[0].spans[0].content, "内容: ");
        assert!(
            lines[0].spans[0]
                .style
                .add_modifier
                .contains(ratatui::style::Modifier::BOLD)
        );
        let joined: String = lines.iter().map(|l| l.to_string()).collect();
        assert_eq!(
            joined,
            "内容: 报案时带上证据，讲清楚七要素：时间、地点、受害人、事情性质、起因、后果、联系方式。"
        );
        for l in &lines {
            let t = l.to_string();
            assert!(!t.starts_with(crate::linebreak::no_start), "{t}");
            assert!(l.width() <= 20, "{t}");
        }
    }
}
