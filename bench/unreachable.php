<?php
// The docs' produce loop (produce + poll(0), QUEUE_FULL caught) with N messages
// of S bytes to a broker that is not there: how much memory does it take?
require __DIR__ . '/common.inc';
$count = (int) param('N', 50000);
$size = (int) param('S', 10240);
$conf = producer_for('127.0.0.1:1', ['log_level' => '0', 'message.timeout.ms' => '600000']);
$producer = new RdKafka\Producer($conf);
$topic = $producer->newTopic('unreachable');
$payload = str_repeat('u', $size);
$queue_full = 0;
$started = clock_start();
for ($i = 0; $i < $count; $i++) {
    try {
        $topic->produce(RD_KAFKA_PARTITION_UA, 0, $payload);
    } catch (RdKafka\Exception $e) {
        $queue_full++;
    }
    $producer->poll(0);
}
report('unreachable', $count, (hrtime(true) - $started) / 1e9, $size, ['queue_full' => $queue_full]);
$producer->purge(RD_KAFKA_PURGE_F_QUEUE | RD_KAFKA_PURGE_F_INFLIGHT);
$producer->flush(1000);
