--TEST--
RdKafka\ConsumerTopic::consumeCallback() serves what the partition holds when the first message arrives, as librdkafka's rd_kafka_consume_callback() (and so php-rdkafka) does: messages that arrive while it runs wait for the next call, so a steady stream cannot keep the script inside one call (before, the call ran until the stream paused); a partition that is not being consumed returns -1, as in php-rdkafka
--FILE--
<?php
require __DIR__ . '/inc/helpers.inc';
$topicName = unique_name('callback');
[$brokers, $cluster] = test_brokers([$topicName => 4]);
produce_all($brokers, $topicName, ['m0', 'm1', 'm2', 'm3', 'm4'], 0);

$conf = producer_conf($brokers);
$conf->set('fetch.wait.max.ms', '10');
$consumer = new RdKafka\Consumer($conf);
$topic = $consumer->newTopic($topicName);
echo 'never started: ', $topic->consumeCallback(3, 100, fn () => null), "\n";

$topic->consumeStart(0, RD_KAFKA_OFFSET_BEGINNING);
// Until all five are fetched: the first call then finds them queued together.
for ($deadline = microtime(true) + 10; ($first = $topic->consume(0, 100)) === null && microtime(true) < $deadline;);
echo "first: {$first->payload}\n";
usleep(500 * 1000);

// Each callback produces one more message and waits until the consumer has fetched it,
// like a stream that never pauses.
$stream = new RdKafka\Producer(producer_conf($brokers));
$streamTopic = $stream->newTopic($topicName);
$produced = 0;
$seen = [];
$onMessage = function (RdKafka\Message $message) use (&$seen, &$produced, $streamTopic, $stream) {
    $seen[] = $message->payload;
    if ($produced < 20) {
        $streamTopic->produce(0, 0, 's' . $produced++);
        $stream->flush(5000);
        usleep(100 * 1000);
    }
};
echo 'first call: ', $topic->consumeCallback(0, 1000, $onMessage), ' (', implode(',', $seen), ")\n";
$seen = [];
echo 'second call: ', $topic->consumeCallback(0, 1000, $onMessage), ' (', implode(',', array_slice($seen, 0, 4)), ")\n";
$topic->consumeStop(0);
?>
--EXPECTF--
never started: -1
first: m0
first call: 4 (m1,m2,m3,m4)
second call: %d (s0,s1,s2,s3)
