--TEST--
KafkaConsumer::close(): a rebalance callback may unassign more than once, and assign(null) / incrementalUnassign() after close() throw at once, as with php-rdkafka (librdkafka never answers a request to a group that has ended: these used to hang forever)
--FILE--
<?php
require __DIR__ . '/inc/helpers.inc';
$topic_name = unique_name('close-unassign');
[$brokers, $cluster] = test_brokers([$topic_name => 2]);
produce_all($brokers, $topic_name, ['one', 'two']);

$script = <<<'PHP'
<?php
[, $brokers, $topic_name, $group] = $argv;
$conf = new RdKafka\Conf();
$conf->set('metadata.broker.list', $brokers);
$conf->set('group.id', $group);
$conf->set('auto.offset.reset', 'earliest');
$conf->set('session.timeout.ms', '6000');
$log = [];
$conf->setRebalanceCb(function (RdKafka\KafkaConsumer $consumer, int $err, ?array $partitions) use (&$log) {
    if ($err === RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS) {
        $consumer->assign($partitions);
        $log[] = 'assigned';
        return;
    }
    $consumer->assign(null);
    $consumer->assign(null); // a second unassign, as careless callbacks do
    $log[] = 'revoked twice';
});
$consumer = new RdKafka\KafkaConsumer($conf);
$consumer->subscribe([$topic_name]);
$got = 0;
$deadline = microtime(true) + 20;
while ($got < 2 && microtime(true) < $deadline) {
    $got += (int) ($consumer->consume(500)->err === RD_KAFKA_RESP_ERR_NO_ERROR);
}
$consumer->close();
$after = [];
foreach (['assign(null)' => fn () => $consumer->assign(null),
          'incrementalUnassign()' => fn () => $consumer->incrementalUnassign([new RdKafka\TopicPartition($topic_name, 0)])] as $call => $run) {
    try {
        $run();
        $after[] = "$call returned";
    } catch (RdKafka\Exception $e) {
        $after[] = "$call threw";
    }
}
echo "consumed $got; ", implode(', ', $log), '; after close: ', implode(', ', $after), "\n";
PHP;
$file = tempnam(sys_get_temp_dir(), 'rdkafka-rs-close-');
file_put_contents($file, $script);
for ($run = 0; $run < 3; $run++) {
    $process = proc_open(array_merge(php_command(), [$file, $brokers, $topic_name, unique_name('group')]), [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes);
    $deadline = microtime(true) + 40;
    while (proc_get_status($process)['running'] && microtime(true) < $deadline) {
        usleep(50000);
    }
    if (proc_get_status($process)['running']) {
        proc_terminate($process, 9);
        echo "run $run: hung\n";
    } else {
        echo "run $run: ", trim(stream_get_contents($pipes[1])), trim(stream_get_contents($pipes[2])), "\n";
    }
    proc_close($process);
}
unlink($file);
?>
--EXPECT--
run 0: consumed 2; assigned, revoked twice; after close: assign(null) threw, incrementalUnassign() threw
run 1: consumed 2; assigned, revoked twice; after close: assign(null) threw, incrementalUnassign() threw
run 2: consumed 2; assigned, revoked twice; after close: assign(null) threw, incrementalUnassign() threw
