//! The producer: handle, topics, produce, and serving its events to PHP.

use std::cell::Cell;
use std::ffi::CString;
use std::ops::ControlFlow;
use std::os::raw::c_void;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crossbeam_channel::RecvTimeoutError;
use rdkafka_sys as rdsys;

use super::client::{ClientEvent, DeliverySink, EnabledCallbacks, InflightLimit, MessageTag, NativeClient, SinkOutcome, PURGE_ERRORS};
use super::conf::{MemoryDefaults, NativeConf, NativeTopicConf};
use super::engine_thread::{Engine, ProducerCore};
use super::error::{ERR_INTR, ERR_INVALID_ARG, KafkaError, KafkaResult};
use super::interrupt;
use super::message::DeliveredMessage;
use super::persistent::{self, PersistentKey};
use super::wire;

/// `RD_KAFKA_PARTITION_UA`: let the partitioner choose.
pub const PARTITION_UA: i32 = -1;
/// How long a producer that goes away with messages outstanding keeps trying.
pub const DEFAULT_SHUTDOWN_FLUSH: Duration = Duration::from_secs(5);
/// The longest single wait inside flush(), so events reach PHP while it waits.
const FLUSH_SLICE: Duration = Duration::from_millis(50);
/// The longest single wait inside poll(), for events that bypass the main queue.
const POLL_SLICE: Duration = Duration::from_millis(10);

/// `RD_KAFKA_RESP_ERR__TIMED_OUT`
pub const ERR_TIMED_OUT: i32 = -185;

/// `RD_KAFKA_RESP_ERR__QUEUE_FULL`
pub const ERR_QUEUE_FULL: i32 = -184;
/// How long a blocked produce() sleeps before it looks for room again.
const ROOM_SLICE: Duration = Duration::from_millis(10);
/// How long a producer that gives up waits for librdkafka to hand back purged messages.
const PURGE_GRACE: Duration = Duration::from_secs(1);

/// What a producer that went away could not deliver.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ShutdownReport {
    /// Messages whose failure was reported during the shutdown (any request's,
    /// for a persistent handle), plus those the shutdown purged when its flush
    /// gave up, plus any still unreported after the purge (PHP saw none of them).
    pub lost: i64,
    /// Messages of a transaction that was not committed (nor aborted): the shutdown
    /// aborts it (if it can), and none of them will be read as committed.
    pub uncommitted: i64,
}

pub struct Producer {
    core: Arc<ProducerCore>,
    shutdown_flush: Duration,
    shut_down: bool,
    /// Set for an `rdkafka_rs.persistent` producer: `end_request` parks its handle.
    persistent: Option<PersistentKey>,
    /// The handle waits in the pool: dropping this leaves it alone.
    parked: bool,
    /// `produced()` when the open transaction began (`NO_TRANSACTION` when none is open).
    pub(crate) transaction_began_at: AtomicI64,
}

/// `transaction_began_at` of a producer with no transaction open.
pub(crate) const NO_TRANSACTION: i64 = -1;

/// What a persistent producer's request end did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RequestEndReport {
    /// Messages of the request whose delivery failed during the request-end flush
    /// (or, if the handle could not be parked, that its shutdown could not deliver).
    pub lost: i64,
    /// Messages still on their way when the flush ended: they stay queued on the
    /// parked handle and are delivered after the request.
    pub still_in_flight: i64,
    pub parked: bool,
}

impl Producer {
    /// The in-flight bound is read from `queue.buffering.max.messages` and
    /// `queue.buffering.max.kbytes`, so librdkafka's queue and ours agree.
    /// `rdkafka_rs.persistent` is not looked at: see `open`.
    pub fn new(conf: NativeConf, callbacks: EnabledCallbacks) -> KafkaResult<Self> {
        Self::create(conf, callbacks, None)
    }

    /// A producer for `conf` with rdkafka-rs's memory `defaults` filled in. With
    /// `rdkafka_rs.persistent`, a parked handle of the same configuration is taken
    /// when there is one (without copying `conf`), and a new handle is persistent.
    pub fn open(conf: &NativeConf, defaults: &MemoryDefaults, callbacks: EnabledCallbacks) -> KafkaResult<Self> {
        let persistent = PersistentKey::of(conf, defaults, callbacks);
        if let Some(key) = &persistent {
            if conf.is_transactional() {
                return Err(KafkaError::with_message(
                    ERR_INVALID_ARG,
                    format!(
                        "rdkafka_rs.persistent=\"{}\" cannot be used with transactional.id: a transaction must not outlive its request; \
                         remove one of the two",
                        key.id()
                    ),
                ));
            }
            if let Some(core) = persistent::take(key) {
                return Ok(Self::around(core, persistent));
            }
        }
        let mut native = conf.duplicate();
        native.apply_producer_defaults(defaults)?;
        Self::create(native, callbacks, persistent)
    }

    fn create(conf: NativeConf, callbacks: EnabledCallbacks, persistent: Option<PersistentKey>) -> KafkaResult<Self> {
        let limit = inflight_limit(&conf);
        let (client, events) =
            NativeClient::new(rdsys::rd_kafka_type_t::RD_KAFKA_PRODUCER, conf, callbacks, limit)?;
        let core = Engine::adopt(client, events);
        if persistent.is_some() {
            persistent::created(&core);
        }
        Ok(Self::around(core, persistent))
    }

    fn around(core: Arc<ProducerCore>, persistent: Option<PersistentKey>) -> Self {
        Self {
            core,
            shutdown_flush: DEFAULT_SHUTDOWN_FLUSH,
            shut_down: false,
            persistent,
            parked: false,
            transaction_began_at: AtomicI64::new(NO_TRANSACTION),
        }
    }

    /// Whether the handle outlives this producer (`rdkafka_rs.persistent`).
    pub fn is_persistent(&self) -> bool {
        self.persistent.is_some()
    }

    /// A persistent producer's request is over: delivers what it can within
    /// `request_flush` (reports are counted, not handed to PHP callbacks), then
    /// parks the handle, connections open, for the next request. Messages still
    /// on their way stay queued on the handle; their reports, like every report
    /// from now on, are no longer this request's. With `max_parked` handles
    /// already parked, it shuts down as a producer that is not persistent.
    /// Events other than delivery reports go to `other_events`, which must not run PHP code.
    pub fn end_request(&mut self, request_flush: Duration, max_parked: usize, mut other_events: impl FnMut(ClientEvent)) -> RequestEndReport {
        let Some(key) = self.persistent.take() else {
            return RequestEndReport { lost: self.shutdown_serving(self.shutdown_flush, other_events).lost, ..RequestEndReport::default() };
        };
        if self.shut_down || self.core.client.is_inherited() {
            return RequestEndReport::default();
        }
        let shared = self.core.shared();
        let dropped_failures_before = shared.dropped_failures.load(Ordering::SeqCst);
        let mut failures = 0;
        let mut count_failures = |event: ClientEvent| {
            match &event {
                ClientEvent::Delivery(report) => failures += i64::from(report.err != 0 && !PURGE_ERRORS.contains(&report.err)),
                _ => other_events(event),
            }
            ControlFlow::Continue(())
        };
        if !request_flush.is_zero() && self.out_queue_len() > 0 {
            self.flush_until(request_flush, &mut count_failures, false);
        }
        // Reports already here are still this request's (request_flush_ms=0 serves nothing above).
        if self.core.shared().undelivered() > 0 {
            self.core.serve_main_queue();
        }
        let _ = self.core.serve_waiting(&mut count_failures);
        // From here on, a report is the next request's to drop, never this one's to serve.
        let dropped_failures_at_end = persistent::end_epoch(&self.core);
        let _ = self.core.serve_waiting(&mut count_failures);
        let lost = failures + dropped_failures_at_end - dropped_failures_before;
        let still_in_flight = shared.undelivered();
        match persistent::park(key, Arc::clone(&self.core), self.shutdown_flush, max_parked) {
            Ok(()) => {
                (self.shut_down, self.parked) = (true, true);
                RequestEndReport { lost, still_in_flight, parked: true }
            }
            Err(_) => {
                let report = self.shutdown_serving(self.shutdown_flush, other_events);
                RequestEndReport { lost: lost + report.lost, still_in_flight: 0, parked: false }
            }
        }
    }

    /// The process ends: every parked handle delivers what it holds within the
    /// shutdown flush time it was parked with, then goes. Returns the messages lost.
    pub fn shut_down_parked() -> i64 {
        let mut lost = 0;
        persistent::drain(|core, shutdown_flush| {
            let mut producer = Self::around(core, None);
            producer.shutdown_flush = shutdown_flush;
            lost += producer.shutdown(shutdown_flush).lost;
        });
        lost
    }

    /// How long dropping this producer waits for outstanding messages.
    pub fn set_shutdown_flush(&mut self, timeout: Duration) {
        self.shutdown_flush = timeout;
    }

    /// The handle, for what works on any client (`handle.rs`).
    /// The handle's owner, for an AdminClient that reuses this producer's connections.
    pub fn owner(&self) -> Arc<dyn super::topic::ClientOwner> {
        Arc::clone(&self.core) as Arc<dyn super::topic::ClientOwner>
    }

    pub fn handle(&self) -> &NativeClient {
        &self.core.client
    }

    pub fn add_brokers(&self, brokers: &str) -> i32 {
        self.core.client.add_brokers(brokers)
    }

    pub fn set_log_level(&self, level: i32) {
        self.core.client.set_log_level(level);
    }

    pub fn new_topic(&self, name: &str, conf: Option<&NativeTopicConf>) -> KafkaResult<ProducerTopic> {
        ProducerTopic::new(Arc::clone(&self.core), name, conf)
    }

    /// Messages not yet delivered plus events not yet served, as php-rdkafka counts.
    pub fn out_queue_len(&self) -> i64 {
        self.core.out_queue_len()
    }

    /// The bound on messages and bytes in flight.
    pub fn inflight_limit(&self) -> InflightLimit {
        self.core.shared().limit
    }

    /// The engine side, for scenarios that steer the engine thread.
    #[cfg(test)]
    pub(crate) fn core_for_tests(&self) -> &ProducerCore {
        &self.core
    }

    pub(crate) fn core(&self) -> &ProducerCore {
        &self.core
    }

    /// Hands every event already waiting on the channel to `serve`, without blocking.
    pub(crate) fn serve_channel(&self, serve: &mut impl FnMut(ClientEvent) -> ControlFlow<()>) -> ControlFlow<()> {
        self.core.serve_waiting(serve)
    }

    /// Messages and payload + key bytes in flight now.
    pub fn inflight(&self) -> (i64, i64) {
        self.core.shared().inflight()
    }

    /// Messages librdkafka has not reported on yet.
    pub fn undelivered(&self) -> i64 {
        self.core.shared().undelivered()
    }

    /// Delivery reports dropped because no PHP callback wanted them.
    pub fn dropped_reports(&self) -> i64 {
        self.core.shared().dropped_reports()
    }

    /// Waits up to `timeout` for an event, then serves every event waiting.
    /// Returns how many were served, counted as php-rdkafka counts them (a batch
    /// of delivery reports is one event); `serve` may stop early with `Break`.
    /// With `deliver`, delivery reports served by this call go straight to it
    /// (no copy, no channel); reports queued earlier still come through `serve`.
    pub fn poll(
        &self,
        timeout: Duration,
        mut serve: impl FnMut(ClientEvent) -> ControlFlow<()>,
        mut deliver: Option<&mut DeliverySink<'_>>,
    ) -> usize {
        if self.core.client.is_inherited() {
            return 0; // see fork.rs
        }
        let served = Cell::new(0usize);
        let stopped = Cell::new(false);
        let mut counted = |event: ClientEvent| {
            served.set(served.get() + 1);
            let outcome = serve(event);
            stopped.set(outcome.is_break());
            outcome
        };
        let mut counting_sink = |message: &DeliveredMessage<'_>| {
            if stopped.get() {
                return SinkOutcome::Declined;
            }
            let outcome = deliver.as_mut().map_or(SinkOutcome::Declined, |deliver| deliver(message));
            stopped.set(outcome == SinkOutcome::TakenStop);
            outcome
        };
        let mut round = |wait: Duration, counting_sink: &mut DeliverySink<'_>| {
            // The channel first: what it holds is older than what the main queue still has.
            if self.core.serve_waiting(&mut counted).is_break() {
                return;
            }
            // Reports handed to the sink are part of the events librdkafka counts here.
            served.set(served.get() + self.core.serve_main_queue_here(wait, Some(counting_sink)));
            if !stopped.get() {
                let _ = self.core.serve_waiting(&mut counted);
            }
        };
        round(Duration::ZERO, &mut counting_sink);
        if served.get() > 0 || stopped.get() || timeout.is_zero() {
            return served.get();
        }
        let deadline = Instant::now() + timeout;
        loop {
            let remaining = deadline.saturating_duration_since(Instant::now());
            if remaining.is_zero() {
                return served.get();
            }
            // Events from librdkafka's own threads (logs) skip the main queue: look in slices.
            round(remaining.min(POLL_SLICE), &mut counting_sink);
            if served.get() > 0 || stopped.get() || interrupt::requested() {
                return served.get();
            }
        }
    }

    /// Whether a `poll(0)` now would serve nothing: no event waits on the channel and
    /// librdkafka has signalled nothing new on the main queue (see `main_queue_signalled`).
    /// Counts as the script's activity, as the `poll(0)` it stands for would.
    pub fn nothing_to_poll_now(&self) -> bool {
        let shared = self.core.shared();
        shared.note_php_activity();
        !shared.has_unserved_events() && !shared.main_queue_signalled.load(Ordering::Relaxed)
    }

    /// `poll(0)` of a producer without PHP callbacks, the call a produce loop makes
    /// per message: no event can reach its channel (reports nobody wants are
    /// dropped where they are served), so serving the main queue is all there is.
    /// Falls back to `poll` if the channel holds anything after all.
    pub fn poll_now_without_callbacks(&self) -> usize {
        if self.core.shared().has_unserved_events() || self.core.client.is_inherited() {
            return self.poll(Duration::ZERO, |_| ControlFlow::Continue(()), None);
        }
        self.core.serve_main_queue_now()
    }

    /// Serves events until nothing is outstanding or `timeout` passes.
    /// Returns 0 (`NO_ERROR`) or `RD_KAFKA_RESP_ERR__TIMED_OUT`.
    /// Returns early (as timed out) when PHP has a signal handler to run.
    pub fn flush(&self, timeout: Duration, serve: impl FnMut(ClientEvent) -> ControlFlow<()>) -> i32 {
        self.flush_until(timeout, serve, true)
    }

    fn flush_until(&self, timeout: Duration, mut serve: impl FnMut(ClientEvent) -> ControlFlow<()>, interruptible: bool) -> i32 {
        if self.core.client.is_inherited() {
            return super::fork::inherited_error().code;
        }
        let deadline = Instant::now() + timeout;
        loop {
            if self.core.serve_waiting(&mut serve).is_break() {
                return 0;
            }
            if self.out_queue_len() == 0 {
                return 0;
            }
            let remaining = deadline.saturating_duration_since(Instant::now());
            if remaining.is_zero() || (interruptible && interrupt::requested()) {
                return ERR_TIMED_OUT;
            }
            let slice = remaining.min(FLUSH_SLICE);
            if self.core.shared().undelivered() > 0 {
                self.core.flush_here(slice);
            } else {
                match self.core.events.recv_timeout(slice) {
                    Ok(event) => {
                        if self.core.take(event).is_some_and(|event| serve(event).is_break()) {
                            return 0;
                        }
                    }
                    Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => {}
                }
            }
        }
    }

    /// `rd_kafka_purge`: drops queued and/or in-flight messages (they are reported as failed).
    pub fn purge(&self, flags: i32) -> i32 {
        if self.core.client.is_inherited() {
            return super::fork::inherited_error().code;
        }
        // SAFETY: rk is live.
        unsafe { rdsys::rd_kafka_purge(self.core.client.rk, flags) as i32 }
    }

    /// Delivers what is outstanding within `timeout`, without running PHP
    /// callbacks, then purges the rest. A zero timeout purges at once and
    /// reports nothing lost: php-rdkafka's behaviour, for those who ask for it.
    /// Runs once; dropping the producer runs it with the configured timeout.
    pub fn shutdown(&mut self, timeout: Duration) -> ShutdownReport {
        self.shutdown_serving(timeout, |_| {})
    }

    /// `shutdown`, handing the events other than delivery reports (logs, errors)
    /// to `other_events`, which must not run PHP user code.
    pub fn shutdown_serving(&mut self, timeout: Duration, mut other_events: impl FnMut(ClientEvent)) -> ShutdownReport {
        if std::mem::replace(&mut self.shut_down, true) || self.core.client.is_inherited() {
            return ShutdownReport::default();
        }
        let shared = self.core.shared();
        // Failures the engine drops count whichever request's message failed: a
        // parked handle's epoch has ended, and its messages are lost all the same.
        // Earlier requests' failures booked before now go to the stats, as failed after their request.
        let dropped_failures_before = shared.dropped_failures.load(Ordering::SeqCst);
        persistent::count_failed_after_request(shared);
        let mut tally = ShutdownTally::default();
        let uncommitted = if timeout.is_zero() { 0 } else { self.abort_open_transaction(timeout, &mut tally, &mut other_events) };
        if !timeout.is_zero() && self.out_queue_len() > 0 {
            self.flush_until(timeout, |event| tally.serve(event, &mut other_events), false);
        }
        let dropped_purges_before = shared.dropped_purges.load(Ordering::SeqCst);
        if shared.undelivered() > 0 {
            tally.after_our_purge = true;
            self.purge(rdsys::RD_KAFKA_PURGE_F_QUEUE | rdsys::RD_KAFKA_PURGE_F_INFLIGHT);
            // The purged messages come back as delivery reports; collecting them frees their opaques.
            self.flush_until(PURGE_GRACE, |event| tally.serve(event, &mut other_events), false);
        }
        let _ = self.core.serve_waiting(&mut |event| tally.serve(event, &mut other_events));
        if timeout.is_zero() {
            return ShutdownReport::default();
        }
        // Counted once the purged messages are back, so that one delivered after
        // all (its answer was on the way) is not counted lost.
        let dropped_purges = if tally.after_our_purge { shared.dropped_purges.load(Ordering::SeqCst) - dropped_purges_before } else { 0 };
        let dropped_failures = shared.dropped_failures.load(Ordering::SeqCst) - dropped_failures_before + shared.orphan_failures.load(Ordering::SeqCst);
        ShutdownReport { lost: tally.failed + tally.purged_by_us + dropped_purges + dropped_failures + shared.undelivered(), uncommitted }
    }

    /// Aborts a transaction left open, returning how many messages it held. Flushing
    /// them would write them into a transaction nobody commits: consumers reading
    /// uncommitted data would see them, and read_committed ones would stall until
    /// the broker's transaction.timeout.ms. Aborting purges what is still queued
    /// (its reports are collected, not counted as lost) and ends the transaction now.
    fn abort_open_transaction(&self, timeout: Duration, tally: &mut ShutdownTally, other_events: &mut impl FnMut(ClientEvent)) -> i64 {
        let began_at = self.transaction_began_at.swap(NO_TRANSACTION, Ordering::SeqCst);
        if began_at == NO_TRANSACTION {
            return 0;
        }
        // SAFETY: rk is live; a returned error object is ours (a fatal error: the messages are lost all the same).
        let _ = unsafe { KafkaError::check_native(rdsys::rd_kafka_abort_transaction(self.core.client.rk, millis(timeout))) };
        self.flush_until(PURGE_GRACE, |event| tally.serve_uncounted(event, other_events), false);
        self.core.shared().produced() - began_at
    }
}

/// The delivery reports a shutdown serves itself: they are counted, not handed
/// to PHP; every other event goes on to the caller.
#[derive(Default)]
struct ShutdownTally {
    failed: i64,
    purged_by_us: i64,
    /// The shutdown purged what the flush left: purge reports from now on are its own.
    after_our_purge: bool,
}

impl ShutdownTally {
    /// Collects delivery reports without counting them (an aborted transaction's, counted apart).
    fn serve_uncounted(&mut self, event: ClientEvent, other_events: &mut impl FnMut(ClientEvent)) -> ControlFlow<()> {
        if !matches!(event, ClientEvent::Delivery(_)) {
            other_events(event);
        }
        ControlFlow::Continue(())
    }

    fn serve(&mut self, event: ClientEvent, other_events: &mut impl FnMut(ClientEvent)) -> ControlFlow<()> {
        match &event {
            ClientEvent::Delivery(report) if report.err == 0 => {}
            ClientEvent::Delivery(report) if !PURGE_ERRORS.contains(&report.err) => self.failed += 1,
            // Messages purge()d by the application earlier were given up on purpose, not lost.
            ClientEvent::Delivery(_) => self.purged_by_us += i64::from(self.after_our_purge),
            _ => other_events(event),
        }
        ControlFlow::Continue(())
    }
}

impl Drop for Producer {
    fn drop(&mut self) {
        if self.parked {
            return; // the pool holds the handle for the next request
        }
        // Unlike php-rdkafka, a producer that goes away first tries to deliver what it holds.
        self.shutdown(self.shutdown_flush);
        Engine::release(self.core.id());
    }
}

impl ProducerCore {
    fn out_queue_len(&self) -> i64 {
        let shared = self.shared();
        shared.undelivered() + shared.queued_events.load(Ordering::SeqCst).max(0)
    }

    /// Takes an event off the channel for PHP. A delivery report of an earlier
    /// request is dropped (counted if it failed): the engine thread can queue one
    /// just as that request ends, after its last look at the channel.
    fn take(&self, event: ClientEvent) -> Option<ClientEvent> {
        let shared = self.shared();
        shared.taken(&event);
        if let ClientEvent::Delivery(report) = &event {
            if report.epoch != shared.epoch.load(Ordering::SeqCst) {
                if report.err != 0 {
                    shared.book_dropped_failure(report.epoch, report.err);
                }
                return None;
            }
        }
        Some(event)
    }

    /// Serves every event already waiting, without blocking.
    fn serve_waiting(&self, serve: &mut impl FnMut(ClientEvent) -> ControlFlow<()>) -> ControlFlow<()> {
        while self.shared().has_unserved_events() {
            let Ok(event) = self.events.try_recv() else { break };
            if let Some(event) = self.take(event) {
                serve(event)?;
            }
        }
        ControlFlow::Continue(())
    }

    /// Waits, serving events, until one more message of `bytes` fits the bound.
    /// `Break` means a PHP callback threw.
    fn wait_for_room(&self, bytes: i64, serve: &mut impl FnMut(ClientEvent) -> ControlFlow<()>) -> ControlFlow<()> {
        loop {
            // Reports PHP has not taken yet hold room; taking them gives it back.
            self.serve_waiting(serve)?;
            if self.shared().has_room(bytes) {
                return ControlFlow::Continue(());
            }
            self.serve_main_queue_here(ROOM_SLICE, None);
        }
    }

    fn queue_full(&self) -> KafkaError {
        let shared = self.shared();
        let limit = shared.limit;
        let (property, value) = if shared.inflight().0 >= limit.max_messages {
            ("queue.buffering.max.messages", limit.max_messages)
        } else {
            ("queue.buffering.max.kbytes", limit.max_bytes / 1024)
        };
        KafkaError::with_message(
            ERR_QUEUE_FULL,
            format!(
                "Local: Queue full ({property}={value} reached by messages not yet reported): \
                 serve delivery reports with poll(), pass RD_KAFKA_MSG_F_BLOCK to wait for room, or raise {property}"
            ),
        )
    }
}

/// The bound librdkafka's queue settings give: 0 messages means no count bound.
fn inflight_limit(conf: &NativeConf) -> InflightLimit {
    let read = |name: &str| conf.get(name).and_then(|value| value.parse::<i64>().ok());
    let max_messages = match read("queue.buffering.max.messages") {
        Some(0) => i64::MAX,
        Some(messages) => messages,
        None => InflightLimit::UNBOUNDED.max_messages,
    };
    let max_bytes = read("queue.buffering.max.kbytes").map_or(i64::MAX, |kbytes| kbytes.saturating_mul(1024));
    let max_message_bytes = read("message.max.bytes").unwrap_or(i64::MAX);
    InflightLimit { max_messages, max_bytes, max_message_bytes }
}

pub(crate) fn millis(duration: Duration) -> i32 {
    i32::try_from(duration.as_millis()).unwrap_or(i32::MAX)
}

/// A script that produces without polling has the reports no PHP callback wants
/// served every this many produce() calls, not only when its bound is reached:
/// the messages then go back to malloc a few at a time and are reused, where
/// freeing a whole bound's worth at once returned the heap to the kernel and
/// faulted it back in (5× the page faults, 50 instead of 31 MiB peak RSS, and
/// 0.2 µs more CPU per message in the "no poll() until flush" benchmark row).
const SERVE_EVERY_PRODUCED: u64 = 1024;

/// The most a message's framing adds to its payload and key on the wire
/// (librdkafka's `RD_KAFKAP_MESSAGE_V2_MAX_OVERHEAD`): over `message.max.bytes`
/// with this added, librdkafka refuses the message whatever its headers.
const MESSAGE_OVERHEAD: i64 = 36;

/// One message for `ProducerTopic::produce`.
#[derive(Debug, Default)]
pub struct ProduceRequest<'a> {
    pub partition: i32,
    /// `RD_KAFKA_MSG_F_*` flags from the caller; payloads are always copied.
    pub flags: i32,
    pub payload: Option<&'a [u8]>,
    pub key: Option<&'a [u8]>,
    /// Name (any bytes but NUL) and value of each header.
    pub headers: Vec<(&'a [u8], Option<&'a [u8]>)>,
    pub timestamp_ms: Option<i64>,
    /// Returned with the delivery report.
    pub opaque: Option<Vec<u8>>,
}

/// A topic handle of a producer, kept for the topic's lifetime so that
/// produce() does not look the topic up by name for every message.
pub struct ProducerTopic {
    core: Arc<ProducerCore>,
    rkt: *mut rdsys::rd_kafka_topic_t,
    name: String,
}

impl ProducerTopic {
    fn new(core: Arc<ProducerCore>, name: &str, conf: Option<&NativeTopicConf>) -> KafkaResult<Self> {
        // In a forked child the handle's threads do not exist: librdkafka's locks may be held forever.
        core.client.check_usable()?;
        let c_name = CString::new(name)
            .map_err(|_| KafkaError::with_message(ERR_INVALID_ARG, "Topic names must not contain a NUL byte"))?;
        let conf = conf.map_or(std::ptr::null_mut(), |conf| conf.duplicate().into_raw());
        // SAFETY: rk is live; librdkafka takes ownership of the (duplicated) conf.
        let rkt = unsafe { rdsys::rd_kafka_topic_new(core.client.rk, c_name.as_ptr(), conf) };
        if rkt.is_null() {
            return Err(KafkaError::last());
        }
        Ok(Self { core, rkt, name: name.to_string() })
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    /// Queues one message. When the in-flight bound is reached it fails with
    /// `QUEUE_FULL`, or with `RD_KAFKA_MSG_F_BLOCK` waits for room, handing the
    /// events that arrive meanwhile to `serve` (which may stop the wait with `Break`).
    pub fn produce(
        &self,
        mut request: ProduceRequest<'_>,
        mut serve: impl FnMut(ClientEvent) -> ControlFlow<()>,
    ) -> KafkaResult<()> {
        self.core.client.check_usable()?;
        let bytes = (request.payload.map_or(0, <[u8]>::len) + request.key.map_or(0, <[u8]>::len)) as i64;
        let shared = self.core.shared();
        let activity = shared.note_php_activity();
        // librdkafka refuses a message over message.max.bytes with MSG_SIZE_TOO_LARGE
        // without queuing it: that is the error to give, not the bound's QUEUE_FULL.
        let too_large = bytes.saturating_add(MESSAGE_OVERHEAD) > shared.limit.max_message_bytes;
        let mut room = too_large || shared.has_room(bytes);
        let serve_now = !room || (activity.is_multiple_of(SERVE_EVERY_PRODUCED) && !shared.reports_wanted());
        if serve_now && self.core.main_queue_len() > 0 {
            // Reports waiting in librdkafka hold room while the engine thread stands
            // back for this busy script: serving them here (no PHP code runs) frees
            // the room of every report no PHP callback wants.
            self.core.serve_main_queue();
            room = shared.has_room(bytes);
        }
        if !room {
            if bytes > shared.limit.max_bytes {
                // librdkafka refuses it too; waiting would never make room.
                return Err(KafkaError::with_message(
                    ERR_QUEUE_FULL,
                    format!(
                        "Local: Queue full (a message of {bytes} bytes is larger than queue.buffering.max.kbytes={}): raise queue.buffering.max.kbytes",
                        shared.limit.max_bytes / 1024
                    ),
                ));
            }
            if request.flags & rdsys::RD_KAFKA_MSG_F_BLOCK == 0 {
                return Err(self.core.queue_full());
            }
            if self.core.wait_for_room(bytes, &mut serve).is_break() {
                return Err(KafkaError::from_code(ERR_INTR));
            }
        }
        // None (nothing to drop) for the common message without headers.
        let header_names: Option<Vec<CString>> = if request.headers.is_empty() {
            None
        } else {
            Some(
                request
                    .headers
                    .iter()
                    .map(|(name, _)| CString::new(name.to_vec()))
                    .collect::<Result<_, _>>()
                    .map_err(|_| KafkaError::with_message(ERR_INVALID_ARG, "Header names must not contain a NUL byte"))?,
            )
        };

        let opaque = MessageTag { epoch: shared.epoch.load(Ordering::Relaxed), opaque: request.opaque.take() }.into_raw();
        shared.count_produced(bytes);
        let code = match &header_names {
            None if request.timestamp_ms.is_none() => self.produce_plain(&request, opaque),
            names => self.produce_with_headers(&request, names.as_deref().unwrap_or_default(), opaque),
        };
        if code == 0 {
            return Ok(());
        }
        shared.uncount_produced(bytes);
        // SAFETY: librdkafka refused the message, so the tag is still ours.
        drop(unsafe { MessageTag::from_raw(opaque) });
        // php-rdkafka's message for a refused message: librdkafka's text for the code.
        Err(KafkaError::from_code(code))
    }

    /// `rd_kafka_produce`: the cheapest call, for messages without headers or timestamp.
    /// Returns 0 or the error code. (`produceBatch()` queues its messages one by one
    /// through here too: librdkafka's `rd_kafka_produce_batch` was measured and saves
    /// nothing for `RD_KAFKA_PARTITION_UA`: it still takes the partition lock per
    /// message, and building its array costs more.)
    fn produce_plain(&self, request: &ProduceRequest<'_>, opaque: *mut c_void) -> i32 {
        let (payload, payload_len) = request.payload.map_or((std::ptr::null_mut(), 0), |p| (p.as_ptr().cast_mut().cast::<c_void>(), p.len()));
        let (key, key_len) = request.key.map_or((std::ptr::null(), 0), |k| (k.as_ptr().cast::<c_void>(), k.len()));
        let flags = request.flags | rdsys::RD_KAFKA_MSG_F_COPY;
        // SAFETY: rkt is live; payload and key are copied by librdkafka (F_COPY) during the call.
        let result = unsafe { rdsys::rd_kafka_produce(self.rkt, request.partition, flags, payload, payload_len, key, key_len, opaque) };
        if result == 0 {
            0
        } else {
            // SAFETY: reads this thread's last librdkafka error, set by the failed call.
            unsafe { wire::last_error() }
        }
    }

    /// `rd_kafka_produceva`, for messages with headers or a timestamp. Returns 0 or the error code.
    fn produce_with_headers(&self, request: &ProduceRequest<'_>, header_names: &[CString], opaque: *mut c_void) -> i32 {
        use rdsys::rd_kafka_vtype_t as V;
        let mut values = VuList::new();
        let mut push = |vtype: V, u: rdsys::rd_kafka_vu_s__bindgen_ty_1| values.push(rdsys::rd_kafka_vu_t { vtype, u });
        push(V::RD_KAFKA_VTYPE_RKT, rdsys::rd_kafka_vu_s__bindgen_ty_1 { rkt: self.rkt });
        push(V::RD_KAFKA_VTYPE_PARTITION, rdsys::rd_kafka_vu_s__bindgen_ty_1 { i32_: request.partition });
        push(V::RD_KAFKA_VTYPE_MSGFLAGS, rdsys::rd_kafka_vu_s__bindgen_ty_1 { i: request.flags | rdsys::RD_KAFKA_MSG_F_COPY });
        if let Some(payload) = request.payload {
            push(V::RD_KAFKA_VTYPE_VALUE, rdsys::rd_kafka_vu_s__bindgen_ty_1 { mem: memory(payload) });
        }
        if let Some(key) = request.key {
            push(V::RD_KAFKA_VTYPE_KEY, rdsys::rd_kafka_vu_s__bindgen_ty_1 { mem: memory(key) });
        }
        if let Some(timestamp) = request.timestamp_ms {
            push(V::RD_KAFKA_VTYPE_TIMESTAMP, rdsys::rd_kafka_vu_s__bindgen_ty_1 { i64_: timestamp });
        }
        for (name, (_, value)) in header_names.iter().zip(&request.headers) {
            let (val, size) = value.map_or((std::ptr::null(), 0), |v| (v.as_ptr().cast::<c_void>(), v.len() as isize));
            let header = rdsys::rd_kafka_vu_s__bindgen_ty_1__bindgen_ty_2 { name: name.as_ptr(), val, size };
            push(V::RD_KAFKA_VTYPE_HEADER, rdsys::rd_kafka_vu_s__bindgen_ty_1 { header });
        }
        if !opaque.is_null() {
            push(V::RD_KAFKA_VTYPE_OPAQUE, rdsys::rd_kafka_vu_s__bindgen_ty_1 { ptr: opaque });
        }
        // SAFETY: rk and rkt are live; every pointer in `values` outlives the call (payloads are copied).
        let error = unsafe { rdsys::rd_kafka_produceva(self.core.client.rk, values.as_slice().as_ptr(), values.as_slice().len()) };
        if error.is_null() {
            return 0;
        }
        // SAFETY: produceva returned an error object that we now own.
        unsafe { KafkaError::from_native_error(error) }.code
    }
}

/// produceva's argument list: on the stack, unless headers make it longer.
struct VuList {
    inline: [rdsys::rd_kafka_vu_t; 8],
    len: usize,
    spilled: Vec<rdsys::rd_kafka_vu_t>,
}

impl VuList {
    fn new() -> Self {
        let end = rdsys::rd_kafka_vu_t { vtype: rdsys::rd_kafka_vtype_t::RD_KAFKA_VTYPE_END, u: rdsys::rd_kafka_vu_s__bindgen_ty_1 { i: 0 } };
        Self { inline: [end; 8], len: 0, spilled: Vec::new() }
    }

    fn push(&mut self, value: rdsys::rd_kafka_vu_t) {
        if self.spilled.is_empty() && self.len < self.inline.len() {
            self.inline[self.len] = value;
            self.len += 1;
        } else {
            if self.spilled.is_empty() {
                self.spilled.extend_from_slice(&self.inline[..self.len]);
            }
            self.spilled.push(value);
        }
    }

    fn as_slice(&self) -> &[rdsys::rd_kafka_vu_t] {
        if self.spilled.is_empty() {
            &self.inline[..self.len]
        } else {
            &self.spilled
        }
    }
}

fn memory(bytes: &[u8]) -> rdsys::rd_kafka_vu_s__bindgen_ty_1__bindgen_ty_1 {
    rdsys::rd_kafka_vu_s__bindgen_ty_1__bindgen_ty_1 { ptr: bytes.as_ptr().cast_mut().cast::<c_void>(), size: bytes.len() }
}

impl Drop for ProducerTopic {
    fn drop(&mut self) {
        if self.core.client.is_inherited() {
            return;
        }
        // SAFETY: we own this topic reference; the handle outlives it through `core`.
        unsafe { rdsys::rd_kafka_topic_destroy(self.rkt) };
    }
}
