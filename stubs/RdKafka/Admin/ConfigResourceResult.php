<?php
// IDE/static-analysis stub of the rdkafka-rs extension. Never include it where
// the extension is loaded: it declares the same classes.

namespace RdKafka\Admin;

/** [rdkafka-rs] The outcome for one resource of describeConfigs() or incrementalAlterConfigs(). */
class ConfigResourceResult
{
    /** @var int read-only: RD_KAFKA_RESOURCE_* */
    public $type = null;
    /** @var string read-only */
    public $name = null;
    /** @var int read-only: RD_KAFKA_RESP_ERR_*, 0 on success */
    public $error = null;
    /** @var ?string read-only: the explanation, null on success */
    public $error_string = null;
    /** @var array<ConfigEntry> read-only: describeConfigs() only */
    public $configs = null;

    private function __construct() {}
}
