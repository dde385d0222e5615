<?php
// IDE/static-analysis stub of the rdkafka-rs extension. Never include it where
// the extension is loaded: it declares the same classes.

namespace RdKafka;

/** Base class of the topic handles. */
abstract class Topic
{
    public function __construct() {}
}
