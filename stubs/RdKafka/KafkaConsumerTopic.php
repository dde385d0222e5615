<?php
// IDE/static-analysis stub of the rdkafka-rs extension. Never include it where
// the extension is loaded: it declares the same classes.

namespace RdKafka;

/** A topic of a KafkaConsumer (from KafkaConsumer::newTopic()), for storing offsets. */
class KafkaConsumerTopic extends Topic
{
    private function __construct() {}

    public function getName(): string {}

    /**
     * Stores a processed message's offset; offset + 1 is committed next (as in librdkafka).
     * Useful with enable.auto.offset.store=false.
     */
    public function offsetStore(int $partition, int $offset): void {}
}
