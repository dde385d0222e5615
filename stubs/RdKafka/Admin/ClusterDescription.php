<?php
// IDE/static-analysis stub of the rdkafka-rs extension. Never include it where
// the extension is loaded: it declares the same classes.

namespace RdKafka\Admin;

/** [rdkafka-rs] What AdminClient::describeCluster() returns. */
class ClusterDescription
{
    /** @var ?string read-only */
    public $cluster_id = null;
    /** @var ?Node read-only: null when no controller is known */
    public $controller = null;
    /** @var array<Node> read-only */
    public $nodes = null;

    private function __construct() {}
}
