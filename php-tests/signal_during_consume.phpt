--TEST--
SIGTERM with pcntl_async_signals(true) during a long consume(120*1000) (and during poll()/flush() and the legacy consumer's waits): the PHP handler runs within ~100 ms (checked against 1 s, so a loaded machine cannot flake it; without the fix the wait is 120 s), the wait returns as timed out, and the script closes the consumer cleanly
--FILE--
<?php
require __DIR__ . '/inc/helpers.inc';
[$brokers, $cluster] = test_brokers(['idle' => 1]);
$child = <<<'PHP'
<?php
pcntl_async_signals(true);
$signalled = null;
pcntl_signal(SIGTERM, function () use (&$signalled) { $signalled = microtime(true); });
$brokers = $argv[1];
$wait = $argv[2];
$conf = new RdKafka\Conf();
$conf->set('metadata.broker.list', $brokers);
$conf->set('group.id', 'signal');
switch ($wait) {
    case 'KafkaConsumer::consume':
        $consumer = new RdKafka\KafkaConsumer($conf);
        $consumer->subscribe(['idle']);
        $call = fn () => $consumer->consume(120 * 1000)->err === RD_KAFKA_RESP_ERR__TIMED_OUT ? 'timed out' : 'message';
        break;
    case 'Producer::flush':
        $conf->set('metadata.broker.list', '127.0.0.1:1');
        $conf->set('log_level', '0');
        $producer = new RdKafka\Producer($conf);
        $producer->newTopic('idle')->produce(0, 0, 'stuck');
        $call = fn () => rd_kafka_err2name($producer->flush(120 * 1000));
        break;
    case 'Producer::poll':
        $producer = new RdKafka\Producer($conf);
        // Events served before the signal (metadata, ...) end a poll early: poll again until it comes.
        $call = function () use ($producer, &$signalled) {
            do {
                $served = $producer->poll(120 * 1000);
            } while ($signalled === null);
            return "$served events";
        };
        break;
    case 'ConsumerTopic::consume':
        $consumer = new RdKafka\Consumer($conf);
        $topic = $consumer->newTopic('idle');
        $topic->consumeStart(0, RD_KAFKA_OFFSET_END);
        $call = fn () => var_export($topic->consume(0, 120 * 1000), true);
        break;
    case 'Queue::consume':
        $consumer = new RdKafka\Consumer($conf);
        $queue = $consumer->newQueue();
        $consumer->newTopic('idle')->consumeQueueStart(0, RD_KAFKA_OFFSET_END, $queue);
        $call = fn () => var_export($queue->consume(120 * 1000), true);
        break;
}
echo "waiting\n";
$result = $call();
$returned = microtime(true);
printf("%s returned %s; handler ran: %s, %s ms after the signal\n", $wait, $result,
    $signalled ? 'yes' : 'no', $signalled && $returned - $signalled < 1 ? 'under 1000' : 'not within 1000');
if (isset($consumer) && $consumer instanceof RdKafka\KafkaConsumer) {
    $consumer->close();
    echo "closed\n";
}
if (isset($producer)) {
    $producer->purge(RD_KAFKA_PURGE_F_QUEUE);
}
PHP;
$script = tempnam(sys_get_temp_dir(), 'signal');
file_put_contents($script, $child);
foreach (['KafkaConsumer::consume', 'Producer::flush', 'Producer::poll', 'ConsumerTopic::consume', 'Queue::consume'] as $wait) {
    $process = proc_open(array_merge(php_command(), [$script, $brokers, $wait]), [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes);
    echo fgets($pipes[1]);
    usleep(1500000); // well inside the wait
    $sent = microtime(true);
    proc_terminate($process, SIGTERM);
    $out = stream_get_contents($pipes[1]);
    $status = proc_close($process);
    echo $out, "exit status $status, done ", microtime(true) - $sent < 5 ? 'promptly' : 'late', "\n";
}
unlink($script);
?>
--EXPECT--
waiting
KafkaConsumer::consume returned timed out; handler ran: yes, under 1000 ms after the signal
closed
exit status 0, done promptly
waiting
Producer::flush returned _TIMED_OUT; handler ran: yes, under 1000 ms after the signal
exit status 0, done promptly
waiting
Producer::poll returned 0 events; handler ran: yes, under 1000 ms after the signal
exit status 0, done promptly
waiting
ConsumerTopic::consume returned NULL; handler ran: yes, under 1000 ms after the signal
exit status 0, done promptly
waiting
Queue::consume returned NULL; handler ran: yes, under 1000 ms after the signal
exit status 0, done promptly
