<?php
// Soak: N produce+consume cycles with callbacks (dr_msg_cb, rebalance_cb,
// offset_commit_cb, error_cb) through an out-of-process mock cluster, sampling
// this process's RSS and PHP memory as it goes. Prints a table and whether RSS
// stayed flat (grew by less than 4 MiB after the first sample).
//
//   php -d extension=target/release/librdkafka_rs.so bench/soak.php
//   N=1000000 BATCH=10000 S=100 (defaults); RDKAFKA_RS_EXTENSION=path/to.so loads it in the mock too
require __DIR__ . '/common.inc';

$n = (int) param('N', 1000000);
$batch = (int) param('BATCH', 10000);
$size = (int) param('S', 100);
$samples = max(1, (int) param('SAMPLES', 10));

function rss_kib(): int
{
    preg_match('/^VmRSS:\s+(\d+) kB/m', (string) file_get_contents('/proc/self/status'), $match);
    return (int) ($match[1] ?? -1);
}

$extension = getenv('RDKAFKA_RS_EXTENSION');
$command = $extension ? [PHP_BINARY, '-n', '-d', "extension=$extension"] : [PHP_BINARY];
$mock = proc_open(array_merge($command, [__DIR__ . '/mock-cluster.php', 'soak']), [0 => ['pipe', 'r'], 1 => ['pipe', 'w'], 2 => ['file', '/dev/null', 'w']], $pipes, null, ['PARTITIONS' => '16'] + getenv());
$brokers = trim((string) fgets($pipes[1]));

$delivered = $failed = $commits = $rebalances = $errors = 0;
$producerConf = producer_for($brokers);
$producerConf->setDrMsgCb(function ($producer, RdKafka\Message $message) use (&$delivered, &$failed) {
    $message->err ? $failed++ : $delivered++;
});
$producerConf->setErrorCb(function ($kafka, int $err, string $reason) use (&$errors) { $errors++; });
$producer = new RdKafka\Producer($producerConf);
$topic = $producer->newTopic('soak');

$consumerConf = producer_for($brokers, ['group.id' => 'soak', 'auto.offset.reset' => 'earliest', 'auto.commit.interval.ms' => '200']);
$consumerConf->setRebalanceCb(function (RdKafka\KafkaConsumer $consumer, int $err, ?array $partitions) use (&$rebalances) {
    $rebalances++;
    $consumer->assign($err === RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS ? $partitions : null);
});
$consumerConf->setOffsetCommitCb(function ($consumer, int $err, array $partitions) use (&$commits) { $commits++; });
$consumer = new RdKafka\KafkaConsumer($consumerConf);
$consumer->subscribe(['soak']);

$payload = str_repeat('x', $size);
$consumed = 0;
$rows = [];
$every = max($batch, intdiv($n, $samples));
$started = microtime(true);
for ($done = 0; $done < $n; $done += $batch) {
    for ($i = 0; $i < $batch; $i++) {
        $topic->produce(RD_KAFKA_PARTITION_UA, 0, $payload, (string) ($done + $i));
        $producer->poll(0);
    }
    $producer->flush(60000);
    for ($got = 0, $deadline = microtime(true) + 60; $got < $batch && microtime(true) < $deadline;) {
        $message = $consumer->consume(1000);
        if ($message->err === RD_KAFKA_RESP_ERR_NO_ERROR) {
            $got++;
        } elseif ($message->err !== RD_KAFKA_RESP_ERR__TIMED_OUT && $message->err !== RD_KAFKA_RESP_ERR__PARTITION_EOF) {
            throw new RuntimeException($message->errstr(), $message->err);
        }
    }
    $consumed += $got;
    if (($done + $batch) % $every === 0) {
        $rows[] = [$done + $batch, rss_kib(), memory_get_usage(true), round(microtime(true) - $started, 1)];
    }
}
$consumer->close();
unset($consumer, $producer, $topic);
fclose($pipes[0]);
proc_close($mock);

printf("%12s %12s %14s %9s\n", 'cycles', 'RSS KiB', 'PHP memory B', 'seconds');
foreach ($rows as [$cycles, $rss, $php, $seconds]) {
    printf("%12d %12d %14d %9.1f\n", $cycles, $rss, $php, $seconds);
}
$growth = end($rows)[1] - $rows[0][1];
printf("produced and delivered %d (failed %d), consumed %d, rebalance callbacks %d, offset commit callbacks %d, error callbacks %d\n",
    $delivered, $failed, $consumed, $rebalances, $commits, $errors);
printf("RSS growth from the first sample to the last: %d KiB: %s\n", $growth, $growth < 4096 ? 'flat' : 'GROWING');
exit($delivered === $n && $consumed === $n && $growth < 4096 ? 0 : 1);
