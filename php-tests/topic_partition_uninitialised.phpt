--TEST--
TopicPartition made without its constructor (mock subclass, newInstanceWithoutConstructor): var_dump shows no fields as php-rdkafka's does, and its methods throw "__construct() has not been called"; constructed ones still show their fields
--FILE--
<?php
class MockedTopicPartition extends RdKafka\TopicPartition
{
    public function __construct() {}
}
var_dump(new MockedTopicPartition());
$blank = (new ReflectionClass(RdKafka\TopicPartition::class))->newInstanceWithoutConstructor();
var_dump($blank);
try {
    $blank->getTopic();
} catch (Exception $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
class NamedTopicPartition extends RdKafka\TopicPartition {}
var_dump(new NamedTopicPartition('orders', 2, 7));
?>
--EXPECTF--
object(MockedTopicPartition)#%d (0) {
}
object(RdKafka\TopicPartition)#%d (0) {
}
Exception: RdKafka\TopicPartition::__construct() has not been called
object(NamedTopicPartition)#%d (4) {
  ["topic"]=>
  string(6) "orders"
  ["partition"]=>
  int(2)
  ["offset"]=>
  int(7)
  ["err"]=>
  int(0)
}
