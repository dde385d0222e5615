//! Cluster metadata (`getMetadata()`), the controller id, and the offset look-ups
//! that work on any client handle. Results are copied into plain Rust values, so
//! librdkafka's structures are freed before the binding layer sees anything.

use std::ffi::CString;
use std::ptr::addr_of;
use std::time::Duration;

use rdkafka_sys as rdsys;

use super::client::NativeClient;
use super::error::{ERR_INVALID_ARG, cstr_to_string, KafkaError, KafkaResult};
use super::producer::millis;
use super::topic_partition::{NativePartitionList, TopicPartition};
use super::wire::{self, code_at, elements};


#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClusterMetadata {
    pub orig_broker_id: i32,
    pub orig_broker_name: String,
    pub brokers: Vec<BrokerMetadata>,
    pub topics: Vec<TopicMetadata>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BrokerMetadata {
    pub id: i32,
    pub host: String,
    pub port: i32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TopicMetadata {
    pub name: String,
    pub err: i32,
    pub partitions: Vec<PartitionMetadata>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartitionMetadata {
    pub id: i32,
    pub err: i32,
    pub leader: i32,
    pub replicas: Vec<i32>,
    pub isrs: Vec<i32>,
}

/// Copies librdkafka's metadata into Rust values.
///
/// # Safety
/// `metadata` must be a valid metadata object for the duration of the call.
unsafe fn copy_metadata(metadata: *const rdsys::rd_kafka_metadata) -> ClusterMetadata {
    // SAFETY: a valid metadata object's arrays hold their counts of elements, read
    // field by field: topics and partitions carry a broker's error code (see `wire`).
    unsafe {
        let brokers = elements((*metadata).brokers, (*metadata).broker_cnt)
            .map(|broker| BrokerMetadata { id: (*broker).id, host: cstr_to_string((*broker).host), port: (*broker).port })
            .collect();
        let topics = elements((*metadata).topics, (*metadata).topic_cnt)
            .map(|topic| TopicMetadata {
                name: cstr_to_string((*topic).topic),
                err: code_at(addr_of!((*topic).err)),
                partitions: elements((*topic).partitions, (*topic).partition_cnt)
                    .map(|partition| PartitionMetadata {
                        id: (*partition).id,
                        err: code_at(addr_of!((*partition).err)),
                        leader: (*partition).leader,
                        replicas: elements((*partition).replicas, (*partition).replica_cnt).map(|id| *id).collect(),
                        isrs: elements((*partition).isrs, (*partition).isr_cnt).map(|id| *id).collect(),
                    })
                    .collect(),
            })
            .collect();
        ClusterMetadata {
            orig_broker_id: (*metadata).orig_broker_id,
            orig_broker_name: cstr_to_string((*metadata).orig_broker_name),
            brokers,
            topics,
        }
    }
}

fn topic_name(name: &str) -> KafkaResult<CString> {
    CString::new(name).map_err(|_| KafkaError::with_message(ERR_INVALID_ARG, "Topic names must not contain a NUL byte"))
}

impl NativeClient {
    /// Asks the cluster for its brokers and topics: all topics, only those the
    /// handle knows (`all_topics = false`), or only `only_topic`.
    pub fn metadata(&self, all_topics: bool, only_topic: Option<&str>, timeout: Duration) -> KafkaResult<ClusterMetadata> {
        self.check_usable()?;
        let topic = only_topic
            .map(|name| {
                let name = topic_name(name)?;
                // SAFETY: rk is live; NULL conf = the handle's defaults; a topic the handle already has is shared.
                let rkt = unsafe { rdsys::rd_kafka_topic_new(self.rk, name.as_ptr(), std::ptr::null_mut()) };
                if rkt.is_null() {
                    return Err(KafkaError::last());
                }
                Ok(TopicReference(rkt))
            })
            .transpose()?;
        let mut metadata: *const rdsys::rd_kafka_metadata = std::ptr::null();
        let only = topic.as_ref().map_or(std::ptr::null_mut(), |topic| topic.0);
        // SAFETY: rk and the topic reference are live; on success we own `metadata`.
        let code = unsafe { wire::metadata(self.rk, i32::from(all_topics), only, &mut metadata, millis(timeout)) };
        KafkaError::check_code(code)?;
        // SAFETY: librdkafka returned a valid object, copied and then freed once here.
        unsafe {
            let copied = copy_metadata(metadata);
            rdsys::rd_kafka_metadata_destroy(metadata);
            Ok(copied)
        }
    }

    /// The id of the cluster's controller broker, or -1 when unknown within `timeout`.
    pub fn controller_id(&self, timeout: Duration) -> KafkaResult<i32> {
        self.check_usable()?;
        // SAFETY: rk is live.
        Ok(unsafe { rdsys::rd_kafka_controllerid(self.rk, millis(timeout)) })
    }

    /// The low and high watermark offsets of a partition, asked of its leader.
    pub fn query_watermark_offsets(&self, topic: &str, partition: i32, timeout: Duration) -> KafkaResult<(i64, i64)> {
        self.check_usable()?;
        let topic = topic_name(topic)?;
        let (mut low, mut high) = (0_i64, 0_i64);
        // SAFETY: rk is live; the name and the out pointers outlive the call.
        let code = unsafe {
            wire::query_watermark_offsets(self.rk, topic.as_ptr(), partition, &mut low, &mut high, millis(timeout))
        };
        KafkaError::check_code(code).map(|()| (low, high))
    }

    /// For each partition, the earliest offset whose timestamp is at least the
    /// partition's `offset` field (a timestamp in ms); -1 past the end.
    pub fn offsets_for_times(&self, partitions: &[TopicPartition], timeout: Duration) -> KafkaResult<Vec<TopicPartition>> {
        self.check_usable()?;
        let list = NativePartitionList::from_partitions(partitions)?;
        // SAFETY: rk and the list are live; librdkafka writes the results into the list.
        KafkaError::check_code(unsafe { wire::offsets_for_times(self.rk, list.ptr, millis(timeout)) })?;
        Ok(list.to_partitions())
    }

    /// Stops fetching (consumer) or sending (producer) for the partitions; each
    /// element carries its own error.
    pub fn pause_partitions(&self, partitions: &[TopicPartition]) -> KafkaResult<Vec<TopicPartition>> {
        self.check_usable()?;
        let list = NativePartitionList::from_partitions(partitions)?;
        // SAFETY: rk and the list are live; librdkafka writes per-partition errors into it.
        KafkaError::check(unsafe { rdsys::rd_kafka_pause_partitions(self.rk, list.ptr) })?;
        Ok(list.to_partitions())
    }

    /// Undoes `pause_partitions`.
    pub fn resume_partitions(&self, partitions: &[TopicPartition]) -> KafkaResult<Vec<TopicPartition>> {
        self.check_usable()?;
        let list = NativePartitionList::from_partitions(partitions)?;
        // SAFETY: rk and the list are live; librdkafka writes per-partition errors into it.
        KafkaError::check(unsafe { rdsys::rd_kafka_resume_partitions(self.rk, list.ptr) })?;
        Ok(list.to_partitions())
    }
}

/// A topic reference taken for one call, released on drop.
struct TopicReference(*mut rdsys::rd_kafka_topic_t);

impl Drop for TopicReference {
    fn drop(&mut self) {
        // SAFETY: we took this reference with rd_kafka_topic_new and release it once.
        unsafe { rdsys::rd_kafka_topic_destroy(self.0) };
    }
}
