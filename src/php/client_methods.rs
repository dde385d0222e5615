//! Bodies of the methods php-rdkafka declares once on a base class but which we
//! declare on each client class (ext-php-rs resolves `$this` by Rust type, see
//! `kafka.rs`): each class's method is one call into here with its handle.

use ext_php_rs::boxed::ZBox;
use ext_php_rs::prelude::*;
use ext_php_rs::types::ZendHashTable;

use super::callbacks::timeout;
use super::exception::{exception, guard, invalid_argument, type_error, OrThrow};
use super::metadata::Metadata;
use super::topic::TopicName;
use super::topic_partition::{partitions_from_array, partitions_to_array};
use super::zval::{IntOut, PhpString};
use crate::engine::{Logger, NativeClient};

/// `setLogger(int $logger)`: one of the `RD_KAFKA_LOG_*` constants.
pub fn set_logger(handle: &NativeClient, logger: i64) -> PhpResult<()> {
    let logger = Logger::from_constant(logger)
        .ok_or_else(|| exception(format!("Invalid logger {logger}: use RD_KAFKA_LOG_PRINT, RD_KAFKA_LOG_SYSLOG or RD_KAFKA_LOG_SYSLOG_PRINT"), 0))?;
    handle.set_logger(logger);
    Ok(())
}

/// `oauthbearerSetToken(string $token_value, int $lifetime_ms, string $principal_name, array $extensions = [])`
pub fn oauthbearer_set_token(
    handle: &NativeClient,
    token_value: &str,
    lifetime_ms: i64,
    principal_name: &str,
    extensions: Option<&ZendHashTable>,
) -> PhpResult<()> {
    guard(|| {
        let extensions = extensions
            .map(|array| {
                super::zval::entries(array)
                    .map(|(key, value)| {
                        let value = PhpString::from_value(value).ok_or_else(|| {
                            type_error(format!("oauthbearerSetToken(): extension \"{key}\" must be a string, {} given", super::zval::type_name(value)))
                        })?;
                        Ok((key.to_string(), value.0))
                    })
                    .collect::<PhpResult<Vec<(String, String)>>>()
            })
            .transpose()?
            .unwrap_or_default();
        handle.oauthbearer_set_token(token_value, lifetime_ms, principal_name, &extensions).or_throw()
    })
}

/// `oauthbearerSetTokenFailure(string $error)`
pub fn oauthbearer_set_token_failure(handle: &NativeClient, error: &str) -> PhpResult<()> {
    guard(|| handle.oauthbearer_set_token_failure(error).or_throw())
}

/// `getMetadata(bool $all_topics, ?RdKafka\Topic $only_topic, int $timeout_ms): RdKafka\Metadata`
pub fn get_metadata(handle: &NativeClient, all_topics: bool, only_topic: Option<TopicName>, timeout_ms: i64) -> PhpResult<Metadata> {
    guard(|| {
        let only_topic = only_topic.map(|topic| topic.0);
        let metadata = handle.metadata(all_topics, only_topic.as_deref(), timeout(timeout_ms)).or_throw()?;
        Ok(Metadata::new(metadata))
    })
}

/// `getControllerId(int $timeout_ms): int`: -1 when unknown within the timeout.
pub fn get_controller_id(handle: &NativeClient, timeout_ms: i64) -> PhpResult<i64> {
    guard(|| handle.controller_id(timeout(timeout_ms)).map(i64::from).or_throw())
}

/// `queryWatermarkOffsets(string $topic, int $partition, int &$low, int &$high, int $timeout_ms): void`
pub fn query_watermark_offsets(
    handle: &NativeClient,
    topic: &str,
    partition: i64,
    mut low: IntOut<'_>,
    mut high: IntOut<'_>,
    timeout_ms: i64,
) -> PhpResult<()> {
    guard(|| {
        let partition = partition_number(partition)?;
        let (low_offset, high_offset) = handle.query_watermark_offsets(topic, partition, timeout(timeout_ms)).or_throw()?;
        low.set(low_offset);
        high.set(high_offset);
        Ok(())
    })
}

/// `offsetsForTimes(array $topic_partitions, int $timeout_ms): array`: each
/// TopicPartition's offset is a timestamp (ms) going in and an offset coming out.
pub fn offsets_for_times(handle: &NativeClient, class: &str, topic_partitions: &ZendHashTable, timeout_ms: i64) -> PhpResult<ZBox<ZendHashTable>> {
    guard(|| {
        let partitions = partitions_from_array(topic_partitions, &format!("{class}::offsetsForTimes()"))?;
        partitions_to_array(&handle.offsets_for_times(&partitions, timeout(timeout_ms)).or_throw()?)
    })
}

/// `pausePartitions(array $topic_partitions): array`, with each partition's error.
pub fn pause_partitions(handle: &NativeClient, class: &str, topic_partitions: &ZendHashTable) -> PhpResult<ZBox<ZendHashTable>> {
    guard(|| {
        let partitions = partitions_from_array(topic_partitions, &format!("{class}::pausePartitions()"))?;
        partitions_to_array(&handle.pause_partitions(&partitions).or_throw()?)
    })
}

/// `resumePartitions(array $topic_partitions): array`, with each partition's error.
pub fn resume_partitions(handle: &NativeClient, class: &str, topic_partitions: &ZendHashTable) -> PhpResult<ZBox<ZendHashTable>> {
    guard(|| {
        let partitions = partitions_from_array(topic_partitions, &format!("{class}::resumePartitions()"))?;
        partitions_to_array(&handle.resume_partitions(&partitions).or_throw()?)
    })
}

/// A partition number as librdkafka takes it, or php-rdkafka's InvalidArgumentException.
pub fn partition_number(partition: i64) -> PhpResult<i32> {
    i32::try_from(partition).map_err(|_| invalid_argument(format!("Out of range value '{partition}' for $partition")))
}
