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
}
