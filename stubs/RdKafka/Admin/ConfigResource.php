<?php
// IDE/static-analysis stub of the rdkafka-rs extension. Never include it where
// the extension is loaded: it declares the same classes.

namespace RdKafka\Admin;

/**
 * [rdkafka-rs] A topic, group or broker for AdminClient::describeConfigs() and, with
 * its addIncrementalConfig() changes, AdminClient::incrementalAlterConfigs().
 */
class ConfigResource
{
    /**
     * @param int $resource_type RD_KAFKA_RESOURCE_TOPIC, RD_KAFKA_RESOURCE_GROUP or RD_KAFKA_RESOURCE_BROKER
     * @param string $name the topic, the group id, or the broker id
     * @throws \InvalidArgumentException for another type or an empty name
     */
    public function __construct(int $resource_type, string $name) {}

    /**
     * A change for incrementalAlterConfigs().
     * @param int $op_type RD_KAFKA_ALTER_CONFIG_OP_TYPE_* (SET, DELETE, APPEND, SUBTRACT)
     * @param ?string $value null only with RD_KAFKA_ALTER_CONFIG_OP_TYPE_DELETE
     * @throws \InvalidArgumentException
     */
    public function addIncrementalConfig(string $name, int $op_type, ?string $value = null): void {}
}
