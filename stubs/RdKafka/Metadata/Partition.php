<?php
// IDE/static-analysis stub of the rdkafka-rs extension. Never include it where
// the extension is loaded: it declares the same classes.

namespace RdKafka\Metadata;

class Partition
{
    private function __construct() {}

    public function getId(): int {}

    /** RD_KAFKA_RESP_ERR_* */
    public function getErr(): int {}

    /** The leader broker's id, -1 if none. */
    public function getLeader(): int {}

    /** @return Collection<int> ids of the brokers holding a replica */
    public function getReplicas(): Collection {}

    /** @return Collection<int> ids of the in-sync replicas */
    public function getIsrs(): Collection {}
}
