--TEST--
TopicPartition: constructor defaults, getters, fluent setters, getErr(), and var_dump() showing its fields like php-rdkafka
--FILE--
<?php
$tp = new RdKafka\TopicPartition('orders', 3);
var_dump($tp->getTopic(), $tp->getPartition(), $tp->getOffset(), $tp->getErr());
$same = $tp->setTopic('payments')->setPartition(1)->setOffset(42);
var_dump($same === $tp, $tp->getTopic(), $tp->getPartition(), $tp->getOffset());
var_dump($tp);
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
int(0)
bool(true)
string(8) "payments"
int(1)
int(42)
object(RdKafka\TopicPartition)#1 (4) {
  ["topic"]=>
  string(8) "payments"
  ["partition"]=>
  int(1)
  ["offset"]=>
  int(42)
  ["err"]=>
  int(0)
}
ArgumentCountError
