<?php
// IDE/static-analysis stub of the rdkafka-rs extension. Never include it where
// the extension is loaded: it declares the same classes.

namespace RdKafka;

/** A topic handle of a Producer; made by Producer::newTopic(). */
class ProducerTopic extends Topic
{
    /** Not constructible from PHP: use Producer::newTopic(). */
    public function __construct() {}

    public function getName(): string {}

    /**
     * Queues one message; its delivery is reported through poll()/flush().
     * @param int $partition RD_KAFKA_PARTITION_UA or a partition number
     * @param int $msgflags 0 or RD_KAFKA_MSG_F_BLOCK
     * @param ?string $msg_opaque returned as Message::$opaque in the delivery report
     * @throws Exception e.g. RD_KAFKA_RESP_ERR__QUEUE_FULL
     */
    public function produce(int $partition, int $msgflags, ?string $payload = null, ?string $key = null, ?string $msg_opaque = null): void {}

    /**
     * Like produce(), with headers and a timestamp.
     * @param ?array<string, ?string> $headers
     * @param ?int $timestamp_ms milliseconds since the epoch
     */
    public function producev(int $partition, int $msgflags, ?string $payload = null, ?string $key = null, ?array $headers = null, ?int $timestamp_ms = null, ?string $msg_opaque = null): void {}

    /**
     * [rdkafka-rs] Queues many messages in one call.
     * @param array<array{payload?: ?string, key?: ?string, headers?: ?array<string, ?string>, timestamp?: ?int, opaque?: ?string, partition?: int}> $messages
     * @param int $msgflags 0 or RD_KAFKA_MSG_F_BLOCK (wait for room instead of failing with RD_KAFKA_RESP_ERR__QUEUE_FULL)
     * @param array<array-key, Exception>|null $errors set to the messages that could not be queued, under their keys
     * @return int how many were queued
     */
    public function produceBatch(array $messages, int $msgflags = 0, ?array &$errors = null): int {}
}
