<?php
// IDE/static-analysis stub of the rdkafka-rs extension. Never include it where
// the extension is loaded: it declares the same classes.

namespace RdKafka;

/** The legacy low-level consumer: partitions are started and read by hand on ConsumerTopic, without a group. */
class Consumer extends \RdKafka
{
    public function __construct(?Conf $conf = null) {}

    /** A queue that partitions can be routed to with ConsumerTopic::consumeQueueStart(). */
    public function newQueue(): Queue {}

    /** @return int how many brokers were added */
    public function addBrokers(string $broker_list): int {}

    public function newTopic(string $topic_name, ?TopicConf $topic_conf = null): ConsumerTopic {}

    /** Serves queued callbacks (error, stats, log, offset commit); returns how many. */
    public function poll(int $timeout_ms): int {}

    /** @return int librdkafka's result (RD_KAFKA_RESP_ERR__NOT_IMPLEMENTED for a consumer) */
    public function flush(int $timeout_ms): int {}

    /** @param int $purge_flags RD_KAFKA_PURGE_F_* (a consumer has no messages to purge: RD_KAFKA_RESP_ERR__NOT_IMPLEMENTED) */
    public function purge(int $purge_flags): int {}

    /** Callbacks not yet served. */
    public function getOutQLen(): int {}

    /** Alias of getOutQLen(). */
    public function outqLen(): int {}

    /** @deprecated use the log_level configuration property */
    public function setLogLevel(int $level): void {}

    /**
     * @deprecated use the log_cb or librdkafka's default logger
     * @param int $logger RD_KAFKA_LOG_PRINT, RD_KAFKA_LOG_SYSLOG or RD_KAFKA_LOG_SYSLOG_PRINT
     */
    public function setLogger(int $logger): void {}

    /**
     * Hands librdkafka a SASL/OAUTHBEARER token, usually from the token refresh callback.
     * @param array<string, string> $extensions SASL extensions (RFC 7628 3.1); "auth" is reserved
     * @throws Exception with librdkafka's reason (expired token, wrong mechanism, ...)
     */
    public function oauthbearerSetToken(string $token_value, int $lifetime_ms, string $principal_name, array $extensions = []): void {}

    /** Tells librdkafka that no SASL/OAUTHBEARER token could be had; it retries later. */
    public function oauthbearerSetTokenFailure(string $error): void {}

    /**
     * Brokers and topics of the cluster.
     * @param bool $all_topics all topics of the cluster, or only those this client knows
     * @param ?Topic $only_topic only this topic (then $all_topics is ignored)
     * @throws Exception on timeout or broker errors
     */
    public function getMetadata(bool $all_topics, ?Topic $only_topic, int $timeout_ms): Metadata {}

    /** @deprecated use getMetadata() */
    public function metadata(bool $all_topics, ?Topic $only_topic, int $timeout_ms): Metadata {}

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
}
