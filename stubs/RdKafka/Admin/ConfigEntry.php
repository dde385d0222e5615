<?php
// IDE/static-analysis stub of the rdkafka-rs extension. Never include it where
// the extension is loaded: it declares the same classes.

namespace RdKafka\Admin;

/** [rdkafka-rs] One config of a resource described by describeConfigs(). */
class ConfigEntry
{
    /** @var string read-only */
    public $name = null;
    /** @var ?string read-only: null when the broker hides it (sensitive) or it has none */
    public $value = null;
    /** @var int read-only: RD_KAFKA_CONFIG_SOURCE_* */
    public $source = null;
    /** @var bool read-only */
    public $is_read_only = null;
    /** @var bool read-only */
    public $is_default = null;
    /** @var bool read-only */
    public $is_sensitive = null;
    /** @var bool read-only */
    public $is_synonym = null;
    /** @var array<ConfigEntry> read-only */
    public $synonyms = null;

    private function __construct() {}
}
