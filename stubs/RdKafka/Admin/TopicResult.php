<?php
// IDE/static-analysis stub of the rdkafka-rs extension. Never include it where
// the extension is loaded: it declares the same classes.

namespace RdKafka\Admin;

/** [rdkafka-rs] The outcome for one topic of an admin call. */
class TopicResult
{
    /** @var int read-only: RD_KAFKA_RESP_ERR_*, 0 on success */
    public $error = null;
    /** @var ?string read-only: the explanation, null on success */
    public $error_string = null;
    /** @var string read-only */
    public $name = null;

    private function __construct() {}

    public function getError(): int {}

    public function getErrorString(): ?string {}

    public function getName(): string {}
}
