<?php
// IDE/static-analysis stub of the rdkafka-rs extension. Never include it where
// the extension is loaded: it declares the same classes.

namespace RdKafka;

/** What getMetadata() returns; made only by the extension. */
class Metadata
{
    private function __construct() {}

    /** The id of the broker that answered. */
    public function getOrigBrokerId(): int {}

    /** The name of the broker that answered. */
    public function getOrigBrokerName(): string {}

    /** @return Metadata\Collection<Metadata\Broker> */
    public function getBrokers(): Metadata\Collection {}

    /** @return Metadata\Collection<Metadata\Topic> */
    public function getTopics(): Metadata\Collection {}
}
