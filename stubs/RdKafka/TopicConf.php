<?php
// IDE/static-analysis stub of the rdkafka-rs extension. Never include it where
// the extension is loaded: it declares the same classes.

namespace RdKafka;

/** Per-topic configuration. */
class TopicConf
{
    public function __construct() {}

    /** @return array<string, string> */
    public function dump(): array {}

    /** @throws Exception on an unknown property or invalid value */
    public function set(string $name, string $value): void {}

    /**
     * Sets librdkafka's `partitioner` property.
     * @param int $partitioner one of the RD_KAFKA_MSG_PARTITIONER_* constants
     * @throws \InvalidArgumentException for any other value
     */
    public function setPartitioner(int $partitioner): void {}
}
