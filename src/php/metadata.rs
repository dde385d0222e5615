//! `RdKafka\Metadata`: what `getMetadata()` returns. Made only by the extension
//! (the constructor is private, as in php-rdkafka); subclasses may exist for mocking.

use ext_php_rs::prelude::*;

use super::exception::exception;
use super::metadata_broker::Broker;
use super::metadata_collection::Collection;
use super::metadata_topic::Topic;
use crate::engine::metadata::ClusterMetadata;

#[php_class]
#[php(name = "RdKafka\\Metadata")]
pub struct Metadata {
    metadata: ClusterMetadata,
}

impl Metadata {
    pub fn new(metadata: ClusterMetadata) -> Self {
        Self { metadata }
    }
}

impl super::debug_info::DebugView for Metadata {
    fn debug_view(&self) -> ext_php_rs::boxed::ZBox<ext_php_rs::types::ZendHashTable> {
        use super::zval::{bytes_zval, long_zval, null_zval, to_zval};
        super::debug_info::named(vec![
            ("brokers", self.get_brokers().and_then(to_zval).unwrap_or_else(|_| null_zval())),
            ("topics", self.get_topics().and_then(to_zval).unwrap_or_else(|_| null_zval())),
            ("orig_broker_id", long_zval(i64::from(self.metadata.orig_broker_id))),
            ("orig_broker_name", bytes_zval(self.metadata.orig_broker_name.as_bytes())),
        ])
    }
}

#[php_impl]
impl Metadata {
    #[php(vis = "private")]
    pub fn __construct() -> PhpResult<Self> {
        Err(exception("RdKafka\\Metadata is returned by getMetadata() and cannot be created directly", 0))
    }

    /// The id of the broker that answered.
    pub fn get_orig_broker_id(&self) -> i64 {
        i64::from(self.metadata.orig_broker_id)
    }

    /// The name of the broker that answered.
    pub fn get_orig_broker_name(&self) -> String {
        self.metadata.orig_broker_name.clone()
    }

    /// A collection of `RdKafka\Metadata\Broker`.
    pub fn get_brokers(&self) -> PhpResult<Collection> {
        Collection::of(self.metadata.brokers.iter().map(|broker| Broker::into_php(broker.clone())))
    }

    /// A collection of `RdKafka\Metadata\Topic`.
    pub fn get_topics(&self) -> PhpResult<Collection> {
        Collection::of(self.metadata.topics.iter().map(|topic| Topic::into_php(topic.clone())))
    }
}
