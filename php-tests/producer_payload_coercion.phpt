--TEST--
ProducerTopic: like php-rdkafka in PHP's weak mode, int/float/bool/Stringable payloads, keys and header values become strings; arrays are a TypeError; integer-keyed header entries are skipped (php-rdkafka stops reading at the first one)
--FILE--
<?php
require __DIR__ . '/inc/helpers.inc';
$topicName = unique_name('coerce');
[$brokers, $cluster] = test_brokers([$topicName => 1]);
class OrderId { public function __toString(): string { return 'order-7'; } }
$producer = new RdKafka\Producer(producer_conf($brokers));
$topic = $producer->newTopic($topicName);
$topic->produce(0, 0, 42, 7);
$topic->produce(0, 0, 1.5, true);
$topic->producev(0, 0, new OrderId(), null, ['attempt' => 3, 'no-name', 5 => 'x']);
try {
    $topic->produce(0, 0, ['not', 'a', 'string']);
} catch (TypeError $e) {
    echo "array payload: TypeError\n";
}
var_dump($producer->flush(10000));
$consumer = new RdKafka\KafkaConsumer(consumer_conf($brokers, unique_name('g')));
$consumer->assign([new RdKafka\TopicPartition($topicName, 0, RD_KAFKA_OFFSET_BEGINNING)]);
foreach (consume_n($consumer, 3) as $message) {
    echo json_encode([$message->payload, $message->key, $message->headers]), "\n";
}
$consumer->close();
?>
--EXPECT--
array payload: TypeError
int(0)
["42","7",[]]
["1.5","1",[]]
["order-7",null,{"attempt":"3"}]
