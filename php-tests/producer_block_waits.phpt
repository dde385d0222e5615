--TEST--
Producer: RD_KAFKA_MSG_F_BLOCK on a full queue waits for room, running dr_msg_cb meanwhile, and every message is delivered
--FILE--
<?php
require __DIR__ . '/inc/helpers.inc';
$topic_name = unique_name('block');
[$brokers, $cluster] = test_brokers([$topic_name => 2]);

foreach (['with dr_msg_cb' => true, 'without dr_msg_cb' => false] as $label => $with_callback) {
    $conf = producer_conf($brokers);
    $conf->set('queue.buffering.max.messages', '5');
    $delivered = 0;
    $delivered_before_flush = 0;
    if ($with_callback) {
        $conf->setDrMsgCb(function (RdKafka\Producer $producer, RdKafka\Message $message) use (&$delivered) {
            if ($message->err === RD_KAFKA_RESP_ERR_NO_ERROR) {
                $delivered++;
            }
        });
    }
    $producer = new RdKafka\Producer($conf);
    $topic = $producer->newTopic($topic_name);
    for ($i = 0; $i < 300; $i++) {
        $topic->produce(RD_KAFKA_PARTITION_UA, RD_KAFKA_MSG_F_BLOCK, "message $i", $label);
    }
    $delivered_before_flush = $delivered;
    $flushed = $producer->flush(10000);
    echo "$label: flush ", $flushed === RD_KAFKA_RESP_ERR_NO_ERROR ? 'NO_ERROR' : $flushed, ", getOutQLen ", $producer->getOutQLen(), "\n";
    if ($with_callback) {
        echo "  delivered $delivered; reports served while produce() waited: ", $delivered_before_flush >= 290 ? 'yes' : "no ($delivered_before_flush)", "\n";
    }
}

echo "-- an exception thrown by dr_msg_cb while produce() waits propagates, and the message is not queued\n";
$conf = producer_conf($brokers);
$conf->set('queue.buffering.max.messages', '2');
$conf->setDrMsgCb(function () {
    throw new RuntimeException('dr_msg_cb failed');
});
$producer = new RdKafka\Producer($conf);
$topic = $producer->newTopic($topic_name);
$topic->produce(RD_KAFKA_PARTITION_UA, 0, 'a');
$topic->produce(RD_KAFKA_PARTITION_UA, 0, 'b');
try {
    $topic->produce(RD_KAFKA_PARTITION_UA, RD_KAFKA_MSG_F_BLOCK, 'c');
    echo "no exception\n";
} catch (RuntimeException $e) {
    echo get_class($e), ": ", $e->getMessage(), "\n";
}

echo "-- the messages are on the broker\n";
print_r(count_by_key($brokers, $topic_name, 2, 600 + 2));
?>
--EXPECT--
with dr_msg_cb: flush NO_ERROR, getOutQLen 0
  delivered 300; reports served while produce() waited: yes
without dr_msg_cb: flush NO_ERROR, getOutQLen 0
-- an exception thrown by dr_msg_cb while produce() waits propagates, and the message is not queued
RuntimeException: dr_msg_cb failed
-- the messages are on the broker
Array
(
    [] => 2
    [with dr_msg_cb] => 300
    [without dr_msg_cb] => 300
)
