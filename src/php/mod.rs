//! The binding layer: one file per PHP class. The only code that touches Zend.
//! It converts and validates arguments, calls `crate::engine`, and maps results
//! and errors back to PHP values and exceptions.

pub mod admin_client;
pub mod admin_delete_topic;
pub mod admin_new_partitions;
pub mod admin_new_topic;
pub mod admin_options;
pub mod admin_topic_result;
pub mod callbacks;
pub mod client_methods;
pub mod conf;
pub mod constants;
pub mod consumer;
pub mod consumer_topic;
pub mod engine;
pub mod error_log;
pub mod exception;
pub mod fast_path;
pub mod functions;
pub mod gc;
pub mod info;
pub mod ini;
pub mod interrupt;
pub mod kafka;
pub mod kafka_consumer;
pub mod kafka_consumer_topic;
pub mod kafka_error_exception;
pub mod message;
pub mod metadata;
pub mod metadata_broker;
pub mod metadata_collection;
pub mod metadata_partition;
pub mod metadata_topic;
pub mod method_fixups;
pub mod mock_cluster;
pub mod producer;
pub mod producer_topic;
pub mod queue;
pub mod topic;
pub mod topic_conf;
pub mod topic_partition;
pub mod zval;
