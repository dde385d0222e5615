--TEST--
Scalar arguments are converted as in PHP's weak mode, like php-rdkafka: numeric strings for ints, ints for strings; non-numeric strings stay a TypeError
--FILE--
<?php
require __DIR__ . '/inc/helpers.inc';
$topicName = unique_name('weak');
[$brokers, $cluster] = test_brokers([$topicName => 1]);
$conf = producer_conf($brokers);
$conf->set('client.id', 5);
$conf->set('linger.ms', 10);
var_dump($conf->dump()['client.id'], $conf->dump()['queue.buffering.max.ms']);
$producer = new RdKafka\Producer($conf);
$topic = $producer->newTopic($topicName);
$topic->produce('0', '0', 123, 456);
var_dump($producer->poll('0') >= 0, $producer->flush('5000'));
var_dump(rd_kafka_err2str('-185'), rd_kafka_offset_tail('3'));
$tp = new RdKafka\TopicPartition($topicName, '0', '0');
var_dump($tp->setOffset('0')->getOffset(), $tp->getPartition());
$consumer = new RdKafka\KafkaConsumer(consumer_conf($brokers, unique_name('g')));
$consumer->subscribe([1]);
var_dump($consumer->getSubscription());
$consumer->unsubscribe();
$consumer->assign([$tp]);
$deadline = microtime(true) + 20;
do {
    $message = $consumer->consume('500');
} while ($message->err !== RD_KAFKA_RESP_ERR_NO_ERROR && microtime(true) < $deadline);
var_dump($message->payload, $message->key);
foreach ([fn () => $consumer->consume('soon'), fn () => $conf->set('client.id', ['x']), fn () => new RdKafka\TopicPartition('t', 'one')] as $call) {
    try {
        $call();
    } catch (TypeError $e) {
        echo "TypeError\n";
    }
}
$consumer->close();
?>
--EXPECT--
string(1) "5"
string(2) "10"
bool(true)
int(0)
string(16) "Local: Timed out"
int(-2003)
int(0)
int(0)
array(1) {
  [0]=>
  string(1) "1"
}
string(3) "123"
string(3) "456"
TypeError
TypeError
TypeError
