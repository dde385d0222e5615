<?php
// IDE/static-analysis stub of the rdkafka-rs extension. Never include it where
// the extension is loaded: it declares the same classes.

namespace RdKafka\Admin;

/** [rdkafka-rs] One group of AdminClient::listConsumerGroups(). */
class ConsumerGroupListing
{
    /** @var string read-only */
    public $group_id = null;
    /** @var bool read-only */
    public $is_simple_consumer_group = null;
    /** @var int read-only: RD_KAFKA_CONSUMER_GROUP_STATE_* */
    public $state = null;
    /** @var int read-only: RD_KAFKA_CONSUMER_GROUP_TYPE_* */
    public $type = null;

    private function __construct() {}
}
