<?php
// IDE/static-analysis stub of the rdkafka-rs extension. Never include it where
// the extension is loaded: it declares the same classes.

namespace RdKafka;

/**
 * Thrown by the transactional calls. Message: "<error string> (RD_KAFKA_RESP_ERR_<NAME>)";
 * code: librdkafka's error code.
 */
class KafkaErrorException extends Exception
{
    private $error_string = '';

    private $isFatal = false;

    private $isRetriable = false;

    private $transactionRequiresAbort = false;

    public function __construct(string $message, int $code, string $error_string, bool $isFatal, bool $isRetriable, bool $transactionRequiresAbort) {}

    /** librdkafka's description of the error, without the name suffix. */
    public function getErrorString(): string {}

    /** The producer cannot be used any more: create a new one. */
    public function isFatal(): bool {}

    /** The same call may succeed if repeated. */
    public function isRetriable(): bool {}

    /** The transaction must be aborted with abortTransaction(). */
    public function transactionRequiresAbort(): bool {}
}
