<?php
// IDE/static-analysis stub of the rdkafka-rs extension. Never include it where
// the extension is loaded: it declares the same classes.

namespace RdKafka;

/** Global configuration (librdkafka's CONFIGURATION.md) and the callbacks of the client made from it. */
class Conf
{
    public function __construct() {}

    /** @return array<string, string> every property with its current value, defaults included */
    public function dump(): array {}

    /** @throws Exception on an unknown property (code RD_KAFKA_CONF_UNKNOWN) or invalid value (RD_KAFKA_CONF_INVALID) */
    public function set(string $name, string $value): void {}

    /** @deprecated set topic properties on Conf directly */
    public function setDefaultTopicConf(TopicConf $topic_conf): void {}

    /** @param callable(\RdKafka $kafka, int $err, string $reason): void $callback */
    public function setErrorCb(callable $callback): void {}

    /** @param callable(\RdKafka $kafka, Message $message): void $callback runs inside poll()/flush() */
    public function setDrMsgCb(callable $callback): void {}

    /** @param callable(\RdKafka|KafkaConsumer $kafka, string $json, int $json_len): void $callback */
    public function setStatsCb(callable $callback): void {}

    /** @param callable(KafkaConsumer $kafka, int $err, ?array<TopicPartition> $partitions): void $callback runs inside consume() and close() */
    public function setRebalanceCb(callable $callback): void {}

    /** @param callable(Message $message): void $callback */
    public function setConsumeCb(callable $callback): void {}

    /** @param callable(KafkaConsumer $kafka, int $err, array<TopicPartition> $partitions): void $callback */
    public function setOffsetCommitCb(callable $callback): void {}

    /** @param callable(\RdKafka|KafkaConsumer $kafka, int $level, string $facility, string $message): void $callback */
    public function setLogCb(callable $callback): void {}

    /**
     * @param callable(\RdKafka $kafka, ?string $oauthbearer_config): void $callback called when a
     *        SASL/OAUTHBEARER token is needed; it answers with oauthbearerSetToken() or oauthbearerSetTokenFailure()
     */
    public function setOauthbearerTokenRefreshCb(callable $callback): void {}
}
