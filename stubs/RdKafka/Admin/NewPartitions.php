<?php
// IDE/static-analysis stub of the rdkafka-rs extension. Never include it where
// the extension is loaded: it declares the same classes.

namespace RdKafka\Admin;

/** [rdkafka-rs] A topic's new total partition count, for AdminClient::createPartitions(). */
class NewPartitions
{
    public function __construct(string $topic_name, int $new_total_cnt) {}
}
