<?php
// IDE/static-analysis stub of the rdkafka-rs extension. Never include it where
// the extension is loaded: it declares the same classes.

namespace RdKafka\Admin;

/** [rdkafka-rs] A topic for AdminClient::createTopics(). */
class NewTopic
{
    /** @param int $num_partitions 1 or more, or -1 for the broker's default (same for $replication_factor) */
    public function __construct(string $name, int $num_partitions, int $replication_factor) {}

    /** A topic configuration entry, e.g. setConfig('cleanup.policy', 'compact'). */
    public function setConfig(string $name, string $value): void {}
}
