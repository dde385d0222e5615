--TEST--
Arrays whose string keys are not UTF-8 (PHP allows any bytes, and php-rdkafka accepts them) work everywhere an array is taken: offsetsForTimes(), pausePartitions(), assign(), subscribe(), produceBatch() (its $errors keep the key) and producev() headers, whose names travel as bytes and come back from the broker unchanged (before: "Internal error in rdkafka-rs (please report it): Invalid array key!", and consumed header names were mangled)
--FILE--
<?php
require __DIR__ . '/inc/helpers.inc';
$topicName = unique_name('keys');
[$brokers, $cluster] = test_brokers([$topicName => 1]);
$binary = "\xff\xfe";

$producer = new RdKafka\Producer(producer_conf($brokers));
$topic = $producer->newTopic($topicName);
echo 'offsetsForTimes: ', count($producer->offsetsForTimes([$binary => new RdKafka\TopicPartition($topicName, 0, 0)], 5000)), " result(s)\n";
echo 'pausePartitions: ', count($producer->pausePartitions([$binary => new RdKafka\TopicPartition($topicName, 0)])), " result(s)\n";
$producer->resumePartitions([$binary => new RdKafka\TopicPartition($topicName, 0)]);

$queued = $topic->produceBatch([$binary => ['payload' => 'from a binary key'], "\xfa" => ['payload' => []]], 0, $errors);
echo "produceBatch: $queued queued; errors under key ", bin2hex(array_key_first($errors)), ': ', get_class($errors["\xfa"]), "\n";
$topic->producev(0, 0, 'with headers', null, [$binary => 'binary name', 'plain' => 'ascii', 7 => 'an int key is skipped']);
echo 'flush: ', rd_kafka_err2name($producer->flush(10000)), "\n";

$consumer = new RdKafka\KafkaConsumer(consumer_conf($brokers, unique_name('g')));
$consumer->assign([$binary => new RdKafka\TopicPartition($topicName, 0, RD_KAFKA_OFFSET_BEGINNING)]);
foreach (consume_n($consumer, 2) as $message) {
    echo "read: {$message->payload}";
    foreach ($message->headers as $name => $value) {
        echo '; header ', bin2hex((string) $name), " = $value";
    }
    echo "\n";
}
try {
    $consumer->subscribe([$binary => ['not a topic name']]);
} catch (TypeError $e) {
    echo "subscribe: TypeError\n";
}
$consumer->close();
?>
--EXPECT--
offsetsForTimes: 1 result(s)
pausePartitions: 1 result(s)
produceBatch: 1 queued; errors under key fa: RdKafka\Exception
flush: NO_ERROR
read: from a binary key
read: with headers; header fffe = binary name; header 706c61696e = ascii
subscribe: TypeError
