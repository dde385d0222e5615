--TEST--
A message over message.max.bytes: produce()/producev() throw RdKafka\Exception with RD_KAFKA_RESP_ERR_MSG_SIZE_TOO_LARGE and librdkafka's message; the messages before and after it are delivered, nothing else is affected
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
echo 'flush: ', rd_kafka_err2name($producer->flush(10000)), ', out queue: ', $producer->getOutQLen(), "\n";
echo 'delivered: ', implode(', ', $delivered), "\n";
?>
--EXPECT--
produce: RdKafka\Exception MSG_SIZE_TOO_LARGE: Broker: Message size too large
producev: RdKafka\Exception MSG_SIZE_TOO_LARGE: Broker: Message size too large
flush: NO_ERROR, out queue: 0
delivered: before, after
