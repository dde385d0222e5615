--TEST--
Producer transactions: a transactional producer that goes away with its transaction open aborts it, with a warning naming its messages, instead of flushing them into a transaction nobody commits (before, the shutdown delivered them without a word: readers of uncommitted data saw all 10, and read_committed readers of a real broker stall until transaction.timeout.ms); a committed transaction's producer goes away without a warning
--FILE--
<?php
require __DIR__ . '/inc/helpers.inc';
$topic = unique_name('txnopen');
[$brokers, $cluster] = test_brokers([$topic => 1]);

function transactional(string $brokers): RdKafka\Producer {
    $conf = producer_conf($brokers);
    $conf->set('transactional.id', unique_name('txn'));
    $conf->set('linger.ms', '1000'); // nothing leaves before the producer goes away
    $producer = new RdKafka\Producer($conf);
    $producer->initTransactions(10000);
    return $producer;
}

$committed = transactional($brokers);
$committed->beginTransaction();
$committed->newTopic($topic)->produce(0, 0, 'committed');
$committed->commitTransaction(10000);
unset($committed);
echo "committed producer gone\n";

$open = transactional($brokers);
$open->beginTransaction();
$handle = $open->newTopic($topic);
for ($i = 0; $i < 10; $i++) {
    $handle->produce(0, 0, "uncommitted-$i");
}
unset($handle, $open);

// What reached the partition: everything before a marker produced without a transaction.
produce_all($brokers, $topic, ['marker']);
$conf = consumer_conf($brokers, unique_name('g'));
$conf->set('isolation.level', 'read_uncommitted');
$reader = new RdKafka\KafkaConsumer($conf);
$reader->assign([new RdKafka\TopicPartition($topic, 0, RD_KAFKA_OFFSET_BEGINNING)]);
$read = [];
for ($deadline = microtime(true) + 20; !in_array('marker', $read, true) && microtime(true) < $deadline;) {
    $message = $reader->consume(500);
    if ($message->err === RD_KAFKA_RESP_ERR_NO_ERROR) {
        $read[] = $message->payload;
    }
}
echo 'the partition holds: ', implode(',', $read), "\n";
$reader->close();
?>
--EXPECTF--
committed producer gone

Warning: RdKafka\Producer: the transaction was not committed, and its 10 message(s) will not be read as committed; commit it with commitTransaction() before the producer goes away in %s on line %d
the partition holds: committed,marker
