<?php
// IDE/static-analysis stub of the rdkafka-rs extension. Never include it where
// the extension is loaded: it declares the same classes.

namespace RdKafka;

/** [rdkafka-rs] The process-wide engine, for monitoring (not in php-rdkafka). */
class Engine
{
    private function __construct() {}

    /**
     * This process's live client handles and persistent producers (rdkafka_rs.persistent).
     * @return array{producers: int, consumers: int, persistent_producers: int, persistent_parked: int,
     *     persistent_created: int, persistent_reused: int, persistent_in_flight: int, persistent_failed_after_request: int}
     */
    public static function stats(): array {}
}
