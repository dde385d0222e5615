<?php
// IDE/static-analysis stub of the rdkafka-rs extension. Never include it where
// the extension is loaded: it declares the same classes.

namespace RdKafka\Admin;

/** [rdkafka-rs] A broker as an admin result names it. */
class Node
{
    /** @var int read-only */
    public $id = null;
    /** @var string read-only */
    public $host = null;
    /** @var int read-only */
    public $port = null;
    /** @var ?string read-only: null when none is configured */
    public $rack = null;

    private function __construct() {}
}
