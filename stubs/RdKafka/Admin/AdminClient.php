<?php
// IDE/static-analysis stub of the rdkafka-rs extension. Never include it where
// the extension is loaded: it declares the same classes.

namespace RdKafka\Admin;

/**
 * [rdkafka-rs] Cluster administration. Each call waits for the cluster and returns one
 * result per item (topic, resource, group), in order, each with its own error; a
 * failure of the whole request throws \RdKafka\KafkaErrorException.
 */
class AdminClient
{
    public function __construct(\RdKafka\Conf $conf) {}

    /**
     * An AdminClient on an existing client's handle and connections (no new handle);
     * that client's callbacks serve its events.
     * @param \RdKafka\Producer|\RdKafka\KafkaConsumer|\RdKafka\Consumer $client
     * @throws \RdKafka\Exception for a closed KafkaConsumer
     */
    public static function fromClient(mixed $client): AdminClient {}

    /** @param int $for_api RD_KAFKA_ADMIN_OP_* (RD_KAFKA_ADMIN_OP_ANY for any call) */
    public function newAdminOptions(int $for_api): AdminOptions {}

    /**
     * @param array<NewTopic> $topics
     * @return array<TopicResult>
     * @throws \RdKafka\KafkaErrorException
     */
    public function createTopics(array $topics, ?AdminOptions $options = null): array {}

    /**
     * @param array<DeleteTopic> $topics
     * @return array<TopicResult>
     * @throws \RdKafka\KafkaErrorException
     */
    public function deleteTopics(array $topics, ?AdminOptions $options = null): array {}

    /**
     * @param array<NewPartitions> $partitions
     * @return array<TopicResult>
     * @throws \RdKafka\KafkaErrorException
     */
    public function createPartitions(array $partitions, ?AdminOptions $options = null): array {}

    /**
     * Deletes the records before each partition's offset (RD_KAFKA_OFFSET_END: all).
     * @param array<\RdKafka\TopicPartition> $topic_partitions
     * @return array<\RdKafka\TopicPartition> each with its new low watermark, or its error (getErr())
     * @throws \RdKafka\KafkaErrorException
     */
    public function deleteRecords(array $topic_partitions, ?AdminOptions $options = null): array {}

    /**
     * The group's committed offsets, for the given partitions or (null) all of them.
     * @param array<\RdKafka\TopicPartition>|null $topic_partitions
     * @return array<\RdKafka\TopicPartition> offset RD_KAFKA_OFFSET_INVALID (-1001) where none is committed
     * @throws \RdKafka\KafkaErrorException
     */
    public function listConsumerGroupOffsets(string $group_id, ?array $topic_partitions = null, ?AdminOptions $options = null): array {}

    /**
     * Sets the group's committed offsets; the group must have no active members.
     * @param array<\RdKafka\TopicPartition> $topic_partitions
     * @return array<\RdKafka\TopicPartition> each with its error (getErr())
     * @throws \RdKafka\KafkaErrorException
     */
    public function alterConsumerGroupOffsets(string $group_id, array $topic_partitions, ?AdminOptions $options = null): array {}

    /**
     * @param array<ConfigResource> $resources
     * @return array<ConfigResourceResult> with each resource's configs, or its error
     * @throws \RdKafka\KafkaErrorException
     */
    public function describeConfigs(array $resources, ?AdminOptions $options = null): array {}

    /**
     * Applies each resource's addIncrementalConfig() changes.
     * @param array<ConfigResource> $resources
     * @return array<ConfigResourceResult> each with its error (no configs)
     * @throws \InvalidArgumentException for a resource without changes
     * @throws \RdKafka\KafkaErrorException
     */
    public function incrementalAlterConfigs(array $resources, ?AdminOptions $options = null): array {}

    /**
     * The groups the brokers know (AdminOptions::setMatchConsumerGroupStates() filters them).
     * @throws \RdKafka\KafkaErrorException
     */
    public function listConsumerGroups(?AdminOptions $options = null): ListConsumerGroupsResult {}

    /**
     * @param array<string> $group_ids
     * @return array<ConsumerGroupDescription> one per group id, each with its error
     * @throws \RdKafka\KafkaErrorException
     */
    public function describeConsumerGroups(array $group_ids, ?AdminOptions $options = null): array {}

    /** @throws \RdKafka\KafkaErrorException */
    public function describeCluster(?AdminOptions $options = null): ClusterDescription {}
}
