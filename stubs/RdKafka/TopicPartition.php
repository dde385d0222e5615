<?php
// IDE/static-analysis stub of the rdkafka-rs extension. Never include it where
// the extension is loaded: it declares the same classes.

namespace RdKafka;

class TopicPartition
{
    /** @var string read-only view, shown by var_dump() */
    public $topic = null;
    /** @var int read-only view */
    public $partition = null;
    /** @var int read-only view */
    public $offset = null;
    /** @var ?int read-only view */
    public $err = null;

    public function __construct(string $topic, int $partition, int $offset = 0) {}

    public function getTopic(): ?string {}

    public function setTopic(string $topic_name): TopicPartition {}

    public function getPartition(): int {}

    public function setPartition(int $partition): TopicPartition {}

    public function getOffset(): int {}

    public function setOffset(int $offset): TopicPartition {}

    /** librdkafka's per-partition error (RD_KAFKA_RESP_ERR_*); 0 for objects made in PHP. */
    public function getErr(): ?int {}
}
