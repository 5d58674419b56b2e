//! The counterparts of a case, each held once under its comparison key
//! ([`counterpart_key`](crate::evidence::phone::counterpart_key)) with a small number, and how many
//! live entries name it. The key of an entry's counterpart is worked out once, when the entry
//! is folded in; counting, the leads and the wizard's filter then compare numbers.

use crate::evidence::phone::write_counterpart_key;

/// The number of one counterpart key in a [`Counterparts`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CounterpartId(u32);

impl CounterpartId {
    /// Its place in a list of keys, from 0.
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// One key, whether it is a phone number's, and its live count.
#[derive(Clone, Debug)]
struct Known {
    key: Box<str>,
    phone: bool,
    live: usize,
}

/// Every counterpart key met, in the order first met.
#[derive(Clone, Debug, Default)]
pub struct Counterparts {
    ids: foldhash::HashMap<Box<str>, CounterpartId>,
    known: Vec<Known>,
    /// Where a key is worked out before it is looked up: only a new key is copied.
    scratch: String,
}

impl Counterparts {
    /// The number of the key of `text`, given one if the key is new.
    pub fn id_of(&mut self, text: &str) -> CounterpartId {
        let phone = write_counterpart_key(text, &mut self.scratch);
        if let Some(&id) = self.ids.get(self.scratch.as_str()) {
            return id;
        }
        let id = CounterpartId(u32::try_from(self.known.len()).unwrap_or(u32::MAX));
        let key: Box<str> = self.scratch.as_str().into();
        self.known.push(Known {
            key: key.clone(),
            phone,
            live: 0,
        });
        self.ids.insert(key, id);
        id
    }

    /// The number of the key of `text`, if any entry has had it.
    pub fn find(&self, text: &str) -> Option<CounterpartId> {
        let mut key = String::new();
        write_counterpart_key(text, &mut key);
        self.ids.get(key.as_str()).copied()
    }

    /// The key.
    pub fn key(&self, id: CounterpartId) -> &str {
        self.known.get(id.index()).map_or("", |k| &k.key)
    }

    /// True when the key is a phone number's.
    pub fn is_phone(&self, id: CounterpartId) -> bool {
        self.known.get(id.index()).is_some_and(|k| k.phone)
    }

    /// How many live entries name it.
    pub fn live(&self, id: CounterpartId) -> usize {
        self.known.get(id.index()).map_or(0, |k| k.live)
    }

    /// How many keys there are.
    pub fn len(&self) -> usize {
        self.known.len()
    }

    /// True when no key has been met.
    pub fn is_empty(&self) -> bool {
        self.known.is_empty()
    }

    /// One more live entry names it.
    pub fn count_in(&mut self, id: CounterpartId) {
        if let Some(k) = self.known.get_mut(id.index()) {
            k.live += 1;
        }
    }

    /// One live entry fewer names it.
    pub fn count_out(&mut self, id: CounterpartId) {
        if let Some(k) = self.known.get_mut(id.index()) {
            k.live = k.live.saturating_sub(1);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_number_written_three_ways_is_one_id_and_others_are_new() {
        let mut c = Counterparts::default();
        let a = c.id_of("+86 170 1234 5678");
        assert_eq!(c.id_of("１７０１２３４５６７８"), a);
        assert_eq!(c.id_of("170\u{200B}1234 5678"), a);
        let mail = c.id_of(" Scam@Example.com");
        assert_ne!(mail, a);
        assert_eq!((c.key(a), c.is_phone(a)), ("17012345678", true));
        assert_eq!((c.key(mail), c.is_phone(mail)), ("scam@example.com", false));
        assert_eq!(c.find("scam@example.COM"), Some(mail));
        assert_eq!(c.find("13800138000"), None);
        c.count_in(a);
        c.count_in(a);
        c.count_out(a);
        c.count_out(mail);
        assert_eq!((c.live(a), c.live(mail), c.len()), (1, 0, 2));
    }
}
