//! Whether a journal line is byte for byte the compact JSON `serde_json` writes for the value
//! read from it, judged without writing it: the value is walked as a serializer would walk
//! it, and each piece is matched against the line where it should stand.
//!
//! This is the canonical-form check every line of every read goes through, so it is built
//! for speed: a string that needs no escaping is matched with one comparison of its bytes,
//! where writing it would look at each byte. Anything it does not judge itself (a string
//! with characters to escape, a float, raw bytes, a map with keys that are not strings) it
//! hands back as [`Verdict::Unsure`], and the caller writes the value with `serde_json` and
//! compares; so its answer is `serde_json`'s answer, only sooner.

use serde::Serialize;
use serde::ser::{self, Impossible};

/// The answer for one line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Verdict {
    /// The line is exactly what `serde_json::to_vec` writes for the value.
    Canonical,
    /// It is not.
    Differs,
    /// The value holds something this check leaves to `serde_json`.
    Unsure,
}

/// Matches `value`, written as compact JSON, against `line` (without its newline).
pub(crate) fn judge<T: Serialize + ?Sized>(value: &T, line: &[u8]) -> Verdict {
    let mut m = Matcher {
        rest: line,
        shown: String::new(),
    };
    match value.serialize(&mut m) {
        Ok(()) if m.rest.is_empty() => Verdict::Canonical,
        Ok(()) | Err(Stop::Differs) => Verdict::Differs,
        Err(Stop::Unsure) => Verdict::Unsure,
    }
}

/// Why the walk stopped early.
#[derive(Debug)]
enum Stop {
    /// A piece is not where it should be.
    Differs,
    /// Something left to `serde_json`.
    Unsure,
}

impl std::fmt::Display for Stop {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Stop::Differs => "the line differs",
            Stop::Unsure => "left to serde_json",
        })
    }
}

impl std::error::Error for Stop {}

impl ser::Error for Stop {
    fn custom<M: std::fmt::Display>(_: M) -> Stop {
        // A value that refuses to be written: let `serde_json` say what it says.
        Stop::Unsure
    }
}

/// Methods of a serializer that leave the value to `serde_json` (see [`Verdict::Unsure`]).
macro_rules! left_to_serde_json {
    ($($method:ident($($arg:ty),*)),* $(,)?) => {$(
        fn $method(self, $(_: $arg),*) -> Result<(), Stop> {
            Err(Stop::Unsure)
        }
    )*};
}

/// Serializer methods for integers, matched as `serde_json` writes them.
macro_rules! integers {
    ($($method:ident($int:ty)),* $(,)?) => {$(
        fn $method(self, v: $int) -> Result<(), Stop> {
            self.integer(v)
        }
    )*};
}

/// What is left of the line to match.
struct Matcher<'a> {
    rest: &'a [u8],
    /// Where a value written with `Display` is put before it is matched (reused).
    shown: String,
}

impl Matcher<'_> {
    /// Takes `piece` from the front of the line.
    fn expect(&mut self, piece: &[u8]) -> Result<(), Stop> {
        match self.rest.strip_prefix(piece) {
            Some(after) => {
                self.rest = after;
                Ok(())
            }
            None => Err(Stop::Differs),
        }
    }

    fn integer(&mut self, v: impl itoa::Integer) -> Result<(), Stop> {
        let mut buf = itoa::Buffer::new();
        self.expect(buf.format(v).as_bytes())
    }

    /// Takes the one byte `b` from the front of the line.
    fn expect_byte(&mut self, b: u8) -> Result<(), Stop> {
        match self.rest.split_first() {
            Some((&first, after)) if first == b => {
                self.rest = after;
                Ok(())
            }
            _ => Err(Stop::Differs),
        }
    }

    /// A string as `serde_json` writes it, when it needs no escape: between quotes, as it is.
    fn string(&mut self, s: &str) -> Result<(), Stop> {
        if needs_escape(s.as_bytes()) {
            return Err(Stop::Unsure);
        }
        let n = s.len();
        let quoted = self.rest.get(..n + 2);
        match quoted.and_then(|q| Some((q.first()?, q.get(1..=n)?, q.last()?))) {
            Some((b'"', inner, b'"')) if inner == s.as_bytes() => {
                self.rest = self.rest.get(n + 2..).unwrap_or_default();
                Ok(())
            }
            _ => Err(Stop::Differs),
        }
    }
}

/// True when `serde_json` writes some byte of `b` as an escape: a quote, a backslash or a
/// control code below 0x20 (tested eight bytes at a time).
fn needs_escape(b: &[u8]) -> bool {
    use crate::bytescan::{any_byte, has_below, has_byte};
    any_byte(
        b,
        b' ',
        |w| has_below(w, 0x20) || has_byte(w, b'"') || has_byte(w, b'\\'),
        |i| b.get(i).is_some_and(|&c| c < 0x20 || c == b'"' || c == b'\\'),
    )
}

/// The punctuation between the members of an array or an object.
struct Members<'m, 'a> {
    m: &'m mut Matcher<'a>,
    first: bool,
    close: &'static [u8],
}

impl Members<'_, '_> {
    fn comma(&mut self) -> Result<(), Stop> {
        if self.first {
            self.first = false;
            Ok(())
        } else {
            self.m.expect_byte(b',')
        }
    }

    fn end(self) -> Result<(), Stop> {
        self.m.expect(self.close)
    }

    fn field<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) -> Result<(), Stop> {
        self.comma()?;
        self.m.string(key)?;
        self.m.expect_byte(b':')?;
        value.serialize(&mut *self.m)
    }

    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Stop> {
        self.comma()?;
        value.serialize(&mut *self.m)
    }
}

impl<'m, 'a> ser::Serializer for &'m mut Matcher<'a> {
    type Ok = ();
    type Error = Stop;
    type SerializeSeq = Members<'m, 'a>;
    type SerializeTuple = Members<'m, 'a>;
    type SerializeTupleStruct = Members<'m, 'a>;
    type SerializeTupleVariant = Members<'m, 'a>;
    type SerializeMap = Members<'m, 'a>;
    type SerializeStruct = Members<'m, 'a>;
    type SerializeStructVariant = Members<'m, 'a>;

    fn serialize_bool(self, v: bool) -> Result<(), Stop> {
        self.expect(if v { b"true" } else { b"false" })
    }
    integers!(
        serialize_i8(i8),
        serialize_i16(i16),
        serialize_i32(i32),
        serialize_i64(i64),
        serialize_i128(i128),
        serialize_u8(u8),
        serialize_u16(u16),
        serialize_u32(u32),
        serialize_u64(u64),
        serialize_u128(u128),
    );
    left_to_serde_json!(serialize_f32(f32), serialize_f64(f64), serialize_bytes(&[u8]));
    fn serialize_char(self, v: char) -> Result<(), Stop> {
        self.string(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(self, v: &str) -> Result<(), Stop> {
        self.string(v)
    }
    fn collect_str<T: std::fmt::Display + ?Sized>(self, value: &T) -> Result<(), Stop> {
        use std::fmt::Write as _;
        let mut shown = std::mem::take(&mut self.shown);
        shown.clear();
        let matched = match write!(shown, "{value}") {
            Ok(()) => self.string(&shown),
            Err(_) => Err(Stop::Unsure),
        };
        self.shown = shown;
        matched
    }
    fn serialize_none(self) -> Result<(), Stop> {
        self.expect(b"null")
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Stop> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Stop> {
        self.expect(b"null")
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Stop> {
        self.expect(b"null")
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Result<(), Stop> {
        self.string(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, value: &T) -> Result<(), Stop> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Stop> {
        self.expect_byte(b'{')?;
        self.string(variant)?;
        self.expect_byte(b':')?;
        value.serialize(&mut *self)?;
        self.expect_byte(b'}')
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Members<'m, 'a>, Stop> {
        members(self, None, b'[', b"]")
    }
    fn serialize_tuple(self, len: usize) -> Result<Members<'m, 'a>, Stop> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _: &'static str, len: usize) -> Result<Members<'m, 'a>, Stop> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Members<'m, 'a>, Stop> {
        members(self, Some(variant), b'[', b"]}")
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Members<'m, 'a>, Stop> {
        members(self, None, b'{', b"}")
    }
    fn serialize_struct(self, _: &'static str, len: usize) -> Result<Members<'m, 'a>, Stop> {
        self.serialize_map(Some(len))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Members<'m, 'a>, Stop> {
        members(self, Some(variant), b'{', b"}}")
    }
}

/// The opening of an array or an object (`open`), inside `{"variant":` for an enum variant,
/// and what will close it.
fn members<'m, 'a>(
    m: &'m mut Matcher<'a>,
    variant: Option<&str>,
    open: u8,
    close: &'static [u8],
) -> Result<Members<'m, 'a>, Stop> {
    if let Some(v) = variant {
        m.expect_byte(b'{')?;
        m.string(v)?;
        m.expect_byte(b':')?;
    }
    m.expect_byte(open)?;
    Ok(Members {
        m,
        first: true,
        close,
    })
}

/// The members of an array (a sequence, a tuple, a tuple struct or a tuple variant): each
/// after a comma.
macro_rules! array_members {
    ($($kind:ident::$add:ident),* $(,)?) => {$(
        impl ser::$kind for Members<'_, '_> {
            type Ok = ();
            type Error = Stop;
            fn $add<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Stop> {
                self.element(value)
            }
            fn end(self) -> Result<(), Stop> {
                Members::end(self)
            }
        }
    )*};
}

array_members!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field,
);

impl ser::SerializeMap for Members<'_, '_> {
    type Ok = ();
    type Error = Stop;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Stop> {
        self.comma()?;
        key.serialize(KeyOnly { m: &mut *self.m })?;
        self.m.expect_byte(b':')
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Stop> {
        value.serialize(&mut *self.m)
    }
    fn end(self) -> Result<(), Stop> {
        Members::end(self)
    }
}

/// The fields of an object (a struct or a struct variant): each `"name":value` after a comma.
macro_rules! object_fields {
    ($($kind:ident),* $(,)?) => {$(
        impl ser::$kind for Members<'_, '_> {
            type Ok = ();
            type Error = Stop;
            fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), Stop> {
                self.field(key, value)
            }
            fn end(self) -> Result<(), Stop> {
                Members::end(self)
            }
        }
    )*};
}

object_fields!(SerializeStruct, SerializeStructVariant);

/// A map key: only a string is judged here (`serde_json` also writes numbers and a few
/// other keys as strings; those are left to it).
struct KeyOnly<'m, 'a> {
    m: &'m mut Matcher<'a>,
}

impl ser::Serializer for KeyOnly<'_, '_> {
    type Ok = ();
    type Error = Stop;
    type SerializeSeq = Impossible<(), Stop>;
    type SerializeTuple = Impossible<(), Stop>;
    type SerializeTupleStruct = Impossible<(), Stop>;
    type SerializeTupleVariant = Impossible<(), Stop>;
    type SerializeMap = Impossible<(), Stop>;
    type SerializeStruct = Impossible<(), Stop>;
    type SerializeStructVariant = Impossible<(), Stop>;

    fn serialize_str(self, v: &str) -> Result<(), Stop> {
        self.m.string(v)
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Result<(), Stop> {
        self.m.string(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, value: &T) -> Result<(), Stop> {
        value.serialize(self)
    }
    left_to_serde_json!(
        serialize_bool(bool),
        serialize_i8(i8),
        serialize_i16(i16),
        serialize_i32(i32),
        serialize_i64(i64),
        serialize_u8(u8),
        serialize_u16(u16),
        serialize_u32(u32),
        serialize_u64(u64),
        serialize_f32(f32),
        serialize_f64(f64),
        serialize_char(char),
        serialize_bytes(&[u8]),
        serialize_none(),
        serialize_unit(),
        serialize_unit_struct(&'static str),
    );
    fn serialize_some<T: Serialize + ?Sized>(self, _: &T) -> Result<(), Stop> {
        Err(Stop::Unsure)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), Stop> {
        Err(Stop::Unsure)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, Stop> {
        Err(Stop::Unsure)
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Stop> {
        Err(Stop::Unsure)
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeTupleStruct, Stop> {
        Err(Stop::Unsure)
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Stop> {
        Err(Stop::Unsure)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Stop> {
        Err(Stop::Unsure)
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeStruct, Stop> {
        Err(Stop::Unsure)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Stop> {
        Err(Stop::Unsure)
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use proptest::prelude::*;
    use serde::Serialize;

    use super::*;

    #[derive(Debug, Clone, Serialize)]
    #[serde(rename_all = "snake_case")]
    enum Kind {
        Call,
        Sms,
    }

    #[derive(Debug, Clone, Serialize)]
    struct Inner {
        text: String,
        n: u64,
        #[serde(skip_serializing_if = "Option::is_none")]
        lost: Option<i64>,
        flags: Vec<Kind>,
    }

    #[derive(Debug, Clone, Serialize)]
    #[serde(tag = "type", rename_all = "snake_case")]
    enum Event {
        Added {
            id: String,
            #[serde(flatten)]
            inner: Inner,
        },
        Ticked {
            item: String,
            done: bool,
        },
        Noted {
            by: BTreeMap<String, Option<u8>>,
            pair: (char, i32),
            kinds: Vec<Kind>,
        },
    }

    #[derive(Debug, Clone, Serialize)]
    enum Outer {
        Unit,
        New(Kind),
        Tuple(u8, String),
        Struct { a: bool },
    }

    #[derive(Debug, Clone, Serialize)]
    struct Line {
        seq: u64,
        event: Event,
        outer: Outer,
        unit: (),
    }

    fn text() -> impl Strategy<Value = String> {
        // Mostly text that needs no escape, sometimes quotes, backslashes and controls.
        prop_oneof![
            4 => "[a-z0-9 +@.对方自称客服，：“”—…]{0,30}",
            1 => "(\\PC|[\"\\\\\u{0}-\u{1f}\u{7f}])*",
        ]
    }

    fn kind() -> impl Strategy<Value = Kind> {
        prop_oneof![Just(Kind::Call), Just(Kind::Sms)]
    }

    fn event() -> impl Strategy<Value = Event> {
        prop_oneof![
            (
                text(),
                text(),
                any::<u64>(),
                proptest::option::of(any::<i64>()),
                proptest::collection::vec(kind(), 0..3)
            )
                .prop_map(|(id, text, n, lost, flags)| Event::Added {
                    id,
                    inner: Inner { text, n, lost, flags },
                }),
            (text(), any::<bool>()).prop_map(|(item, done)| Event::Ticked { item, done }),
            (
                proptest::collection::btree_map(text(), proptest::option::of(any::<u8>()), 0..3),
                any::<char>(),
                any::<i32>(),
                proptest::collection::vec(kind(), 0..3)
            )
                .prop_map(|(by, c, i, kinds)| Event::Noted {
                    by,
                    pair: (c, i),
                    kinds,
                }),
        ]
    }

    fn outer() -> impl Strategy<Value = Outer> {
        prop_oneof![
            Just(Outer::Unit),
            kind().prop_map(Outer::New),
            (any::<u8>(), text()).prop_map(|(a, b)| Outer::Tuple(a, b)),
            any::<bool>().prop_map(|a| Outer::Struct { a }),
        ]
    }

    fn line() -> impl Strategy<Value = Line> {
        (any::<u64>(), event(), outer()).prop_map(|(seq, event, outer)| Line {
            seq,
            event,
            outer,
            unit: (),
        })
    }

    proptest! {
        /// What serde_json writes is judged canonical, or left to serde_json; never refused.
        #[test]
        fn serde_json_output_is_never_refused(v in line()) {
            let written = serde_json::to_vec(&v).expect("json");
            let verdict = judge(&v, &written);
            prop_assert!(verdict != Verdict::Differs, "{}", String::from_utf8_lossy(&written));
            // Without a backslash no string needed an escape, so nothing was left to serde_json.
            if !written.contains(&b'\\') {
                prop_assert_eq!(verdict, Verdict::Canonical);
            }
        }

        /// A line changed anywhere (a byte replaced, added or removed) is never judged
        /// canonical for the value.
        #[test]
        fn a_changed_line_is_never_canonical(v in line(), at in any::<prop::sample::Index>(), byte in any::<u8>(), how in 0..3u8) {
            let mut changed = serde_json::to_vec(&v).expect("json");
            let i = at.index(changed.len());
            match how {
                0 if changed[i] != byte => changed[i] = byte,
                0 => return Ok(()),
                1 => changed.insert(i, byte),
                _ => {
                    changed.remove(i);
                }
            }
            prop_assert_ne!(judge(&v, &changed), Verdict::Canonical);
        }
    }

    #[test]
    fn the_verdicts_on_small_cases() {
        #[derive(Serialize)]
        struct S {
            a: &'static str,
            b: Option<u8>,
        }
        let v = S { a: "对方", b: None };
        assert_eq!(
            judge(&v, r#"{"a":"对方","b":null}"#.as_bytes()),
            Verdict::Canonical
        );
        assert_eq!(
            judge(&v, r#"{"a":"对方","b":null} "#.as_bytes()),
            Verdict::Differs
        );
        assert_eq!(judge(&v, r#"{"b":null,"a":"对方"}"#.as_bytes()), Verdict::Differs);
        assert_eq!(
            judge(&v, r#"{"a":"\u5bf9方","b":null}"#.as_bytes()),
            Verdict::Differs
        );
        assert_eq!(
            judge(&v, r#"{"a": "对方","b":null}"#.as_bytes()),
            Verdict::Differs
        );
        let quoted = S {
            a: "a\"b",
            b: Some(1),
        };
        assert_eq!(
            judge(&quoted, r#"{"a":"a\"b","b":1}"#.as_bytes()),
            Verdict::Unsure
        );
        assert_eq!(judge(&1.5f64, b"1.5"), Verdict::Unsure);
    }
}
