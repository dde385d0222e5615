--TEST--
Callbacks: log_cb and stats_cb run inside poll(); offset_commit_cb and stats_cb run inside consume(), all with php-rdkafka's arguments
--FILE--
<?php
require __DIR__ . '/inc/helpers.inc';
$topicName = unique_name('cbs');
[$brokers, $cluster] = test_brokers([$topicName => 1]);

$conf = producer_conf($brokers);
$conf->set('debug', 'msg');
$conf->set('statistics.interval.ms', '100');
$logs = $stats = [];
$conf->setLogCb(function ($kafka, $level, $facility, $message) use (&$logs) {
    $logs[] = [get_class($kafka), is_int($level), is_string($facility) && $facility !== '', is_string($message)];
});
$conf->setStatsCb(function ($kafka, $json, $jsonLength) use (&$stats) {
    $stats[] = [get_class($kafka), json_decode($json, true)['type'] ?? null, strlen($json) === $jsonLength];
});
$producer = new RdKafka\Producer($conf);
$producer->newTopic($topicName)->produce(0, 0, 'x');
$deadline = microtime(true) + 10;
while ((!$logs || !$stats || $producer->getOutQLen() > 0) && microtime(true) < $deadline) {
    $producer->poll(50);
}
var_dump($logs[0] ?? 'no log', $stats[0] ?? 'no stats');

$conf = consumer_conf($brokers, unique_name('g'));
$conf->set('statistics.interval.ms', '100');
$commits = $consumerStats = [];
$conf->setOffsetCommitCb(function ($kafka, $err, $partitions) use (&$commits) {
    $commits[] = [get_class($kafka), $err, array_map(fn ($tp) => $tp->getOffset(), $partitions)];
});
$conf->setStatsCb(function ($kafka, $json) use (&$consumerStats) {
    $consumerStats[] = json_decode($json, true)['type'] ?? null;
});
$consumer = new RdKafka\KafkaConsumer($conf);
$consumer->assign([new RdKafka\TopicPartition($topicName, 0, RD_KAFKA_OFFSET_BEGINNING)]);
$message = consume_n($consumer, 1)[0];
$consumer->commitAsync($message);
$deadline = microtime(true) + 10;
while ((!$commits || !$consumerStats) && microtime(true) < $deadline) {
    $consumer->consume(50);
}
var_dump($commits[0] ?? 'no commit callback', $consumerStats[0] ?? 'no stats');
$consumer->close();
?>
--EXPECT--
array(4) {
  [0]=>
  string(16) "RdKafka\Producer"
  [1]=>
  bool(true)
  [2]=>
  bool(true)
  [3]=>
  bool(true)
}
array(3) {
  [0]=>
  string(16) "RdKafka\Producer"
  [1]=>
  string(8) "producer"
  [2]=>
  bool(true)
}
array(3) {
  [0]=>
  string(21) "RdKafka\KafkaConsumer"
  [1]=>
  int(0)
  [2]=>
  array(1) {
    [0]=>
    int(1)
  }
}
string(8) "consumer"
