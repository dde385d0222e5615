--TEST--
KafkaConsumer: an exception thrown in the rebalance callback leaves consume(), and the consumer keeps working
--FILE--
<?php
require __DIR__ . '/inc/helpers.inc';
$topicName = unique_name('rbex');
[$brokers, $cluster] = test_brokers([$topicName => 1]);
produce_all($brokers, $topicName, ['after']);
$conf = consumer_conf($brokers, unique_name('g'));
$thrown = false;
$conf->setRebalanceCb(function (RdKafka\KafkaConsumer $kafka, $err, array $partitions = null) use (&$thrown) {
    if ($err === RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS && !$thrown) {
        $thrown = true;
        $kafka->assign($partitions);
        throw new LogicException('rebalance handler failed');
    }
    $kafka->assign($err === RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS ? $partitions : null);
});
$consumer = new RdKafka\KafkaConsumer($conf);
$consumer->subscribe([$topicName]);
try {
    consume_n($consumer, 1);
    echo "no exception\n";
} catch (LogicException $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
echo implode(',', array_map(fn ($m) => $m->payload, consume_n($consumer, 1))), "\n";
$consumer->close();
?>
--EXPECT--
LogicException: rebalance handler failed
after
