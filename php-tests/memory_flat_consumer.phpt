--TEST--
Memory: a KafkaConsumer reading 200 MB keeps its prefetch within rdkafka_rs.consumer_max_kbytes (RSS growth bounded)
--SKIPIF--
<?php if (!is_readable('/proc/self/status')) die('skip needs /proc/self/status for RSS');
--FILE--
<?php
require __DIR__ . '/inc/helpers.inc';
const MIB = 1024;
const MESSAGES = 200000;
[$brokers, $stop] = mock_cluster_process(['prefetch' => 64]);

$producer = new RdKafka\Producer(producer_conf($brokers));
$topic = $producer->newTopic('prefetch');
$payload = str_repeat('c', 1000);
for ($i = 0; $i < MESSAGES; $i++) {
    $topic->produce($i % 64, RD_KAFKA_MSG_F_BLOCK, $payload);
}
echo "produced: ", $producer->flush(30000) === RD_KAFKA_RESP_ERR_NO_ERROR ? 'all' : 'flush failed', "\n";
unset($topic, $producer);

$consumer = new RdKafka\KafkaConsumer(consumer_conf($brokers, unique_name('prefetch')));
$assignment = [];
for ($partition = 0; $partition < 64; $partition++) {
    $assignment[] = new RdKafka\TopicPartition('prefetch', $partition, RD_KAFKA_OFFSET_BEGINNING);
}
$baseline = proc_status_kib('VmRSS');
$consumer->assign($assignment);
$consumed = 0;
$deadline = microtime(true) + 60;
while ($consumed < MESSAGES && microtime(true) < $deadline) {
    $message = $consumer->consume(1000);
    $consumed += $message->err === RD_KAFKA_RESP_ERR_NO_ERROR;
}
$growth = proc_status_kib('VmHWM') - $baseline;
echo "consumed: $consumed\n";
printf("peak growth under 40 MiB: %s%s\n", var_export($growth < 40 * MIB, true), $growth < 40 * MIB ? '' : " ($growth KiB)");
$consumer->close();
unset($consumer);
$stop();
?>
--EXPECT--
produced: all
consumed: 200000
peak growth under 40 MiB: true
