--TEST--
null for an int or string parameter that does not take null is 0 or "" with PHP's deprecation notice, as for php-rdkafka's methods under PHP 8.1+ (before: a TypeError); an error handler that throws on the notice makes the call fail without effect; under strict_types it is PHP's TypeError
--FILE--
<?php
echo 'new TopicPartition(t, null): ', (new RdKafka\TopicPartition('t', null))->getPartition(), "\n";
echo 'setOffset(null): ', (new RdKafka\TopicPartition('t', 0, 5))->setOffset(null)->getOffset(), "\n";
echo 'rd_kafka_err2str(null): ', rd_kafka_err2str(null), "\n";
$conf = new RdKafka\Conf();
$conf->set('client.id', null);
echo 'Conf::set(client.id, null): ', var_export($conf->dump()['client.id'], true), "\n";

set_error_handler(function (int $level, string $message) {
    throw new ErrorException($message, 0, $level);
});
$conf->set('client.id', 'kept');
try {
    $conf->set('client.id', null);
} catch (ErrorException $e) {
    echo 'with a throwing error handler: ', get_class($e), "; client.id ", $conf->dump()['client.id'], "\n";
}
restore_error_handler();

$strict = tempnam(sys_get_temp_dir(), 'rdkafka-rs-strict-');
file_put_contents($strict, '<?php declare(strict_types=1); return fn () => new RdKafka\TopicPartition("t", null);');
try {
    (require $strict)();
} catch (TypeError $e) {
    echo 'strict_types: ', $e->getMessage(), "\n";
}
unlink($strict);
?>
--EXPECTF--
new TopicPartition(t, null): 
Deprecated: RdKafka\TopicPartition::__construct(): Passing null to parameter #2 ($partition) of type int is deprecated in %s on line %d
0
setOffset(null): 
Deprecated: RdKafka\TopicPartition::setOffset(): Passing null to parameter #1 ($offset) of type int is deprecated in %s on line %d
0
rd_kafka_err2str(null): 
Deprecated: rd_kafka_err2str(): Passing null to parameter #1 ($err) of type int is deprecated in %s on line %d
Success

Deprecated: RdKafka\Conf::set(): Passing null to parameter #2 ($value) of type string is deprecated in %s on line %d
Conf::set(client.id, null): 'rdkafka'
with a throwing error handler: ErrorException; client.id kept
strict_types: RdKafka\TopicPartition::__construct(): Argument #2 ($partition) must be of type int, null given
