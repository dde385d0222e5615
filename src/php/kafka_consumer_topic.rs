//! `RdKafka\KafkaConsumerTopic`: a topic of a KafkaConsumer, for storing offsets.

use ext_php_rs::prelude::*;
use ext_php_rs::types::Zval;

use super::client_methods::partition_number;
use super::exception::{exception, guard, OrThrow};
use super::topic::Topic;
use super::zval::PhpInt;
use crate::engine;

#[php_class]
#[php(name = "RdKafka\\KafkaConsumerTopic")]
#[php(extends(Topic))]
pub struct KafkaConsumerTopic {
    engine: engine::NativeTopic,
    /// The PHP KafkaConsumer, kept alive while this topic is (as php-rdkafka does).
    consumer: Zval,
}

impl KafkaConsumerTopic {
    pub fn new(engine: engine::NativeTopic, consumer: Zval) -> Self {
        Self { engine, consumer }
    }
}

impl super::gc::HoldsZvals for KafkaConsumerTopic {
    fn visit_zvals(&self, visit: &mut dyn FnMut(&Zval)) {
        visit(&self.consumer);
    }
}

#[php_impl]
impl KafkaConsumerTopic {
    #[php(vis = "private")]
    pub fn __construct() -> PhpResult<Self> {
        Err(exception("RdKafka\\KafkaConsumerTopic is returned by RdKafka\\KafkaConsumer::newTopic() and cannot be created directly", 0))
    }

    pub fn get_name(&self) -> String {
        self.engine.name().to_string()
    }

    /// Stores a processed message's offset: `offset + 1` is committed next, as in
    /// librdkafka; needs `enable.auto.offset.store=false` to be useful.
    pub fn offset_store(&self, partition: PhpInt, offset: PhpInt) -> PhpResult<()> {
        guard(|| {
            let partition = partition_number(partition.0).and_then(non_negative)?;
            self.engine.offset_store(partition, offset.0).or_throw()
        })
    }
}

/// php-rdkafka's check for a concrete partition.
pub fn non_negative(partition: i32) -> PhpResult<i32> {
    if partition < 0 {
        return Err(super::exception::invalid_argument(format!("Out of range value '{partition}' for $partition")));
    }
    Ok(partition)
}
