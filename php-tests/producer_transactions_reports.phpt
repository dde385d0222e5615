--TEST--
Producer transactions: commitTransaction() and abortTransaction() hand the delivery reports they collect to the dr_msg_cb before they return, as php-rdkafka does, so the usual loop (begin, produce, commit, never poll()) keeps running past queue.buffering.max.messages (before, the reports waited for a poll() that never came, held the in-flight bound, and produce() threw QUEUE_FULL in the second transaction)
--FILE--
<?php
require __DIR__ . '/inc/helpers.inc';
$topic = unique_name('txnreports');
[$brokers, $cluster] = test_brokers([$topic => 2]);

$conf = producer_conf($brokers);
$conf->set('transactional.id', unique_name('txn'));
$conf->set('queue.buffering.max.messages', '100');
$reports = ['delivered' => 0, 'purged' => 0, 'other' => 0];
$conf->setDrMsgCb(function ($producer, RdKafka\Message $message) use (&$reports) {
    $reports[match ($message->err) {
        RD_KAFKA_RESP_ERR_NO_ERROR => 'delivered',
        RD_KAFKA_RESP_ERR__PURGE_QUEUE, RD_KAFKA_RESP_ERR__PURGE_INFLIGHT => 'purged',
        default => 'other',
    }]++;
});
$producer = new RdKafka\Producer($conf);
$producer->initTransactions(10000);
$handle = $producer->newTopic($topic);

for ($transaction = 1; $transaction <= 5; $transaction++) {
    $producer->beginTransaction();
    for ($i = 0; $i < 60; $i++) {
        $handle->produce(RD_KAFKA_PARTITION_UA, 0, "t$transaction-$i");
    }
    $producer->commitTransaction(10000);
    echo "transaction $transaction committed: {$reports['delivered']} delivered, getOutQLen() {$producer->getOutQLen()}\n";
}

$producer->beginTransaction();
for ($i = 0; $i < 10; $i++) {
    $handle->produce(RD_KAFKA_PARTITION_UA, 0, "aborted-$i");
}
$producer->abortTransaction(10000);
echo "aborted: {$reports['purged']} purged reports, {$reports['other']} other, getOutQLen() {$producer->getOutQLen()}\n";
?>
--EXPECT--
transaction 1 committed: 60 delivered, getOutQLen() 0
transaction 2 committed: 120 delivered, getOutQLen() 0
transaction 3 committed: 180 delivered, getOutQLen() 0
transaction 4 committed: 240 delivered, getOutQLen() 0
transaction 5 committed: 300 delivered, getOutQLen() 0
aborted: 10 purged reports, 0 other, getOutQLen() 0
