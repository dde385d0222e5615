<?php
// IDE/static-analysis stub of the rdkafka-rs extension. Never include it where
// the extension is loaded: it declares the same classes.

namespace RdKafka;

/** The high-level, group-managed consumer. Does not extend \RdKafka. */
class KafkaConsumer
{
    /** @throws Exception if group.id is not configured */
    public function __construct(Conf $conf) {}

    /** @param ?array<TopicPartition> $topic_partitions null removes the assignment */
    public function assign(?array $topic_partitions = null): void {}

    /** @return array<TopicPartition> */
    public function getAssignment(): array {}

    /** @param array<string> $topics names, or regular expressions starting with ^ */
    public function subscribe(array $topics): void {}

    /** @return array<string> */
    public function getSubscription(): array {}

    public function unsubscribe(): void {}

    /** On timeout, a Message with err = RD_KAFKA_RESP_ERR__TIMED_OUT. Callbacks run in here. */
    public function consume(int $timeout_ms): Message {}

    /** @param Message|array<TopicPartition>|null $message_or_offsets */
    public function commit(mixed $message_or_offsets = null): void {}

    /** @param Message|array<TopicPartition>|null $message_or_offsets */
    public function commitAsync(mixed $message_or_offsets = null): void {}

    /** Leaves the group; the rebalance callback sees the revocation. */
    public function close(): void {}

    /**
     * Hands librdkafka a SASL/OAUTHBEARER token, usually from the token refresh callback.
     * @param array<string, string> $extensions SASL extensions (RFC 7628 3.1); "auth" is reserved
     * @throws Exception with librdkafka's reason (expired token, wrong mechanism, ...)
     */
    public function oauthbearerSetToken(string $token_value, int $lifetime_ms, string $principal_name, array $extensions = []): void {}

    /** Tells librdkafka that no SASL/OAUTHBEARER token could be had; it retries later. */
    public function oauthbearerSetTokenFailure(string $error): void {}

    /** Adds partitions to the assignment (cooperative-sticky rebalancing). @param array<TopicPartition> $topic_partitions */
    public function incrementalAssign(array $topic_partitions): void {}

    /** Removes partitions from the assignment (cooperative-sticky rebalancing). @param array<TopicPartition> $topic_partitions */
    public function incrementalUnassign(array $topic_partitions): void {}

    /**
     * The group's committed offsets (RD_KAFKA_OFFSET_INVALID, -1001, when none).
     * @param array<TopicPartition> $topic_partitions
     * @return array<TopicPartition>
     */
    public function getCommittedOffsets(array $topic_partitions, int $timeout_ms): array {}

    /**
     * This consumer's positions: the next offset it will consume (-1001 when none).
     * @param array<TopicPartition> $topic_partitions
     * @return array<TopicPartition>
     */
    public function getOffsetPositions(array $topic_partitions): array {}

    /** A topic handle, for offsetStore(). */
    public function newTopic(string $topic_name, ?TopicConf $topic_conf = null): KafkaConsumerTopic {}

    /**
     * Brokers and topics of the cluster.
     * @param bool $all_topics all topics of the cluster, or only those this client knows
     * @param ?Topic $only_topic only this topic (then $all_topics is ignored)
     * @throws Exception on timeout or broker errors
     */
    public function getMetadata(bool $all_topics, ?Topic $only_topic, int $timeout_ms): Metadata {}

    /** @return int the controller broker's id, -1 if unknown within the timeout */
    public function getControllerId(int $timeout_ms): int {}

    /**
     * Sets $low and $high to the partition's low and high watermark offsets, asked of its leader.
     * @throws Exception on timeout, unknown topic or partition
     */
    public function queryWatermarkOffsets(string $topic, int $partition, int &$low, int &$high, int $timeout_ms): void {}

    /**
     * For each partition, the earliest offset whose timestamp is >= the TopicPartition's offset (a timestamp in ms); -1 past the end.
     * @param array<TopicPartition> $topic_partitions
     * @return array<TopicPartition>
     */
    public function offsetsForTimes(array $topic_partitions, int $timeout_ms): array {}

    /**
     * @param array<TopicPartition> $topic_partitions
     * @return array<TopicPartition> each with its own error (getErr())
     */
    public function pausePartitions(array $topic_partitions): array {}

    /**
     * @param array<TopicPartition> $topic_partitions
     * @return array<TopicPartition> each with its own error (getErr())
     */
    public function resumePartitions(array $topic_partitions): array {}

    /**
     * [rdkafka-rs] Up to $max_messages messages: waits up to $timeout_ms for the first, then takes what is there.
     * Error events (partition EOF, ...) come as Message objects with err set; [] on timeout.
     * @return array<Message>
     */
    public function consumeBatch(int $timeout_ms, int $max_messages): array {}
}
