--TEST--
TopicPartition: constructor defaults, getters, fluent setters, getErr()
--FILE--
<?php
$tp = new RdKafka\TopicPartition('orders', 3);
var_dump($tp->getTopic(), $tp->getPartition(), $tp->getOffset(), $tp->getErr());
$same = $tp->setTopic('payments')->setPartition(1)->setOffset(42);
var_dump($same === $tp, $tp->getTopic(), $tp->getPartition(), $tp->getOffset());
try {
    new RdKafka\TopicPartition();
} catch (ArgumentCountError $e) {
    echo "ArgumentCountError\n";
}
?>
--EXPECT--
string(6) "orders"
int(3)
int(0)
NULL
bool(true)
string(8) "payments"
int(1)
int(42)
ArgumentCountError
