//! The progress bar: on standard error, only when it is a terminal (or when asked), drawn at
//! most ten times a second and, on a terminal, only for checks that last more than half a
//! second.

use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

use bhyt_files::ProgressInfo;

pub struct Bar {
    enabled: bool,
    delay: Duration,
    start: Instant,
    last: Option<Instant>,
    drawn: bool,
}

impl Bar {
    /// A bar drawn after `delay`, if `enabled`.
    pub fn new(enabled: bool, delay: Duration) -> Bar {
        Bar {
            enabled,
            delay,
            start: Instant::now(),
            last: None,
            drawn: false,
        }
    }

    pub fn tick(&mut self, progress: &ProgressInfo) {
        if !self.enabled {
            return;
        }
        let now = Instant::now();
        if now.duration_since(self.start) < self.delay
            || self
                .last
                .is_some_and(|last| now.duration_since(last) < Duration::from_millis(100))
        {
            return;
        }
        self.last = Some(now);
        let line = render(
            progress.done,
            progress.total.max(1),
            progress.rows,
            now.duration_since(self.start),
        );
        let mut err = std::io::stderr().lock();
        let _ = write!(err, "\r{line}");
        let _ = err.flush();
        self.drawn = true;
    }

    /// Clears the bar on a terminal (elsewhere ends its line), so that what follows starts
    /// on a clean line.
    pub fn finish(&mut self) {
        if self.drawn {
            let mut err = std::io::stderr().lock();
            if err.is_terminal() {
                let _ = write!(err, "\r{:width$}\r", "", width = 72);
            } else {
                let _ = writeln!(err);
            }
            let _ = err.flush();
            self.drawn = false;
        }
    }
}

/// One line of at most 72 columns: `[#########.........]  45%  120000 rows  2.1 s`.
pub fn render(done: u64, total: u64, rows: u64, elapsed: Duration) -> String {
    const WIDTH: u64 = 30;
    let ratio = (done.min(total) as f64 / total.max(1) as f64).clamp(0.0, 1.0);
    let filled = (ratio * WIDTH as f64) as usize;
    format!(
        "[{}{}] {:>3}%  {rows} rows  {:.1} s",
        "#".repeat(filled),
        ".".repeat(WIDTH as usize - filled),
        (ratio * 100.0) as u32,
        elapsed.as_secs_f64()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bar_fits_a_line() {
        let line = render(50, 100, 123_456, Duration::from_millis(2100));
        assert_eq!(
            line,
            "[###############...............]  50%  123456 rows  2.1 s"
        );
        assert!(
            render(200, 100, 99_999_999_999, Duration::from_secs(99_999))
                .chars()
                .count()
                <= 72
        );
        assert!(render(0, 0, 0, Duration::ZERO).starts_with("[....."));
    }
}
