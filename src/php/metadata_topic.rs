//! `RdKafka\Metadata\Topic`.

use ext_php_rs::prelude::*;
use ext_php_rs::types::Zval;

use super::exception::exception;
use super::metadata_collection::Collection;
use super::metadata_partition::Partition;
use crate::engine::metadata::TopicMetadata;

#[php_class]
#[php(name = "RdKafka\\Metadata\\Topic")]
pub struct Topic {
    topic: TopicMetadata,
}

impl Topic {
    pub fn into_php(topic: TopicMetadata) -> PhpResult<Zval> {
        super::zval::to_zval(Self { topic })
    }
}

impl super::debug_info::DebugView for Topic {
    fn debug_view(&self) -> ext_php_rs::boxed::ZBox<ext_php_rs::types::ZendHashTable> {
        use super::zval::{bytes_zval, long_zval, null_zval, to_zval};
        let partitions = self.get_partitions().and_then(to_zval).unwrap_or_else(|_| null_zval());
        super::debug_info::named(vec![
            ("topic", bytes_zval(self.topic.name.as_bytes())),
            ("partitions", partitions),
            ("err", long_zval(i64::from(self.topic.err))),
        ])
    }
}

#[php_impl]
impl Topic {
    #[php(vis = "private")]
    pub fn __construct() -> PhpResult<Self> {
        Err(exception("RdKafka\\Metadata\\Topic is returned by getMetadata() and cannot be created directly", 0))
    }

    pub fn get_topic(&self) -> String {
        self.topic.name.clone()
    }

    /// The topic's error (RD_KAFKA_RESP_ERR_*), e.g. UNKNOWN_TOPIC_OR_PART.
    pub fn get_err(&self) -> i64 {
        i64::from(self.topic.err)
    }

    /// A collection of `RdKafka\Metadata\Partition`.
    pub fn get_partitions(&self) -> PhpResult<Collection> {
        Collection::of(self.topic.partitions.iter().map(|partition| Partition::into_php(partition.clone())))
    }
}
