--TEST--
KafkaConsumer::close(): the commit it makes when giving up the assignment reaches the offset commit callback, between the revocation and close()'s return, as with php-rdkafka (whose close() serves every callback)
--FILE--
<?php
require __DIR__ . '/inc/helpers.inc';
$topicName = unique_name('close-commit');
[$brokers, $cluster] = test_brokers([$topicName => 1]);
produce_all($brokers, $topicName, array_map(fn ($i) => "m$i", range(0, 9)), 0);

$group = unique_name('g');
$conf = consumer_conf($brokers, $group);
$conf->set('auto.commit.interval.ms', '600000'); // no commit but close()'s own
$conf->setRebalanceCb(function (RdKafka\KafkaConsumer $consumer, int $err, ?array $partitions) {
    echo "rebalance: ", $err === RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS ? 'assign' : 'revoke', "\n";
    $consumer->assign($err === RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS ? $partitions : null);
});
$conf->setOffsetCommitCb(function (RdKafka\KafkaConsumer $consumer, int $err, array $partitions) use ($topicName) {
    $committed = array_values(array_filter($partitions, fn ($partition) => $partition->getTopic() === $topicName && $partition->getPartition() === 0));
    echo "offset commit callback: err $err, partition 0 at ", $committed[0]->getOffset() ?? '?', "\n";
});
$consumer = new RdKafka\KafkaConsumer($conf);
$consumer->subscribe([$topicName]);
for ($received = 0, $deadline = microtime(true) + 20; $received < 10 && microtime(true) < $deadline;) {
    $received += (int) ($consumer->consume(1000)->err === RD_KAFKA_RESP_ERR_NO_ERROR);
}
echo "received $received; closing\n";
$consumer->close();
echo "closed\n";
$check = new RdKafka\KafkaConsumer(consumer_conf($brokers, $group));
echo "committed: ", $check->getCommittedOffsets([new RdKafka\TopicPartition($topicName, 0)], 10000)[0]->getOffset(), "\n";
$check->close();
?>
--EXPECT--
rebalance: assign
received 10; closing
rebalance: revoke
offset commit callback: err 0, partition 0 at 10
closed
committed: 10
