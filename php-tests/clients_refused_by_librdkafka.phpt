--TEST--
A client librdkafka refuses to create (a configuration that does not hold together) throws RdKafka\Exception with librdkafka's message and code 0, as php-rdkafka throws it (before: code -186)
--FILE--
<?php
function attempt(string $class, array $settings): void
{
    $conf = new RdKafka\Conf();
    $conf->set('log_level', '0');
    foreach ($settings as $name => $value) {
        $conf->set($name, $value);
    }
    try {
        new $class($conf);
        echo "$class: created\n";
    } catch (RdKafka\Exception $e) {
        echo "$class: ", get_class($e), ' code ', $e->getCode(), ': ', $e->getMessage(), "\n";
    }
}
attempt(RdKafka\Producer::class, ['transactional.id' => 't', 'enable.idempotence' => 'false']);
attempt(RdKafka\Producer::class, ['enable.idempotence' => 'true', 'acks' => '1']);
attempt(RdKafka\KafkaConsumer::class, ['group.id' => 'g', 'security.protocol' => 'ssl', 'ssl.key.location' => '/nonexistent']);
attempt(RdKafka\Consumer::class, ['security.protocol' => 'ssl', 'ssl.key.location' => '/nonexistent']);
?>
--EXPECTF--
RdKafka\Producer: RdKafka\Exception code 0: `transactional.id` requires `enable.idempotence=true`
RdKafka\Producer: RdKafka\Exception code 0: `acks` must be set to `all` when `enable.idempotence` is true
RdKafka\KafkaConsumer: RdKafka\Exception code 0: ssl.key.location failed: %s
RdKafka\Consumer: RdKafka\Exception code 0: ssl.key.location failed: %s
