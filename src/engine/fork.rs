//! `pcntl_fork()` support. A forked child has copies of the parent's clients
//! but none of their threads (librdkafka's and the engine's), and locks those
//! threads held stay locked forever. So every client remembers the fork
//! generation it was made in: in a child, an inherited client is never touched
//! again (its calls fail with a clear error, dropping it frees nothing), and
//! the child gets an engine thread of its own. The parent is unaffected.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Once;

static GENERATION: AtomicU64 = AtomicU64::new(0);
static WATCH: Once = Once::new();

extern "C" fn in_child_after_fork() {
    // Async-signal-safe: one atomic add.
    GENERATION.fetch_add(1, Ordering::SeqCst);
}

/// The current fork generation: 0 in the process that loaded the extension,
/// one more in each child forked since.
pub fn generation() -> u64 {
    WATCH.call_once(|| {
        // SAFETY: registers a handler that only does an atomic add in the child.
        unsafe { libc::pthread_atfork(None, None, Some(in_child_after_fork)) };
    });
    GENERATION.load(Ordering::SeqCst)
}

/// `RD_KAFKA_RESP_ERR__STATE` with the reason and the fix.
pub fn inherited_error() -> super::KafkaError {
    super::KafkaError::with_message(
        -172,
        "This client was created before pcntl_fork() in the parent process and cannot be used in the child: create a new one in the child",
    )
}
