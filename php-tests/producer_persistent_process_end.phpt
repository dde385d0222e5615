--TEST--
Producer with rdkafka_rs.persistent: messages still in flight on parked handles are delivered when the process ends (module shutdown), and what cannot be is reported in PHP's error log
--FILE--
<?php
require __DIR__ . '/inc/helpers.inc';
$topic_name = unique_name('persistent-end');
[$brokers, $cluster] = test_brokers([$topic_name => 2]);

$script = <<<'PHP'
<?php
$conf = new RdKafka\Conf();
$conf->set('metadata.broker.list', $argv[1]);
$conf->set('rdkafka_rs.persistent', 'worker');
$conf->set('linger.ms', '500'); // still in flight when the request ends
$conf->set('log_level', '0');
$producer = new RdKafka\Producer($conf);
$topic = $producer->newTopic($argv[2]);
for ($i = 0; $i < 100; $i++) {
    $topic->produce(0, 0, "message $i", "end"); // partition 0: a real broker may auto-create other counts
}
unset($topic, $producer);
$stats = RdKafka\Engine::stats();
echo "parked with {$stats['persistent_in_flight']} in flight\n";
PHP;
$file = tempnam(sys_get_temp_dir(), 'rdkafka-rs-persistent-');
file_put_contents($file, $script);
$ini = ['rdkafka_rs.request_flush_ms' => '0', 'rdkafka_rs.shutdown_flush_ms' => '1000'];

$process = proc_open(array_merge(php_command($ini), [$file, $brokers, $topic_name]), [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes);
echo "reachable: ", trim(stream_get_contents($pipes[1])), "; stderr: ", trim(stream_get_contents($pipes[2])) ?: 'nothing', "; exit ", proc_close($process), "\n";
print_r(count_by_key($brokers, $topic_name, 1, 100));

$process = proc_open(array_merge(php_command($ini), [$file, '127.0.0.1:1', $topic_name]), [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes);
echo "unreachable: ", trim(stream_get_contents($pipes[1])), "; stderr: ", trim(stream_get_contents($pipes[2])), "; exit ", proc_close($process), "\n";
unlink($file);
?>
--EXPECT--
reachable: parked with 100 in flight; stderr: nothing; exit 0
Array
(
    [end] => 100
)
unreachable: parked with 100 in flight; stderr: rdkafka-rs: 100 message(s) of persistent producers could not be delivered within rdkafka_rs.shutdown_flush_ms when the process ended, and are lost; raise rdkafka_rs.shutdown_flush_ms; exit 0
