--TEST--
Idempotent producer (acks=all) on a 3-broker mock: 100,000 messages through retriable Produce errors, a broker down and back up, and a leader move; every message is delivered exactly once, in order per partition
--SKIPIF--
<?php if (getenv('TEST_KAFKA_BROKERS')) echo 'skip needs the mock cluster for fault injection';
--FILE--
<?php
require __DIR__ . '/inc/helpers.inc';
const MESSAGES = 100000;
$topic = unique_name('faults');
$cluster = new RdKafka\Mock\Cluster(3);
$cluster->createTopic($topic, 3, 3);
foreach ([0 => 1, 1 => 2, 2 => 3] as $partition => $leader) {
    $cluster->setPartitionLeader($topic, $partition, $leader);
}
$brokers = $cluster->getBootstraps();

$conf = producer_conf($brokers);
$conf->set('enable.idempotence', 'true');
$conf->set('acks', 'all');
$conf->set('batch.num.messages', '1000'); // many requests, so the faults hit some
$conf->set('log_level', '3');             // the broker going down is logged at info level
$conf->set('statistics.interval.ms', '50');
$stats = null;
$conf->setStatsCb(function ($producer, $json) use (&$stats) {
    $stats = json_decode($json, true);
});
$delivered = $failed = 0;
$conf->setDrMsgCb(function ($producer, $message) use (&$delivered, &$failed) {
    $message->err === RD_KAFKA_RESP_ERR_NO_ERROR ? $delivered++ : $failed++;
});
$producer = new RdKafka\Producer($conf);
$handle = $producer->newTopic($topic);
for ($i = 0; $i < MESSAGES; $i++) {
    match ($i) {
        // NOT_LEADER_OR_FOLLOWER, NOT_ENOUGH_REPLICAS, REQUEST_TIMED_OUT: all retriable.
        20000 => $cluster->pushRequestErrors(0, [
            RD_KAFKA_RESP_ERR_NOT_LEADER_FOR_PARTITION, RD_KAFKA_RESP_ERR_NOT_ENOUGH_REPLICAS,
            RD_KAFKA_RESP_ERR_REQUEST_TIMED_OUT, RD_KAFKA_RESP_ERR_NOT_ENOUGH_REPLICAS,
        ]),
        40000 => $cluster->setBrokerDown(2),
        60000 => $cluster->setBrokerUp(2),
        70000 => $cluster->setPartitionLeader($topic, 0, 3),
        default => null,
    };
    $handle->produce($i % 3, RD_KAFKA_MSG_F_BLOCK, (string) $i);
    $producer->poll(0);
}
echo "flush: ", $producer->flush(30000) === RD_KAFKA_RESP_ERR_NO_ERROR ? 'done' : 'timed out', "\n";
echo "delivery reports: $delivered delivered, $failed failed\n";
$until = microtime(true) + 0.3;
while (microtime(true) < $until) {
    $producer->poll(20); // one more statistics callback
}
$sent = array_sum(array_map(fn ($p) => $p['txmsgs'], array_filter($stats['topics'][$topic]['partitions'], fn ($p) => $p['partition'] >= 0)));
echo "the faults made the producer send some messages again: ", $sent > MESSAGES ? 'yes' : "no ($sent sent)", "\n";
echo "partition 0 is now led by broker ", $stats['topics'][$topic]['partitions'][0]['leader'], "\n";

$consumer = new RdKafka\KafkaConsumer(consumer_conf($brokers, unique_name('check')));
$consumer->assign(array_map(fn ($p) => new RdKafka\TopicPartition($topic, $p, RD_KAFKA_OFFSET_BEGINNING), [0, 1, 2]));
$next = [0, 1, 2];
$seen = $duplicates = $out_of_order = 0;
$deadline = microtime(true) + 30;
while ($seen < MESSAGES && microtime(true) < $deadline) {
    $message = $consumer->consume(1000);
    if ($message->err !== RD_KAFKA_RESP_ERR_NO_ERROR) {
        continue;
    }
    $value = (int) $message->payload;
    if ($value < $next[$message->partition]) {
        $duplicates++;
    } elseif ($value > $next[$message->partition]) {
        $out_of_order++;
    }
    $next[$message->partition] = max($next[$message->partition], $value + 3);
    $seen++;
}
$extra = $consumer->consume(500);
echo "consumed: $seen, duplicates: $duplicates, gaps or reordering: $out_of_order, more after that: ",
    $extra->err === RD_KAFKA_RESP_ERR_NO_ERROR ? 'yes' : 'no', "\n";
$consumer->close();
?>
--EXPECT--
flush: done
delivery reports: 100000 delivered, 0 failed
the faults made the producer send some messages again: yes
partition 0 is now led by broker 3
consumed: 100000, duplicates: 0, gaps or reordering: 0, more after that: no
