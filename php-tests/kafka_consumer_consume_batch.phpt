--TEST--
KafkaConsumer::consumeBatch(): up to N messages per call (waiting only for the first), every message once and in order per partition, partition EOF events included as Message objects as consume() returns them, an empty array on timeout, a rebalance callback that throws loses no message, and bad sizes or a closed consumer are clear errors
--FILE--
<?php
require __DIR__ . '/inc/helpers.inc';
$topicName = unique_name('cbatch');
[$brokers, $cluster] = test_brokers([$topicName => 2]);
produce_all($brokers, $topicName, array_map(fn ($i) => "p0-$i", range(0, 24)), 0);
produce_all($brokers, $topicName, array_map(fn ($i) => "p1-$i", range(0, 24)), 1);

$conf = consumer_conf($brokers, unique_name('g'));
$conf->set('enable.partition.eof', 'true');
$consumer = new RdKafka\KafkaConsumer($conf);
$consumer->assign([new RdKafka\TopicPartition($topicName, 0, 0), new RdKafka\TopicPartition($topicName, 1, 0)]);
$payloads = [];
$eofs = 0;
$sizes = [];
for ($deadline = microtime(true) + 20; (count($payloads) < 50 || $eofs < 2) && microtime(true) < $deadline;) {
    $batch = $consumer->consumeBatch(1000, 8);
    $sizes[] = count($batch);
    foreach ($batch as $message) {
        if (!$message instanceof RdKafka\Message) {
            echo "not a Message\n";
        } elseif ($message->err === RD_KAFKA_RESP_ERR__PARTITION_EOF) {
            $eofs++;
        } elseif ($message->err === RD_KAFKA_RESP_ERR_NO_ERROR) {
            $payloads[$message->partition][] = $message->payload;
        }
    }
}
echo 'largest batch: ', max($sizes), "\n";
foreach ([0, 1] as $partition) {
    echo "partition $partition in order, once: ", ($payloads[$partition] ?? []) === array_map(fn ($i) => "p$partition-$i", range(0, 24)) ? 'yes' : json_encode($payloads[$partition] ?? []), "\n";
}
echo "partition EOF events: $eofs\n";
$started = microtime(true);
echo 'nothing left: ', json_encode($consumer->consumeBatch(300, 8)), ' after at least 0.3 s: ', microtime(true) - $started >= 0.29 ? 'yes' : 'no', "\n";

foreach ([0, -1, 1000001] as $size) {
    try {
        $consumer->consumeBatch(10, $size);
    } catch (InvalidArgumentException $e) {
        echo $e->getMessage(), "\n";
    }
}
$consumer->close();
try {
    $consumer->consumeBatch(10, 1);
} catch (RdKafka\Exception $e) {
    echo $e->getMessage(), "\n";
}

echo "-- a rebalance callback that throws\n";
$conf = consumer_conf($brokers, unique_name('g'));
$throw = true;
$conf->setRebalanceCb(function (RdKafka\KafkaConsumer $kafka, int $err, ?array $partitions) use (&$throw) {
    $kafka->assign($err === RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS ? $partitions : null);
    if ($throw) {
        $throw = false;
        throw new RuntimeException('from rebalance_cb');
    }
});
$subscriber = new RdKafka\KafkaConsumer($conf);
$subscriber->subscribe([$topicName]);
$seen = [];
for ($deadline = microtime(true) + 20; count($seen) < 50 && microtime(true) < $deadline;) {
    try {
        foreach ($subscriber->consumeBatch(500, 16) as $message) {
            if ($message->err === RD_KAFKA_RESP_ERR_NO_ERROR) {
                $seen[] = $message->payload;
            }
        }
    } catch (RuntimeException $e) {
        echo 'caught: ', $e->getMessage(), "\n";
    }
}
echo 'all 50 seen once: ', count($seen) === 50 && count(array_unique($seen)) === 50 ? 'yes' : count($seen), "\n";
$subscriber->close();
unset($consumer, $subscriber); // before the mock cluster goes
?>
--EXPECT--
largest batch: 8
partition 0 in order, once: yes
partition 1 in order, once: yes
partition EOF events: 2
nothing left: [] after at least 0.3 s: yes
Out of range value '0' for $max_messages: use 1 to 1000000
Out of range value '-1' for $max_messages: use 1 to 1000000
Out of range value '1000001' for $max_messages: use 1 to 1000000
The consumer is closed: create a new RdKafka\KafkaConsumer
-- a rebalance callback that throws
caught: from rebalance_cb
all 50 seen once: yes
