--TEST--
KafkaConsumer: with enable.partition.eof=true, the end of a partition is a Message with err = RD_KAFKA_RESP_ERR__PARTITION_EOF, its topic, partition and offset
--FILE--
<?php
require __DIR__ . '/inc/helpers.inc';
$topicName = unique_name('eof');
[$brokers, $cluster] = test_brokers([$topicName => 1]);
produce_all($brokers, $topicName, ['only']);
$conf = consumer_conf($brokers, unique_name('g'));
$conf->set('enable.partition.eof', 'true');
$consumer = new RdKafka\KafkaConsumer($conf);
$consumer->assign([new RdKafka\TopicPartition($topicName, 0, RD_KAFKA_OFFSET_BEGINNING)]);
$deadline = microtime(true) + 20;
while (microtime(true) < $deadline) {
    $message = $consumer->consume(500);
    if ($message->err === RD_KAFKA_RESP_ERR_NO_ERROR) {
        echo "message: {$message->payload}\n";
    } elseif ($message->err === RD_KAFKA_RESP_ERR__PARTITION_EOF) {
        var_dump($message->topic_name === $topicName, $message->partition, $message->offset, $message->errstr(), $message->timestamp);
        break;
    }
}
$consumer->close();
?>
--EXPECT--
message: only
bool(true)
int(0)
int(1)
string(24) "Broker: No more messages"
int(-1)
