--TEST--
KafkaConsumer: without group.id the constructor throws; a wrong argument type is a TypeError
--FILE--
<?php
try {
    new RdKafka\KafkaConsumer(new RdKafka\Conf());
} catch (RdKafka\Exception $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
try {
    new RdKafka\KafkaConsumer(null);
} catch (TypeError $e) {
    echo "TypeError\n";
}
$conf = new RdKafka\Conf();
$conf->set('group.id', 'g');
var_dump(get_class(new RdKafka\KafkaConsumer($conf)));
?>
--EXPECT--
RdKafka\Exception: "group.id" must be configured
TypeError
string(21) "RdKafka\KafkaConsumer"
