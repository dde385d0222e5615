<?php
// IDE/static-analysis stub of the rdkafka-rs extension. Never include it where
// the extension is loaded: it declares the same classes.

namespace RdKafka\Metadata;

class Broker
{
    private function __construct() {}

    public function getId(): int {}

    public function getHost(): string {}

    public function getPort(): int {}
}
