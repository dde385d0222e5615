<?php
// IDE/static-analysis stub of the rdkafka-rs extension. Never include it where
// the extension is loaded: it declares the same classes.

namespace RdKafka\Mock;

/** [rdkafka-rs] librdkafka's in-process mock Kafka cluster; lives as long as the object. */
class Cluster
{
    /** @throws \RdKafka\Exception unless 1 <= $brokers <= 64 */
    public function __construct(int $brokers = 1) {}

    /** The host:port list to use as metadata.broker.list. */
    public function getBootstraps(): string {}

    public function createTopic(string $topic, int $partitions, int $replication_factor = 1): void {}

    public function setBrokerDown(int $broker_id): void {}

    public function setBrokerUp(int $broker_id): void {}

    /** Adds $rtt_ms of round-trip delay to one broker. */
    public function setRtt(int $broker_id, int $rtt_ms): void {}
}
