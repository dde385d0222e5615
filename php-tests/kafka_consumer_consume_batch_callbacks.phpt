--TEST--
KafkaConsumer::consumeBatch() never runs a callback while it holds messages PHP has not received: a stats callback firing every 5 ms, which throws now and then, sees the consumer's position where PHP's last message left it, and no message is skipped although the group commits as it goes
--FILE--
<?php
require __DIR__ . '/inc/helpers.inc';
const MESSAGES = 50000;
$topicName = unique_name('cbatch-cb');
[$brokers, $cluster] = test_brokers([$topicName => 1]);
produce_all($brokers, $topicName, array_map(fn ($i) => "m$i", range(0, MESSAGES - 1)), 0);

$group = unique_name('g');
$conf = consumer_conf($brokers, $group);
$conf->set('statistics.interval.ms', '5');
$conf->set('auto.commit.interval.ms', '50');
$next = 0;          // the offset after the last message PHP received
$callbacks = 0;
$ran_while_holding = 0;
$conf->setStatsCb(function (RdKafka\KafkaConsumer $consumer) use ($topicName, &$next, &$callbacks, &$ran_while_holding) {
    $callbacks++;
    // librdkafka's position moves when a message is taken: past $next, a batch holds messages.
    $position = $consumer->getOffsetPositions([new RdKafka\TopicPartition($topicName, 0)])[0]->getOffset();
    if ($next > 0 && $position > $next) {
        $ran_while_holding++;
    }
    if ($callbacks % 3 === 0) {
        throw new RuntimeException('from the stats callback');
    }
});
$consumer = new RdKafka\KafkaConsumer($conf);
$consumer->assign([new RdKafka\TopicPartition($topicName, 0, RD_KAFKA_OFFSET_STORED)]);
$thrown = $gaps = 0;
for ($deadline = microtime(true) + 60; $next < MESSAGES && microtime(true) < $deadline;) {
    try {
        foreach ($consumer->consumeBatch(1000, 5000) as $message) {
            if ($message->err === RD_KAFKA_RESP_ERR_NO_ERROR) {
                $gaps += (int) ($message->offset !== $next);
                $next = $message->offset + 1;
            }
        }
    } catch (RuntimeException $e) {
        $thrown++;
    }
}
echo "callbacks ran: ", $callbacks > 10 ? 'many' : $callbacks, "; threw: ", $thrown > 0 ? 'some' : 'never', "\n";
echo "callbacks that ran while a batch held messages: $ran_while_holding\n";
echo "received up to offset ", $next - 1, ", gaps: $gaps\n";
$consumer->close(); // commits what the auto-commit has not yet (commit() would throw "no offset stored" if it had)
$check = new RdKafka\KafkaConsumer(consumer_conf($brokers, $group));
echo "committed: ", $check->getCommittedOffsets([new RdKafka\TopicPartition($topicName, 0)], 10000)[0]->getOffset(), "\n";
$check->close();
?>
--EXPECT--
callbacks ran: many; threw: some
callbacks that ran while a batch held messages: 0
received up to offset 49999, gaps: 0
committed: 50000
