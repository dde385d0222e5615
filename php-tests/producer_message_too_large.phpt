--TEST--
A message over message.max.bytes: produce()/producev() throw RdKafka\Exception with RD_KAFKA_RESP_ERR_MSG_SIZE_TOO_LARGE and librdkafka's message, also when the in-flight bound is full or the message is larger than the whole bound (before, those got QUEUE_FULL and advice to raise queue.buffering.max.kbytes); the messages before and after it are delivered, nothing else is affected
--FILE--
<?php
require __DIR__ . '/inc/helpers.inc';
$topicName = unique_name('large');
[$brokers, $cluster] = test_brokers([$topicName => 1]);
$conf = producer_conf($brokers);
$conf->set('message.max.bytes', '100000');
$delivered = [];
$conf->setDrMsgCb(function ($producer, RdKafka\Message $message) use (&$delivered) {
    $delivered[] = $message->err ? rd_kafka_err2name($message->err) : $message->payload;
});
$producer = new RdKafka\Producer($conf);
$topic = $producer->newTopic($topicName);
$topic->produce(0, 0, 'before');
foreach (['produce' => fn () => $topic->produce(0, 0, str_repeat('x', 200000)),
          'producev' => fn () => $topic->producev(0, 0, str_repeat('x', 200000), 'key', ['h' => 'v'])] as $call => $run) {
    try {
        $run();
        echo "$call: no error\n";
    } catch (RdKafka\Exception $e) {
        echo "$call: ", get_class($e), ' ', rd_kafka_err2name($e->getCode()), ': ', $e->getMessage(), "\n";
    }
}
$topic->produce(0, 0, 'after');
echo 'flush: ', rd_kafka_err2name($producer->flush(10000)), "\n";

// The bound full (one message in flight to a broker that never answers), and a
// message larger than the whole bound (16 MiB by default): librdkafka's size error all the same.
$conf = producer_conf('127.0.0.1:1');
$conf->set('log_level', '0');
$conf->set('message.max.bytes', '100000');
$conf->set('queue.buffering.max.messages', '1');
$stuck = new RdKafka\Producer($conf);
$stuckTopic = $stuck->newTopic($topicName);
$stuckTopic->produce(0, 0, 'waits');
foreach (['bound full' => [200000, 0], 'larger than the bound' => [17 << 20, RD_KAFKA_MSG_F_BLOCK]] as $case => [$size, $flags]) {
    try {
        $stuckTopic->produce(0, $flags, str_repeat('x', $size));
        echo "$case: no error\n";
    } catch (RdKafka\Exception $e) {
        echo "$case: ", rd_kafka_err2name($e->getCode()), "\n";
    }
}
$stuck->purge(RD_KAFKA_PURGE_F_QUEUE);
unset($stuckTopic, $stuck);

echo 'flush: ', rd_kafka_err2name($producer->flush(10000)), ', out queue: ', $producer->getOutQLen(), "\n";
echo 'delivered: ', implode(', ', $delivered), "\n";
?>
--EXPECT--
produce: RdKafka\Exception MSG_SIZE_TOO_LARGE: Broker: Message size too large
producev: RdKafka\Exception MSG_SIZE_TOO_LARGE: Broker: Message size too large
flush: NO_ERROR
bound full: MSG_SIZE_TOO_LARGE
larger than the bound: MSG_SIZE_TOO_LARGE
flush: NO_ERROR, out queue: 0
delivered: before, after
