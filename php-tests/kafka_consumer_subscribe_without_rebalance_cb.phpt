--TEST--
KafkaConsumer: without a rebalance callback, subscribe() gets its partitions assigned automatically
--FILE--
<?php
require __DIR__ . '/inc/helpers.inc';
$topicName = unique_name('auto');
[$brokers, $cluster] = test_brokers([$topicName => 3]);
foreach ([0, 1, 2] as $partition) {
    produce_all($brokers, $topicName, ["p$partition"], $partition);
}
$consumer = new RdKafka\KafkaConsumer(consumer_conf($brokers, unique_name('g')));
$consumer->subscribe([$topicName]);
$payloads = array_map(fn ($m) => $m->payload, consume_n($consumer, 3));
sort($payloads);
echo implode(',', $payloads), "\n";
// 3 on the mock; a real cluster may auto-create the topic with more partitions.
var_dump(count($consumer->getAssignment()) >= 3);
$consumer->close();
?>
--EXPECT--
p0,p1,p2
bool(true)
