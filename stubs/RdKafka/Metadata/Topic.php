<?php
// IDE/static-analysis stub of the rdkafka-rs extension. Never include it where
// the extension is loaded: it declares the same classes.

namespace RdKafka\Metadata;

class Topic
{
    private function __construct() {}

    public function getTopic(): string {}

    /** RD_KAFKA_RESP_ERR_*, e.g. RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART */
    public function getErr(): int {}

    /** @return Collection<Partition> */
    public function getPartitions(): Collection {}
}
