//! What producers and consumers share: the librdkafka handle, the C callbacks
//! that turn librdkafka's callbacks into plain Rust events, and the channel
//! those events travel on to the PHP thread.
//!
//! The C callbacks run on librdkafka threads, on the engine thread, or on the
//! PHP thread while it serves its own queue in `poll()`. They build Rust values
//! and send them; the one exception is a delivery report served on the PHP
//! thread, which goes to the sink that `poll()` installed for that thread
//! (`with_delivery_sink`) and so reaches PHP without a copy. The engine itself
//! never calls PHP: the sink is the binding layer's.

use std::cell::Cell;
use std::os::raw::{c_char, c_int, c_void};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::ptr::addr_of;
use std::sync::atomic::{AtomicBool, AtomicI32, AtomicI64, AtomicU32, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Mutex, PoisonError};

use crossbeam_channel::{unbounded, Receiver, Sender};
use rdkafka_sys as rdsys;

use super::conf::NativeConf;
use super::error::{cstr_to_string, KafkaError, KafkaResult};
use super::message::{copy_bytes, read_headers, DeliveredMessage, Header};
use super::topic_partition::{partitions_of, TopicPartition};
use super::wire::{self, code_at};

/// Which PHP callbacks the user set; only those get a C callback installed, so
/// librdkafka keeps its own defaults (automatic assignment, ...) for the rest.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct EnabledCallbacks {
    pub delivery: bool,
    pub error: bool,
    pub stats: bool,
    /// Log lines up to this syslog level become `ClientEvent::Log` (for the PHP
    /// `log_cb`, or PHP's error log); `None` leaves logging to librdkafka (stderr).
    pub log_up_to: Option<i32>,
    pub rebalance: bool,
    pub offset_commit: bool,
    pub oauthbearer_token_refresh: bool,
}

/// A delivery report, copied out of librdkafka for the PHP `dr_msg_cb`.
#[derive(Debug, Clone)]
pub struct DeliveryReport {
    pub err: i32,
    pub topic: String,
    pub partition: i32,
    pub offset: i64,
    /// Milliseconds since the epoch, or -1 when not available.
    pub timestamp: i64,
    pub payload: Option<Vec<u8>>,
    pub key: Option<Vec<u8>>,
    pub headers: Vec<Header>,
    pub opaque: Option<Vec<u8>>,
    /// The request (persistent producers) whose message this is: a report queued
    /// as that request ended must not reach the next one.
    pub(crate) epoch: u64,
}

impl DeliveryReport {
    /// The bytes this message counts against the in-flight bound (payload + key).
    pub fn accounted_bytes(&self) -> i64 {
        (self.payload.as_ref().map_or(0, Vec::len) + self.key.as_ref().map_or(0, Vec::len)) as i64
    }
}

/// How many messages, and how many payload + key bytes, a producer may have in
/// flight: produced but not yet reported to PHP (or dropped, when PHP does not
/// want the report). `i64::MAX` means no bound.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InflightLimit {
    pub max_messages: i64,
    pub max_bytes: i64,
    /// `message.max.bytes`: a larger message is refused by librdkafka whatever the room.
    pub max_message_bytes: i64,
}

impl InflightLimit {
    pub const UNBOUNDED: Self = Self { max_messages: i64::MAX, max_bytes: i64::MAX, max_message_bytes: i64::MAX };
}

/// `RD_KAFKA_RESP_ERR__PURGE_QUEUE` and `__PURGE_INFLIGHT`: failures the caller asked for.
pub(crate) const PURGE_ERRORS: [i32; 2] = [-152, -151];

/// An event for the PHP thread to serve.
#[derive(Debug, Clone)]
pub enum ClientEvent {
    Delivery(DeliveryReport),
    Error { code: i32, reason: String },
    Stats(String),
    /// `client` is the handle's name (`rdkafka#producer-1`); `dropped` counts the lines
    /// dropped before this one because too many were waiting for the PHP thread.
    Log { level: i32, facility: String, message: String, client: String, dropped: i64 },
    Rebalance { code: i32, partitions: Vec<TopicPartition> },
    OffsetCommit { code: i32, partitions: Vec<TopicPartition> },
    /// The SASL/OAUTHBEARER token must be refreshed: PHP calls oauthbearerSetToken()
    /// or oauthbearerSetTokenFailure(). `config` is `sasl.oauthbearer.config`.
    OauthbearerTokenRefresh { config: Option<String> },
}

static NEXT_CLIENT_ID: AtomicU64 = AtomicU64::new(1);

/// What a delivery sink did with a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SinkOutcome {
    /// Handed to PHP.
    Taken,
    /// Handed to PHP, whose callback threw: serve nothing more now.
    TakenStop,
    /// Not now (an exception is pending): queue it for a later poll().
    Declined,
}

/// Receives delivery reports served on the PHP thread, without copying them.
pub type DeliverySink<'a> = dyn FnMut(&DeliveredMessage<'_>) -> SinkOutcome + 'a;

thread_local! {
    /// The sink for one client's reports while this thread serves its main queue
    /// (client id, sink); see `with_delivery_sink`.
    static DELIVERY_SINK: Cell<Option<(u64, *mut DeliverySink<'static>)>> = const { Cell::new(None) };
}

/// Runs `serve` with `sink` receiving client `client_id`'s delivery reports
/// served on this thread; with `None`, reports go through the channel. Every
/// main-queue serve on the PHP thread goes through here, so a sink left behind
/// by a PHP bailout (which skips destructors) is replaced before it could be used.
pub(crate) fn with_delivery_sink<R>(client_id: u64, sink: Option<&mut DeliverySink<'_>>, serve: impl FnOnce() -> R) -> R {
    struct Restore(Option<(u64, *mut DeliverySink<'static>)>);
    impl Drop for Restore {
        fn drop(&mut self) {
            DELIVERY_SINK.with(|current| current.set(self.0));
        }
    }
    let erased = sink.map(|sink| {
        let sink: *mut DeliverySink<'_> = sink;
        // SAFETY: only the lifetime is erased; the pointer is removed (Restore) before `sink` ends.
        (client_id, unsafe { std::mem::transmute::<*mut DeliverySink<'_>, *mut DeliverySink<'static>>(sink) })
    });
    let _restore = Restore(DELIVERY_SINK.with(|current| current.replace(erased)));
    serve()
}

/// Forgets the sink installed on this thread. A fatal error in a PHP callback that
/// a sink runs jumps (longjmp) past `with_delivery_sink`'s restore, leaving a
/// pointer to a frame that is gone: a new request starts without it.
pub fn forget_delivery_sink() {
    DELIVERY_SINK.with(|current| current.set(None));
}

/// Offers a report to the sink installed for this client on this thread, if any.
fn offer_to_sink(client_id: u64, message: &DeliveredMessage<'_>) -> Option<SinkOutcome> {
    let (owner, sink) = DELIVERY_SINK.with(Cell::get)?;
    if owner != client_id {
        return None;
    }
    // SAFETY: installed by with_delivery_sink, which outlives this call on this thread.
    Some(unsafe { (*sink)(message) })
}

/// State reachable from librdkafka's callbacks through the handle's opaque pointer.
pub(crate) struct ClientShared {
    pub(crate) id: u64,
    callbacks: EnabledCallbacks,
    events: Sender<ClientEvent>,
    /// Events sent but not yet taken by the PHP thread, logs excepted: like
    /// librdkafka's main queue, which logs do not pass through.
    pub(crate) queued_events: AtomicI64,
    /// Consumers return from `rd_kafka_consumer_poll` as soon as a callback fired,
    /// so PHP runs it now rather than when the poll timeout ends.
    yield_on_callback: bool,
    /// Set by the engine thread when it should poll this client's main queue.
    pub(crate) wake_pending: AtomicBool,
    /// Set each time the main queue stops being empty (by `on_main_queue_event`,
    /// on whichever thread added to it); cleared by the PHP thread right before a
    /// serve of the queue (`take_main_queue_signal`). A `poll(0)` that finds it
    /// clear has nothing to serve and skips `rd_kafka_poll` (~200 instructions and
    /// the queue's lock, which librdkafka's broker thread takes to add reports).
    pub(crate) main_queue_signalled: AtomicBool,
    pub(crate) limit: InflightLimit,
    /// Messages, and their payload + key bytes, accepted by `produce()`. Only the
    /// PHP thread that holds the handle writes them (a persistent handle changes
    /// threads only through the pool's lock), so a plain load and store do: no
    /// locked instruction per message. See `undelivered()` and `inflight()`.
    produced_messages: AtomicI64,
    produced_bytes: AtomicI64,
    /// The delivery reports that arrived, counted by the thread that served them:
    /// the PHP thread that holds the handle (`php_thread`) counts its own with plain
    /// stores, any other thread (the engine's) with locked adds.
    reports_on_php_thread: ReportCounts,
    reports_elsewhere: ReportCounts,
    /// `pthread_self()` of the PHP thread that holds the handle: the one that made
    /// it, or took it from the persistent pool last.
    php_thread: AtomicUsize,
    /// Delivery reports queued on the channel and not taken by PHP yet: they still
    /// hold room in the bound (a script with a dr_msg_cb that never polls stays flat).
    waiting_reports: AtomicI64,
    waiting_report_bytes: AtomicI64,
    /// Failed deliveries (purges apart) of the current request's messages whose
    /// report no PHP callback took (see `book_dropped_failure`).
    pub(crate) dropped_failures: AtomicI64,
    /// Purged messages (by `purge()` or a shutdown giving up) whose report no PHP callback took.
    pub(crate) dropped_purges: AtomicI64,
    /// Held while a dropped failure is booked against its request and while the
    /// PHP thread moves `epoch` on: each such failure is then counted either in
    /// `dropped_failures` before the request end reads it, or in `orphan_failures`.
    failure_booking: Mutex<()>,
    /// Every event sent on the channel and not taken yet, logs included.
    unserved_events: AtomicI64,
    /// Highest log level queued for PHP (`EnabledCallbacks::log_up_to`).
    log_up_to: i32,
    /// Log lines waiting for the PHP thread, and those dropped because too many were.
    queued_logs: AtomicI64,
    dropped_logs: AtomicI64,
    /// Bumped each time the PHP thread produces or serves the main queue itself
    /// (poll, flush, a produce out of room). While it moves, the engine thread
    /// stands back: a live script serves its own queue, and the engine serving the
    /// same reports meanwhile would only contend with it (for librdkafka's locks
    /// and for the malloc arena the messages came from).
    pub(crate) php_activity: AtomicU64,
    /// Reports a PHP callback takes are served by one thread at a time, so that
    /// they reach PHP in order. The PHP thread announces its serving here (see
    /// `PhpServing`); the engine thread announces its own in `engine_serving`,
    /// then backs off if PHP serves. Stores and loads are SeqCst on both sides,
    /// so at least one of them sees the other.
    pub(crate) php_serving: AtomicBool,
    /// How deep the PHP thread's serving nests (a callback may call poll()):
    /// written by that thread only.
    pub(crate) php_serving_depth: AtomicU32,
    pub(crate) engine_serving: AtomicBool,
    /// The PHP thread waits in flush(), serving the main queue itself: the engine
    /// thread is not woken for events meanwhile (it would only compete for the CPU
    /// on the path of a web request's flush); flush wakes it after, if needed.
    pub(crate) php_flushing: AtomicBool,
    /// The request a persistent handle serves now (always 0 for the others). Each
    /// message carries the epoch it was produced in (`MessageTag`); a report from
    /// an earlier request is dropped, so no request sees another's messages or opaques.
    pub(crate) epoch: AtomicU64,
    /// A persistent handle waiting in the pool between requests: no PHP side takes
    /// events, so none are queued (the channel would grow until the next request).
    pub(crate) idle: AtomicBool,
    /// Reports of earlier requests' messages that failed after their request ended.
    pub(crate) orphan_failures: AtomicI64,
    /// A KafkaConsumer stores offsets itself once PHP has the messages, in place of
    /// librdkafka's `enable.auto.offset.store` (see `KafkaConsumer::new`).
    pub(crate) stores_offsets_on_handoff: AtomicBool,
}

impl ClientShared {
    fn push(&self, event: ClientEvent) {
        if self.idle.load(Ordering::SeqCst) {
            match &event {
                ClientEvent::Log { .. } => {
                    self.queued_logs.fetch_sub(1, Ordering::SeqCst);
                }
                // Offered as the request's just before it ended: counted, as the reports
                // of an earlier request are, since no request will take it now.
                ClientEvent::Delivery(report) if report.err != 0 => self.book_dropped_failure(report.epoch, report.err),
                _ => {}
            }
            return;
        }
        let counted = counts_as_queued(&event);
        if counted {
            self.queued_events.fetch_add(1, Ordering::SeqCst);
        }
        // Counted before the send: PHP may take the report at once.
        let report_bytes = match &event {
            ClientEvent::Delivery(report) => Some(report.accounted_bytes()),
            _ => None,
        };
        if let Some(bytes) = report_bytes {
            self.waiting_report_bytes.fetch_add(bytes, Ordering::SeqCst);
            self.waiting_reports.fetch_add(1, Ordering::SeqCst);
        }
        self.unserved_events.fetch_add(1, Ordering::SeqCst);
        if self.events.send(event).is_err() {
            // The PHP side is gone: nobody will ever take it.
            self.unserved_events.fetch_sub(1, Ordering::SeqCst);
            if counted {
                self.queued_events.fetch_sub(1, Ordering::SeqCst);
            }
            if let Some(bytes) = report_bytes {
                self.stop_waiting(bytes);
            }
        }
    }

    /// Counts a failed delivery report that no PHP callback takes, decided under
    /// `failure_booking`: one of the current request's messages as a purge
    /// (`dropped_purges`) or a failure (`dropped_failures`); one of an earlier
    /// request's as a failure either way (`orphan_failures`), since whoever purged
    /// it (a later request, a shutdown) did not give it up for its own request.
    pub(crate) fn book_dropped_failure(&self, message_epoch: u64, err: i32) {
        let _booking = self.failure_booking.lock().unwrap_or_else(PoisonError::into_inner);
        let counter = if message_epoch != self.epoch.load(Ordering::SeqCst) {
            &self.orphan_failures
        } else if PURGE_ERRORS.contains(&err) {
            &self.dropped_purges
        } else {
            &self.dropped_failures
        };
        counter.fetch_add(1, Ordering::SeqCst);
    }

    /// Moves a handle to `epoch` (a request starts or ends). Returns `dropped_failures`
    /// as the old epoch left it: every failure booked as that epoch's is in it, and
    /// any booked from now on is an earlier request's.
    pub(crate) fn move_to_epoch(&self, epoch: u64) -> i64 {
        let _booking = self.failure_booking.lock().unwrap_or_else(PoisonError::into_inner);
        self.epoch.store(epoch, Ordering::SeqCst);
        self.dropped_failures.load(Ordering::SeqCst)
    }

    fn stop_waiting(&self, report_bytes: i64) {
        self.waiting_reports.fetch_sub(1, Ordering::SeqCst);
        self.waiting_report_bytes.fetch_sub(report_bytes, Ordering::SeqCst);
    }

    /// The PHP thread produced or served the main queue. Only that thread writes
    /// the count, so a plain load and store do (no locked instruction per call).
    pub(crate) fn note_php_activity(&self) -> u64 {
        let activity = self.php_activity.load(Ordering::Relaxed).wrapping_add(1);
        self.php_activity.store(activity, Ordering::Relaxed);
        activity
    }

    /// Whether a PHP callback takes delivery reports (else they are dropped when served).
    pub(crate) fn reports_wanted(&self) -> bool {
        self.callbacks.delivery
    }

    /// Whether the channel may hold events: one load, cheaper than asking the
    /// channel, for the poll(0) after every produce().
    pub(crate) fn has_unserved_events(&self) -> bool {
        self.unserved_events.load(Ordering::SeqCst) > 0
    }

    /// The PHP thread took this event off the channel.
    pub(crate) fn taken(&self, event: &ClientEvent) {
        self.unserved_events.fetch_sub(1, Ordering::SeqCst);
        if matches!(event, ClientEvent::Log { .. }) {
            self.queued_logs.fetch_sub(1, Ordering::SeqCst);
        }
        if counts_as_queued(event) {
            self.queued_events.fetch_sub(1, Ordering::SeqCst);
        }
        if let ClientEvent::Delivery(report) = event {
            self.stop_waiting(report.accounted_bytes());
        }
    }

    /// Whether one more message of `bytes` fits the bound.
    pub(crate) fn has_room(&self, bytes: i64) -> bool {
        let (messages, inflight_bytes) = self.inflight();
        messages < self.limit.max_messages && inflight_bytes.saturating_add(bytes) <= self.limit.max_bytes
    }

    /// Messages, and payload + key bytes, produced and not yet reported to PHP or
    /// dropped: what the bound counts. Read on any thread; a report that arrives
    /// meanwhile can only make the figures larger than they were, never smaller
    /// (the counts of reports are read first: every report counted there was
    /// produced before, and a report queued on the channel is counted as waiting
    /// before it is counted as delivered).
    pub(crate) fn inflight(&self) -> (i64, i64) {
        let delivered = self.reports_delivered();
        let waiting = (self.waiting_reports.load(Ordering::SeqCst), self.waiting_report_bytes.load(Ordering::SeqCst));
        let produced = (self.produced_messages.load(Ordering::SeqCst), self.produced_bytes.load(Ordering::SeqCst));
        (produced.0 - delivered.0 + waiting.0, produced.1 - delivered.1 + waiting.1)
    }

    /// Messages accepted by `produce()` whose delivery report has not arrived yet
    /// (as with `inflight`, never below the true count).
    /// Messages produce() has queued so far (a count that only grows).
    pub(crate) fn produced(&self) -> i64 {
        self.produced_messages.load(Ordering::SeqCst)
    }

    pub(crate) fn undelivered(&self) -> i64 {
        let (delivered, _) = self.reports_delivered();
        (self.produced_messages.load(Ordering::SeqCst) - delivered).max(0)
    }

    /// Delivery reports that arrived, and their payload + key bytes.
    fn reports_delivered(&self) -> (i64, i64) {
        let (here, elsewhere) = (&self.reports_on_php_thread, &self.reports_elsewhere);
        let messages = here.messages.load(Ordering::SeqCst) + elsewhere.messages.load(Ordering::SeqCst);
        (messages, here.bytes.load(Ordering::SeqCst) + elsewhere.bytes.load(Ordering::SeqCst))
    }

    /// Delivery reports that no PHP callback wanted, counted and dropped.
    pub(crate) fn dropped_reports(&self) -> i64 {
        let (here, elsewhere) = (&self.reports_on_php_thread, &self.reports_elsewhere);
        let offered = here.offered.load(Ordering::SeqCst) + elsewhere.offered.load(Ordering::SeqCst);
        self.reports_delivered().0 - offered
    }

    /// The calling thread holds the handle from now on (a persistent handle taken from the pool).
    pub(crate) fn hold_on_this_thread(&self) {
        self.php_thread.store(current_thread(), Ordering::SeqCst);
    }

    /// Where the calling thread counts the reports it serves, and whether it is the
    /// only thread that writes there.
    fn report_counts_here(&self) -> (&ReportCounts, bool) {
        if current_thread() == self.php_thread.load(Ordering::Relaxed) {
            (&self.reports_on_php_thread, true)
        } else {
            (&self.reports_elsewhere, false)
        }
    }

    /// `produce()` accepted a message (on the PHP thread; counted before librdkafka
    /// takes it, as its report may arrive before produce returns).
    pub(crate) fn count_produced(&self, bytes: i64) {
        self.add_produced(1, bytes);
    }

    /// librdkafka refused the message just counted.
    pub(crate) fn uncount_produced(&self, bytes: i64) {
        self.add_produced(-1, -bytes);
    }

    fn add_produced(&self, messages: i64, bytes: i64) {
        // The PHP thread is the only writer (see `produced_messages`). Release, not
        // SeqCst: a SeqCst store is a locked instruction on x86, the cost this avoids.
        self.produced_bytes.store(self.produced_bytes.load(Ordering::Relaxed) + bytes, Ordering::Release);
        self.produced_messages.store(self.produced_messages.load(Ordering::Relaxed) + messages, Ordering::Release);
    }

}

/// Delivery reports counted by one thread, or by several (see `ClientShared::reports_on_php_thread`).
#[derive(Default)]
struct ReportCounts {
    /// Reports that arrived (and were dropped, handed to PHP, or queued for it), and their bytes.
    messages: AtomicI64,
    bytes: AtomicI64,
    /// Reports handed to PHP (a sink or the channel); the others were dropped.
    offered: AtomicI64,
}

impl ReportCounts {
    /// Adds to one count. `sole_writer`: only the calling thread writes these counts,
    /// so a plain load and store do, with no locked instruction per report.
    fn add(counter: &AtomicI64, amount: i64, sole_writer: bool) {
        if sole_writer {
            counter.store(counter.load(Ordering::Relaxed) + amount, Ordering::Release);
        } else {
            counter.fetch_add(amount, Ordering::SeqCst);
        }
    }
}

/// This thread's `pthread_self()`: read from the thread pointer, no system call.
fn current_thread() -> usize {
    // SAFETY: pthread_self has no preconditions and cannot fail.
    unsafe { libc::pthread_self() as usize }
}

fn counts_as_queued(event: &ClientEvent) -> bool {
    !matches!(event, ClientEvent::Log { .. })
}

/// A live `rd_kafka_t` with its callback state. Destroyed on drop. Every client
/// type hands out `&NativeClient` (`handle()`) for what works on any handle (see `handle.rs`).
pub struct NativeClient {
    pub(crate) rk: *mut rdsys::rd_kafka_t,
    /// Boxed so the address handed to librdkafka as opaque never moves.
    pub(crate) shared: Box<ClientShared>,
    /// `RD_KAFKA_DESTROY_F_*` used on drop (a closed consumer must not close again).
    pub(crate) destroy_flags: AtomicI32,
    /// The fork generation the handle was made in (see `fork.rs`).
    generation: u64,
    is_producer: bool,
}

// SAFETY: librdkafka handles are thread-safe; ClientShared only holds atomics and a Sender.
unsafe impl Send for NativeClient {}
// SAFETY: as above; every method used through &NativeClient is a thread-safe librdkafka call.
unsafe impl Sync for NativeClient {}

/// Log lines a client keeps for the PHP thread before it drops (and counts) more.
const MAX_QUEUED_LOGS: i64 = 1000;

/// Live librdkafka handles in this process: [producers, consumers] (shown by phpinfo()).
static LIVE_HANDLES: [AtomicUsize; 2] = [AtomicUsize::new(0), AtomicUsize::new(0)];

/// How many producer and consumer handles are alive (both consumer classes count as consumers).
pub fn live_handles() -> (usize, usize) {
    (LIVE_HANDLES[0].load(Ordering::Relaxed), LIVE_HANDLES[1].load(Ordering::Relaxed))
}

/// The code of the exception for a handle librdkafka refuses to create: 0, as
/// php-rdkafka throws it (librdkafka gives only the message).
const NOT_CREATED: i32 = 0;

impl NativeClient {
    pub(crate) fn new(
        kind: rdsys::rd_kafka_type_t,
        conf: NativeConf,
        callbacks: EnabledCallbacks,
        limit: InflightLimit,
    ) -> KafkaResult<(Self, Receiver<ClientEvent>)> {
        let (events, receiver) = unbounded();
        let is_producer = kind == rdsys::rd_kafka_type_t::RD_KAFKA_PRODUCER;
        let shared = Box::new(ClientShared {
            id: NEXT_CLIENT_ID.fetch_add(1, Ordering::Relaxed),
            callbacks,
            events,
            queued_events: AtomicI64::new(0),
            yield_on_callback: !is_producer,
            wake_pending: AtomicBool::new(false),
            // Events may arrive before the signal is installed.
            main_queue_signalled: AtomicBool::new(true),
            limit,
            produced_messages: AtomicI64::new(0),
            produced_bytes: AtomicI64::new(0),
            reports_on_php_thread: ReportCounts::default(),
            reports_elsewhere: ReportCounts::default(),
            php_thread: AtomicUsize::new(current_thread()),
            waiting_reports: AtomicI64::new(0),
            waiting_report_bytes: AtomicI64::new(0),
            dropped_failures: AtomicI64::new(0),
            dropped_purges: AtomicI64::new(0),
            failure_booking: Mutex::new(()),
            php_activity: AtomicU64::new(0),
            php_flushing: AtomicBool::new(false),
            php_serving: AtomicBool::new(false),
            php_serving_depth: AtomicU32::new(0),
            engine_serving: AtomicBool::new(false),
            unserved_events: AtomicI64::new(0),
            log_up_to: callbacks.log_up_to.unwrap_or(-1),
            queued_logs: AtomicI64::new(0),
            dropped_logs: AtomicI64::new(0),
            epoch: AtomicU64::new(0),
            idle: AtomicBool::new(false),
            orphan_failures: AtomicI64::new(0),
            stores_offsets_on_handoff: AtomicBool::new(false),
        });
        let conf_ptr = conf.as_ptr();
        let opaque = std::ptr::from_ref::<ClientShared>(&shared).cast_mut().cast::<c_void>();
        // SAFETY: conf_ptr is live; the opaque points into a Box that outlives the handle.
        unsafe {
            rdsys::rd_kafka_conf_set_opaque(conf_ptr, opaque);
            if is_producer {
                // Always installed: the engine counts deliveries even when PHP does not want them.
                rdsys::rd_kafka_conf_set_dr_msg_cb(conf_ptr, Some(on_delivery));
            }
            if callbacks.error {
                rdsys::rd_kafka_conf_set_error_cb(conf_ptr, Some(on_error));
            }
            if callbacks.stats {
                rdsys::rd_kafka_conf_set_stats_cb(conf_ptr, Some(on_stats));
            }
            if callbacks.log_up_to.is_some() {
                rdsys::rd_kafka_conf_set_log_cb(conf_ptr, Some(on_log));
            }
            if callbacks.rebalance && !is_producer {
                rdsys::rd_kafka_conf_set_rebalance_cb(conf_ptr, Some(on_rebalance));
            }
            if callbacks.offset_commit && !is_producer {
                wire::conf_set_offset_commit_cb(conf_ptr, Some(on_offset_commit));
            }
            if callbacks.oauthbearer_token_refresh {
                rdsys::rd_kafka_conf_set_oauthbearer_token_refresh_cb(conf_ptr, Some(on_oauthbearer_token_refresh));
            }
        }
        let raw_conf = conf.into_raw();
        let mut errstr = [0 as c_char; 512];
        // SAFETY: raw_conf is a valid conf; on success rd_kafka_new takes it over.
        let rk = unsafe { rdsys::rd_kafka_new(kind, raw_conf, errstr.as_mut_ptr(), errstr.len()) };
        if rk.is_null() {
            // SAFETY: on failure the conf is still ours to free.
            unsafe { rdsys::rd_kafka_conf_destroy(raw_conf) };
            return Err(KafkaError::with_message(NOT_CREATED, cstr_to_string(errstr.as_ptr())));
        }
        LIVE_HANDLES[usize::from(!is_producer)].fetch_add(1, Ordering::Relaxed);
        Ok((Self { rk, shared, destroy_flags: AtomicI32::new(0), generation: super::fork::generation(), is_producer }, receiver))
    }

    pub(crate) fn add_brokers(&self, brokers: &str) -> i32 {
        let Ok(list) = std::ffi::CString::new(brokers) else { return 0 };
        // SAFETY: rk is live; librdkafka copies the list.
        unsafe { rdsys::rd_kafka_brokers_add(self.rk, list.as_ptr()) }
    }

    pub(crate) fn set_log_level(&self, level: i32) {
        // SAFETY: rk is live.
        unsafe { rdsys::rd_kafka_set_log_level(self.rk, level) };
    }
}

impl NativeClient {
    /// Whether this handle came from the parent through `pcntl_fork()`: its threads
    /// do not exist here, so it must not be used or destroyed.
    pub fn is_inherited(&self) -> bool {
        self.generation != super::fork::generation()
    }

    /// `Err` for a handle inherited through `pcntl_fork()`.
    pub fn check_usable(&self) -> KafkaResult<()> {
        if self.is_inherited() {
            return Err(super::fork::inherited_error());
        }
        Ok(())
    }
}

impl Drop for NativeClient {
    fn drop(&mut self) {
        LIVE_HANDLES[usize::from(!self.is_producer)].fetch_sub(1, Ordering::Relaxed);
        if self.is_inherited() {
            // Destroying would wait for threads that are not in this process;
            // the handle's memory is left to the process exit.
            return;
        }
        if self.is_producer && self.shared.undelivered() == 0 {
            // No message is outstanding (the producer's shutdown saw to that), so this
            // only cancels librdkafka's own requests in flight: rd_kafka_destroy() then
            // returns in ~0.3 ms instead of ~0.8 ms (measured), which a web request that
            // makes a producer pays every time. php-rdkafka purges here too.
            // SAFETY: rk is live.
            unsafe { rdsys::rd_kafka_purge(self.rk, rdsys::RD_KAFKA_PURGE_F_QUEUE | rdsys::RD_KAFKA_PURGE_F_INFLIGHT) };
        }
        // SAFETY: we own rk and destroy it once; `shared` is dropped after this returns,
        // so callbacks fired during destruction still see valid state.
        unsafe { rdsys::rd_kafka_destroy_flags(self.rk, self.destroy_flags.load(Ordering::SeqCst)) };
    }
}

/// Recovers our state from the opaque pointer librdkafka hands to callbacks.
///
/// # Safety
/// `opaque` must be the pointer set by `NativeClient::new` for a live client.
unsafe fn shared_from<'a>(opaque: *mut c_void) -> Option<&'a ClientShared> {
    // SAFETY: per the contract, opaque is NULL or points at a live ClientShared.
    unsafe { opaque.cast::<ClientShared>().as_ref() }
}

/// Runs callback code without letting a panic unwind into C (which would abort).
fn no_unwind(body: impl FnOnce()) {
    let _ = catch_unwind(AssertUnwindSafe(body));
}

fn yield_if_consumer(rk: *mut rdsys::rd_kafka_t, shared: &ClientShared) {
    if shared.yield_on_callback {
        // SAFETY: rk is the live handle whose callback is running on this thread.
        unsafe { rdsys::rd_kafka_yield(rk) };
    }
}

unsafe extern "C" fn on_delivery(
    rk: *mut rdsys::rd_kafka_t,
    message: *const rdsys::rd_kafka_message_t,
    opaque: *mut c_void,
) {
    no_unwind(|| {
        // SAFETY: librdkafka passes our opaque.
        let Some(shared) = (unsafe { shared_from(opaque) }) else { return };
        if message.is_null() {
            return;
        }
        // SAFETY: the message is valid for this call; read field by field, as its err may be a code the enum lacks.
        let (private, size, err) = unsafe { ((*message)._private, ((*message).len + (*message).key_len) as i64, code_at(addr_of!((*message).err))) };
        // SAFETY: _private was made by MessageTag::into_raw in ProducerTopic::produce and is taken back once, here.
        let tag = unsafe { MessageTag::from_raw(private) };
        let of_this_request = tag.epoch == shared.epoch.load(Ordering::SeqCst);
        let (counts, sole_writer) = shared.report_counts_here();
        if shared.callbacks.delivery && of_this_request {
            let delivered = DeliveredMessage { raw: message, opaque: tag.opaque.as_deref() };
            ReportCounts::add(&counts.offered, 1, sole_writer);
            match offer_to_sink(shared.id, &delivered) {
                Some(outcome @ (SinkOutcome::Taken | SinkOutcome::TakenStop)) => {
                    if outcome == SinkOutcome::TakenStop {
                        // SAFETY: rk is the live handle serving this callback on this thread.
                        unsafe { rdsys::rd_kafka_yield(rk) };
                    }
                }
                Some(SinkOutcome::Declined) | None => {
                    // SAFETY: message and its topic are valid for this call.
                    let report = unsafe { delivery_report(message, tag.opaque, tag.epoch) };
                    // Still in the bound, as waiting, until PHP takes the report.
                    shared.push(ClientEvent::Delivery(report));
                }
            }
        } else if err != 0 {
            shared.book_dropped_failure(tag.epoch, err);
        }
        // Counted after the push, so that "undelivered + queued" never dips to 0 early,
        // and after the sink ran PHP's callback, so the report held room until then.
        ReportCounts::add(&counts.bytes, size, sole_writer);
        ReportCounts::add(&counts.messages, 1, sole_writer);
    });
}

/// What a produced message carries to its delivery report in librdkafka's
/// per-message opaque: the epoch (request) it was produced in, and the PHP `$msg_opaque`.
/// Encoded without an allocation when there is no PHP opaque: NULL for epoch 0,
/// an odd number for the others (a Box is never at an odd address).
pub(crate) struct MessageTag {
    pub(crate) epoch: u64,
    pub(crate) opaque: Option<Vec<u8>>,
}

struct BoxedTag {
    epoch: u64,
    opaque: Vec<u8>,
}

impl MessageTag {
    pub(crate) fn into_raw(self) -> *mut c_void {
        match self.opaque {
            Some(opaque) => Box::into_raw(Box::new(BoxedTag { epoch: self.epoch, opaque })).cast::<c_void>(),
            None if self.epoch == 0 => std::ptr::null_mut(),
            None => ((self.epoch << 1) | 1) as usize as *mut c_void,
        }
    }

    /// # Safety
    /// `raw` must come from `into_raw` and be taken back only once.
    pub(crate) unsafe fn from_raw(raw: *mut c_void) -> Self {
        let address = raw as usize;
        if address == 0 {
            return Self { epoch: 0, opaque: None };
        }
        if address & 1 == 1 {
            return Self { epoch: (address >> 1) as u64, opaque: None };
        }
        // SAFETY: an even non-NULL tag is a BoxedTag leaked by into_raw (per the contract).
        let boxed = unsafe { Box::from_raw(raw.cast::<BoxedTag>()) };
        Self { epoch: boxed.epoch, opaque: Some(boxed.opaque) }
    }
}

/// # Safety
/// `message` must be a delivery-report message valid for the call.
unsafe fn delivery_report(message: *const rdsys::rd_kafka_message_t, opaque: Option<Vec<u8>>, epoch: u64) -> DeliveryReport {
    let mut timestamp_type = rdsys::rd_kafka_timestamp_type_t::RD_KAFKA_TIMESTAMP_NOT_AVAILABLE;
    // SAFETY: message is valid (read field by field, see `wire`); the topic handle lives as long as the message.
    unsafe {
        let timestamp = rdsys::rd_kafka_message_timestamp(message, &mut timestamp_type);
        let rkt = (*message).rkt;
        DeliveryReport {
            err: code_at(addr_of!((*message).err)),
            topic: if rkt.is_null() { String::new() } else { cstr_to_string(rdsys::rd_kafka_topic_name(rkt)) },
            partition: (*message).partition,
            offset: (*message).offset,
            timestamp,
            payload: copy_bytes((*message).payload, (*message).len),
            key: copy_bytes((*message).key, (*message).key_len),
            headers: read_headers(message),
            opaque,
            epoch,
        }
    }
}

unsafe extern "C" fn on_error(rk: *mut rdsys::rd_kafka_t, err: c_int, reason: *const c_char, opaque: *mut c_void) {
    no_unwind(|| {
        // SAFETY: librdkafka passes the opaque we set.
        let Some(shared) = (unsafe { shared_from(opaque) }) else { return };
        shared.push(ClientEvent::Error { code: err, reason: cstr_to_string(reason) });
        yield_if_consumer(rk, shared);
    });
}

unsafe extern "C" fn on_stats(rk: *mut rdsys::rd_kafka_t, json: *mut c_char, _len: usize, opaque: *mut c_void) -> c_int {
    no_unwind(|| {
        // SAFETY: librdkafka passes the opaque we set.
        let Some(shared) = (unsafe { shared_from(opaque) }) else { return };
        shared.push(ClientEvent::Stats(cstr_to_string(json)));
        yield_if_consumer(rk, shared);
    });
    0 // librdkafka frees the JSON: we copied it.
}

unsafe extern "C" fn on_oauthbearer_token_refresh(rk: *mut rdsys::rd_kafka_t, config: *const c_char, opaque: *mut c_void) {
    no_unwind(|| {
        // SAFETY: librdkafka passes the opaque we set.
        let Some(shared) = (unsafe { shared_from(opaque) }) else { return };
        let config = (!config.is_null()).then(|| cstr_to_string(config));
        shared.push(ClientEvent::OauthbearerTokenRefresh { config });
        yield_if_consumer(rk, shared);
    });
}

unsafe extern "C" fn on_log(rk: *const rdsys::rd_kafka_t, level: c_int, facility: *const c_char, message: *const c_char) {
    no_unwind(|| {
        // SAFETY: rk is live for the callback; its opaque is the one we set.
        let Some(shared) = (unsafe { shared_from(rdsys::rd_kafka_opaque(rk)) }) else { return };
        if level > shared.log_up_to {
            return;
        }
        // A client PHP does not poll must not grow: past the bound, lines are counted, not kept.
        if shared.queued_logs.fetch_add(1, Ordering::SeqCst) >= MAX_QUEUED_LOGS {
            shared.queued_logs.fetch_sub(1, Ordering::SeqCst);
            shared.dropped_logs.fetch_add(1, Ordering::SeqCst);
            return;
        }
        let dropped = shared.dropped_logs.swap(0, Ordering::SeqCst);
        // SAFETY: rk is live for the callback; the name is a string owned by it.
        let client = cstr_to_string(unsafe { rdsys::rd_kafka_name(rk) });
        shared.push(ClientEvent::Log { level, facility: cstr_to_string(facility), message: cstr_to_string(message), client, dropped });
    });
}

/// `err` may stay rdkafka-sys's enum: librdkafka only ever passes its own
/// `_ASSIGN_PARTITIONS` or `_REVOKE_PARTITIONS` here, never a broker's code.
unsafe extern "C" fn on_rebalance(
    rk: *mut rdsys::rd_kafka_t,
    err: rdsys::rd_kafka_resp_err_t,
    partitions: *mut rdsys::rd_kafka_topic_partition_list_t,
    opaque: *mut c_void,
) {
    // The assignment itself is left to PHP's rebalance callback (it calls assign()),
    // which the consumer runs as soon as the yield returns control to it.
    // SAFETY: librdkafka passes our opaque and a list valid for this call.
    unsafe { push_partitions_event(rk, opaque, partitions, |partitions| ClientEvent::Rebalance { code: err as i32, partitions }) };
}

/// Installed through `wire` so that the commit's error, a broker's, arrives as an int.
unsafe extern "C" fn on_offset_commit(rk: *mut rdsys::rd_kafka_t, err: c_int, offsets: *mut rdsys::rd_kafka_topic_partition_list_t, opaque: *mut c_void) {
    // SAFETY: librdkafka passes our opaque and a list valid for this call.
    unsafe { push_partitions_event(rk, opaque, offsets, |partitions| ClientEvent::OffsetCommit { code: err, partitions }) };
}

/// Copies a partition list into an event for PHP and yields to the consumer's poll.
///
/// # Safety
/// `opaque` must be our ClientShared pointer and `list` NULL or valid for the call.
unsafe fn push_partitions_event(
    rk: *mut rdsys::rd_kafka_t,
    opaque: *mut c_void,
    list: *const rdsys::rd_kafka_topic_partition_list_t,
    event: impl FnOnce(Vec<TopicPartition>) -> ClientEvent,
) {
    no_unwind(|| {
        // SAFETY: per the contract.
        let Some(shared) = (unsafe { shared_from(opaque) }) else { return };
        // SAFETY: per the contract.
        shared.push(event(unsafe { partitions_of(list) }));
        yield_if_consumer(rk, shared);
    });
}
