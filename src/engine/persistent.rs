//! Persistent producers (`rdkafka_rs.persistent`). A PHP-FPM worker serves many
//! requests, and each creates its own `RdKafka\Producer`: without this, every
//! request pays for a new handle, its connections and its metadata. With a
//! persistent id, the librdkafka handle outlives the request: the PHP object
//! goes away at request end, the handle waits here (connections open), and the
//! next producer with the same id and configuration in this process takes it.
//!
//! Requests never see each other's messages: a handle's epoch moves on when it
//! is parked and again when it is taken, and a delivery report of an earlier
//! epoch is counted and dropped (see `MessageTag` in client.rs).

use std::sync::atomic::{AtomicI64, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, Weak};
use std::time::Duration;

use super::client::{ClientShared, EnabledCallbacks};
use super::conf::{MemoryDefaults, NativeConf};
use super::engine_thread::ProducerCore;

/// What makes two producers interchangeable: the persistent id, every
/// configuration property (librdkafka's defaults and ours included), and which
/// PHP callbacks are set (librdkafka's C callbacks are fixed when a handle is made).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersistentKey {
    id: String,
    settings: Vec<(String, String)>,
    callbacks: EnabledCallbacks,
}

impl PersistentKey {
    /// `None` when the configuration has no `rdkafka_rs.persistent` id.
    pub fn of(conf: &NativeConf, defaults: &MemoryDefaults, callbacks: EnabledCallbacks) -> Option<Self> {
        let id = conf.persistent_id()?;
        Some(Self { id: id.to_string(), settings: conf.producer_identity(defaults), callbacks })
    }

    pub fn id(&self) -> &str {
        &self.id
    }
}

struct Parked {
    key: PersistentKey,
    core: Arc<ProducerCore>,
    /// `rdkafka_rs.shutdown_flush_ms` as it was when the handle was parked, for the process end.
    shutdown_flush: Duration,
}

#[derive(Default)]
struct Pool {
    parked: Vec<Parked>,
    /// Every persistent handle of this process, parked or in use (for the stats).
    live: Vec<Weak<ProducerCore>>,
    /// The fork generation the pool belongs to (see fork.rs).
    generation: u64,
}

static POOL: Mutex<Option<Pool>> = Mutex::new(None);
static CREATED: AtomicU64 = AtomicU64::new(0);
static REUSED: AtomicU64 = AtomicU64::new(0);
static NEXT_EPOCH: AtomicU64 = AtomicU64::new(1);

/// Reports of parked handles' messages that failed after their request ended,
/// counted when the handles were taken again or shut down.
static FAILED_AFTER_REQUEST: AtomicI64 = AtomicI64::new(0);

/// This process's pool. A child of `pcntl_fork()` starts an empty one: the
/// parent's handles are never touched there (their threads do not exist).
fn pool() -> MutexGuard<'static, Option<Pool>> {
    let mut guard = POOL.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let generation = super::fork::generation();
    if guard.as_ref().is_some_and(|pool| pool.generation != generation) {
        if let Some(inherited) = guard.take() {
            std::mem::forget(inherited);
        }
    }
    guard.get_or_insert_with(|| Pool { generation, ..Pool::default() });
    guard
}

/// Takes a parked handle made with `key`, starting a new epoch on it.
pub(crate) fn take(key: &PersistentKey) -> Option<Arc<ProducerCore>> {
    let mut guard = pool();
    let pool = guard.as_mut()?;
    let index = pool.parked.iter().position(|parked| parked.key == *key)?;
    let parked = pool.parked.swap_remove(index);
    let shared = parked.core.shared();
    shared.move_to_epoch(NEXT_EPOCH.fetch_add(1, Ordering::SeqCst));
    shared.idle.store(false, Ordering::SeqCst);
    shared.hold_on_this_thread();
    count_failed_after_request(shared);
    REUSED.fetch_add(1, Ordering::Relaxed);
    Some(parked.core)
}

/// A handle made for `key`: counted, and started in an epoch of its own.
pub(crate) fn created(core: &Arc<ProducerCore>) {
    core.shared().move_to_epoch(NEXT_EPOCH.fetch_add(1, Ordering::SeqCst));
    CREATED.fetch_add(1, Ordering::Relaxed);
    if let Some(pool) = pool().as_mut() {
        pool.live.retain(|live| live.strong_count() > 0);
        pool.live.push(Arc::downgrade(core));
    }
}

/// Ends the request's epoch on `core`: its reports from now on are the
/// previous request's, so they are counted and dropped, never handed to PHP.
/// Returns the handle's `dropped_failures` with every failure of the request in it.
pub(crate) fn end_epoch(core: &ProducerCore) -> i64 {
    core.shared().move_to_epoch(NEXT_EPOCH.fetch_add(1, Ordering::SeqCst))
}

/// Parks `core` for a later request; gives it back when `max_parked` handles already wait.
pub(crate) fn park(key: PersistentKey, core: Arc<ProducerCore>, shutdown_flush: Duration, max_parked: usize) -> Result<(), Arc<ProducerCore>> {
    let mut guard = pool();
    let Some(pool) = guard.as_mut() else { return Err(core) };
    if pool.parked.len() >= max_parked {
        return Err(core);
    }
    core.shared().idle.store(true, Ordering::SeqCst);
    pool.parked.push(Parked { key, core, shutdown_flush });
    Ok(())
}

/// Hands every parked handle to `shut_down` (with its shutdown flush time), emptying the pool.
pub(crate) fn drain(mut shut_down: impl FnMut(Arc<ProducerCore>, Duration)) {
    let parked = pool().as_mut().map(|pool| std::mem::take(&mut pool.parked)).unwrap_or_default();
    for parked in parked {
        // Its shutdown counts the failures booked so far as after their request.
        shut_down(parked.core, parked.shutdown_flush);
    }
}

/// Moves the failures of earlier requests' messages booked on a handle so far
/// into the stats. A handle that shuts down counts those booked afterwards as lost.
pub(crate) fn count_failed_after_request(shared: &ClientShared) {
    FAILED_AFTER_REQUEST.fetch_add(shared.orphan_failures.swap(0, Ordering::SeqCst), Ordering::SeqCst);
}

/// What `RdKafka\Engine::stats()` and phpinfo() show about persistent producers.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PersistentStats {
    /// Persistent handles alive in this process, in use or parked.
    pub live: usize,
    /// Parked, waiting for a request.
    pub parked: usize,
    pub created: u64,
    /// How many times a request took a parked handle instead of making one.
    pub reused: u64,
    /// Messages of persistent handles not delivered yet.
    pub in_flight: i64,
    /// Messages whose delivery failed after their request had ended.
    pub failed_after_request: i64,
}

pub fn stats() -> PersistentStats {
    let guard = pool();
    let Some(pool) = guard.as_ref() else { return PersistentStats::default() };
    let live: Vec<Arc<ProducerCore>> = pool.live.iter().filter_map(Weak::upgrade).collect();
    let parked_failures: i64 = pool.parked.iter().map(|parked| parked.core.shared().orphan_failures.load(Ordering::SeqCst)).sum();
    PersistentStats {
        live: live.len(),
        parked: pool.parked.len(),
        created: CREATED.load(Ordering::Relaxed),
        reused: REUSED.load(Ordering::Relaxed),
        in_flight: live.iter().map(|core| core.shared().undelivered()).sum(),
        failed_after_request: FAILED_AFTER_REQUEST.load(Ordering::SeqCst) + parked_failures,
    }
}
