--TEST--
Producer transactions: initTransactions/begin/commit deliver the messages to a read_committed consumer, abortTransaction drops them; misuse throws RdKafka\KafkaErrorException with librdkafka's name and flags
--FILE--
<?php
require __DIR__ . '/inc/helpers.inc';
$topic = unique_name('transactions');
[$brokers, $cluster] = test_brokers([$topic => 1]);

// Not configured: php-rdkafka's exception, message and code.
$plain = new RdKafka\Producer(producer_conf($brokers));
try {
    $plain->initTransactions(5000);
} catch (RdKafka\KafkaErrorException $e) {
    printf("%s | %d | %s | fatal=%d retriable=%d abort=%d\n", $e->getMessage(), $e->getCode(), $e->getErrorString(),
        $e->isFatal(), $e->isRetriable(), $e->transactionRequiresAbort());
    var_dump($e instanceof RdKafka\Exception, $e->getLine());
}

$conf = producer_conf($brokers);
$conf->set('transactional.id', unique_name('txn'));
$delivered = [];
$conf->setDrMsgCb(function ($producer, $message) use (&$delivered) {
    $delivered[] = $message->payload . ':' . $message->err;
});
$producer = new RdKafka\Producer($conf);
try {
    $producer->beginTransaction();
} catch (RdKafka\KafkaErrorException $e) {
    echo "begin before init: ", $e->getMessage(), "\n";
}
$producer->initTransactions(10000);
$handle = $producer->newTopic($topic);

$producer->beginTransaction();
$handle->produce(0, 0, 'committed-1');
$handle->produce(0, 0, 'committed-2');
$producer->commitTransaction(10000);
$producer->poll(0);

$producer->beginTransaction();
$handle->produce(0, 0, 'aborted');
$producer->abortTransaction(10000);
$producer->poll(0);
echo "delivery reports: ", implode(' ', $delivered), "\n";

$producer->beginTransaction();
$handle->produce(0, 0, 'committed-3');
$producer->commitTransaction(10000);

$consumer_conf = consumer_conf($brokers, unique_name('group'));
$consumer_conf->set('isolation.level', 'read_committed');
$consumer = new RdKafka\KafkaConsumer($consumer_conf);
$consumer->assign([new RdKafka\TopicPartition($topic, 0, RD_KAFKA_OFFSET_BEGINNING)]);
echo "read_committed sees: ", implode(' ', array_map(fn ($m) => $m->payload, consume_n($consumer, 3))), "\n";
$consumer->close();
?>
--EXPECTF--
The Transactional API requires transactional.id to be configured (RD_KAFKA_RESP_ERR__NOT_CONFIGURED) | -145 | The Transactional API requires transactional.id to be configured | fatal=0 retriable=0 abort=0
bool(true)
int(%d)
begin before init: %s (RD_KAFKA_RESP_ERR__STATE)
delivery reports: committed-1:0 committed-2:0 aborted:-152
read_committed sees: committed-1 committed-2 committed-3
