//! The one thread that reads the terminal. It forwards key presses only (Windows also
//! reports releases), pastes and resizes; the main loop's receive timeout is the tick that
//! polls the journal for lines other processes appended.

use std::sync::mpsc::Sender;
use std::thread;

use crossterm::event::{self, Event, KeyEventKind};

use crate::tui::message::Msg;

/// Starts the reader, sending into `tx` (the wizard's one channel); it stops when the
/// terminal cannot be read any more or the wizard is gone.
pub fn spawn_reader<T: From<Msg> + Send + 'static>(tx: Sender<T>) {
    thread::spawn(move || {
        loop {
            let msg = match event::read() {
                Ok(Event::Key(k)) if k.kind == KeyEventKind::Press => Msg::Key(k),
                Ok(Event::Paste(text)) => Msg::Paste(text),
                Ok(Event::Resize(w, h)) => Msg::Resize(w, h),
                Ok(_) => continue,
                Err(_) => break,
            };
            if tx.send(T::from(msg)).is_err() {
                break;
            }
        }
    });
}
