//! `RdKafka\KafkaConsumer`: the high-level, group-managed consumer.
//! Unlike `RdKafka\Consumer`, it does not extend `RdKafka` (as in php-rdkafka).

use ext_php_rs::boxed::ZBox;
use ext_php_rs::prelude::*;
use ext_php_rs::types::{ZendClassObject, ZendHashTable, Zval};

use super::callbacks::{call_with_partitions, dispatch, this_zval, timeout, ClientCallbacks};
use super::client_methods;
use super::metadata::Metadata;
use super::topic::TopicName;
use super::zval::IntOut;
use super::conf::Conf;
use super::kafka_consumer_topic::KafkaConsumerTopic;
use super::topic_conf::TopicConf;
use super::exception::{exception, guard, invalid_argument, type_error, OrThrow};
use super::message::{self, MessageValue};
use super::topic_partition::{partitions_from_array, partitions_to_array};
use super::zval::{ArrayOrEmpty, list, null_zval, to_zval, PhpBool, PhpInt, PhpString};
use crate::engine::consumer::{PollOutcome, DEFAULT_DESTROY_CLOSE};
use crate::engine::error::ERR_INVALID_ARG;
use crate::engine::producer::ERR_TIMED_OUT;
use crate::engine::{self, CloseEvent};

/// The most messages one consumeBatch() returns (they are all in memory at once).
const MAX_BATCH: usize = 1_000_000;

#[php_class]
#[php(name = "RdKafka\\KafkaConsumer")]
pub struct KafkaConsumer {
    engine: engine::KafkaConsumer,
    callbacks: ClientCallbacks,
    /// The last topic name made into a PHP string, shared by the Messages that follow.
    topic_names: std::cell::RefCell<message::TopicNameCache>,
}

/// Reads `null`, an `RdKafka\Message` (commits its offset + 1) or an array of `RdKafka\TopicPartition`.
/// A Message with an error is refused as php-rdkafka refuses it: committing a partition-EOF
/// message's offset + 1 would skip the next message produced to the partition.
fn offsets_to_commit(method: &str, argument: Option<&Zval>) -> PhpResult<Option<Vec<engine::TopicPartition>>> {
    let Some(argument) = argument.filter(|value| !value.is_null()) else { return Ok(None) };
    if let Some(array) = argument.array() {
        return partitions_from_array(array, &format!("RdKafka\\KafkaConsumer::{method}()")).map(Some);
    }
    let object = argument.object().filter(|object| message::is_message(object)).ok_or_else(|| {
        type_error(format!(
            "RdKafka\\KafkaConsumer::{method}(): Argument #1 ($message_or_offsets) must be of type RdKafka\\Message|array|null, {} given",
            super::zval::type_name(argument)
        ))
    })?;
    let property = |name: &str| object.get_property::<&Zval>(name).ok();
    let refused = |what: &str| exception(format!("Invalid argument: Specified Message{what}"), ERR_INVALID_ARG);
    if property("err").is_some_and(|err| !err.is_null() && err.long() != Some(0)) {
        return Err(refused(" has an error"));
    }
    let topic = property("topic_name").and_then(Zval::string).ok_or_else(|| refused("'s topic_name is not a string"))?;
    let partition = property("partition").and_then(Zval::long).ok_or_else(|| refused("'s partition is not an int"))?;
    let offset = property("offset").and_then(Zval::long).ok_or_else(|| refused("'s offset is not an int"))?;
    let partition = i32::try_from(partition).map_err(|_| refused(&format!("'s partition {partition} is out of range")))?;
    Ok(Some(vec![engine::TopicPartition::new(topic, partition, offset + 1)]))
}

impl super::gc::HoldsZvals for KafkaConsumer {
    fn visit_zvals(&self, visit: &mut dyn FnMut(&Zval)) {
        self.callbacks.zvals().into_iter().for_each(visit);
    }
}

impl KafkaConsumer {
    /// The handle, for an AdminClient made from this consumer (not once closed).
    pub fn admin_owner(&self) -> PhpResult<std::sync::Arc<dyn crate::engine::topic::ClientOwner>> {
        self.engine.owner().or_throw()
    }
}

impl Drop for KafkaConsumer {
    /// Leaves the group if close() was not called, then writes the last log lines.
    fn drop(&mut self) {
        let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            self.engine.close_without_callbacks(|event| super::callbacks::log_only(&self.callbacks, event));
            self.engine.drain_events(|event| super::callbacks::log_only(&self.callbacks, event));
        }));
    }
}

#[php_impl]
impl KafkaConsumer {
    pub fn __construct(conf: &Conf) -> PhpResult<Self> {
        guard(|| {
            let (mut native, callbacks) = conf.snapshot();
            native.apply_consumer_defaults(&super::ini::memory_defaults()).or_throw()?;
            let engine = engine::KafkaConsumer::new(native, callbacks.enabled()).or_throw()?;
            Ok(Self { engine, callbacks, topic_names: std::cell::RefCell::default() })
        })
    }

    /// Replaces the assignment with the given partitions; `null` (or nothing) removes it.
    #[php(optional = topic_partitions)]
    pub fn assign(&self, topic_partitions: Option<&ZendHashTable>) -> PhpResult<()> {
        guard(|| {
            let partitions =
                topic_partitions.map(|array| partitions_from_array(array, "RdKafka\\KafkaConsumer::assign()")).transpose()?;
            self.engine.assign(partitions.as_deref()).or_throw()
        })
    }

    pub fn get_assignment(&self) -> PhpResult<ZBox<ZendHashTable>> {
        guard(|| partitions_to_array(&self.engine.assignment().or_throw()?))
    }

    /// Subscribes to topics (names, or regular expressions starting with `^`).
    pub fn subscribe(&self, topics: &ZendHashTable) -> PhpResult<()> {
        guard(|| {
            let names = super::zval::entries(topics)
                .map(|(index, value)| {
                    PhpString::from_value(value).map(|name| name.0).ok_or_else(|| {
                        type_error(format!("RdKafka\\KafkaConsumer::subscribe(): topic {index} must be a string, {} given", super::zval::type_name(value)))
                    })
                })
                .collect::<PhpResult<Vec<String>>>()?;
            self.engine.subscribe(&names).or_throw()
        })
    }

    pub fn get_subscription(&self) -> PhpResult<ZBox<ZendHashTable>> {
        guard(|| {
            let names = self.engine.subscription().or_throw()?;
            list(names.into_iter().map(to_zval).collect::<PhpResult<Vec<Zval>>>()?)
        })
    }

    pub fn unsubscribe(&self) -> PhpResult<()> {
        guard(|| self.engine.unsubscribe().or_throw())
    }

    /// The next message; on timeout a Message with `err = RD_KAFKA_RESP_ERR__TIMED_OUT`.
    /// Callbacks (rebalance, error, stats, offset commit, log) run in here.
    pub fn consume(self_: &mut ZendClassObject<KafkaConsumer>, timeout_ms: PhpInt) -> PhpResult<MessageValue> {
        let this = this_zval(self_);
        let consumer: &KafkaConsumer = self_;
        guard(|| {
            let outcome =
                consumer.engine.poll(timeout(timeout_ms.0), |event| dispatch(&consumer.callbacks, &this, event)).or_throw()?;
            match outcome {
                PollOutcome::Message(found) => {
                    let value = message::from_consumed(&found, &mut consumer.topic_names.borrow_mut())?;
                    consumer.engine.store_handed(std::slice::from_ref(&found));
                    Ok(MessageValue(value))
                }
                PollOutcome::TimedOut => message::error_only(ERR_TIMED_OUT).map(MessageValue),
                // A callback threw: its exception is pending and leaves this call.
                PollOutcome::Interrupted => Ok(MessageValue(null_zval())),
            }
        })
    }

    /// Up to `$max_messages` messages: waits up to `$timeout_ms` for the first, then
    /// takes what is already there. Error events come as Message objects with `err`
    /// set, as consume() returns them; an empty array means the time ran out.
    /// Callbacks run in here only until the first message: one that fires later ends
    /// the batch and runs on the next call, so it never runs (or throws) while this
    /// call holds messages that PHP has not received.
    pub fn consume_batch(self_: &mut ZendClassObject<KafkaConsumer>, timeout_ms: PhpInt, max_messages: PhpInt) -> PhpResult<ZBox<ZendHashTable>> {
        let this = this_zval(self_);
        let consumer: &KafkaConsumer = self_;
        guard(|| {
            let max = usize::try_from(max_messages.0)
                .ok()
                .filter(|max| (1..=MAX_BATCH).contains(max))
                .ok_or_else(|| invalid_argument(format!("Out of range value '{}' for $max_messages: use 1 to {MAX_BATCH}", max_messages.0)))?;
            // If a callback threw (only before the first message), its exception leaves this call.
            let found = consumer.engine.poll_batch(timeout(timeout_ms.0), max, |event| dispatch(&consumer.callbacks, &this, event)).or_throw()?;
            let mut topic_names = consumer.topic_names.borrow_mut();
            let batch = list(found.iter().map(|found| message::from_consumed(found, &mut topic_names)).collect::<PhpResult<Vec<Zval>>>()?)?;
            // Only now that the array exists: a fatal error while building it stores nothing.
            consumer.engine.store_handed(&found);
            Ok(batch)
        })
    }

    /// Commits synchronously: the current positions (null), a Message's offset + 1, or an array of TopicPartition.
    #[php(optional = message_or_offsets)]
    pub fn commit(&self, message_or_offsets: Option<&Zval>) -> PhpResult<()> {
        guard(|| self.engine.commit(offsets_to_commit("commit", message_or_offsets)?.as_deref(), false).or_throw())
    }

    /// Like commit(), without waiting; the result goes to the offset commit callback.
    #[php(optional = message_or_offsets)]
    pub fn commit_async(&self, message_or_offsets: Option<&Zval>) -> PhpResult<()> {
        guard(|| self.engine.commit(offsets_to_commit("commitAsync", message_or_offsets)?.as_deref(), true).or_throw())
    }

    /// Leaves the group: the rebalance callback sees the revocation, then the consumer is unusable.
    pub fn close(self_: &mut ZendClassObject<KafkaConsumer>) -> PhpResult<()> {
        let this = this_zval(self_);
        let consumer: &KafkaConsumer = self_;
        guard(|| {
            let mut threw = false;
            // Revoked partitions the callback does not give up, close() does.
            let result = consumer.engine.close(DEFAULT_DESTROY_CLOSE, |_, event| match event {
                CloseEvent::Rebalance { code, partitions } => {
                    if let (false, Some(callback)) = (threw, consumer.callbacks.rebalance.as_ref()) {
                        threw = call_with_partitions(Some(callback), &this, code, &partitions).is_break();
                    }
                }
                CloseEvent::Callback(event) => {
                    if !threw {
                        threw = dispatch(&consumer.callbacks, &this, event).is_break();
                    }
                }
            });
            result.or_throw()
        })
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

    /// Adds partitions to the assignment (cooperative-sticky rebalancing).
    pub fn incremental_assign(&self, topic_partitions: &ZendHashTable) -> PhpResult<()> {
        guard(|| {
            let partitions = partitions_from_array(topic_partitions, "RdKafka\\KafkaConsumer::incrementalAssign()")?;
            self.engine.incremental_assign(&partitions).or_throw()
        })
    }

    /// Removes partitions from the assignment (cooperative-sticky rebalancing).
    pub fn incremental_unassign(&self, topic_partitions: &ZendHashTable) -> PhpResult<()> {
        guard(|| {
            let partitions = partitions_from_array(topic_partitions, "RdKafka\\KafkaConsumer::incrementalUnassign()")?;
            self.engine.incremental_unassign(&partitions).or_throw()
        })
    }

    /// The group's committed offsets for the partitions (offset -1001 when none).
    pub fn get_committed_offsets(&self, topic_partitions: &ZendHashTable, timeout_ms: PhpInt) -> PhpResult<ZBox<ZendHashTable>> {
        guard(|| {
            let partitions = partitions_from_array(topic_partitions, "RdKafka\\KafkaConsumer::getCommittedOffsets()")?;
            partitions_to_array(&self.engine.committed(&partitions, timeout(timeout_ms.0)).or_throw()?)
        })
    }

    /// This consumer's positions: the offset of the next message per partition (-1001 when none).
    pub fn get_offset_positions(&self, topic_partitions: &ZendHashTable) -> PhpResult<ZBox<ZendHashTable>> {
        guard(|| {
            let partitions = partitions_from_array(topic_partitions, "RdKafka\\KafkaConsumer::getOffsetPositions()")?;
            partitions_to_array(&self.engine.positions(&partitions).or_throw()?)
        })
    }

    /// A topic handle, for `offsetStore()`.
    #[php(optional = topic_conf)]
    pub fn new_topic(
        self_: &mut ZendClassObject<KafkaConsumer>,
        topic_name: PhpString,
        topic_conf: Option<&TopicConf>,
    ) -> PhpResult<KafkaConsumerTopic> {
        let this = this_zval(self_);
        let consumer: &KafkaConsumer = self_;
        guard(|| {
            let native = topic_conf.map(TopicConf::native);
            let topic = consumer.engine.new_topic(topic_name.as_str(), native.as_deref()).or_throw()?;
            Ok(KafkaConsumerTopic::new(topic, this))
        })
    }

    /// Brokers and topics of the cluster: all topics, the ones this client knows, or `$only_topic`.
    pub fn get_metadata(&self, all_topics: PhpBool, only_topic: Option<TopicName>, timeout_ms: PhpInt) -> PhpResult<Metadata> {
        client_methods::get_metadata(self.engine.open_handle().or_throw()?, all_topics.0, only_topic, timeout_ms.0)
    }

    /// The controller broker's id, -1 when unknown within the timeout.
    pub fn get_controller_id(&self, timeout_ms: PhpInt) -> PhpResult<i64> {
        client_methods::get_controller_id(self.engine.open_handle().or_throw()?, timeout_ms.0)
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
        client_methods::query_watermark_offsets(self.engine.open_handle().or_throw()?, topic.as_str(), partition.0, low, high, timeout_ms.0)
    }

    /// Offsets for timestamps: each TopicPartition's offset is a timestamp in ms.
    pub fn offsets_for_times(&self, topic_partitions: &ZendHashTable, timeout_ms: PhpInt) -> PhpResult<ZBox<ZendHashTable>> {
        client_methods::offsets_for_times(self.engine.open_handle().or_throw()?, "RdKafka\\KafkaConsumer", topic_partitions, timeout_ms.0)
    }

    /// Pauses the partitions; each returned TopicPartition carries its error.
    pub fn pause_partitions(&self, topic_partitions: &ZendHashTable) -> PhpResult<ZBox<ZendHashTable>> {
        client_methods::pause_partitions(self.engine.open_handle().or_throw()?, "RdKafka\\KafkaConsumer", topic_partitions)
    }

    /// Resumes paused partitions; each returned TopicPartition carries its error.
    pub fn resume_partitions(&self, topic_partitions: &ZendHashTable) -> PhpResult<ZBox<ZendHashTable>> {
        client_methods::resume_partitions(self.engine.open_handle().or_throw()?, "RdKafka\\KafkaConsumer", topic_partitions)
    }
}
