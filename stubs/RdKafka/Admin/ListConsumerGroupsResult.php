<?php
// IDE/static-analysis stub of the rdkafka-rs extension. Never include it where
// the extension is loaded: it declares the same classes.

namespace RdKafka\Admin;

/** [rdkafka-rs] What AdminClient::listConsumerGroups() returns: the groups listed, and one error per broker that could not answer. */
class ListConsumerGroupsResult
{
    /** @var array<ConsumerGroupListing> read-only */
    public $valid = null;
    /** @var array<\RdKafka\Exception> read-only: code: RD_KAFKA_RESP_ERR_* */
    public $errors = null;

    private function __construct() {}
}
