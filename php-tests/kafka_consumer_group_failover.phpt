--TEST--
KafkaConsumer group failover, at least once: a worker that commits each message after processing is killed (SIGKILL) between processing and commit; the next member of the group resumes at the last committed offset, so the message in flight is seen again and none is skipped
--SKIPIF--
<?php if (getenv('TEST_KAFKA_BROKERS')) echo 'skip the mock cluster keeps the test short (session.timeout.ms=3000)';
--FILE--
<?php
require __DIR__ . '/inc/helpers.inc';
$topic = unique_name('failover');
$group = unique_name('workers');
[$brokers, $cluster] = test_brokers([$topic => 1]);
produce_all($brokers, $topic, array_map(fn ($i) => "m$i", range(0, 29)));

$worker = <<<'PHP'
<?php
$conf = new RdKafka\Conf();
$conf->set('metadata.broker.list', getenv('BROKERS'));
$conf->set('group.id', getenv('GROUP'));
$conf->set('auto.offset.reset', 'earliest');
$conf->set('enable.auto.commit', 'false');
$conf->set('session.timeout.ms', '3000');
$consumer = new RdKafka\KafkaConsumer($conf);
$consumer->subscribe([getenv('TOPIC')]);
$processed = 0;
while (true) {
    $message = $consumer->consume(1000);
    if ($message->err !== RD_KAFKA_RESP_ERR_NO_ERROR) {
        continue;
    }
    echo "processed {$message->payload}\n";
    if (++$processed === 11) {
        echo "about to commit\n"; // and the process is killed right here
        sleep(60);
    }
    $consumer->commit($message);
}
PHP;
$script = tempnam(sys_get_temp_dir(), 'rdkafka-rs-worker-');
file_put_contents($script, $worker);
$process = proc_open(array_merge(php_command(), [$script]), [1 => ['pipe', 'w'], 2 => ['file', '/dev/null', 'w']], $pipes, null,
    ['BROKERS' => $brokers, 'GROUP' => $group, 'TOPIC' => $topic] + getenv());
$seen = [];
// A deadline, so that a worker that never gets its messages fails the test instead of hanging it.
$deadline = microtime(true) + 60;
while (microtime(true) < $deadline) {
    $read = [$pipes[1]];
    $write = $except = null;
    if (!stream_select($read, $write, $except, 1)) {
        continue;
    }
    $line = fgets($pipes[1]);
    if ($line === false || trim($line) === 'about to commit') {
        break;
    }
    $seen[] = substr(trim($line), strlen('processed '));
}
proc_terminate($process, 9);
proc_close($process);
unlink($script);
echo "killed worker processed: ", implode(' ', $seen), "\n";

$conf = consumer_conf($brokers, $group);
$conf->set('enable.auto.commit', 'false');
$successor = new RdKafka\KafkaConsumer($conf);
$successor->subscribe([$topic]);
$resumed = [];
$deadline = microtime(true) + 90; // the dead member's session expiry and the rebalance come first; a loaded machine is slow
while (count($resumed) < 20 && microtime(true) < $deadline) {
    $message = $successor->consume(500);
    if ($message->err === RD_KAFKA_RESP_ERR_NO_ERROR) {
        $resumed[] = $message->payload;
        $successor->commit($message);
    }
}
echo "successor resumed with: ", implode(' ', $resumed), "\n";
$successor->close();
?>
--EXPECT--
killed worker processed: m0 m1 m2 m3 m4 m5 m6 m7 m8 m9 m10
successor resumed with: m10 m11 m12 m13 m14 m15 m16 m17 m18 m19 m20 m21 m22 m23 m24 m25 m26 m27 m28 m29
