--TEST--
Memory: a producer that never calls poll() stays flat (RSS growth bounded at 200k and 600k messages); 10 KB messages to an unreachable broker stay within the byte bound
--SKIPIF--
<?php if (!is_readable('/proc/self/status')) die('skip needs /proc/self/status for RSS');
--FILE--
<?php
require __DIR__ . '/inc/helpers.inc';
const MIB = 1024;
[$brokers, $stop] = mock_cluster_process(['flat' => 16]);

$producer = new RdKafka\Producer(producer_conf($brokers));
$topic = $producer->newTopic('flat');
$payload = str_repeat('p', 100);
$baseline = proc_status_kib('VmRSS');
$peaks = [];
$produced = 0;
foreach ([200000, 600000] as $total) {
    for (; $produced < $total; $produced++) {
        // Never poll(): without the engine dropping unwanted reports, memory would grow with N
        // (600k reports hold over 100 MiB).
        $topic->produce(RD_KAFKA_PARTITION_UA, RD_KAFKA_MSG_F_BLOCK, $payload);
    }
    $peaks[$total] = proc_status_kib('VmHWM') - $baseline;
}
echo "flush: ", $producer->flush(30000) === RD_KAFKA_RESP_ERR_NO_ERROR ? 'NO_ERROR' : 'failed', "\n";
foreach ($peaks as $total => $growth) {
    // The bound (100,000 messages in flight) costs about 35 MiB at most, whatever N is.
    printf("peak growth after %dk messages under 64 MiB: %s%s\n", $total / 1000, var_export($growth < 64 * MIB, true), $growth < 64 * MIB ? '' : " ($growth KiB)");
}
unset($topic, $producer);

echo "-- 50,000 x 10 KB to an unreachable broker, the docs' loop with QUEUE_FULL caught\n";
$conf = new RdKafka\Conf();
$conf->set('metadata.broker.list', '127.0.0.1:1');
$conf->set('log_level', '0');
$producer = new RdKafka\Producer($conf);
$topic = $producer->newTopic('unreachable');
$payload = str_repeat('k', 10240);
$baseline = proc_status_kib('VmRSS');
$full = 0;
for ($i = 0; $i < 50000; $i++) {
    try {
        $topic->produce(RD_KAFKA_PARTITION_UA, 0, $payload);
    } catch (RdKafka\Exception $e) {
        $full += $e->getCode() === RD_KAFKA_RESP_ERR__QUEUE_FULL;
    }
    $producer->poll(0);
}
$growth = proc_status_kib('VmHWM') - $baseline;
printf("QUEUE_FULL seen: %s; peak growth under 48 MiB: %s%s\n", var_export($full > 40000, true), var_export($growth < 48 * MIB, true), $growth < 48 * MIB ? '' : " ($growth KiB)");
$producer->purge(RD_KAFKA_PURGE_F_QUEUE);
$producer->flush(1000);
$stop();
?>
--EXPECT--
flush: NO_ERROR
peak growth after 200k messages under 64 MiB: true
peak growth after 600k messages under 64 MiB: true
-- 50,000 x 10 KB to an unreachable broker, the docs' loop with QUEUE_FULL caught
QUEUE_FULL seen: true; peak growth under 48 MiB: true
