//! `RdKafka\TopicPartition`.

use ext_php_rs::boxed::ZBox;
use ext_php_rs::prelude::*;
use ext_php_rs::types::{ZendClassObject, ZendHashTable, Zval};

use super::exception::type_error;
use super::zval::{list, to_zval, PhpInt, PhpString};
use crate::engine;

#[php_class]
#[php(name = "RdKafka\\TopicPartition")]
#[derive(Clone)]
pub struct TopicPartition {
    topic: String,
    partition: i64,
    offset: i64,
    err: Option<i64>,
}

impl TopicPartition {
    pub fn to_engine(&self) -> PhpResult<engine::TopicPartition> {
        let partition = i32::try_from(self.partition)
            .map_err(|_| type_error(format!("Partition {} of topic \"{}\" is out of range", self.partition, self.topic)))?;
        Ok(engine::TopicPartition::new(self.topic.clone(), partition, self.offset))
    }

    pub fn from_engine(tp: &engine::TopicPartition) -> Self {
        Self { topic: tp.topic.clone(), partition: i64::from(tp.partition), offset: tp.offset, err: Some(i64::from(tp.err)) }
    }
}

#[php_impl]
impl TopicPartition {
    #[php(defaults(offset = 0))]
    pub fn __construct(topic: PhpString, partition: PhpInt, offset: PhpInt) -> Self {
        Self { topic: topic.0, partition: partition.0, offset: offset.0, err: Some(0) }
    }

    pub fn get_topic(&self) -> String {
        self.topic.clone()
    }

    pub fn set_topic(self_: &mut ZendClassObject<TopicPartition>, topic_name: PhpString) -> &mut ZendClassObject<TopicPartition> {
        self_.topic = topic_name.0;
        self_
    }

    pub fn get_partition(&self) -> i64 {
        self.partition
    }

    pub fn set_partition(self_: &mut ZendClassObject<TopicPartition>, partition: PhpInt) -> &mut ZendClassObject<TopicPartition> {
        self_.partition = partition.0;
        self_
    }

    pub fn get_offset(&self) -> i64 {
        self.offset
    }

    pub fn set_offset(self_: &mut ZendClassObject<TopicPartition>, offset: PhpInt) -> &mut ZendClassObject<TopicPartition> {
        self_.offset = offset.0;
        self_
    }

    pub fn get_err(&self) -> Option<i64> {
        self.err
    }

    // Read-only views, so var_dump()/print_r() show the fields as php-rdkafka does.
    #[php(getter, name = "topic")]
    pub fn topic_view(&self) -> String {
        self.topic.clone()
    }

    #[php(getter, name = "partition")]
    pub fn partition_view(&self) -> i64 {
        self.partition
    }

    #[php(getter, name = "offset")]
    pub fn offset_view(&self) -> i64 {
        self.offset
    }

    #[php(getter, name = "err")]
    pub fn err_view(&self) -> Option<i64> {
        self.err
    }
}

/// Reads a PHP array that must hold only `RdKafka\TopicPartition` objects.
pub fn partitions_from_array(array: &ZendHashTable, what: &str) -> PhpResult<Vec<engine::TopicPartition>> {
    array
        .iter()
        .map(|(index, value)| {
            value
                .object()
                .and_then(|object| ZendClassObject::<TopicPartition>::from_zend_obj(object))
                .ok_or_else(|| {
                    type_error(format!(
                        "{what}: array element {index} must be an RdKafka\\TopicPartition, {} given",
                        super::zval::type_name(value)
                    ))
                })
                .and_then(|tp| tp.to_engine())
        })
        .collect()
}

/// A PHP list of `RdKafka\TopicPartition` objects.
pub fn partitions_to_array(partitions: &[engine::TopicPartition]) -> PhpResult<ZBox<ZendHashTable>> {
    let values = partitions
        .iter()
        .map(|tp| to_zval(TopicPartition::from_engine(tp)))
        .collect::<PhpResult<Vec<Zval>>>()?;
    list(values)
}
