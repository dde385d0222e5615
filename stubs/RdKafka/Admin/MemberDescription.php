<?php
// IDE/static-analysis stub of the rdkafka-rs extension. Never include it where
// the extension is loaded: it declares the same classes.

namespace RdKafka\Admin;

/** [rdkafka-rs] One member of a group described by AdminClient::describeConsumerGroups(). */
class MemberDescription
{
    /** @var string read-only */
    public $client_id = null;
    /** @var ?string read-only: null without static membership */
    public $group_instance_id = null;
    /** @var string read-only */
    public $consumer_id = null;
    /** @var string read-only */
    public $host = null;
    /** @var array<\RdKafka\TopicPartition> read-only */
    public $assignment = null;

    private function __construct() {}
}
