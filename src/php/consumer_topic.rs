//! `RdKafka\ConsumerTopic`: a topic of the legacy `RdKafka\Consumer`, whose
//! partitions are started, read and stopped by hand.

use ext_php_rs::boxed::ZBox;
use ext_php_rs::prelude::*;
use ext_php_rs::types::{ZendHashTable, Zval};

use super::callbacks::{timeout, PhpCallback};
use super::client_methods::partition_number;
use super::exception::{exception, guard, invalid_argument, OrThrow};
use super::kafka_consumer_topic::non_negative;
use super::message::{self, MessageValue};
use super::queue::Queue;
use super::topic::Topic;
use super::zval::{list, PhpInt};
use crate::engine;

/// `RD_KAFKA_PARTITION_UA`, which the consume calls accept besides real partitions.
const PARTITION_UA: i32 = -1;

#[php_class]
#[php(name = "RdKafka\\ConsumerTopic")]
#[php(extends(Topic))]
pub struct ConsumerTopic {
    engine: engine::ConsumerTopic,
    /// The PHP Consumer, kept alive while this topic is (as php-rdkafka does).
    consumer: Zval,
}

impl ConsumerTopic {
    pub fn new(engine: engine::ConsumerTopic, consumer: Zval) -> Self {
        Self { engine, consumer }
    }
}

/// A partition number, or `RD_KAFKA_PARTITION_UA`, as php-rdkafka accepts for consuming.
fn partition_or_unassigned(partition: i64) -> PhpResult<i32> {
    let partition = partition_number(partition)?;
    if partition == PARTITION_UA {
        return Ok(partition);
    }
    non_negative(partition)
}

impl super::gc::HoldsZvals for ConsumerTopic {
    fn visit_zvals(&self, visit: &mut dyn FnMut(&Zval)) {
        visit(&self.consumer);
    }
}

#[php_impl]
impl ConsumerTopic {
    #[php(vis = "private")]
    pub fn __construct() -> PhpResult<Self> {
        Err(exception("RdKafka\\ConsumerTopic is returned by RdKafka\\Consumer::newTopic() and cannot be created directly", 0))
    }

    pub fn get_name(&self) -> String {
        self.engine.name().to_string()
    }

    /// Starts fetching the partition from `$offset` (an offset, `RD_KAFKA_OFFSET_*`
    /// or `rd_kafka_offset_tail($n)`).
    pub fn consume_start(&self, partition: PhpInt, offset: PhpInt) -> PhpResult<()> {
        guard(|| self.engine.consume_start(partition_or_unassigned(partition.0)?, offset.0).or_throw())
    }

    /// Like consumeStart(), with the messages going to `$queue`.
    pub fn consume_queue_start(&self, partition: PhpInt, offset: PhpInt, queue: &Queue) -> PhpResult<()> {
        guard(|| self.engine.consume_queue_start(partition_or_unassigned(partition.0)?, offset.0, queue.engine()).or_throw())
    }

    pub fn consume_stop(&self, partition: PhpInt) -> PhpResult<()> {
        guard(|| self.engine.consume_stop(partition_or_unassigned(partition.0)?).or_throw())
    }

    /// The next message of a started partition, or null on timeout.
    pub fn consume(&self, partition: PhpInt, timeout_ms: PhpInt) -> PhpResult<Option<MessageValue>> {
        guard(|| {
            let partition = partition_or_unassigned(partition.0)?;
            match self.engine.consume(partition, timeout(timeout_ms.0)).or_throw()? {
                Some(found) => message::from_consumed(&found, &mut message::TopicNameCache::default()).map(|value| Some(MessageValue(value))),
                None => Ok(None),
            }
        })
    }

    /// Up to `$batch_size` messages, waiting up to `$timeout_ms` for them.
    pub fn consume_batch(&self, partition: PhpInt, timeout_ms: PhpInt, batch_size: PhpInt) -> PhpResult<ZBox<ZendHashTable>> {
        guard(|| {
            let batch_size = usize::try_from(batch_size.0)
                .ok()
                .filter(|size| *size > 0 && *size <= MAX_BATCH)
                .ok_or_else(|| invalid_argument(format!("Out of range value '{}' for batch_size", batch_size.0)))?;
            let partition = partition_or_unassigned(partition.0)?;
            let messages = self.engine.consume_batch(partition, timeout(timeout_ms.0), batch_size).or_throw()?;
            let mut topic_names = message::TopicNameCache::default();
            list(messages.iter().map(|found| message::from_consumed(found, &mut topic_names)).collect::<PhpResult<Vec<Zval>>>()?)
        })
    }

    /// Calls `$callback(RdKafka\Message $message)` for each message the partition holds
    /// once the first arrives (waiting up to `$timeout_ms` for it), as librdkafka's
    /// `rd_kafka_consume_callback()` serves what is queued then: messages that arrive
    /// meanwhile wait for the next call, so a steady stream cannot keep the script
    /// in here. Returns how many, or -1 for a partition that is not being consumed
    /// (as php-rdkafka). Messages are taken one at a time, so if the callback
    /// throws, the rest stay queued for the next call.
    pub fn consume_callback(&self, partition: PhpInt, timeout_ms: PhpInt, callback: PhpCallback) -> PhpResult<i64> {
        guard(|| {
            let partition = partition_number(partition.0).and_then(non_negative)?;
            let mut wait = timeout(timeout_ms.0);
            let mut count = 0_i64;
            let mut left_queued: Option<usize> = None;
            while left_queued != Some(0) {
                let found = match self.engine.consume(partition, wait) {
                    Ok(Some(found)) => found,
                    Ok(None) => break,
                    Err(error) if count == 0 && error.code == ERR_UNKNOWN_PARTITION => return Ok(-1),
                    Err(error) => return Err(error).or_throw(),
                };
                left_queued = Some(left_queued.map_or_else(|| self.engine.queued(partition), |left| left - 1));
                wait = std::time::Duration::ZERO;
                count += 1;
                let mut arguments = [message::from_consumed(&found, &mut message::TopicNameCache::default())?];
                if callback.call_zvals(&mut arguments).is_break() {
                    break;
                }
            }
            Ok(count)
        })
    }

    /// Stores a processed message's offset: `offset + 1` is committed next (as in librdkafka).
    pub fn offset_store(&self, partition: PhpInt, offset: PhpInt) -> PhpResult<()> {
        guard(|| {
            let partition = partition_number(partition.0).and_then(non_negative)?;
            self.engine.offset_store(partition, offset.0).or_throw()
        })
    }
}

/// `RD_KAFKA_RESP_ERR__UNKNOWN_PARTITION`: what librdkafka reports for a partition not started.
const ERR_UNKNOWN_PARTITION: i32 = -190;

/// A batch is held in memory at once: bound it well above any sensible use.
const MAX_BATCH: usize = 1_000_000;
