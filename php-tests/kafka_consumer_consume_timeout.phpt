--TEST--
KafkaConsumer: consume() with nothing to read returns a Message with err = RD_KAFKA_RESP_ERR__TIMED_OUT
--FILE--
<?php
require __DIR__ . '/inc/helpers.inc';
$topicName = unique_name('empty');
[$brokers, $cluster] = test_brokers([$topicName => 1]);
$consumer = new RdKafka\KafkaConsumer(consumer_conf($brokers, unique_name('g')));
$consumer->assign([new RdKafka\TopicPartition($topicName, 0, RD_KAFKA_OFFSET_END)]);
$start = microtime(true);
$message = $consumer->consume(300);
$elapsed = microtime(true) - $start;
var_dump($message instanceof RdKafka\Message);
var_dump($message->err === RD_KAFKA_RESP_ERR__TIMED_OUT);
var_dump($message->errstr());
var_dump($message->payload, $message->topic_name);
var_dump($elapsed >= 0.25);
$consumer->close();
?>
--EXPECT--
bool(true)
bool(true)
string(16) "Local: Timed out"
NULL
NULL
bool(true)
