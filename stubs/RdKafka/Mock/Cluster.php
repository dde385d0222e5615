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

    /**
     * The next requests of one API fail with these error codes, one per request, in order
     * (RD_KAFKA_RESP_ERR_NO_ERROR lets one through).
     * @param int $api_key Kafka's API key number: 0 Produce, 1 Fetch, 2 ListOffsets, 3 Metadata, 8 OffsetCommit, ...
     * @param int[] $errors RD_KAFKA_RESP_ERR_* codes
     */
    public function pushRequestErrors(int $api_key, array $errors): void {}

    /** Forgets the errors pushed for one API and not used yet. */
    public function clearRequestErrors(int $api_key): void {}

    /** Every metadata answer for the topic carries $error (RD_KAFKA_RESP_ERR_NO_ERROR clears it). */
    public function setTopicError(string $topic, int $error): void {}

    /** Moves a partition's leadership to another broker (-1: no leader). */
    public function setPartitionLeader(string $topic, int $partition, int $broker_id): void {}

    /** The broker that consumers with client.rack (fetch from follower) read the partition from. */
    public function setPartitionFollower(string $topic, int $partition, int $broker_id): void {}

    /** Records every request the brokers receive from now on, for getRequests(). */
    public function startRequestTracking(): void {}

    /** Stops recording; what was recorded stays until clearRequests(). */
    public function stopRequestTracking(): void {}

    /** Forgets the recorded requests. */
    public function clearRequests(): void {}

    /**
     * The recorded requests, oldest first. Every new connection starts with
     * ApiVersions (API key 18), so counting those counts connections.
     * @return list<array{broker_id: int, api_key: int, timestamp_us: int}>
     */
    public function getRequests(): array {}
}
