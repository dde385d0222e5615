--TEST--
KafkaConsumer: the rebalance callback runs inside consume() with ASSIGN and TopicPartitions, may call assign(), and sees REVOKE on close()
--FILE--
<?php
require __DIR__ . '/inc/helpers.inc';
$topicName = unique_name('rebalance');
[$brokers, $cluster] = test_brokers([$topicName => 2]);
produce_all($brokers, $topicName, ['a', 'b'], 0);
produce_all($brokers, $topicName, ['c'], 1);
$conf = consumer_conf($brokers, unique_name('g'));
$events = [];
$conf->setRebalanceCb(function (RdKafka\KafkaConsumer $kafka, $err, array $partitions = null) use (&$events) {
    $names = array_map(fn ($tp) => $tp->getTopic() === $GLOBALS['topicName'] ? 'p' . $tp->getPartition() : 'other', $partitions);
    sort($names);
    $events[] = [rd_kafka_err2name($err), implode(',', $names)];
    $kafka->assign($err === RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS ? $partitions : null);
});
$consumer = new RdKafka\KafkaConsumer($conf);
$consumer->subscribe([$topicName]);
$payloads = array_map(fn ($m) => $m->payload, consume_n($consumer, 3));
sort($payloads);
var_dump($payloads);
$assigned = array_map(fn ($tp) => 'p' . $tp->getPartition(), $consumer->getAssignment());
sort($assigned);
$consumer->close();
// A real cluster may auto-create the topic with more partitions than the mock's 2.
echo str_starts_with(implode(',', $assigned), 'p0,p1') ? "assignment includes p0,p1\n" : "assignment: " . implode(',', $assigned) . "\n";
foreach ($events as [$name, $partitions]) {
    echo $name, ' ', $partitions === implode(',', $assigned) ? 'the whole assignment' : $partitions, "\n";
}
?>
--EXPECT--
array(3) {
  [0]=>
  string(1) "a"
  [1]=>
  string(1) "b"
  [2]=>
  string(1) "c"
}
assignment includes p0,p1
_ASSIGN_PARTITIONS the whole assignment
_REVOKE_PARTITIONS the whole assignment
