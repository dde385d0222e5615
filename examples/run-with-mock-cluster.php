<?php
// Runs examples/producer.php, then examples/consumer.php, each in its own PHP
// process, against an in-process RdKafka\Mock\Cluster that this script keeps
// alive. Usage: php -d extension=rdkafka_rs.so examples/run-with-mock-cluster.php

$cluster = new RdKafka\Mock\Cluster(1);
$cluster->createTopic('test', 1);
$brokers = $cluster->getBootstraps();
echo "Mock cluster at $brokers\n";

$php = PHP_BINARY;
$extension = getenv('RDKAFKA_RS_EXTENSION');
$phpArgs = $extension ? ['-d', "extension=$extension"] : [];
$env = getenv() + ['KAFKA_BROKERS' => $brokers, 'KAFKA_MAX_MESSAGES' => '10', 'KAFKA_GROUP_ID' => 'example-' . getmypid()];
$env['KAFKA_BROKERS'] = $brokers;

foreach (['producer.php', 'consumer.php'] as $script) {
    echo "== $script\n";
    $process = proc_open(array_merge([$php], $phpArgs, [__DIR__ . "/$script"]), [1 => STDOUT, 2 => STDERR], $pipes, null, $env);
    $status = proc_close($process);
    if ($status !== 0) {
        fwrite(STDERR, "$script failed with exit code $status\n");
        exit(1);
    }
}
echo "Examples ran against the mock cluster.\n";
