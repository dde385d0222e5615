--TEST--
KafkaConsumer keeps consuming when the partition leader moves to another broker (3-broker mock): every message once, in order, no gap
--SKIPIF--
<?php if (getenv('TEST_KAFKA_BROKERS')) echo 'skip needs the mock cluster for fault injection';
--FILE--
<?php
require __DIR__ . '/inc/helpers.inc';
$topic = unique_name('leaders');
$cluster = new RdKafka\Mock\Cluster(3);
$cluster->createTopic($topic, 1, 3);
$cluster->setPartitionLeader($topic, 0, 1);
$brokers = $cluster->getBootstraps();
foreach (array_chunk(range(0, 2999), 50) as $batch) {
    produce_all($brokers, $topic, array_map('strval', $batch)); // small record batches: many fetches
}

$conf = consumer_conf($brokers, unique_name('group'));
$conf->set('max.partition.fetch.bytes', '1024'); // small fetches, little prefetch:
$conf->set('queued.max.messages.kbytes', '1');     // the fetches go on after each move
$conf->set('queued.min.messages', '10');
$conf->set('statistics.interval.ms', '100');
$fetchedFrom = [];
$conf->setStatsCb(function ($consumer, $json) use (&$fetchedFrom) {
    foreach (json_decode($json, true)['brokers'] as $broker) {
        if (($broker['req']['Fetch'] ?? 0) > 0 && $broker['nodeid'] > 0) {
            $fetchedFrom[$broker['nodeid']] = true;
        }
    }
});
$conf->set('topic.metadata.refresh.interval.ms', '200');
$conf->set('log_level', '3');
$consumer = new RdKafka\KafkaConsumer($conf);
$consumer->assign([new RdKafka\TopicPartition($topic, 0, RD_KAFKA_OFFSET_BEGINNING)]);
$expected = 0;
$problems = 0;
$movedAt = [];
$deadline = microtime(true) + 30;
while ($expected < 3000 && microtime(true) < $deadline) {
    $newLeader = [1000 => 2, 2000 => 3][$expected] ?? null;
    if ($newLeader !== null && !isset($movedAt[$expected])) {
        $cluster->setPartitionLeader($topic, 0, $newLeader);
        $movedAt[$expected] = true;
        usleep(500000); // past the next metadata refresh, so the move is noticed
    }
    $message = $consumer->consume(500);
    if ($message->err !== RD_KAFKA_RESP_ERR_NO_ERROR) {
        continue;
    }
    if ((int) $message->payload !== $expected) {
        $problems++;
    }
    $expected = (int) $message->payload + 1;
}
$until = microtime(true) + 0.3;
while (microtime(true) < $until) {
    $consumer->consume(50); // one more statistics callback
}
ksort($fetchedFrom);
echo "consumed up to: ", $expected - 1, ", out of sequence: $problems\n";
echo "fetched from brokers: ", implode(', ', array_keys($fetchedFrom)), "\n";
$consumer->close();
?>
--EXPECT--
consumed up to: 2999, out of sequence: 0
fetched from brokers: 1, 2, 3
