<?php
// IDE/static-analysis stub of the rdkafka-rs extension. Never include it where
// the extension is loaded: it declares the same classes.

namespace RdKafka\Admin;

/** [rdkafka-rs] Options of one admin call; made by AdminClient::newAdminOptions(). */
class AdminOptions
{
    private function __construct() {}

    /** How long to wait for the broker's answer (default 30 s). */
    public function setRequestTimeout(int $timeout_ms): void {}

    /** How long the controller waits for the operation cluster-wide (default 0: do not wait). */
    public function setOperationTimeout(int $timeout_ms): void {}

    /** Only validate the request on the broker (createTopics, createPartitions). */
    public function setValidateOnly(bool $validate_only): void {}

    /**
     * listConsumerGroups() lists only groups in these states (empty: all).
     * @param array<int> $states RD_KAFKA_CONSUMER_GROUP_STATE_*
     * @throws \InvalidArgumentException for an unknown state
     */
    public function setMatchConsumerGroupStates(array $states): void {}
}
