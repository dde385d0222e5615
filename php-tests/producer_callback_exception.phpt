--TEST--
Producer: an exception thrown in the dr_msg_cb leaves poll(), and the producer keeps working
--FILE--
<?php
require __DIR__ . '/inc/helpers.inc';
$topicName = unique_name('cbex');
[$brokers, $cluster] = test_brokers([$topicName => 1]);
$conf = producer_conf($brokers);
$seen = 0;
$conf->setDrMsgCb(function ($kafka, $message) use (&$seen) {
    $seen++;
    if ($message->payload === 'boom') {
        throw new RuntimeException('callback failed for ' . $message->payload);
    }
});
$producer = new RdKafka\Producer($conf);
$topic = $producer->newTopic($topicName);
$topic->produce(0, 0, 'boom');
try {
    while ($producer->getOutQLen() > 0) {
        $producer->poll(50);
    }
    echo "no exception\n";
} catch (RuntimeException $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
$topic->produce(0, 0, 'fine');
var_dump($producer->flush(10000));
var_dump($seen);
?>
--EXPECT--
RuntimeException: callback failed for boom
int(0)
int(2)
