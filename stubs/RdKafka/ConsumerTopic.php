<?php
// IDE/static-analysis stub of the rdkafka-rs extension. Never include it where
// the extension is loaded: it declares the same classes.

namespace RdKafka;

/** A topic of the legacy Consumer (from Consumer::newTopic()). */
class ConsumerTopic extends Topic
{
    private function __construct() {}

    public function getName(): string {}

    /**
     * Starts fetching the partition.
     * @param int $partition a partition, or RD_KAFKA_PARTITION_UA
     * @param int $offset an offset, RD_KAFKA_OFFSET_BEGINNING/END/STORED or rd_kafka_offset_tail($n)
     * @throws Exception if the partition is already being consumed by this Consumer
     */
    public function consumeStart(int $partition, int $offset): void {}

    /** Like consumeStart(), with the messages going to $queue (read them with Queue::consume()). */
    public function consumeQueueStart(int $partition, int $offset, Queue $queue): void {}

    public function consumeStop(int $partition): void {}

    /** The next message of a started partition (errors such as partition EOF have err set), or null on timeout. */
    public function consume(int $partition, int $timeout_ms): ?Message {}

    /** @return array<Message> up to $batch_size messages */
    public function consumeBatch(int $partition, int $timeout_ms, int $batch_size): array {}

    /**
     * Calls $callback(Message $message) for each message available, waiting up to $timeout_ms for the first.
     * @return int how many messages were handed to the callback
     */
    public function consumeCallback(int $partition, int $timeout_ms, callable $callback): int {}

    /** Stores a processed message's offset; offset + 1 is committed next (as in librdkafka). */
    public function offsetStore(int $partition, int $offset): void {}
}
