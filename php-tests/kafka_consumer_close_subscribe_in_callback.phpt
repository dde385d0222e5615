--TEST--
KafkaConsumer::close(): subscribe() from the rebalance callback that close() runs throws "The consumer is closed", and the process survives the consumer's destruction (librdkafka would take the subscription and then abort the process when the handle is destroyed: rdkafka_cgrp.c assert !rkcg->rkcg_subscription)
--FILE--
<?php
require __DIR__ . '/inc/helpers.inc';
$topicName = unique_name('closesub');
[$brokers, $cluster] = test_brokers([$topicName => 1]);
produce_all($brokers, $topicName, ['m0']);

[$status, $out, $err] = run_php(<<<'PHP'
<?php
[$brokers, $topicName, $group] = [getenv('BROKERS'), getenv('TOPIC'), getenv('GROUP')];
$conf = new RdKafka\Conf();
$conf->set('metadata.broker.list', $brokers);
$conf->set('group.id', $group);
$conf->set('auto.offset.reset', 'earliest');
$closing = false;
$conf->setRebalanceCb(function (RdKafka\KafkaConsumer $consumer, int $err, ?array $partitions) use (&$closing, $topicName) {
    if ($err === RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS) {
        $consumer->assign($partitions);
        return;
    }
    if ($closing) {
        try {
            $consumer->subscribe([$topicName]);
            echo "subscribe in close()'s callback: accepted\n";
        } catch (RdKafka\Exception $e) {
            echo "subscribe in close()'s callback: ", $e->getMessage(), "\n";
        }
    }
    $consumer->assign(null);
});
$consumer = new RdKafka\KafkaConsumer($conf);
$consumer->subscribe([$topicName]);
for ($deadline = microtime(true) + 20; $consumer->consume(500)->err !== RD_KAFKA_RESP_ERR_NO_ERROR && microtime(true) < $deadline;);
$closing = true;
$consumer->close();
unset($consumer);
echo "consumer destroyed\n";
PHP, [], ['BROKERS' => $brokers, 'TOPIC' => $topicName, 'GROUP' => unique_name('g')]);
echo $out;
echo "exit status: $status\n";
?>
--EXPECT--
subscribe in close()'s callback: The consumer is closed: create a new RdKafka\KafkaConsumer
consumer destroyed
exit status: 0
