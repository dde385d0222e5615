<?php
// IDE/static-analysis stub of the rdkafka-rs extension. Never include it where
// the extension is loaded: it declares the same classes.

namespace RdKafka;

/** Messages of the partitions routed here by ConsumerTopic::consumeQueueStart(); from Consumer::newQueue(). */
class Queue
{
    private function __construct() {}

    /** The next message, or null on timeout. */
    public function consume(int $timeout_ms): ?Message {}
}
