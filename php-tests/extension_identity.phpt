--TEST--
The extension loads as "rdkafka" with a php-rdkafka 6 version and php-rdkafka's class hierarchy
--FILE--
<?php
var_dump(extension_loaded('rdkafka'));
var_dump(version_compare(phpversion('rdkafka'), '6.0.0', '>=') && version_compare(phpversion('rdkafka'), '7.0.0', '<'));
var_dump(is_subclass_of('RdKafka\Producer', 'RdKafka'));
var_dump(is_subclass_of('RdKafka\KafkaConsumer', 'RdKafka'));
var_dump(is_subclass_of('RdKafka\ProducerTopic', 'RdKafka\Topic'));
var_dump(is_subclass_of('RdKafka\Exception', 'Exception'));
var_dump((new ReflectionClass('RdKafka'))->isAbstract());
var_dump((new ReflectionClass('RdKafka\Topic'))->isAbstract());
?>
--EXPECT--
bool(true)
bool(true)
bool(true)
bool(false)
bool(true)
bool(true)
bool(true)
bool(true)
