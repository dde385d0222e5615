//! A topic/partition/offset triple and its conversion to librdkafka's lists.

use std::ffi::CString;
use std::ptr::addr_of;

use rdkafka_sys as rdsys;

use super::error::{cstr_to_string, KafkaError, KafkaResult, CONF_INVALID};
use super::wire::{code_at, elements};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TopicPartition {
    pub topic: String,
    pub partition: i32,
    pub offset: i64,
    /// librdkafka's per-partition error, if any (0 = none).
    pub err: i32,
}

impl TopicPartition {
    pub fn new(topic: impl Into<String>, partition: i32, offset: i64) -> Self {
        Self { topic: topic.into(), partition, offset, err: 0 }
    }
}

/// An owned `rd_kafka_topic_partition_list_t`.
pub(crate) struct NativePartitionList {
    pub(crate) ptr: *mut rdsys::rd_kafka_topic_partition_list_t,
}

impl NativePartitionList {
    pub(crate) fn from_partitions(partitions: &[TopicPartition]) -> KafkaResult<Self> {
        let size = i32::try_from(partitions.len()).unwrap_or(i32::MAX);
        // SAFETY: rd_kafka_topic_partition_list_new only allocates.
        let list = Self { ptr: unsafe { rdsys::rd_kafka_topic_partition_list_new(size) } };
        for partition in partitions {
            let topic = CString::new(partition.topic.as_str())
                .map_err(|_| KafkaError::config(CONF_INVALID, "Topic names must not contain a NUL byte"))?;
            // SAFETY: the list is live; librdkafka copies the topic name.
            let element = unsafe { rdsys::rd_kafka_topic_partition_list_add(list.ptr, topic.as_ptr(), partition.partition) };
            // SAFETY: list_add returns a valid element inside the list.
            unsafe { (*element).offset = partition.offset };
        }
        Ok(list)
    }

    pub(crate) fn from_topics(topics: &[String]) -> KafkaResult<Self> {
        let partitions: Vec<TopicPartition> =
            topics.iter().map(|topic| TopicPartition::new(topic.clone(), -1, -1001)).collect();
        Self::from_partitions(&partitions)
    }

    /// Takes ownership of a list allocated by librdkafka.
    pub(crate) fn from_raw(ptr: *mut rdsys::rd_kafka_topic_partition_list_t) -> Self {
        Self { ptr }
    }

    pub(crate) fn to_partitions(&self) -> Vec<TopicPartition> {
        // SAFETY: ptr is NULL-checked; a live list has `cnt` elements.
        unsafe { partitions_of(self.ptr) }
    }
}

/// Copies a librdkafka list (which we do not own) into Rust values.
///
/// # Safety
/// `list` must be NULL or a valid list for the duration of the call.
pub(crate) unsafe fn partitions_of(list: *const rdsys::rd_kafka_topic_partition_list_t) -> Vec<TopicPartition> {
    if list.is_null() {
        return Vec::new();
    }
    // SAFETY: a valid list has `cnt` initialised elements at `elems`, read field by field (see `wire`).
    unsafe {
        elements((*list).elems, (*list).cnt)
            .map(|element| TopicPartition {
                topic: cstr_to_string((*element).topic),
                partition: (*element).partition,
                offset: (*element).offset,
                err: code_at(addr_of!((*element).err)),
            })
            .collect()
    }
}

impl Drop for NativePartitionList {
    fn drop(&mut self) {
        if !self.ptr.is_null() {
            // SAFETY: we own the list and destroy it once.
            unsafe { rdsys::rd_kafka_topic_partition_list_destroy(self.ptr) };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partitions_round_trip_through_a_native_list() {
        let partitions = vec![TopicPartition::new("a", 0, 5), TopicPartition::new("b", 3, -2)];
        let list = NativePartitionList::from_partitions(&partitions).unwrap();
        assert_eq!(list.to_partitions(), partitions);
    }

    #[test]
    fn a_partition_error_code_the_enum_lacks_is_copied_as_it_is() {
        let list = NativePartitionList::from_partitions(&[TopicPartition::new("a", 0, 5)]).unwrap();
        // SAFETY: the list holds one element; its err is written as the int a broker's reply would put there.
        unsafe { std::ptr::addr_of_mut!((*(*list.ptr).elems).err).cast::<i32>().write(9999) };
        assert_eq!(list.to_partitions()[0].err, 9999);
    }
}
