--TEST--
ProducerTopic keeps its Producer alive: messages produced through a topic whose Producer variable is gone are still delivered
--FILE--
<?php
require __DIR__ . '/inc/helpers.inc';
$topicName = unique_name('orphan');
[$brokers, $cluster] = test_brokers([$topicName => 1]);
$delivered = 0;
$conf = producer_conf($brokers);
$conf->setDrMsgCb(function ($kafka, $message) use (&$delivered) {
    $delivered += $message->err === RD_KAFKA_RESP_ERR_NO_ERROR ? 1 : 0;
});
$topic = (new RdKafka\Producer($conf))->newTopic($topicName);
for ($i = 0; $i < 5; $i++) {
    $topic->produce(0, 0, "m$i");
}
unset($topic); // the last reference to the Producer: its destructor flushes
$consumer = new RdKafka\KafkaConsumer(consumer_conf($brokers, unique_name('g')));
$consumer->assign([new RdKafka\TopicPartition($topicName, 0, RD_KAFKA_OFFSET_BEGINNING)]);
echo implode(',', array_map(fn ($m) => $m->payload, consume_n($consumer, 5))), "\n";
$consumer->close();
?>
--EXPECT--
m0,m1,m2,m3,m4
