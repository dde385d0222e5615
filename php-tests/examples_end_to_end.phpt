--TEST--
Examples: examples/producer.php in one process, then examples/consumer.php in another, print all ten messages in order
--FILE--
<?php
$cluster = new RdKafka\Mock\Cluster(1);
$cluster->createTopic('test', 1);
$env = getenv();
$env['KAFKA_BROKERS'] = $cluster->getBootstraps();
$env['KAFKA_MAX_MESSAGES'] = '10';
$env['KAFKA_GROUP_ID'] = 'examples-' . getmypid();
$php = getenv('TEST_PHP_EXECUTABLE') ?: PHP_BINARY;
$args = [];
$extension = getenv('RDKAFKA_RS_EXTENSION');
if ($extension) {
    $args = ['-n', '-d', 'extension=' . $extension];
}
$run = function (string $script) use ($php, $args, $env): string {
    $process = proc_open(array_merge([$php], $args, [__DIR__ . '/../examples/' . $script]), [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes, null, $env);
    $out = stream_get_contents($pipes[1]);
    $err = stream_get_contents($pipes[2]);
    $status = proc_close($process);
    echo "$script exit $status\n";
    if ($status !== 0) {
        echo $err;
    }
    return $out;
};
$run('producer.php');
$output = $run('consumer.php');
preg_match_all('/string\(\d+\) "(Message \d+)"/', $output, $matches);
echo implode("\n", $matches[1]), "\n";
var_dump(str_contains($output, 'Assign: '), str_contains($output, 'Revoke: '));
?>
--EXPECT--
producer.php exit 0
consumer.php exit 0
Message 0
Message 1
Message 2
Message 3
Message 4
Message 5
Message 6
Message 7
Message 8
Message 9
bool(true)
bool(true)
