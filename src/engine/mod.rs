//! The PHP-free core: owns librdkafka handles, the shared engine thread and the
//! event channels. Nothing here imports `ext_php_rs`; the binding layer in
//! `src/php/` converts these plain Rust values to and from PHP.

pub mod admin;
pub mod admin_configs;
pub mod admin_groups;
pub mod client;
pub mod conf;
pub mod consumer;
pub mod engine_thread;
pub mod error;
pub mod fork;
pub mod handle;
pub mod interrupt;
pub mod legacy_consumer;
pub mod message;
pub mod metadata;
pub mod mock_cluster;
pub mod persistent;
pub mod producer;
pub mod topic;
pub mod topic_partition;
pub mod transactions;
pub mod version;
pub(crate) mod wire;

pub use client::{forget_delivery_sink, ClientEvent, DeliveryReport, EnabledCallbacks, NativeClient};
pub use conf::{release_validation_conf, MemoryDefaults, NativeConf, NativeTopicConf};
pub use consumer::{CloseEvent, KafkaConsumer};
pub use error::{KafkaError, KafkaResult};
pub use legacy_consumer::{Consumer, ConsumerTopic, Queue};
pub use handle::Logger;
pub use message::{ConsumedMessage, DeliveredMessage, MessageView};
pub use mock_cluster::MockCluster;
pub use producer::{ProduceRequest, Producer, ProducerTopic, ShutdownReport};
pub use topic::NativeTopic;
pub use topic_partition::TopicPartition;

#[cfg(test)]
mod tests;
