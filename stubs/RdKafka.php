<?php
// IDE/static-analysis stub of the rdkafka-rs extension. Never include it where
// the extension is loaded: it declares the same classes.

/**
 * Base class of RdKafka\Producer (and, later, RdKafka\Consumer).
 * RdKafka\KafkaConsumer does not extend it, as in php-rdkafka.
 */
abstract class RdKafka
{
    public function __construct() {}
}
