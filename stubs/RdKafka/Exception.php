<?php
// IDE/static-analysis stub of the rdkafka-rs extension. Never include it where
// the extension is loaded: it declares the same classes.

namespace RdKafka;

/** Thrown for librdkafka errors: code = librdkafka error code, message = librdkafka's text. */
class Exception extends \Exception
{
}
