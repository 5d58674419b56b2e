//! A page's drawing operations written compactly, the drawing unchanged: coordinates to
//! 0.01 pt, a colour, line width or font set only when it changes, and consecutive lines of
//! text in one text object, each placed relative to the line before (`0 -16.8 Td` repeats
//! and compresses to almost nothing, where absolute positions do not). The packet's
//! content streams shrink by about a fifth.

use printpdf::{Line, LinePoint, Op, Point, Pt, Rect};

/// Hundredths of a point: the precision every position is written with (far below what a
/// printer or screen shows).
fn hundredths(v: f32) -> i64 {
    (f64::from(v) * 100.0).round() as i64
}

fn points(h: i64) -> Pt {
    Pt((h as f64 / 100.0) as f32)
}

fn round(v: Pt) -> Pt {
    points(hundredths(v.0))
}

fn round_point(p: Point) -> Point {
    Point {
        x: round(p.x),
        y: round(p.y),
    }
}

/// The graphics state the operations set, as the operations that set it.
#[derive(Clone, Default)]
struct State {
    fill: Option<Op>,
    stroke: Option<Op>,
    width: Option<Op>,
    font: Option<Op>,
}

impl State {
    /// The slot `op` sets, if it is one of the state operations tracked.
    fn slot(&mut self, op: &Op) -> Option<&mut Option<Op>> {
        match op {
            Op::SetFillColor { .. } => Some(&mut self.fill),
            Op::SetOutlineColor { .. } => Some(&mut self.stroke),
            Op::SetOutlineThickness { .. } => Some(&mut self.width),
            Op::SetFont { .. } => Some(&mut self.font),
            _ => None,
        }
    }
}

/// `ops` (one page) written compactly; what the page shows is the same, to 0.01 pt.
pub fn compact(ops: Vec<Op>) -> Vec<Op> {
    let mut out = Vec::with_capacity(ops.len());
    let mut state = State::default();
    let mut saved: Vec<State> = Vec::new();
    // Inside a text object: the start of the current text line, in hundredths of a point.
    let mut line: Option<(i64, i64)> = None;
    // The text object was ended in the input but left open here, to be continued if the
    // next text object follows with only colour or font changes in between.
    let mut end_pending = false;
    // A continued text object whose input started afresh at the origin: the next line
    // must be placed there unless a position comes first.
    let mut at_origin = false;
    for op in ops {
        match op {
            Op::StartTextSection => {
                if end_pending {
                    end_pending = false;
                    at_origin = true;
                } else {
                    out.push(Op::StartTextSection);
                    line = Some((0, 0));
                    at_origin = false;
                }
            }
            Op::EndTextSection => end_pending = true,
            Op::SetTextCursor { pos } => {
                let to = (hundredths(pos.x.0), hundredths(pos.y.0));
                let from = line.unwrap_or((0, 0));
                out.push(Op::SetTextCursor {
                    pos: Point {
                        x: points(to.0 - from.0),
                        y: points(to.1 - from.1),
                    },
                });
                if line.is_some() {
                    line = Some(to);
                }
                at_origin = false;
            }
            Op::ShowText { .. } => {
                if at_origin && let Some(from) = line {
                    out.push(Op::SetTextCursor {
                        pos: Point {
                            x: points(-from.0),
                            y: points(-from.1),
                        },
                    });
                    line = Some((0, 0));
                }
                at_origin = false;
                out.push(op);
            }
            Op::SetFillColor { .. } | Op::SetOutlineColor { .. } | Op::SetFont { .. } => {
                set(&mut state, &mut out, op);
            }
            Op::SetOutlineThickness { pt } => {
                set(&mut state, &mut out, Op::SetOutlineThickness { pt: round(pt) });
            }
            other => {
                if end_pending {
                    out.push(Op::EndTextSection);
                    end_pending = false;
                    line = None;
                }
                match &other {
                    Op::SaveGraphicsState => saved.push(state.clone()),
                    Op::RestoreGraphicsState => state = saved.pop().unwrap_or_default(),
                    _ => {}
                }
                out.push(round_shape(other));
            }
        }
    }
    if end_pending {
        out.push(Op::EndTextSection);
    }
    out
}

/// Push a state operation unless the state already holds it.
fn set(state: &mut State, out: &mut Vec<Op>, op: Op) {
    if let Some(slot) = state.slot(&op) {
        if slot.as_ref() == Some(&op) {
            return;
        }
        *slot = Some(op.clone());
    }
    out.push(op);
}

/// Lines and rectangles with their coordinates to 0.01 pt; anything else as it is.
fn round_shape(op: Op) -> Op {
    match op {
        Op::DrawLine { line } => Op::DrawLine {
            line: Line {
                points: line
                    .points
                    .into_iter()
                    .map(|p| LinePoint {
                        p: round_point(p.p),
                        bezier: p.bezier,
                    })
                    .collect(),
                is_closed: line.is_closed,
            },
        },
        Op::DrawRectangle { rectangle } => Op::DrawRectangle {
            rectangle: Rect {
                x: round(rectangle.x),
                y: round(rectangle.y),
                width: round(rectangle.width),
                height: round(rectangle.height),
                ..rectangle
            },
        },
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use printpdf::{Color, FontId, Greyscale, PaintMode, PdfFontHandle, TextItem};
    use proptest::prelude::*;

    /// What a reader draws: every text run with its position (hundredths of a point), fill
    /// grey and font size; every line with its ends, stroke grey and width.
    #[derive(Debug, PartialEq)]
    enum Mark {
        Text(String, (i64, i64), String, String),
        Line(Vec<(i64, i64)>, String, String),
        Rect([i64; 4], String),
    }

    /// Interpret `ops` the way a PDF reader does (text line matrix, graphics state stack).
    fn marks(ops: &[Op]) -> Vec<Mark> {
        let mut fill = String::from("none");
        let mut stroke = String::from("none");
        let mut width = String::from("none");
        let mut font = String::from("none");
        let mut stack = Vec::new();
        let mut line = (0i64, 0i64);
        let mut out = Vec::new();
        let pt = |p: &Point| (hundredths(p.x.0), hundredths(p.y.0));
        for op in ops {
            match op {
                Op::StartTextSection => line = (0, 0),
                Op::SetTextCursor { pos } => {
                    let (dx, dy) = pt(pos);
                    line = (line.0 + dx, line.1 + dy);
                }
                Op::ShowText { items } => {
                    out.push(Mark::Text(format!("{items:?}"), line, fill.clone(), font.clone()))
                }
                Op::SetFillColor { col } => fill = format!("{col:?}"),
                Op::SetOutlineColor { col } => stroke = format!("{col:?}"),
                Op::SetOutlineThickness { pt } => width = format!("{}", hundredths(pt.0)),
                Op::SetFont { font: f, size } => font = format!("{f:?} {}", size.0),
                Op::SaveGraphicsState => stack.push((fill.clone(), stroke.clone(), width.clone())),
                Op::RestoreGraphicsState => {
                    if let Some((f, s, w)) = stack.pop() {
                        (fill, stroke, width) = (f, s, w);
                    }
                }
                Op::DrawLine { line: l } => out.push(Mark::Line(
                    l.points.iter().map(|p| pt(&p.p)).collect(),
                    stroke.clone(),
                    width.clone(),
                )),
                Op::DrawRectangle { rectangle: r } => out.push(Mark::Rect(
                    [r.x, r.y, r.width, r.height].map(|v| hundredths(v.0)),
                    fill.clone(),
                )),
                _ => {}
            }
        }
        out
    }

    fn grey(g: f32) -> Color {
        Color::Greyscale(Greyscale::new(g, None))
    }

    /// One drawing call of the page canvas, as the operations it pushes.
    fn text(x: f32, y: f32, size: f32, s: &str, g: f32) -> Vec<Op> {
        let mut ops = vec![Op::StartTextSection];
        if g > 0.0 {
            ops.push(Op::SetFillColor { col: grey(g) });
        }
        ops.push(Op::SetFont {
            font: PdfFontHandle::External(FontId("F".into())),
            size: Pt(size),
        });
        ops.push(Op::SetTextCursor {
            pos: Point { x: Pt(x), y: Pt(y) },
        });
        ops.push(Op::ShowText {
            items: vec![TextItem::Text(s.into())],
        });
        ops.push(Op::EndTextSection);
        if g > 0.0 {
            ops.push(Op::SetFillColor { col: grey(0.0) });
        }
        ops
    }

    fn rule(a: (f32, f32), b: (f32, f32), w: f32, g: f32) -> Vec<Op> {
        let p = |(x, y): (f32, f32)| LinePoint {
            p: Point { x: Pt(x), y: Pt(y) },
            bezier: false,
        };
        vec![
            Op::SetOutlineColor { col: grey(g) },
            Op::SetOutlineThickness { pt: Pt(w) },
            Op::DrawLine {
                line: Line {
                    points: vec![p(a), p(b)],
                    is_closed: false,
                },
            },
        ]
    }

    fn boxed(x: f32, y: f32, g: f32) -> Vec<Op> {
        vec![
            Op::SetFillColor { col: grey(g) },
            Op::DrawRectangle {
                rectangle: Rect {
                    x: Pt(x),
                    y: Pt(y),
                    width: Pt(100.123),
                    height: Pt(15.8),
                    mode: Some(PaintMode::Fill),
                    winding_order: None,
                },
            },
            Op::SetFillColor { col: grey(0.0) },
        ]
    }

    fn count(ops: &[Op], f: impl Fn(&Op) -> bool) -> usize {
        ops.iter().filter(|o| f(o)).count()
    }

    #[test]
    fn a_table_row_draws_the_same_with_fewer_operations() {
        let mut page = Vec::new();
        page.extend(text(70.86614, 754.86615, 9.0, "标题", 0.25));
        page.extend(text(70.86614, 740.4661, 9.0, "第二行", 0.25));
        page.extend(boxed(70.86614, 715.2661, 0.88));
        for x in [70.86614, 109.638885, 181.64539] {
            page.extend(rule((x, 731.0661), (x, 715.2661), 0.4, 0.4));
        }
        page.extend(text(73.36614, 720.5661, 8.0, "序号", 0.0));
        page.extend(text(112.138885, 720.5661, 8.0, "时间", 0.0));
        page.extend(text(112.138885, 709.7661, 8.0, "地点", 0.0));
        let out = compact(page.clone());
        assert_eq!(marks(&out), marks(&page));
        // Two text objects (before and after the shapes), not five.
        assert_eq!(count(&out, |o| matches!(o, Op::StartTextSection)), 2);
        assert_eq!(count(&out, |o| matches!(o, Op::EndTextSection)), 2);
        // The rules' grey and width once, the fonts once per size.
        assert_eq!(count(&out, |o| matches!(o, Op::SetOutlineThickness { .. })), 1);
        assert_eq!(count(&out, |o| matches!(o, Op::SetOutlineColor { .. })), 1);
        assert_eq!(count(&out, |o| matches!(o, Op::SetFont { .. })), 2);
        // The third line of the last object moves down one line, relative to the second.
        assert!(out.iter().any(|o| matches!(o,
            Op::SetTextCursor { pos } if pos.x.0 == 0.0 && pos.y.0 == -10.8)));
        // Every coordinate written has at most two decimals.
        for o in &out {
            if let Op::SetTextCursor { pos } = o {
                for v in [pos.x.0, pos.y.0] {
                    let s = v.to_string();
                    assert!(s.split('.').nth(1).is_none_or(|d| d.len() <= 2), "{s}");
                }
            }
        }
    }

    #[test]
    fn a_picture_between_text_keeps_its_own_state() {
        let mut page = text(10.0, 20.0, 9.0, "a", 0.0);
        page.push(Op::SaveGraphicsState);
        page.extend(rule((0.0, 0.0), (5.0, 5.0), 2.0, 0.5));
        page.push(Op::RestoreGraphicsState);
        page.extend(rule((0.0, 0.0), (5.0, 5.0), 2.0, 0.5));
        page.extend(text(10.0, 20.0, 9.0, "b", 0.0));
        let out = compact(page.clone());
        assert_eq!(marks(&out), marks(&page));
        // After the restore the rule sets its grey and width again.
        assert_eq!(count(&out, |o| matches!(o, Op::SetOutlineThickness { .. })), 2);
    }

    #[derive(Debug, Clone)]
    enum Call {
        Text(f32, f32, u8, f32),
        Rule(f32, f32, f32),
        Fill(f32, f32, f32),
        Picture,
    }

    fn call() -> impl Strategy<Value = Call> {
        let c = 0.0f32..842.0;
        let g = prop::sample::select(vec![0.0f32, 0.25, 0.4, 0.88]);
        prop_oneof![
            (c.clone(), c.clone(), 6u8..14, g.clone()).prop_map(|(x, y, s, g)| Call::Text(x, y, s, g)),
            (c.clone(), c.clone(), g.clone()).prop_map(|(x, y, g)| Call::Rule(x, y, g)),
            (c.clone(), c, g).prop_map(|(x, y, g)| Call::Fill(x, y, g)),
            Just(Call::Picture),
        ]
    }

    proptest! {
        #[test]
        fn any_page_draws_the_same(calls in prop::collection::vec(call(), 0..40)) {
            let mut page = Vec::new();
            for c in calls {
                match c {
                    Call::Text(x, y, s, g) => page.extend(text(x, y, f32::from(s), "字", g)),
                    Call::Rule(x, y, g) => page.extend(rule((x, y), (y, x), 0.4, g)),
                    Call::Fill(x, y, g) => page.extend(boxed(x, y, g)),
                    Call::Picture => {
                        page.push(Op::SaveGraphicsState);
                        page.push(Op::SetFillColor { col: grey(0.5) });
                        page.push(Op::RestoreGraphicsState);
                    }
                }
            }
            let out = compact(page.clone());
            prop_assert_eq!(marks(&out), marks(&page));
            // Text objects are balanced and never hold a shape.
            let mut open = false;
            for o in &out {
                match o {
                    Op::StartTextSection => { prop_assert!(!open); open = true; }
                    Op::EndTextSection => { prop_assert!(open); open = false; }
                    Op::DrawLine { .. } | Op::DrawRectangle { .. } | Op::SaveGraphicsState
                    | Op::RestoreGraphicsState => prop_assert!(!open),
                    _ => {}
                }
            }
            prop_assert!(!open);
        }
    }
}
