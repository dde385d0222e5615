--TEST--
KafkaConsumer::close(): the rebalance callback it runs for the revocation may still use the consumer, as with php-rdkafka (commit() the revoked partitions' offsets, getAssignment(), getOffsetPositions()), and the commit reaches the group (before, every call there threw "The consumer is closed" and the final commit was lost); once close() has returned, every call throws, close(), assign(null) and incrementalUnassign() included
--FILE--
<?php
require __DIR__ . '/inc/helpers.inc';
$topicName = unique_name('revokecommit');
[$brokers, $cluster] = test_brokers([$topicName => 1]);
produce_all($brokers, $topicName, ['m0', 'm1', 'm2']);
$group = unique_name('g');

$conf = consumer_conf($brokers, $group);
$conf->set('enable.auto.commit', 'false');
$conf->setRebalanceCb(function (RdKafka\KafkaConsumer $consumer, int $err, array $partitions) {
    if ($err === RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS) {
        $consumer->assign($partitions);
        return;
    }
    echo 'revoked: ', count($partitions), ' partition(s); assignment: ', count($consumer->getAssignment()), "\n";
    $consumer->commit();
    echo 'committed in the callback; position: ', $consumer->getOffsetPositions($partitions)[0]->getOffset(), "\n";
    $consumer->assign(null);
});
$consumer = new RdKafka\KafkaConsumer($conf);
$consumer->subscribe([$topicName]);
$read = consume_n($consumer, 3);
echo 'read: ', implode(',', array_map(fn ($m) => $m->payload, $read)), "\n";
$consumer->close();
echo "closed\n";

foreach ([
    'close()' => fn () => $consumer->close(),
    'assign(null)' => fn () => $consumer->assign(null),
    'assign()' => fn () => $consumer->assign(),
    'incrementalUnassign()' => fn () => $consumer->incrementalUnassign([new RdKafka\TopicPartition($topicName, 0)]),
    'commit()' => fn () => $consumer->commit(),
] as $call => $run) {
    try {
        $run();
        echo "$call after close: no error\n";
    } catch (RdKafka\Exception $e) {
        echo "$call after close: ", $e->getMessage(), "\n";
    }
}

$check = new RdKafka\KafkaConsumer(consumer_conf($brokers, $group));
echo 'the group committed: ', $check->getCommittedOffsets([new RdKafka\TopicPartition($topicName, 0)], 5000)[0]->getOffset(), "\n";
$check->close();
?>
--EXPECT--
read: m0,m1,m2
revoked: 1 partition(s); assignment: 1
committed in the callback; position: 3
closed
close() after close: The consumer is closed: create a new RdKafka\KafkaConsumer
assign(null) after close: The consumer is closed: create a new RdKafka\KafkaConsumer
assign() after close: The consumer is closed: create a new RdKafka\KafkaConsumer
incrementalUnassign() after close: The consumer is closed: create a new RdKafka\KafkaConsumer
commit() after close: The consumer is closed: create a new RdKafka\KafkaConsumer
the group committed: 3
