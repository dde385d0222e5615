<?php
// IDE/static-analysis stub of the rdkafka-rs extension. Never include it where
// the extension is loaded: it declares the same classes.

namespace RdKafka;

class Message
{
    /** @var int RD_KAFKA_RESP_ERR_* */
    public $err = null;
    /** @var ?string */
    public $topic_name = null;
    /** @var ?int milliseconds since the epoch (-1 if unknown); set only when there is a payload, as in php-rdkafka */
    public $timestamp = null;
    /** @var int */
    public $partition = null;
    /** @var ?string */
    public $payload = null;
    /** @var ?int */
    public $len = null;
    /** @var ?string */
    public $key = null;
    /** @var int */
    public $offset = null;
    /** @var array<string, ?string> */
    public $headers = null;
    /** @var ?string the msg_opaque given to produce(), in delivery reports */
    public $opaque = null;

    /** librdkafka's description of $err. */
    public function errstr(): ?string {}
}
