--TEST--
Producer: a producer destroyed with messages outstanding delivers them first (php-rdkafka purges them)
--FILE--
<?php
require __DIR__ . '/inc/helpers.inc';
$topic_name = unique_name('destroy');
[$brokers, $cluster] = test_brokers([$topic_name => 1]);

$conf = producer_conf($brokers);
// Nothing is sent before the destructor runs: batches wait up to 10 s.
$conf->set('linger.ms', '10000');
$producer = new RdKafka\Producer($conf);
$topic = $producer->newTopic($topic_name);
for ($i = 0; $i < 5000; $i++) {
    $topic->produce(0, 0, "message $i", 'destroyed');
}
echo "outstanding before unset: ", $producer->getOutQLen(), "\n";
$started = microtime(true);
unset($topic, $producer);
echo "unset returned\n";
print_r(count_by_key($brokers, $topic_name, 1, 5000));
?>
--EXPECT--
outstanding before unset: 5000
unset returned
Array
(
    [destroyed] => 5000
)
