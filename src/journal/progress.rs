//! How far a fold of the journal has read, for a screen that shows "Reading… 60%": a hook
//! set on the reading thread is told the bytes read so far. Nothing is reported when no hook
//! is set (every other reader), and the hook never changes what is read.

use std::cell::RefCell;
use std::io::{self, Read};

type Hook = Box<dyn FnMut(u64)>;

thread_local! {
    static HOOK: RefCell<Option<Hook>> = const { RefCell::new(None) };
}

/// Runs `work` on this thread with `hook` told the bytes read from the journal so far
/// (once per buffer filled), then removes the hook.
pub fn with_read_progress<T>(hook: impl FnMut(u64) + 'static, work: impl FnOnce() -> T) -> T {
    HOOK.with(|h| *h.borrow_mut() = Some(Box::new(hook)));
    let out = work();
    HOOK.with(|h| *h.borrow_mut() = None);
    out
}

/// A reader that tells this thread's hook how many bytes it has given out.
pub(crate) struct Counted<R> {
    inner: R,
    read: u64,
}

impl<R> Counted<R> {
    /// Wraps `inner`.
    pub(crate) fn new(inner: R) -> Counted<R> {
        Counted { inner, read: 0 }
    }
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read += n as u64;
        let read = self.read;
        HOOK.with(|h| {
            if let Ok(mut h) = h.try_borrow_mut()
                && let Some(f) = h.as_mut()
            {
                f(read);
            }
        });
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;
    use std::rc::Rc;

    #[test]
    fn the_hook_hears_every_byte_read_on_its_thread_and_is_removed_after() {
        let seen = Rc::new(Cell::new(0u64));
        let s = seen.clone();
        let data = vec![b'x'; 10_000];
        let n = with_read_progress(
            move |b| s.set(b),
            || {
                let mut out = Vec::new();
                Counted::new(&data[..]).read_to_end(&mut out).map(|_| out.len())
            },
        );
        assert_eq!(n.ok(), Some(10_000));
        assert_eq!(seen.get(), 10_000);
        let mut out = Vec::new();
        Counted::new(&data[..]).read_to_end(&mut out).expect("reads");
        assert_eq!(seen.get(), 10_000, "no hook after the work is done");
    }
}
