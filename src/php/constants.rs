//! The `RD_KAFKA_*` constants, with librdkafka's values.

use ext_php_rs::builders::ModuleBuilder;

use crate::engine::error::error_descriptions;
use crate::engine::version::{librdkafka_build_version, librdkafka_version};

const FIXED: &[(&str, i64)] = &[
    ("RD_KAFKA_PARTITION_UA", -1),
    ("RD_KAFKA_OFFSET_BEGINNING", rdkafka_sys::RD_KAFKA_OFFSET_BEGINNING as i64),
    ("RD_KAFKA_OFFSET_END", rdkafka_sys::RD_KAFKA_OFFSET_END as i64),
    ("RD_KAFKA_OFFSET_STORED", rdkafka_sys::RD_KAFKA_OFFSET_STORED as i64),
    ("RD_KAFKA_PRODUCER", 0),
    ("RD_KAFKA_CONSUMER", 1),
    ("RD_KAFKA_MSG_F_BLOCK", rdkafka_sys::RD_KAFKA_MSG_F_BLOCK as i64),
    ("RD_KAFKA_PURGE_F_QUEUE", rdkafka_sys::RD_KAFKA_PURGE_F_QUEUE as i64),
    ("RD_KAFKA_PURGE_F_INFLIGHT", rdkafka_sys::RD_KAFKA_PURGE_F_INFLIGHT as i64),
    ("RD_KAFKA_PURGE_F_NON_BLOCKING", rdkafka_sys::RD_KAFKA_PURGE_F_NON_BLOCKING as i64),
    ("RD_KAFKA_CONF_UNKNOWN", -2),
    ("RD_KAFKA_CONF_INVALID", -1),
    ("RD_KAFKA_CONF_OK", 0),
    ("RD_KAFKA_MSG_PARTITIONER_RANDOM", 2),
    ("RD_KAFKA_MSG_PARTITIONER_CONSISTENT", 3),
    ("RD_KAFKA_MSG_PARTITIONER_CONSISTENT_RANDOM", 4),
    ("RD_KAFKA_MSG_PARTITIONER_MURMUR2", 5),
    ("RD_KAFKA_MSG_PARTITIONER_MURMUR2_RANDOM", 6),
    ("RD_KAFKA_LOG_PRINT", 100),
    ("RD_KAFKA_LOG_SYSLOG", 101),
    ("RD_KAFKA_LOG_SYSLOG_PRINT", 102),
    // [rdkafka-rs] RdKafka\Admin\AdminClient::newAdminOptions(), as php-rdkafka 7 names them.
    ("RD_KAFKA_ADMIN_OP_ANY", 0),
    ("RD_KAFKA_ADMIN_OP_CREATETOPICS", 1),
    ("RD_KAFKA_ADMIN_OP_DELETETOPICS", 2),
    ("RD_KAFKA_ADMIN_OP_CREATEPARTITIONS", 3),
    ("RD_KAFKA_ADMIN_OP_DELETERECORDS", 6),
    ("RD_KAFKA_ADMIN_OP_LISTCONSUMERGROUPOFFSETS", 14),
    ("RD_KAFKA_ADMIN_OP_ALTERCONSUMERGROUPOFFSETS", 15),
    ("RD_KAFKA_ADMIN_OP_DESCRIBECONFIGS", 5),
    ("RD_KAFKA_ADMIN_OP_LISTCONSUMERGROUPS", 12),
    ("RD_KAFKA_ADMIN_OP_DESCRIBECONSUMERGROUPS", 13),
    ("RD_KAFKA_ADMIN_OP_INCREMENTALALTERCONFIGS", 16),
    ("RD_KAFKA_ADMIN_OP_DESCRIBECLUSTER", 20),
    // [rdkafka-rs] RdKafka\Admin\ConfigResource and the admin results, librdkafka's names and values.
    ("RD_KAFKA_RESOURCE_UNKNOWN", 0),
    ("RD_KAFKA_RESOURCE_TOPIC", 2),
    ("RD_KAFKA_RESOURCE_GROUP", 3),
    ("RD_KAFKA_RESOURCE_BROKER", 4),
    ("RD_KAFKA_ALTER_CONFIG_OP_TYPE_SET", 0),
    ("RD_KAFKA_ALTER_CONFIG_OP_TYPE_DELETE", 1),
    ("RD_KAFKA_ALTER_CONFIG_OP_TYPE_APPEND", 2),
    ("RD_KAFKA_ALTER_CONFIG_OP_TYPE_SUBTRACT", 3),
    ("RD_KAFKA_CONFIG_SOURCE_UNKNOWN_CONFIG", 0),
    ("RD_KAFKA_CONFIG_SOURCE_DYNAMIC_TOPIC_CONFIG", 1),
    ("RD_KAFKA_CONFIG_SOURCE_DYNAMIC_BROKER_CONFIG", 2),
    ("RD_KAFKA_CONFIG_SOURCE_DYNAMIC_DEFAULT_BROKER_CONFIG", 3),
    ("RD_KAFKA_CONFIG_SOURCE_STATIC_BROKER_CONFIG", 4),
    ("RD_KAFKA_CONFIG_SOURCE_DEFAULT_CONFIG", 5),
    ("RD_KAFKA_CONFIG_SOURCE_GROUP_CONFIG", 8),
    ("RD_KAFKA_CONSUMER_GROUP_STATE_UNKNOWN", 0),
    ("RD_KAFKA_CONSUMER_GROUP_STATE_PREPARING_REBALANCE", 1),
    ("RD_KAFKA_CONSUMER_GROUP_STATE_COMPLETING_REBALANCE", 2),
    ("RD_KAFKA_CONSUMER_GROUP_STATE_STABLE", 3),
    ("RD_KAFKA_CONSUMER_GROUP_STATE_DEAD", 4),
    ("RD_KAFKA_CONSUMER_GROUP_STATE_EMPTY", 5),
    ("RD_KAFKA_CONSUMER_GROUP_TYPE_UNKNOWN", 0),
    ("RD_KAFKA_CONSUMER_GROUP_TYPE_CONSUMER", 1),
    ("RD_KAFKA_CONSUMER_GROUP_TYPE_CLASSIC", 2),
];

/// Adds every constant: the fixed ones, the versions, and one
/// `RD_KAFKA_RESP_ERR_<NAME>` per entry of librdkafka's error table.
pub fn register(mut module: ModuleBuilder) -> ModuleBuilder {
    for (name, value) in FIXED {
        module = module.constant((*name, *value, &[]));
    }
    module = module.constant(("RD_KAFKA_VERSION", i64::from(librdkafka_version()), &[]));
    module = module.constant(("RD_KAFKA_BUILD_VERSION", i64::from(librdkafka_build_version()), &[]));
    for desc in error_descriptions() {
        let name = format!("RD_KAFKA_RESP_ERR_{}", desc.name);
        module = module.constant((name.as_str(), i64::from(desc.code), &[]));
    }
    module
}
