--TEST--
Producer::poll(0) alone serves every event: with a dr_msg_cb, a loop of poll(0) calls (never a poll with a timeout, never flush()) sees every delivery report, round after round; without callbacks, poll(0) itself serves and counts the events. (poll(0) skips librdkafka until it signals that an event arrived: this pins that the signal comes.)
--FILE--
<?php
require __DIR__ . '/inc/helpers.inc';
$topicName = unique_name('poll0');
[$brokers, $cluster] = test_brokers([$topicName => 2]);

// poll(0) until `$done` or 30 s (a bail-out for a broken build, not a timing check).
function poll_zero_until(RdKafka\Producer $producer, callable $done): int
{
    $served = 0;
    $deadline = microtime(true) + 30;
    while (!$done() && microtime(true) < $deadline) {
        $served += $producer->poll(0);
        usleep(1000);
    }
    return $served;
}

// With a dr_msg_cb. While the script keeps polling, the engine thread leaves these
// reports to it, so they can only arrive through poll(0).
$conf = producer_conf($brokers);
$delivered = 0;
$conf->setDrMsgCb(function ($kafka, $message) use (&$delivered) {
    $delivered += $message->err === RD_KAFKA_RESP_ERR_NO_ERROR ? 1 : 0;
});
$producer = new RdKafka\Producer($conf);
$topic = $producer->newTopic($topicName);
for ($round = 1; $round <= 3; $round++) {
    for ($i = 0; $i < 100; $i++) {
        $topic->produce(RD_KAFKA_PARTITION_UA, 0, "m$round-$i");
    }
    // A closure with a reference: an arrow function would see $delivered as it was.
    poll_zero_until($producer, function () use (&$delivered, $round) {
        return $delivered >= 100 * $round;
    });
    echo "round $round: $delivered delivered, out queue ", $producer->getOutQLen(), "\n";
}

// Without callbacks: the reports are dropped where they are served; poll(0) counts them.
$plain = new RdKafka\Producer(producer_conf($brokers));
$plainTopic = $plain->newTopic($topicName);
for ($i = 0; $i < 100; $i++) {
    $plainTopic->produce(RD_KAFKA_PARTITION_UA, 0, "p$i");
}
$served = poll_zero_until($plain, fn () => $plain->getOutQLen() === 0);
echo "no callback: out queue ", $plain->getOutQLen(), ", served by poll(0): ", $served > 0 ? 'yes' : 'no', "\n";
?>
--EXPECT--
round 1: 100 delivered, out queue 0
round 2: 200 delivered, out queue 0
round 3: 300 delivered, out queue 0
no callback: out queue 0, served by poll(0): yes
