//! The high-level (group-managed) consumer. It is polled on the PHP thread:
//! librdkafka's callbacks fire inside `rd_kafka_consumer_poll`, record a Rust
//! event and yield, so the binding layer runs the PHP callback right away.

use std::ops::ControlFlow;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crossbeam_channel::Receiver;
use rdkafka_sys as rdsys;

use super::client::{ClientEvent, EnabledCallbacks, InflightLimit, NativeClient};
use super::conf::{NativeConf, NativeTopicConf};
use super::error::{cstr_to_string, KafkaError, KafkaResult};
use super::interrupt;
use super::message::{ConsumedMessage, MessageView};
use super::producer::millis;
use super::topic::{ClientOwner, NativeTopic};
use super::topic_partition::{partitions_of, NativePartitionList, TopicPartition};
use super::wire;

/// `RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS`
pub const ERR_ASSIGN_PARTITIONS: i32 = -175;
/// `RD_KAFKA_RESP_ERR__REVOKE_PARTITIONS`
pub const ERR_REVOKE_PARTITIONS: i32 = -174;
/// `RD_KAFKA_DESTROY_F_NO_CONSUMER_CLOSE`: what we destroy with once closing is done or hopeless.
const DESTROY_NO_CONSUMER_CLOSE: i32 = 0x8;
/// How long a consumer that goes away without close() may take to leave its group.
pub const DEFAULT_DESTROY_CLOSE: Duration = Duration::from_secs(10);

/// What one `poll` call produced.
pub enum PollOutcome {
    Message(ConsumedMessage),
    TimedOut,
    /// A callback asked to stop (e.g. the PHP callback threw).
    Interrupted,
}

/// An event seen while the consumer leaves its group.
pub enum CloseEvent {
    Rebalance { code: i32, partitions: Vec<TopicPartition> },
    /// A callback's event that fired while leaving (the final commit's result for
    /// the offset commit callback, an error, stats), as php-rdkafka's close() serves them.
    Callback(ClientEvent),
}

pub struct KafkaConsumer {
    /// Shared with the topic handles made from this consumer, which must not outlive it.
    client: Arc<NativeClient>,
    events: Receiver<ClientEvent>,
    /// close() has begun: the callbacks it runs may still use the consumer (as with
    /// php-rdkafka: commit the revoked partitions' offsets, read the assignment),
    /// and any assign() or incrementalUnassign() they make answers the revocation.
    closing: AtomicBool,
    /// close() has ended: every call is refused.
    closed: AtomicBool,
    /// Once closing: whether the revocation being served has been answered with an
    /// unassign (by the PHP rebalance callback or by us). librdkafka's group ends as
    /// soon as it has, and a request sent to an ended group is never answered:
    /// `rd_kafka_assign()` would wait forever. So a closing consumer unassigns once.
    revocation_answered: AtomicBool,
    /// Unassigns sent to librdkafka while closing (for tests: exactly one per revocation).
    closing_unassigns: AtomicU64,
}

/// How a closing consumer gives up the partitions of a revocation.
enum Unassign<'a> {
    /// `rd_kafka_assign(NULL)`: the eager protocol.
    Eager,
    /// `rd_kafka_incremental_unassign()`: the cooperative protocol.
    Cooperative(&'a [TopicPartition]),
}

impl KafkaConsumer {
    pub fn new(conf: NativeConf, callbacks: EnabledCallbacks) -> KafkaResult<Self> {
        if conf.get("group.id").is_none_or(|group| group.is_empty()) {
            return Err(KafkaError::with_message(0, "\"group.id\" must be configured"));
        }
        // librdkafka's automatic store records a message's offset when it is taken,
        // but consumeBatch() takes a batch before PHP has any of it: PHP's default is
        // kept by storing each offset once PHP has the message (`store_handed`).
        let mut conf = conf;
        let stores_on_handoff = conf.get("enable.auto.offset.store").is_none_or(|value| value == "true");
        if stores_on_handoff {
            conf.set("enable.auto.offset.store", "false")?;
        }
        let (client, events) = NativeClient::new(rdsys::rd_kafka_type_t::RD_KAFKA_CONSUMER, conf, callbacks, InflightLimit::UNBOUNDED)?;
        client.shared.stores_offsets_on_handoff.store(stores_on_handoff, Ordering::Relaxed);
        // SAFETY: rk is live; errors and stats are then served by consumer_poll on this thread.
        unsafe { rdsys::rd_kafka_poll_set_consumer(client.rk) };
        Ok(Self {
            client: Arc::new(client),
            events,
            closing: AtomicBool::new(false),
            closed: AtomicBool::new(false),
            revocation_answered: AtomicBool::new(false),
            closing_unassigns: AtomicU64::new(0),
        })
    }

    fn ensure_open(&self) -> KafkaResult<()> {
        self.client.check_usable()?;
        if self.closed.load(Ordering::SeqCst) {
            return Err(closed_error());
        }
        Ok(())
    }

    /// Inside close(), before it ends: a callback it runs is answering its revocation.
    fn answering_close(&self) -> bool {
        self.closing.load(Ordering::SeqCst) && !self.closed.load(Ordering::SeqCst) && !self.client.is_inherited()
    }

    pub fn subscribe(&self, topics: &[String]) -> KafkaResult<()> {
        self.ensure_open()?;
        if self.closing.load(Ordering::SeqCst) {
            // A callback that close() runs: librdkafka would take the subscription and
            // then abort the process when the handle is destroyed (rkcg_subscription set).
            return Err(closed_error());
        }
        let list = NativePartitionList::from_topics(topics)?;
        // SAFETY: rk and the list are live; librdkafka copies the list.
        KafkaError::check(unsafe { rdsys::rd_kafka_subscribe(self.client.rk, list.ptr) })
    }

    pub fn unsubscribe(&self) -> KafkaResult<()> {
        self.ensure_open()?;
        // SAFETY: rk is live.
        KafkaError::check(unsafe { rdsys::rd_kafka_unsubscribe(self.client.rk) })
    }

    pub fn subscription(&self) -> KafkaResult<Vec<String>> {
        self.ensure_open()?;
        let mut list = std::ptr::null_mut();
        // SAFETY: rk is live; on success we own the returned list.
        KafkaError::check(unsafe { rdsys::rd_kafka_subscription(self.client.rk, &mut list) })?;
        Ok(NativePartitionList::from_raw(list).to_partitions().into_iter().map(|tp| tp.topic).collect())
    }

    /// Replaces the assignment; `None` removes it.
    pub fn assign(&self, partitions: Option<&[TopicPartition]>) -> KafkaResult<()> {
        if self.answering_close() {
            // A closing group takes any answer to its revocation as an unassign.
            return self.unassign_while_closing(&Unassign::Eager);
        }
        self.ensure_open()?;
        let list = partitions.map(NativePartitionList::from_partitions).transpose()?;
        let ptr = list.as_ref().map_or(std::ptr::null_mut(), |list| list.ptr);
        // SAFETY: rk is live; NULL means "unassign"; librdkafka copies the list.
        KafkaError::check(unsafe { rdsys::rd_kafka_assign(self.client.rk, ptr) })
    }

    pub fn assignment(&self) -> KafkaResult<Vec<TopicPartition>> {
        self.ensure_open()?;
        let mut list = std::ptr::null_mut();
        // SAFETY: rk is live; on success we own the returned list.
        KafkaError::check(unsafe { rdsys::rd_kafka_assignment(self.client.rk, &mut list) })?;
        Ok(NativePartitionList::from_raw(list).to_partitions())
    }

    /// Commits the given offsets, or the current position when `None`.
    pub fn commit(&self, offsets: Option<&[TopicPartition]>, asynchronous: bool) -> KafkaResult<()> {
        self.ensure_open()?;
        let list = offsets.map(NativePartitionList::from_partitions).transpose()?;
        let ptr = list.as_ref().map_or(std::ptr::null(), |list| list.ptr.cast_const());
        // SAFETY: rk is live; the list (if any) outlives the call.
        KafkaError::check_code(unsafe { wire::commit(self.client.rk, ptr, i32::from(asynchronous)) })
    }

    /// "COOPERATIVE", "EAGER" or "NONE".
    pub fn rebalance_protocol(&self) -> String {
        // SAFETY: rk is live; the string is static.
        cstr_to_string(unsafe { rdsys::rd_kafka_rebalance_protocol(self.client.rk) })
    }

    /// What librdkafka does on a rebalance when no PHP callback handles it.
    pub fn apply_default_rebalance(&self, code: i32, partitions: &[TopicPartition]) -> KafkaResult<()> {
        let cooperative = self.rebalance_protocol() == "COOPERATIVE";
        let list = NativePartitionList::from_partitions(partitions)?;
        // SAFETY: rk and list are live for the calls.
        unsafe {
            match (code, cooperative) {
                (ERR_ASSIGN_PARTITIONS, true) => KafkaError::check_native(rdsys::rd_kafka_incremental_assign(self.client.rk, list.ptr)),
                (ERR_ASSIGN_PARTITIONS, false) => KafkaError::check(rdsys::rd_kafka_assign(self.client.rk, list.ptr)),
                (_, true) => KafkaError::check_native(rdsys::rd_kafka_incremental_unassign(self.client.rk, list.ptr)),
                (_, false) => KafkaError::check(rdsys::rd_kafka_assign(self.client.rk, std::ptr::null_mut())),
            }
        }
    }

    fn serve_pending(&self, serve: &mut impl FnMut(ClientEvent) -> ControlFlow<()>) -> ControlFlow<()> {
        while let Ok(event) = self.events.try_recv() {
            self.client.shared.taken(&event);
            serve(event)?;
        }
        ControlFlow::Continue(())
    }

    /// Up to `max` messages: waits up to `timeout` for the first (serving callbacks
    /// meanwhile), then takes only what is already there. Once it holds a message it
    /// serves no callback: one that fires ends the batch and runs on the next call.
    /// So a callback that throws, or that revokes partitions or closes the consumer,
    /// never runs while messages are held that PHP has not received.
    pub fn poll_batch(&self, timeout: Duration, max: usize, serve: impl FnMut(ClientEvent) -> ControlFlow<()>) -> KafkaResult<Vec<ConsumedMessage>> {
        let mut messages = Vec::with_capacity(max.min(1024));
        match self.poll(timeout, serve)? {
            PollOutcome::Message(first) => messages.push(first),
            PollOutcome::TimedOut | PollOutcome::Interrupted => return Ok(messages),
        }
        while messages.len() < max && self.events.is_empty() {
            // SAFETY: rk is live; a non-NULL message is ours to destroy. A callback that
            // fires in here only queues its event and yields, so the call returns NULL.
            let message = unsafe { rdsys::rd_kafka_consumer_poll(self.client.rk, 0) };
            if message.is_null() {
                break;
            }
            // SAFETY: non-NULL message we own.
            messages.push(unsafe { ConsumedMessage::from_raw(message) });
        }
        Ok(messages)
    }

    /// Stores the offsets of messages PHP now has (what `enable.auto.offset.store`
    /// does, left on by the application), so that a commit never covers a message
    /// PHP did not receive. A partition given up meanwhile refuses; that is fine.
    pub fn store_handed(&self, messages: &[ConsumedMessage]) {
        if !self.client.shared.stores_offsets_on_handoff.load(Ordering::Relaxed) {
            return;
        }
        for message in messages.iter().filter(|message| message.err() == 0) {
            // SAFETY: the message is live while `messages` is; librdkafka only reads it.
            let _ = unsafe { rdsys::rd_kafka_offset_store_message(message.raw().cast_mut()) };
        }
    }

    /// Waits up to `timeout` for a message, serving callbacks as they fire.
    pub fn poll(&self, timeout: Duration, mut serve: impl FnMut(ClientEvent) -> ControlFlow<()>) -> KafkaResult<PollOutcome> {
        self.ensure_open()?;
        let deadline = Instant::now() + timeout;
        loop {
            if self.serve_pending(&mut serve).is_break() {
                return Ok(PollOutcome::Interrupted);
            }
            let remaining = deadline.saturating_duration_since(Instant::now());
            // In slices, so that a PHP signal handler need not wait for the whole timeout.
            // SAFETY: rk is live; a non-NULL message is ours to destroy.
            let message = unsafe { rdsys::rd_kafka_consumer_poll(self.client.rk, millis(remaining.min(interrupt::SLICE))) };
            if !message.is_null() {
                // Callbacks that fired alongside this message are served on the next poll,
                // so a throwing callback cannot make us drop a message already consumed.
                // SAFETY: non-NULL message we own.
                return Ok(PollOutcome::Message(unsafe { ConsumedMessage::from_raw(message) }));
            }
            if self.events.is_empty() && (Instant::now() >= deadline || interrupt::requested()) {
                return Ok(PollOutcome::TimedOut);
            }
        }
    }

    /// Leaves the group: revokes the assignment (through `on_event`, which runs
    /// the PHP rebalance callback or the default), commits if auto-commit is on.
    /// Gives up after `timeout` so that a dead cluster cannot hang the process.
    pub fn close(&self, timeout: Duration, mut on_event: impl FnMut(&Self, CloseEvent)) -> KafkaResult<()> {
        if self.client.is_inherited() {
            return Ok(());
        }
        if self.closed.load(Ordering::SeqCst) {
            return Err(closed_error());
        }
        if self.closing.swap(true, Ordering::SeqCst) {
            return Ok(()); // called again by a callback that close() runs
        }
        // Asked while the group is alive: asking an ended group would never be answered.
        let cooperative = self.rebalance_protocol() == "COOPERATIVE";
        // SAFETY: rk is live; the queue is destroyed below.
        let queue = unsafe { rdsys::rd_kafka_queue_new(self.client.rk) };
        // SAFETY: rk and queue are live.
        let error = unsafe { rdsys::rd_kafka_consumer_close_queue(self.client.rk, queue) };
        let result = if error.is_null() {
            let deadline = Instant::now() + timeout;
            // SAFETY: rk is live.
            while unsafe { rdsys::rd_kafka_consumer_closed(self.client.rk) } == 0 && Instant::now() < deadline {
                // SAFETY: queue is live; a non-NULL event is ours to destroy.
                let event = unsafe { rdsys::rd_kafka_queue_poll(queue, 100) };
                if event.is_null() {
                    continue;
                }
                // SAFETY: event is live until destroyed right after.
                let found = unsafe {
                    let kind = rdsys::rd_kafka_event_type(event);
                    let read = || (wire::event_error(event), partitions_of(rdsys::rd_kafka_event_topic_partition_list(event)));
                    let found = match kind {
                        rdsys::RD_KAFKA_EVENT_REBALANCE => {
                            let (code, partitions) = read();
                            Some(CloseEvent::Rebalance { code, partitions })
                        }
                        rdsys::RD_KAFKA_EVENT_OFFSET_COMMIT => {
                            let (code, partitions) = read();
                            Some(CloseEvent::Callback(ClientEvent::OffsetCommit { code, partitions }))
                        }
                        _ => None,
                    };
                    rdsys::rd_kafka_event_destroy(event);
                    found
                };
                self.serve_pending_while_closing(&mut on_event);
                if let Some(callback @ CloseEvent::Callback(_)) = found {
                    on_event(self, callback);
                } else if let Some(CloseEvent::Rebalance { code, partitions }) = found {
                    self.revocation_answered.store(false, Ordering::SeqCst);
                    on_event(self, CloseEvent::Rebalance { code, partitions: partitions.clone() });
                    // Closing cannot finish until the event is answered, and a closing group
                    // takes any answer as an unassign: done once, unless the callback did.
                    let how = if cooperative && code == ERR_REVOKE_PARTITIONS { Unassign::Cooperative(&partitions) } else { Unassign::Eager };
                    let _ = self.unassign_while_closing(&how);
                }
            }
            self.serve_pending_while_closing(&mut on_event);
            Ok(())
        } else {
            // SAFETY: the error object is ours.
            Err(unsafe { KafkaError::from_native_error(error) })
        };
        // From now on the group may have ended: any later unassign is a no-op.
        self.revocation_answered.store(true, Ordering::SeqCst);
        self.closed.store(true, Ordering::SeqCst);
        // SAFETY: the queue is ours; the handle is destroyed later without a second close.
        unsafe { rdsys::rd_kafka_queue_destroy(queue) };
        self.client.destroy_flags.store(DESTROY_NO_CONSUMER_CLOSE, Ordering::SeqCst);
        result
    }

    /// Hands the events our C callbacks queued to `on_event`. A rebalance queued
    /// before close() is dropped: close() revokes the assignment itself.
    fn serve_pending_while_closing(&self, on_event: &mut impl FnMut(&Self, CloseEvent)) {
        while let Ok(event) = self.events.try_recv() {
            self.client.shared.taken(&event);
            if !matches!(event, ClientEvent::Rebalance { .. }) {
                on_event(self, CloseEvent::Callback(event));
            }
        }
    }

    /// How many unassigns close() and the callbacks it ran sent to librdkafka.
    pub fn closing_unassigns(&self) -> u64 {
        self.closing_unassigns.load(Ordering::SeqCst)
    }

    /// Answers close()'s revocation, once (see `revocation_answered`); on the PHP thread only.
    fn unassign_while_closing(&self, how: &Unassign<'_>) -> KafkaResult<()> {
        if self.client.is_inherited() {
            return Err(super::fork::inherited_error());
        }
        if self.revocation_answered.load(Ordering::SeqCst) {
            return Ok(());
        }
        self.closing_unassigns.fetch_add(1, Ordering::SeqCst);
        let result = match how {
            // SAFETY: rk is live; NULL means "unassign".
            Unassign::Eager => KafkaError::check(unsafe { rdsys::rd_kafka_assign(self.client.rk, std::ptr::null_mut()) }),
            Unassign::Cooperative(partitions) => {
                let list = NativePartitionList::from_partitions(partitions)?;
                // SAFETY: rk and list are live; librdkafka copies the list; the error object is ours.
                unsafe { KafkaError::check_native(rdsys::rd_kafka_incremental_unassign(self.client.rk, list.ptr)) }
            }
        };
        if result.is_ok() {
            self.revocation_answered.store(true, Ordering::SeqCst);
        }
        result
    }

    /// Adds partitions to the assignment (cooperative rebalancing).
    pub fn incremental_assign(&self, partitions: &[TopicPartition]) -> KafkaResult<()> {
        self.ensure_open()?;
        let list = NativePartitionList::from_partitions(partitions)?;
        // SAFETY: rk and list are live; librdkafka copies the list; the error object is ours.
        unsafe { KafkaError::check_native(rdsys::rd_kafka_incremental_assign(self.client.rk, list.ptr)) }
    }

    /// Removes partitions from the assignment (cooperative rebalancing).
    pub fn incremental_unassign(&self, partitions: &[TopicPartition]) -> KafkaResult<()> {
        if self.answering_close() {
            return self.unassign_while_closing(&Unassign::Cooperative(partitions));
        }
        self.ensure_open()?;
        let list = NativePartitionList::from_partitions(partitions)?;
        // SAFETY: rk and list are live; librdkafka copies the list; the error object is ours.
        unsafe { KafkaError::check_native(rdsys::rd_kafka_incremental_unassign(self.client.rk, list.ptr)) }
    }

    /// The group's committed offsets for the partitions, asked of the coordinator.
    pub fn committed(&self, partitions: &[TopicPartition], timeout: Duration) -> KafkaResult<Vec<TopicPartition>> {
        self.ensure_open()?;
        let list = NativePartitionList::from_partitions(partitions)?;
        // SAFETY: rk and list are live; librdkafka writes offsets and errors into the list.
        KafkaError::check_code(unsafe { wire::committed(self.client.rk, list.ptr, millis(timeout)) })?;
        Ok(list.to_partitions())
    }

    /// This consumer's current positions (offset of the next message) for the partitions.
    pub fn positions(&self, partitions: &[TopicPartition]) -> KafkaResult<Vec<TopicPartition>> {
        self.ensure_open()?;
        let list = NativePartitionList::from_partitions(partitions)?;
        // SAFETY: rk and list are live; librdkafka writes offsets and errors into the list.
        KafkaError::check(unsafe { rdsys::rd_kafka_position(self.client.rk, list.ptr) })?;
        Ok(list.to_partitions())
    }

    /// A topic handle, for storing offsets (`offsetStore`).
    pub fn new_topic(&self, name: &str, conf: Option<&NativeTopicConf>) -> KafkaResult<NativeTopic> {
        self.ensure_open()?;
        NativeTopic::new(Arc::clone(&self.client) as Arc<dyn ClientOwner>, name, conf)
    }

    /// Leaves the group (if still in it) the way librdkafka would without a PHP
    /// rebalance callback: what a consumer that goes away without close() does.
    /// The other events that arrive meanwhile go to `other_events` (at destruction: log lines).
    pub fn close_without_callbacks(&self, mut other_events: impl FnMut(ClientEvent)) {
        // close() gives up revoked partitions itself when no callback does.
        let _ = self.close(DEFAULT_DESTROY_CLOSE, |_, event| {
            if let CloseEvent::Callback(event) = event {
                other_events(event);
            }
        });
    }

    /// Hands every event still waiting to `serve` (at destruction: the last log lines).
    pub fn drain_events(&self, mut serve: impl FnMut(ClientEvent)) {
        let _ = self.serve_pending(&mut |event| {
            serve(event);
            ControlFlow::Continue(())
        });
    }

    /// The handle's owner, for an AdminClient that reuses this consumer's connections.
    pub fn owner(&self) -> KafkaResult<Arc<dyn ClientOwner>> {
        self.ensure_open()?;
        Ok(Arc::clone(&self.client) as Arc<dyn ClientOwner>)
    }

    /// The handle, for what works on any client (`handle.rs`).
    pub fn handle(&self) -> &NativeClient {
        &self.client
    }

    /// The handle, or the reason it may not be used (closed, inherited through fork).
    pub fn open_handle(&self) -> KafkaResult<&NativeClient> {
        self.ensure_open().map(|()| &*self.client)
    }

    pub fn is_closed(&self) -> bool {
        self.closed.load(Ordering::SeqCst)
    }
}

/// `RD_KAFKA_RESP_ERR__STATE`: what librdkafka says of a closed consumer, but saying why.
fn closed_error() -> KafkaError {
    KafkaError::with_message(-172, "The consumer is closed: create a new RdKafka\\KafkaConsumer")
}

impl Drop for KafkaConsumer {
    fn drop(&mut self) {
        // The PHP object has closed already, handing on the last events; nobody else wants them.
        self.close_without_callbacks(|_| {});
    }
}


