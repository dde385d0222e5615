<?php
// IDE/static-analysis stub of the rdkafka-rs extension. Never include it where
// the extension is loaded: it declares the same classes.

namespace RdKafka\Admin;

/** [rdkafka-rs] A topic for AdminClient::deleteTopics(). */
class DeleteTopic
{
    public function __construct(string $name) {}
}
