//! A small set of kinds of contact or of things they knew, held as bits: what a lead gathers
//! from all its entries. It reads like the `BTreeSet` it stands in for (`iter` in order,
//! `contains`, `len`, `extend`) and is written to JSON the same way (a sorted array), but
//! takes two bytes and no allocation, which counts when a large case has tens of thousands
//! of leads.

use std::fmt;
use std::marker::PhantomData;

use serde::ser::{Serialize, SerializeSeq, Serializer};

use super::event::{EvidenceKind, Knew};

/// A value a [`Flags`] set can hold: one of a fixed list of at most sixteen, in order.
pub trait Flag: Copy + Ord + 'static {
    /// Every value, in the order of `Ord` (the order a `BTreeSet` iterates in).
    const ALL: &'static [Self];
    /// The value's place in [`Flag::ALL`].
    fn bit(self) -> u8;
}

impl Flag for EvidenceKind {
    const ALL: &'static [EvidenceKind] = &EvidenceKind::ALL;
    fn bit(self) -> u8 {
        self as u8
    }
}

impl Flag for Knew {
    const ALL: &'static [Knew] = &Knew::ALL;
    fn bit(self) -> u8 {
        self as u8
    }
}

/// A set of [`Flag`] values.
pub struct Flags<T> {
    bits: u16,
    of: PhantomData<T>,
}

/// The kinds of contact of a lead.
pub type KindSet = Flags<EvidenceKind>;
/// What they knew, across a lead's entries.
pub type KnewSet = Flags<Knew>;

impl<T: Flag> Flags<T> {
    /// The empty set.
    pub const fn new() -> Flags<T> {
        Flags {
            bits: 0,
            of: PhantomData,
        }
    }

    fn mask(v: T) -> u16 {
        1u16.checked_shl(u32::from(v.bit())).unwrap_or(0)
    }

    /// Adds `v`; true when it was not there yet.
    pub fn insert(&mut self, v: T) -> bool {
        let had = self.contains(&v);
        self.bits |= Self::mask(v);
        !had
    }

    /// Whether `v` is in the set.
    pub fn contains(&self, v: &T) -> bool {
        self.bits & Self::mask(*v) != 0
    }

    /// How many values.
    pub fn len(&self) -> usize {
        self.bits.count_ones() as usize
    }

    /// True when the set holds nothing.
    pub fn is_empty(&self) -> bool {
        self.bits == 0
    }

    /// The values in order.
    pub fn iter(&self) -> impl Iterator<Item = &'static T> + use<T> {
        let bits = self.bits;
        T::ALL.iter().filter(move |v| bits & Self::mask(**v) != 0)
    }
}

impl<T> Clone for Flags<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Flags<T> {}

impl<T> Default for Flags<T> {
    fn default() -> Self {
        Flags {
            bits: 0,
            of: PhantomData,
        }
    }
}

impl<T> PartialEq for Flags<T> {
    fn eq(&self, other: &Self) -> bool {
        self.bits == other.bits
    }
}

impl<T> Eq for Flags<T> {}

impl<T: Flag + fmt::Debug> fmt::Debug for Flags<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.iter()).finish()
    }
}

impl<T: Flag> Extend<T> for Flags<T> {
    fn extend<I: IntoIterator<Item = T>>(&mut self, iter: I) {
        for v in iter {
            self.insert(v);
        }
    }
}

impl<'a, T: Flag> Extend<&'a T> for Flags<T> {
    fn extend<I: IntoIterator<Item = &'a T>>(&mut self, iter: I) {
        self.extend(iter.into_iter().copied());
    }
}

impl<T: Flag> FromIterator<T> for Flags<T> {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Self {
        let mut s = Flags::new();
        s.extend(iter);
        s
    }
}

impl<T: Flag, const N: usize> From<[T; N]> for Flags<T> {
    fn from(values: [T; N]) -> Self {
        values.into_iter().collect()
    }
}

impl<'a, T: Flag> IntoIterator for &'a Flags<T> {
    type Item = &'static T;
    type IntoIter = Box<dyn Iterator<Item = &'static T> + 'a>;

    fn into_iter(self) -> Self::IntoIter {
        Box::new(self.iter())
    }
}

impl<T: Flag + Serialize> Serialize for Flags<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.len()))?;
        for v in self.iter() {
            seq.serialize_element(v)?;
        }
        seq.end()
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    fn same_as_btreeset<T: Flag + Serialize + fmt::Debug>() {
        assert!(T::ALL.len() <= 16);
        for (i, v) in T::ALL.iter().enumerate() {
            assert_eq!(usize::from(v.bit()), i, "{v:?} is in its place");
        }
        assert!(T::ALL.windows(2).all(|w| w[0] < w[1]), "ALL is in Ord order");
        for pick in 0u32..(1 << T::ALL.len()) {
            let chosen = T::ALL
                .iter()
                .enumerate()
                .filter(|(i, _)| pick & (1 << i) != 0)
                .map(|(_, v)| *v);
            // Inserted backwards, and twice: the order and the count are the set's own.
            let tree: BTreeSet<T> = chosen.clone().rev().chain(chosen.clone()).collect();
            let flags: Flags<T> = chosen.clone().rev().chain(chosen).collect();
            assert_eq!(flags.len(), tree.len());
            assert_eq!(flags.is_empty(), tree.is_empty());
            assert!(flags.iter().eq(tree.iter()));
            assert!(T::ALL.iter().all(|v| flags.contains(v) == tree.contains(v)));
            assert_eq!(
                serde_json::to_string(&flags).expect("json"),
                serde_json::to_string(&tree).expect("json")
            );
            assert_eq!(format!("{flags:?}"), format!("{tree:?}"));
        }
    }

    #[test]
    fn kinds_and_knew_read_and_print_as_their_btreesets() {
        same_as_btreeset::<EvidenceKind>();
        same_as_btreeset::<Knew>();
        let mut k = KnewSet::new();
        assert!(k.insert(Knew::Phone));
        assert!(!k.insert(Knew::Phone));
        assert_eq!(k, [Knew::Phone].into());
    }
}
