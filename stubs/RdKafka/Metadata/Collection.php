<?php
// IDE/static-analysis stub of the rdkafka-rs extension. Never include it where
// the extension is loaded: it declares the same classes.

namespace RdKafka\Metadata;

/**
 * A list of metadata objects (Broker, Topic or Partition).
 * @template T
 */
class Collection implements \Countable, \Iterator
{
    private function __construct() {}

    public function count(): int {}

    public function rewind(): void {}

    /** @return T */
    public function current(): mixed {}

    public function key(): int {}

    public function next(): void {}

    public function valid(): bool {}
}
