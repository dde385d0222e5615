//! The process-wide engine thread. Every producer's main queue wakes it (through
//! librdkafka's queue event callback) when events arrive. A script that polls
//! serves its own queue on the PHP thread, as with php-rdkafka (no second thread
//! contending for librdkafka's locks), so the engine stands back while the
//! script's poll count moves; once it stops, the engine serves the queue, whose
//! C callbacks turn the events into Rust values on the producer's channel (or
//! drop delivery reports nobody wants). So reports are collected, and memory
//! stays flat, even while a script never polls.

use std::collections::HashMap;
use std::os::raw::c_void;
use std::sync::atomic::{AtomicBool, AtomicPtr, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, Weak};
use std::thread;
use std::time::{Duration, Instant};

use crossbeam_channel::{unbounded, Receiver, RecvTimeoutError, Sender};
use rdkafka_sys as rdsys;

use super::client::{with_delivery_sink, ClientEvent, ClientShared, DeliverySink, NativeClient};

/// A producer handle as the engine sees it: the client, its main queue, and the
/// channel its events travel on to the PHP thread.
pub(crate) struct ProducerCore {
    pub(crate) client: NativeClient,
    main_queue: *mut rdsys::rd_kafka_queue_t,
    pub(crate) events: Receiver<ClientEvent>,
}

impl super::topic::ClientOwner for ProducerCore {
    fn client(&self) -> &NativeClient {
        &self.client
    }
}

// SAFETY: the queue handle and client are thread-safe librdkafka objects.
unsafe impl Send for ProducerCore {}
// SAFETY: as above.
unsafe impl Sync for ProducerCore {}

impl ProducerCore {
    pub(crate) fn id(&self) -> u64 {
        self.client.shared.id
    }

    pub(crate) fn shared(&self) -> &ClientShared {
        &self.client.shared
    }

    /// Serves every event waiting on the main queue, on the PHP thread (runs the C
    /// callbacks, which only move Rust data). Reports go to the channel, never to a
    /// sink: this runs inside `produce()`, which a PHP callback fed by a sink may be
    /// calling, and that sink must not be entered again while it runs.
    pub(crate) fn serve_main_queue(&self) {
        let _serving = PhpServing::enter(self.shared());
        // SAFETY: rk is live while self is.
        with_delivery_sink(self.id(), None, || while unsafe { rdsys::rd_kafka_poll(self.client.rk, 0) } > 0 {});
    }

    /// Serves every event waiting on the main queue, on the engine thread, unless
    /// the PHP thread serves it (then it is left to PHP, which is active anyway).
    pub(crate) fn serve_main_queue_from_engine(&self) {
        let shared = self.shared();
        shared.engine_serving.store(true, Ordering::SeqCst);
        if !shared.php_serving.load(Ordering::SeqCst) {
            // Stops as soon as PHP starts serving: PHP waits for this loop to end.
            while !shared.php_serving.load(Ordering::SeqCst) {
                // SAFETY: rk is live while self is.
                if unsafe { rdsys::rd_kafka_poll(self.client.rk, 0) } == 0 {
                    break;
                }
            }
        }
        shared.engine_serving.store(false, Ordering::SeqCst);
    }

    /// The PHP thread serves the main queue itself, waiting up to `timeout` for
    /// an event: delivery reports are then handled where they are produced, as in
    /// php-rdkafka, without the engine thread contending for librdkafka's locks.
    /// With a `sink`, delivery reports go straight to it instead of through the channel.
    /// Returns how many events (librdkafka ops: a batch of delivery reports is one) it served.
    pub(crate) fn serve_main_queue_here(&self, timeout: Duration, sink: Option<&mut DeliverySink<'_>>) -> usize {
        self.shared().note_php_activity();
        if !self.take_main_queue_signal() && timeout.is_zero() {
            return 0;
        }
        let _serving = PhpServing::enter(self.shared());
        let millis = i32::try_from(timeout.as_millis()).unwrap_or(i32::MAX);
        // SAFETY: rk is live while self is; the callbacks it runs move Rust data or call the sink.
        let served = with_delivery_sink(self.id(), sink, || unsafe { rdsys::rd_kafka_poll(self.client.rk, millis) });
        usize::try_from(served).unwrap_or(0)
    }

    /// Serves what the main queue holds now, on the PHP thread, for a client whose
    /// delivery reports no PHP callback wants (so no sink is needed and nothing
    /// stops the serve early): the `poll(0)` after every `produce()`.
    pub(crate) fn serve_main_queue_now(&self) -> usize {
        self.shared().note_php_activity();
        if !self.take_main_queue_signal() {
            return 0;
        }
        // SAFETY: rk is live while self is; its callbacks only count and drop reports.
        usize::try_from(unsafe { rdsys::rd_kafka_poll(self.client.rk, 0) }).unwrap_or(0)
    }

    /// Whether the main queue may hold events (see `main_queue_signalled`), clearing
    /// the signal for the serve the caller makes next. A serve takes every event
    /// waiting (and one stopped early by a callback puts the rest back, which signals
    /// again), so only a serve that follows may clear it.
    fn take_main_queue_signal(&self) -> bool {
        let signal = &self.shared().main_queue_signalled;
        if !signal.load(Ordering::Relaxed) {
            return false;
        }
        // Cleared before the serve takes the queue's lock (and that lock's release
        // keeps the store before the serve ends): an event added after the serve
        // emptied the queue sets it again, one added before is served now.
        signal.store(false, Ordering::SeqCst);
        true
    }

    /// `rd_kafka_flush` on the PHP thread: sends batches now instead of after linger.ms.
    pub(crate) fn flush_here(&self, timeout: Duration) {
        let millis = i32::try_from(timeout.as_millis()).unwrap_or(i32::MAX);
        // SAFETY: rk is live while self is.
        self.flushing_here(|| unsafe { rdsys::rd_kafka_flush(self.client.rk, millis) });
    }

    /// Runs a librdkafka call that flushes on the PHP thread (`rd_kafka_flush`, and the
    /// commit and abort of a transaction, which flush first), with the main queue
    /// served there alone: the reports it serves go to the channel, in order.
    pub(crate) fn flushing_here<R>(&self, flush: impl FnOnce() -> R) -> R {
        let shared = self.shared();
        shared.note_php_activity();
        shared.php_flushing.store(true, Ordering::SeqCst);
        let result = {
            let _serving = PhpServing::enter(shared);
            // With our dr_msg_cb and no sink, the reports the call serves go to the channel.
            with_delivery_sink(self.id(), None, flush)
        };
        shared.php_flushing.store(false, Ordering::SeqCst);
        // An event that came too late for this flush woke nobody.
        if self.main_queue_len() > 0 {
            wake(shared);
        }
        result
    }

    pub(crate) fn main_queue_len(&self) -> i32 {
        // SAFETY: the queue handle is live while self is.
        unsafe { rdsys::rd_kafka_queue_length(self.main_queue) as i32 }
    }
}

/// The PHP thread serving a main queue whose reports a PHP callback takes: while
/// it lives, the engine thread does not serve that queue, and it is entered only
/// once the engine thread is not serving it. Without a callback for reports,
/// order does not matter and nothing is announced (no locked instruction per poll).
struct PhpServing<'a> {
    shared: Option<&'a ClientShared>,
}

impl<'a> PhpServing<'a> {
    fn enter(shared: &'a ClientShared) -> Self {
        if !shared.reports_wanted() {
            return Self { shared: None };
        }
        let depth = shared.php_serving_depth.load(Ordering::Relaxed);
        shared.php_serving_depth.store(depth + 1, Ordering::Relaxed);
        if depth == 0 {
            shared.php_serving.store(true, Ordering::SeqCst);
            // The engine stops at its next event once it sees php_serving.
            while shared.engine_serving.load(Ordering::SeqCst) {
                thread::yield_now();
            }
        }
        Self { shared: Some(shared) }
    }
}

impl Drop for PhpServing<'_> {
    fn drop(&mut self) {
        if let Some(shared) = self.shared {
            let depth = shared.php_serving_depth.load(Ordering::Relaxed) - 1;
            shared.php_serving_depth.store(depth, Ordering::Relaxed);
            if depth == 0 {
                shared.php_serving.store(false, Ordering::SeqCst);
            }
        }
    }
}

impl Drop for ProducerCore {
    fn drop(&mut self) {
        if self.client.is_inherited() {
            return; // see fork.rs: nothing of the parent's handle is touched in a child
        }
        // SAFETY: the queue is ours; wake-ups stop before it is released, and it is
        // released before the client (and so the handle) is destroyed.
        unsafe {
            rdsys::rd_kafka_queue_cb_event_enable(self.main_queue, None, std::ptr::null_mut());
            rdsys::rd_kafka_queue_destroy(self.main_queue);
        }
    }
}

pub(crate) struct Engine {
    wake: Sender<u64>,
    producers: Arc<Mutex<HashMap<u64, Weak<ProducerCore>>>>,
    /// The fork generation this engine (and its thread) belongs to.
    generation: u64,
}

/// The engine of this process. A child forked by `pcntl_fork()` has a copy of
/// the parent's (without its thread, maybe with its registry locked), so it
/// starts one of its own; the parent's copy is left untouched.
static ENGINE: AtomicPtr<Engine> = AtomicPtr::new(std::ptr::null_mut());

fn engine() -> &'static Engine {
    let generation = super::fork::generation();
    let current = ENGINE.load(Ordering::SeqCst);
    // SAFETY: a non-null pointer is a leaked Box<Engine>, never freed.
    if let Some(engine) = unsafe { current.as_ref() }.filter(|engine| engine.generation == generation) {
        return engine;
    }
    let fresh = Box::into_raw(Box::new(Engine::start(generation)));
    match ENGINE.compare_exchange(current, fresh, Ordering::SeqCst, Ordering::SeqCst) {
        // SAFETY: just leaked above; engines live as long as the process.
        Ok(_) => unsafe { &*fresh },
        Err(_) => {
            // Another thread started one first: ours goes (its thread ends when its
            // channel closes) and theirs is used.
            // SAFETY: `fresh` was never shared.
            drop(unsafe { Box::from_raw(fresh) });
            engine()
        }
    }
}
static STARTED: AtomicBool = AtomicBool::new(false);
static LIVE_CLIENTS: AtomicUsize = AtomicUsize::new(0);

impl Engine {
    fn start(generation: u64) -> Self {
        let (wake, woken) = unbounded::<u64>();
        let producers: Arc<Mutex<HashMap<u64, Weak<ProducerCore>>>> = Arc::default();
        let registry = Arc::clone(&producers);
        let spawned = thread::Builder::new()
            .name("rdkafka-rs-engine".into())
            .spawn(move || run(&woken, &registry));
        STARTED.store(spawned.is_ok(), Ordering::SeqCst);
        Self { wake, producers, generation }
    }

    /// Hands a new producer to the engine thread; returns it ready to share.
    pub(crate) fn adopt(client: NativeClient, events: Receiver<ClientEvent>) -> Arc<ProducerCore> {
        let engine = engine();
        // SAFETY: rk is live; the queue handle is released in ProducerCore::drop.
        let main_queue = unsafe { rdsys::rd_kafka_queue_get_main(client.rk) };
        let core = Arc::new(ProducerCore { client, main_queue, events });
        if let Ok(mut producers) = engine.producers.lock() {
            producers.insert(core.id(), Arc::downgrade(&core));
        }
        let opaque = std::ptr::from_ref::<ClientShared>(core.shared()).cast_mut().cast::<c_void>();
        // SAFETY: the opaque points into the client's Box, alive until the queue is disabled.
        unsafe { rdsys::rd_kafka_queue_cb_event_enable(main_queue, Some(on_main_queue_event), opaque) };
        LIVE_CLIENTS.fetch_add(1, Ordering::Relaxed);
        // Events may have arrived before the callback was installed (which only fires
        // when the queue stops being empty); usually none have, and no wake is needed.
        if core.main_queue_len() > 0 {
            wake(core.shared());
        }
        core
    }

    pub(crate) fn release(id: u64) {
        if let Ok(mut producers) = engine().producers.lock() {
            producers.remove(&id);
        }
        LIVE_CLIENTS.fetch_sub(1, Ordering::Relaxed);
    }
}

/// Whether the engine thread runs, and how many producers it serves.
pub fn engine_status() -> (bool, usize) {
    (STARTED.load(Ordering::SeqCst), LIVE_CLIENTS.load(Ordering::Relaxed))
}

fn wake(shared: &ClientShared) {
    if !shared.wake_pending.swap(true, Ordering::SeqCst) {
        let _ = engine().wake.send(shared.id);
    }
}

/// librdkafka calls this when the main queue stops being empty, with the queue
/// locked, on the thread that added to it: mostly its own threads, but also the
/// PHP thread when a serve stopped early puts the rest back.
unsafe extern "C" fn on_main_queue_event(_rk: *mut rdsys::rd_kafka_t, opaque: *mut c_void) {
    let _ = std::panic::catch_unwind(|| {
        // SAFETY: opaque is the ClientShared registered in `adopt`, alive while enabled.
        if let Some(shared) = unsafe { opaque.cast::<ClientShared>().as_ref() } {
            shared.main_queue_signalled.store(true, Ordering::SeqCst);
            if !shared.php_flushing.load(Ordering::SeqCst) {
                wake(shared);
            }
        }
    });
}

/// How long the engine thread leaves a woken producer to its script: a script
/// that polls serves its own queue, and one that produces serves it when it runs
/// out of room; one that stopped both is served after this.
const STAND_BACK: Duration = Duration::from_millis(20);

/// The longest the engine thread stands back for a busy script whose reports no
/// PHP callback wants: one that produces slowly and never polls still has them
/// dropped (and their memory freed) this often, not only when it runs out of room.
/// Reports a callback wants are never served from two threads at once: that
/// could hand them to PHP out of order.
const LONGEST_STAND_BACK: Duration = Duration::from_secs(1);

fn run(woken: &Receiver<u64>, producers: &Mutex<HashMap<u64, Weak<ProducerCore>>>) {
    // Woken producers: the PHP activity count seen, since when, and when first woken.
    let mut waiting: HashMap<u64, (u64, Instant, Instant)> = HashMap::new();
    let lookup = |id: &u64| producers.lock().ok().and_then(|map| map.get(id).and_then(Weak::upgrade));
    loop {
        let next = if waiting.is_empty() { woken.recv().map_err(|_| RecvTimeoutError::Disconnected) } else { woken.recv_timeout(STAND_BACK) };
        match next {
            Ok(id) => {
                if let Some(core) = lookup(&id) {
                    let now = Instant::now();
                    waiting.entry(id).or_insert((core.shared().php_activity.load(Ordering::Relaxed), now, now));
                }
            }
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => return,
        }
        let now = Instant::now();
        waiting.retain(|id, (seen_activity, since, first_woken)| {
            if now.duration_since(*since) < STAND_BACK {
                return true;
            }
            let Some(core) = lookup(id) else { return false };
            let activity = core.shared().php_activity.load(Ordering::Relaxed);
            let patient = core.shared().reports_wanted() || now.duration_since(*first_woken) < LONGEST_STAND_BACK;
            if activity != *seen_activity && core.main_queue_len() > 0 && patient {
                // The script is busy: its next poll(), or its produce() out of room, serves the queue.
                (*seen_activity, *since) = (activity, now);
                return true;
            }
            // Cleared before serving: an event that lands after the last poll wakes us again.
            core.shared().wake_pending.store(false, Ordering::SeqCst);
            core.serve_main_queue_from_engine();
            false
        });
    }
}
