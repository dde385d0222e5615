--TEST--
KafkaConsumer: subscribe/getSubscription/unsubscribe and assign/getAssignment, with TypeErrors for wrong elements
--FILE--
<?php
require __DIR__ . '/inc/helpers.inc';
[$brokers, $cluster] = test_brokers(['alpha' => 1, 'beta' => 2]);
$consumer = new RdKafka\KafkaConsumer(consumer_conf($brokers, unique_name('g')));
$consumer->subscribe(['alpha', 'beta']);
$subscription = $consumer->getSubscription();
sort($subscription);
var_dump($subscription);
$consumer->unsubscribe();
var_dump($consumer->getSubscription());

$consumer->assign([new RdKafka\TopicPartition('beta', 1, 5), new RdKafka\TopicPartition('alpha', 0)]);
$assigned = array_map(fn ($tp) => $tp->getTopic() . ':' . $tp->getPartition(), $consumer->getAssignment());
sort($assigned);
echo implode("\n", $assigned), "\n";
$consumer->assign(null);
var_dump($consumer->getAssignment());
$consumer->assign([new RdKafka\TopicPartition('alpha', 0)]);
$consumer->assign();
var_dump(count($consumer->getAssignment()));

foreach ([fn () => $consumer->assign(['alpha']), fn () => $consumer->subscribe([42 => new stdClass()]), fn () => $consumer->subscribe('alpha')] as $call) {
    try {
        $call();
    } catch (TypeError $e) {
        echo 'TypeError: ', $e->getMessage(), "\n";
    }
}
$consumer->close();
try {
    $consumer->subscribe(['alpha']);
} catch (RdKafka\Exception $e) {
    echo $e->getMessage(), "\n";
}
?>
--EXPECTF--
array(2) {
  [0]=>
  string(5) "alpha"
  [1]=>
  string(4) "beta"
}
array(0) {
}
alpha:0
beta:1
array(0) {
}
int(0)
TypeError: RdKafka\KafkaConsumer::assign(): array element 0 must be an RdKafka\TopicPartition, string given
TypeError: RdKafka\KafkaConsumer::subscribe(): topic 42 must be a string, object given
TypeError: %s
The consumer is closed: create a new RdKafka\KafkaConsumer
