//! `RdKafka\Consumer`: the legacy low-level consumer (partitions started by hand
//! on `ConsumerTopic`s, no group management).

use ext_php_rs::boxed::ZBox;
use ext_php_rs::prelude::*;
use ext_php_rs::types::{ZendClassObject, ZendHashTable};

use super::callbacks::{dispatch, this_zval, timeout, ClientCallbacks};
use super::client_methods;
use super::conf::Conf;
use super::consumer_topic::ConsumerTopic;
use super::exception::{guard, value_error, OrThrow};
use super::kafka::Kafka;
use super::metadata::Metadata;
use super::queue::Queue;
use super::topic::TopicName;
use super::topic_conf::TopicConf;
use super::zval::{ArrayOrEmpty, IntOut, PhpBool, PhpInt, PhpString};
use crate::engine;

#[php_class]
#[php(name = "RdKafka\\Consumer")]
#[php(extends(Kafka))]
pub struct Consumer {
    engine: engine::Consumer,
    callbacks: ClientCallbacks,
}

impl super::gc::HoldsZvals for Consumer {
    fn visit_zvals(&self, visit: &mut dyn FnMut(&ext_php_rs::types::Zval)) {
        self.callbacks.zvals().into_iter().for_each(visit);
    }
}

impl Consumer {
    /// The handle, for an AdminClient made from this consumer.
    pub fn admin_owner(&self) -> std::sync::Arc<dyn crate::engine::topic::ClientOwner> {
        self.engine.owner()
    }
}

impl Drop for Consumer {
    /// Writes the last log lines.
    fn drop(&mut self) {
        let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            self.engine.drain_events(|event| super::callbacks::log_only(&self.callbacks, event));
        }));
    }
}

#[php_impl]
impl Consumer {
    #[php(optional = conf)]
    pub fn __construct(conf: Option<&Conf>) -> PhpResult<Self> {
        guard(|| {
            let (mut native, callbacks) = conf.map(Conf::snapshot).unwrap_or_default();
            native.apply_consumer_defaults(&super::ini::memory_defaults()).or_throw()?;
            let engine = engine::Consumer::new(native, callbacks.enabled()).or_throw()?;
            Ok(Self { engine, callbacks })
        })
    }

    /// Adds brokers (`host:port,...`); returns how many were added.
    pub fn add_brokers(&self, broker_list: PhpString) -> i64 {
        i64::from(self.engine.handle().add_brokers(broker_list.as_str()))
    }

    #[php(optional = topic_conf)]
    pub fn new_topic(self_: &mut ZendClassObject<Consumer>, topic_name: PhpString, topic_conf: Option<&TopicConf>) -> PhpResult<ConsumerTopic> {
        let this = this_zval(self_);
        let consumer: &Consumer = self_;
        guard(|| {
            let native = topic_conf.map(TopicConf::native);
            let topic = consumer.engine.new_topic(topic_name.as_str(), native.as_deref()).or_throw()?;
            Ok(ConsumerTopic::new(topic, this))
        })
    }

    /// A queue that partitions can be routed to with `ConsumerTopic::consumeQueueStart()`.
    pub fn new_queue(self_: &mut ZendClassObject<Consumer>) -> PhpResult<Queue> {
        let this = this_zval(self_);
        let consumer: &Consumer = self_;
        guard(|| Ok(Queue::new(consumer.engine.new_queue().or_throw()?, this)))
    }

    /// Serves queued callbacks (error, stats, log, offset commit); returns how many.
    pub fn poll(self_: &mut ZendClassObject<Consumer>, timeout_ms: PhpInt) -> PhpResult<i64> {
        let this = this_zval(self_);
        let consumer: &Consumer = self_;
        guard(|| Ok(consumer.engine.poll(timeout(timeout_ms.0), |event| dispatch(&consumer.callbacks, &this, event))))
    }

    /// Waits for librdkafka's queues to empty, serving callbacks; `RD_KAFKA_RESP_ERR_*`.
    pub fn flush(self_: &mut ZendClassObject<Consumer>, timeout_ms: PhpInt) -> PhpResult<i64> {
        let this = this_zval(self_);
        let consumer: &Consumer = self_;
        guard(|| Ok(i64::from(consumer.engine.flush(timeout(timeout_ms.0), |event| dispatch(&consumer.callbacks, &this, event)))))
    }

    /// librdkafka's result for a consumer, which has no messages to purge.
    pub fn purge(&self, purge_flags: PhpInt) -> PhpResult<i64> {
        let purge_flags = purge_flags.0;
        let flags = i32::try_from(purge_flags).map_err(|_| value_error(format!("Invalid purge flags {purge_flags}")))?;
        Ok(i64::from(self.engine.purge(flags)))
    }

    /// Callbacks not yet served.
    pub fn get_out_q_len(&self) -> i64 {
        self.engine.out_queue_len()
    }

    /// Alias of getOutQLen().
    pub fn outq_len(&self) -> i64 {
        self.engine.out_queue_len()
    }

    /// Deprecated in php-rdkafka: use the `log_level` property.
    pub fn set_log_level(&self, level: PhpInt) {
        self.engine.handle().set_log_level(i32::try_from(level.0).unwrap_or(i32::MAX));
    }

    /// Deprecated in php-rdkafka: `RD_KAFKA_LOG_PRINT`, `RD_KAFKA_LOG_SYSLOG` or `RD_KAFKA_LOG_SYSLOG_PRINT`.
    pub fn set_logger(&self, logger: PhpInt) -> PhpResult<()> {
        client_methods::set_logger(self.engine.handle(), logger.0)
    }

    /// Hands librdkafka a SASL/OAUTHBEARER token, usually from the token refresh callback.
    #[php(defaults(extensions = ArrayOrEmpty::EMPTY))]
    pub fn oauthbearer_set_token(
        &self,
        token_value: PhpString,
        lifetime_ms: PhpInt,
        principal_name: PhpString,
        extensions: ArrayOrEmpty,
    ) -> PhpResult<()> {
        client_methods::oauthbearer_set_token(self.engine.handle(), token_value.as_str(), lifetime_ms.0, principal_name.as_str(), extensions.0)
    }

    /// Tells librdkafka that no SASL/OAUTHBEARER token could be had.
    pub fn oauthbearer_set_token_failure(&self, error: PhpString) -> PhpResult<()> {
        client_methods::oauthbearer_set_token_failure(self.engine.handle(), error.as_str())
    }

    /// Brokers and topics of the cluster: all topics, the ones this client knows, or `$only_topic`.
    pub fn get_metadata(&self, all_topics: PhpBool, only_topic: Option<TopicName>, timeout_ms: PhpInt) -> PhpResult<Metadata> {
        client_methods::get_metadata(self.engine.handle(), all_topics.0, only_topic, timeout_ms.0)
    }

    /// Deprecated alias of getMetadata().
    pub fn metadata(&self, all_topics: PhpBool, only_topic: Option<TopicName>, timeout_ms: PhpInt) -> PhpResult<Metadata> {
        client_methods::get_metadata(self.engine.handle(), all_topics.0, only_topic, timeout_ms.0)
    }

    /// The controller broker's id, -1 when unknown within the timeout.
    pub fn get_controller_id(&self, timeout_ms: PhpInt) -> PhpResult<i64> {
        client_methods::get_controller_id(self.engine.handle(), timeout_ms.0)
    }

    /// Sets `$low` and `$high` to the partition's watermark offsets.
    pub fn query_watermark_offsets(
        &self,
        topic: PhpString,
        partition: PhpInt,
        low: IntOut<'_>,
        high: IntOut<'_>,
        timeout_ms: PhpInt,
    ) -> PhpResult<()> {
        client_methods::query_watermark_offsets(self.engine.handle(), topic.as_str(), partition.0, low, high, timeout_ms.0)
    }

    /// Offsets for timestamps: each TopicPartition's offset is a timestamp in ms.
    pub fn offsets_for_times(&self, topic_partitions: &ZendHashTable, timeout_ms: PhpInt) -> PhpResult<ZBox<ZendHashTable>> {
        client_methods::offsets_for_times(self.engine.handle(), "RdKafka\\Consumer", topic_partitions, timeout_ms.0)
    }

    /// Pauses the partitions; each returned TopicPartition carries its error.
    pub fn pause_partitions(&self, topic_partitions: &ZendHashTable) -> PhpResult<ZBox<ZendHashTable>> {
        client_methods::pause_partitions(self.engine.handle(), "RdKafka\\Consumer", topic_partitions)
    }

    /// Resumes paused partitions; each returned TopicPartition carries its error.
    pub fn resume_partitions(&self, topic_partitions: &ZendHashTable) -> PhpResult<ZBox<ZendHashTable>> {
        client_methods::resume_partitions(self.engine.handle(), "RdKafka\\Consumer", topic_partitions)
    }
}
