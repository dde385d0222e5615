<?php
// IDE/static-analysis stub of the rdkafka-rs extension. Never include it where
// the extension is loaded: it declares the same classes.

namespace RdKafka\Admin;

/** [rdkafka-rs] One group of AdminClient::describeConsumerGroups(), or its error. */
class ConsumerGroupDescription
{
    /** @var string read-only */
    public $group_id = null;
    /** @var int read-only: RD_KAFKA_RESP_ERR_*, 0 when described */
    public $error = null;
    /** @var ?string read-only: the explanation, null on success */
    public $error_string = null;
    /** @var bool read-only */
    public $is_simple_consumer_group = null;
    /** @var string read-only */
    public $partition_assignor = null;
    /** @var int read-only: RD_KAFKA_CONSUMER_GROUP_STATE_* */
    public $state = null;
    /** @var int read-only: RD_KAFKA_CONSUMER_GROUP_TYPE_* */
    public $type = null;
    /** @var ?Node read-only: null when unknown */
    public $coordinator = null;
    /** @var array<MemberDescription> read-only */
    public $members = null;

    private function __construct() {}
}
