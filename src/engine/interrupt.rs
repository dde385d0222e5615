//! Lets a long wait on the PHP thread (`consume(120*1000)`, `flush()`, `poll()`)
//! end early when PHP has work to do between opcodes: a `pcntl_async_signals`
//! handler or a time limit. The binding layer installs the check; waits look at
//! it every `SLICE`, so a SIGTERM handler runs within about that long.

use std::sync::OnceLock;
use std::time::Duration;

/// How long a wait on the PHP thread goes without looking at the check.
pub(crate) const SLICE: Duration = Duration::from_millis(100);

static CHECK: OnceLock<fn() -> bool> = OnceLock::new();

/// Installs the check (once; later calls are ignored).
pub fn install(check: fn() -> bool) {
    let _ = CHECK.set(check);
}

/// Whether PHP asked to run something: the wait should return now.
pub(crate) fn requested() -> bool {
    CHECK.get().is_some_and(|check| check())
}
