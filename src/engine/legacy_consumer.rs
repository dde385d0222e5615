//! The legacy low-level consumer (`RdKafka\Consumer`): no group management; the
//! application starts and stops partitions on topic handles and reads them
//! directly or through a queue. Callbacks (error, stats, log) are served by `poll`
//! on the PHP thread, as for the other clients.

use std::collections::BTreeSet;
use std::ops::ControlFlow;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use crossbeam_channel::Receiver;
use rdkafka_sys as rdsys;

use super::client::{ClientEvent, EnabledCallbacks, InflightLimit, NativeClient};
use super::conf::{NativeConf, NativeTopicConf};
use super::error::{KafkaError, KafkaResult};
use super::interrupt;
use super::message::ConsumedMessage;
use super::producer::{millis, ERR_TIMED_OUT};
use super::topic::{ClientOwner, NativeTopic};


/// The handle plus the partitions being consumed, which are stopped before the
/// handle is destroyed (a partition left started would keep fetching).
pub(crate) struct LegacyClient {
    client: NativeClient,
    consuming: Mutex<BTreeSet<(String, i32)>>,
}

impl ClientOwner for LegacyClient {
    fn client(&self) -> &NativeClient {
        &self.client
    }
}

impl Drop for LegacyClient {
    fn drop(&mut self) {
        if self.client.is_inherited() {
            return;
        }
        let consuming = std::mem::take(&mut *self.consuming.lock().unwrap_or_else(PoisonError::into_inner));
        for (topic, partition) in consuming {
            let Ok(name) = std::ffi::CString::new(topic) else { continue };
            // SAFETY: rk is live until `client` drops after this; the topic reference is released right away.
            unsafe {
                let rkt = rdsys::rd_kafka_topic_new(self.client.rk, name.as_ptr(), std::ptr::null_mut());
                if !rkt.is_null() {
                    rdsys::rd_kafka_consume_stop(rkt, partition);
                    rdsys::rd_kafka_topic_destroy(rkt);
                }
            }
        }
    }
}

pub struct Consumer {
    legacy: Arc<LegacyClient>,
    events: Receiver<ClientEvent>,
}

impl Consumer {
    pub fn new(conf: NativeConf, callbacks: EnabledCallbacks) -> KafkaResult<Self> {
        let (client, events) = NativeClient::new(rdsys::rd_kafka_type_t::RD_KAFKA_CONSUMER, conf, callbacks, InflightLimit::UNBOUNDED)?;
        Ok(Self { legacy: Arc::new(LegacyClient { client, consuming: Mutex::new(BTreeSet::new()) }), events })
    }

    pub fn handle(&self) -> &NativeClient {
        &self.legacy.client
    }

    /// The handle's owner, for an AdminClient that reuses this consumer's connections.
    pub fn owner(&self) -> Arc<dyn ClientOwner> {
        Arc::clone(&self.legacy) as Arc<dyn ClientOwner>
    }

    fn serve_pending(&self, serve: &mut impl FnMut(ClientEvent) -> ControlFlow<()>) -> ControlFlow<()> {
        while let Ok(event) = self.events.try_recv() {
            self.legacy.client.shared.taken(&event);
            serve(event)?;
        }
        ControlFlow::Continue(())
    }

    /// Serves callbacks: waits up to `timeout` for the first, then takes what else is
    /// ready. Returns how many librdkafka served; stops early if `serve` breaks.
    pub fn poll(&self, timeout: Duration, mut serve: impl FnMut(ClientEvent) -> ControlFlow<()>) -> i64 {
        if self.legacy.client.is_inherited() || self.serve_pending(&mut serve).is_break() {
            return 0;
        }
        let rk = self.legacy.client.rk;
        let deadline = Instant::now() + timeout;
        // In slices, so that a PHP signal handler need not wait for the whole timeout.
        let mut served = loop {
            let remaining = deadline.saturating_duration_since(Instant::now());
            // SAFETY: rk is live.
            let served = i64::from(unsafe { rdsys::rd_kafka_poll(rk, millis(remaining.min(interrupt::SLICE))) });
            if served > 0 || Instant::now() >= deadline || interrupt::requested() {
                break served;
            }
        };
        let mut last = served;
        while last > 0 {
            if self.serve_pending(&mut serve).is_break() {
                return served;
            }
            // SAFETY: rk is live.
            last = i64::from(unsafe { rdsys::rd_kafka_poll(rk, 0) });
            served += last;
        }
        let _ = self.serve_pending(&mut serve);
        served
    }

    /// Hands every event still waiting to `serve` (at destruction: the last log lines).
    pub fn drain_events(&self, mut serve: impl FnMut(ClientEvent)) {
        let _ = self.serve_pending(&mut |event| {
            serve(event);
            ControlFlow::Continue(())
        });
    }

    /// Events not yet served (a consumer sends no messages).
    pub fn out_queue_len(&self) -> i64 {
        if self.legacy.client.is_inherited() {
            return 0;
        }
        // SAFETY: rk is live.
        let native = i64::from(unsafe { rdsys::rd_kafka_outq_len(self.legacy.client.rk) });
        native + self.legacy.client.shared.queued_events.load(std::sync::atomic::Ordering::SeqCst).max(0)
    }

    /// Waits until librdkafka's queues are empty; `RD_KAFKA_RESP_ERR_*`.
    pub fn flush(&self, timeout: Duration, mut serve: impl FnMut(ClientEvent) -> ControlFlow<()>) -> i32 {
        if let Err(error) = self.legacy.client.check_usable() {
            return error.code;
        }
        // SAFETY: rk is live.
        let code = unsafe { rdsys::rd_kafka_flush(self.legacy.client.rk, millis(timeout)) } as i32;
        let _ = self.serve_pending(&mut serve);
        code
    }

    /// `rd_kafka_purge`'s code: a consumer has no messages to purge.
    pub fn purge(&self, flags: i32) -> i32 {
        if let Err(error) = self.legacy.client.check_usable() {
            return error.code;
        }
        // SAFETY: rk is live; librdkafka validates the flags.
        unsafe { rdsys::rd_kafka_purge(self.legacy.client.rk, flags) as i32 }
    }

    pub fn new_topic(&self, name: &str, conf: Option<&NativeTopicConf>) -> KafkaResult<ConsumerTopic> {
        let topic = NativeTopic::new(Arc::clone(&self.legacy) as Arc<dyn ClientOwner>, name, conf)?;
        Ok(ConsumerTopic { topic, legacy: Arc::clone(&self.legacy) })
    }

    /// A queue several partitions can be routed to (`consumeQueueStart`).
    pub fn new_queue(&self) -> KafkaResult<Queue> {
        self.legacy.client.check_usable()?;
        // SAFETY: rk is live; the queue is destroyed on drop, before the handle (held by `legacy`).
        let queue = unsafe { rdsys::rd_kafka_queue_new(self.legacy.client.rk) };
        Ok(Queue { legacy: Arc::clone(&self.legacy), queue })
    }
}

/// A topic of the legacy consumer.
pub struct ConsumerTopic {
    topic: NativeTopic,
    legacy: Arc<LegacyClient>,
}

impl ConsumerTopic {
    pub fn name(&self) -> &str {
        self.topic.name()
    }

    fn start_with(&self, partition: i32, start: impl FnOnce() -> i32) -> KafkaResult<()> {
        self.legacy.client.check_usable()?;
        let key = (self.name().to_string(), partition);
        let mut consuming = self.legacy.consuming.lock().unwrap_or_else(PoisonError::into_inner);
        if consuming.contains(&key) {
            return Err(KafkaError::with_message(
                0,
                format!("{}:{partition} is already being consumed by the same Consumer instance", self.name()),
            ));
        }
        if start() == -1 {
            return Err(KafkaError::last());
        }
        consuming.insert(key);
        Ok(())
    }

    /// Starts fetching the partition from `offset` (an offset or `RD_KAFKA_OFFSET_*`).
    pub fn consume_start(&self, partition: i32, offset: i64) -> KafkaResult<()> {
        // SAFETY: rkt is live while self is.
        self.start_with(partition, || unsafe { rdsys::rd_kafka_consume_start(self.topic.rkt, partition, offset) })
    }

    /// Like `consume_start`, with the messages routed to `queue`.
    pub fn consume_queue_start(&self, partition: i32, offset: i64, queue: &Queue) -> KafkaResult<()> {
        if !Arc::ptr_eq(&self.legacy, &queue.legacy) {
            return Err(KafkaError::with_message(-186, "The queue belongs to another RdKafka\\Consumer"));
        }
        // SAFETY: rkt and the queue are live while self and queue are.
        self.start_with(partition, || unsafe { rdsys::rd_kafka_consume_start_queue(self.topic.rkt, partition, offset, queue.queue) })
    }

    pub fn consume_stop(&self, partition: i32) -> KafkaResult<()> {
        self.legacy.client.check_usable()?;
        // SAFETY: rkt is live while self is.
        if unsafe { rdsys::rd_kafka_consume_stop(self.topic.rkt, partition) } == -1 {
            return Err(KafkaError::last());
        }
        self.legacy.consuming.lock().unwrap_or_else(PoisonError::into_inner).remove(&(self.name().to_string(), partition));
        Ok(())
    }

    /// The next message of a started partition; `None` on timeout. Errors such as
    /// partition EOF come as messages with `err` set.
    pub fn consume(&self, partition: i32, timeout: Duration) -> KafkaResult<Option<ConsumedMessage>> {
        self.legacy.client.check_usable()?;
        in_slices(timeout, |slice| {
            // SAFETY: rkt is live; a non-NULL message is ours to destroy.
            let message = unsafe { rdsys::rd_kafka_consume(self.topic.rkt, partition, millis(slice)) };
            message_or_timeout(message)
        })
    }

    /// How many messages and events the partition holds now, ready for `consume`.
    /// Only for a partition `consume` just took a message from (librdkafka would
    /// create an unknown one).
    pub fn queued(&self, partition: i32) -> usize {
        let Ok(name) = std::ffi::CString::new(self.name()) else { return 0 };
        // SAFETY: rk is live while self is; the queue reference is released right away.
        unsafe {
            let queue = rdsys::rd_kafka_queue_get_partition(self.legacy.client.rk, name.as_ptr(), partition);
            if queue.is_null() {
                return 0;
            }
            let length = rdsys::rd_kafka_queue_length(queue);
            rdsys::rd_kafka_queue_destroy(queue);
            length
        }
    }

    /// Up to `max` messages, waiting up to `timeout` for them.
    pub fn consume_batch(&self, partition: i32, timeout: Duration, max: usize) -> KafkaResult<Vec<ConsumedMessage>> {
        self.legacy.client.check_usable()?;
        let mut slots: Vec<*mut rdsys::rd_kafka_message_t> = vec![std::ptr::null_mut(); max];
        let mut messages = Vec::new();
        let deadline = Instant::now() + timeout;
        // In slices (see `interrupt`), until the batch is full or the time is up.
        loop {
            let want = max - messages.len();
            let slice = deadline.saturating_duration_since(Instant::now()).min(interrupt::SLICE);
            // SAFETY: rkt is live; the array has room for `want` <= `max` pointers.
            let count = unsafe { rdsys::rd_kafka_consume_batch(self.topic.rkt, partition, millis(slice), slots.as_mut_ptr(), want) };
            let Ok(count) = usize::try_from(count) else { return Err(KafkaError::last()) };
            // SAFETY: the first `count` entries are messages we now own.
            messages.extend(slots[..count.min(want)].iter().map(|message| unsafe { ConsumedMessage::from_raw(*message) }));
            if messages.len() >= max || Instant::now() >= deadline || interrupt::requested() {
                return Ok(messages);
            }
        }
    }

    pub fn offset_store(&self, partition: i32, offset: i64) -> KafkaResult<()> {
        self.topic.offset_store(partition, offset)
    }
}

/// A consumer queue (`RdKafka\Queue`).
pub struct Queue {
    legacy: Arc<LegacyClient>,
    queue: *mut rdsys::rd_kafka_queue_t,
}

// SAFETY: librdkafka queues are thread-safe and reference counted.
unsafe impl Send for Queue {}
// SAFETY: as above.
unsafe impl Sync for Queue {}

impl Queue {
    /// The next message routed to this queue; `None` on timeout.
    pub fn consume(&self, timeout: Duration) -> KafkaResult<Option<ConsumedMessage>> {
        self.legacy.client.check_usable()?;
        in_slices(timeout, |slice| {
            // SAFETY: the queue is live; a non-NULL message is ours to destroy.
            let message = unsafe { rdsys::rd_kafka_consume_queue(self.queue, millis(slice)) };
            message_or_timeout(message)
        })
    }
}

impl Drop for Queue {
    fn drop(&mut self) {
        if self.legacy.client.is_inherited() {
            return;
        }
        // SAFETY: we own this queue reference; librdkafka keeps its own for started partitions.
        unsafe { rdsys::rd_kafka_queue_destroy(self.queue) };
    }
}

/// Runs a wait of `timeout` as waits of at most `interrupt::SLICE` until one finds something,
/// the time is up, or PHP has a signal handler to run.
fn in_slices<T>(timeout: Duration, mut wait: impl FnMut(Duration) -> KafkaResult<Option<T>>) -> KafkaResult<Option<T>> {
    let deadline = Instant::now() + timeout;
    loop {
        let slice = deadline.saturating_duration_since(Instant::now()).min(interrupt::SLICE);
        if let Some(found) = wait(slice)? {
            return Ok(Some(found));
        }
        if Instant::now() >= deadline || interrupt::requested() {
            return Ok(None);
        }
    }
}

fn message_or_timeout(message: *mut rdsys::rd_kafka_message_t) -> KafkaResult<Option<ConsumedMessage>> {
    if message.is_null() {
        let error = KafkaError::last();
        return if error.code == ERR_TIMED_OUT { Ok(None) } else { Err(error) };
    }
    // SAFETY: a non-NULL message we own.
    Ok(Some(unsafe { ConsumedMessage::from_raw(message) }))
}
