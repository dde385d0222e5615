--TEST--
Producer: produce()/producev() are delivered; the dr_msg_cb sees payload, key, headers, timestamp and opaque; a null header value is sent as "", as php-rdkafka sends it
--FILE--
<?php
require __DIR__ . '/inc/helpers.inc';
$topicName = unique_name('dr');
[$brokers, $cluster] = test_brokers([$topicName => 1]);
$conf = producer_conf($brokers);
$reports = [];
$conf->setDrMsgCb(function ($kafka, $message) use (&$reports) {
    $reports[] = [get_class($kafka), $message->err, $message->topic_name === null ? null : 'topic',
        $message->payload === 'plain' ? ($message->partition >= 0 ? 'any' : $message->partition) : $message->partition,
        $message->payload, $message->len, $message->key, $message->headers, $message->opaque, $message->offset >= 0,
        $message->timestamp];
});
$producer = new RdKafka\Producer($conf);
$topic = $producer->newTopic($topicName);
var_dump($topic->getName() === $topicName);
$topic->produce(RD_KAFKA_PARTITION_UA, 0, "plain");
$topic->produce(0, 0, "keyed", "key-1", "opaque-1");
$topic->producev(0, 0, "with headers", "key-2", ['trace' => 'abc', 'empty' => null], 1700000000000, "opaque-2");
$topic->produce(0, 0, "\x00binary\xff");
$topic->produce(0, 0);
var_dump($producer->getOutQLen() > 0, $producer->outqLen() === $producer->getOutQLen());
while ($producer->getOutQLen() > 0) {
    $producer->poll(50);
}
var_dump($producer->flush(1000));
var_dump($producer->getOutQLen());
$lines = [];
foreach ($reports as $report) {
    [$class, $err, $topic, $partition, $payload, $len, $key, $headers, $opaque, $offsetOk] = $report;
    $lines[] = json_encode([$class, $err, $topic, $partition, $payload === null ? null : bin2hex($payload), $len, $key, $headers, $opaque, $offsetOk])
        . ' ' . (is_int($report[10]) ? 'ts-set' : 'ts-null');
}
// Reports are ordered within a partition only; the partitioner may pick another one for the first message.
sort($lines);
echo implode("\n", $lines), "\n";
$consumer = new RdKafka\KafkaConsumer(consumer_conf($brokers, unique_name('g')));
$consumer->assign([new RdKafka\TopicPartition($topicName, 0, RD_KAFKA_OFFSET_BEGINNING)]);
foreach (consume_n($consumer, 5) as $message) {
    if ($message->payload === 'with headers') {
        var_dump($message->timestamp, $message->headers);
    }
}
?>
--EXPECTF--
bool(true)

Deprecated: Method RdKafka\Producer::outqLen() is deprecated in %s on line 21
bool(true)
bool(true)
int(0)
int(0)
["RdKafka\\Producer",0,"topic","any","706c61696e",5,null,[],null,true] ts-set
["RdKafka\\Producer",0,"topic",0,"0062696e617279ff",8,null,[],null,true] ts-set
["RdKafka\\Producer",0,"topic",0,"6b65796564",5,"key-1",[],"opaque-1",true] ts-set
["RdKafka\\Producer",0,"topic",0,"776974682068656164657273",12,"key-2",{"trace":"abc","empty":""},"opaque-2",true] ts-set
["RdKafka\\Producer",0,"topic",0,null,null,null,[],null,true] ts-null
int(1700000000000)
array(2) {
  ["trace"]=>
  string(3) "abc"
  ["empty"]=>
  string(0) ""
}
