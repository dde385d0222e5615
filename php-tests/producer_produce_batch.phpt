--TEST--
ProducerTopic::produceBatch(): many messages in one call with payload, key, headers, timestamp, opaque and partition; returns how many were queued; bad items, a full queue and oversized messages get an RdKafka\Exception in $errors under their key while the others are delivered; RD_KAFKA_MSG_F_BLOCK waits for room instead
--FILE--
<?php
require __DIR__ . '/inc/helpers.inc';
$topicName = unique_name('batch');
[$brokers, $cluster] = test_brokers([$topicName => 2]);
$conf = producer_conf($brokers);
$conf->set('queue.buffering.max.messages', '4');
$delivered = [];
$conf->setDrMsgCb(function ($producer, RdKafka\Message $message) use (&$delivered) {
    $delivered[] = $message->err ? rd_kafka_err2name($message->err) : sprintf('%s/%d key=%s headers=%s ts=%d opaque=%s',
        $message->payload, $message->partition, $message->key ?? '-', json_encode($message->headers ?? []), $message->timestamp, $message->opaque ?? '-');
});
$producer = new RdKafka\Producer($conf);
$topic = $producer->newTopic($topicName);

echo "-- fields, bad items, a full queue\n";
$queued = $topic->produceBatch([
    ['payload' => 'a', 'key' => 'k1', 'partition' => 0, 'opaque' => 'op-a'],
    ['payload' => 'b', 'headers' => ['trace' => 't1'], 'timestamp' => 1700000000000, 'partition' => 1],
    'not an array',
    ['payload' => ['nested']],
    'named' => ['payload' => 'c', 'partition' => 0],
    ['payload' => 'd', 'partition' => -5],
    ['payload' => 'e', 'partition' => 1],
    ['payload' => 'f', 'partition' => 1],
], 0, $errors);
echo "queued: $queued\n";
foreach ($errors as $index => $error) {
    echo "errors[$index]: ", get_class($error), ' ', rd_kafka_err2name($error->getCode()), ': ', strtok($error->getMessage(), '('), "\n";
}
$producer->flush(10000);
sort($delivered);
echo implode("\n", $delivered), "\n";
// Delivery reports from the mock cluster carry its LogAppendTime; the stored message keeps ours.
$reader = new RdKafka\KafkaConsumer(consumer_conf($brokers, unique_name('g')));
$reader->assign([new RdKafka\TopicPartition($topicName, 1, 0)]);
echo 'stored timestamp of b: ', consume_n($reader, 1)[0]->timestamp ?? 'none', "\n";
$reader->close();

echo "-- RD_KAFKA_MSG_F_BLOCK: waits for room, all queued\n";
$delivered = [];
$messages = array_map(fn ($i) => ['payload' => "m$i", 'partition' => $i % 2], range(1, 50));
$errors = 'untouched';
echo 'queued: ', $topic->produceBatch($messages, RD_KAFKA_MSG_F_BLOCK, $errors), ', errors: ', json_encode($errors), "\n";
$producer->flush(10000);
echo 'delivered: ', count($delivered), "\n";

echo "-- a message over message.max.bytes fails alone\n";
echo 'queued: ', $topic->produceBatch([['payload' => str_repeat('x', 2000000)], ['payload' => 'small']], RD_KAFKA_MSG_F_BLOCK, $errors), "\n";
echo 'errors[0]: ', rd_kafka_err2name($errors[0]->getCode()), "\n";
$producer->flush(10000);

echo "-- without \$errors, and empty\n";
var_dump($topic->produceBatch([['payload' => 'solo']]), $topic->produceBatch([]));
$producer->flush(10000);

echo "-- a dr_msg_cb that throws while a blocked batch waits\n";
$conf->setDrMsgCb(function () { throw new RuntimeException('from dr_msg_cb'); });
$throwing = new RdKafka\Producer($conf);
$throwingTopic = $throwing->newTopic($topicName);
try {
    $throwingTopic->produceBatch(array_map(fn ($i) => ['payload' => "x$i"], range(1, 20)), RD_KAFKA_MSG_F_BLOCK);
} catch (RuntimeException $e) {
    echo 'caught: ', $e->getMessage(), "\n";
}
echo 'still usable: ', $throwingTopic->produceBatch([['payload' => 'after']], RD_KAFKA_MSG_F_BLOCK) === 1 ? 'yes' : 'no', "\n";
$conf->setDrMsgCb(fn () => null);
$throwing->purge(RD_KAFKA_PURGE_F_QUEUE);

echo "-- bad flags\n";
try {
    $topic->produceBatch([], 12345);
} catch (InvalidArgumentException $e) {
    echo $e->getMessage(), "\n";
}
?>
--EXPECTF--
-- fields, bad items, a full queue
queued: 4
errors[2]: RdKafka\Exception _INVALID_ARG: message 2 must be an array, string given
errors[3]: RdKafka\Exception _INVALID_ARG: message 3: "payload" must be a string or null, array given
errors[4]: RdKafka\Exception _INVALID_ARG: message 4: out of range value '-5' for "partition"
errors[6]: RdKafka\Exception _QUEUE_FULL: Local: Queue full 
a/0 key=k1 headers=[] ts=%d opaque=op-a
b/1 key=- headers={"trace":"t1"} ts=%d opaque=-
c/0 key=- headers=[] ts=%d opaque=-
e/1 key=- headers=[] ts=%d opaque=-
stored timestamp of b: 1700000000000
-- RD_KAFKA_MSG_F_BLOCK: waits for room, all queued
queued: 50, errors: []
delivered: 50
-- a message over message.max.bytes fails alone
queued: 1
errors[0]: MSG_SIZE_TOO_LARGE
-- without $errors, and empty
int(1)
int(0)
-- a dr_msg_cb that throws while a blocked batch waits
caught: from dr_msg_cb
still usable: yes
-- bad flags
Invalid value '12345' for $msgflags: use 0 or RD_KAFKA_MSG_F_BLOCK
